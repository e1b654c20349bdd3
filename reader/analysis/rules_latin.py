"""The rules that find names written in Latin letters: an organisation word at the end (Blue
Lotus Capital Advisors), a descriptor or job title next to the name (研究公司AgencyChina,
Helo应用), and a capitalised name the article writes twice or puts in its title. Each is a
function of the ``Rules`` and the ``Scan``; ``rules._RULES`` lists them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.model import EntityType
from reader.analysis.rule_scan import STRONG, WEAK, Scan

if TYPE_CHECKING:
    from reader.analysis.rules import Rules


def latin_org(rules: Rules, scan: Scan) -> None:
    """Latin organisation names: "Blue Lotus Capital Advisors", "Home Shopping Network"."""
    for m in rules.latin_org.finditer(scan.text):
        scan.add(m.start(1), m.end(1), EntityType.ORG, "latin-org", STRONG)


def latin_descriptor(rules: Rules, scan: Scan) -> None:
    """A Latin name after or before a descriptor: "研究公司AgencyChina", "Helo应用"; before a
    job title, its employer: "Grubhub CEO"."""
    text, add, words = scan.text, scan.add, rules.words
    for m in rules.latin_name.finditer(text):
        name = m.group(1)
        if name.lower() in words.latin_stoplist or len(name) < 3:
            continue
        before = rules.descriptor_before.search(text, max(0, m.start() - 6), m.start())
        after = rules.descriptor_after.match(text, m.end())
        title = rules.title_after.match(text, m.end())
        if before is not None:
            add(m.start(), m.end(), words.descriptors[before.group(0)], "descriptor", STRONG)
        elif after is not None and title is None:
            add(m.start(), m.end(), words.descriptors[after.group(0)], "descriptor", STRONG)
        elif title is not None:
            add(m.start(), m.end(), EntityType.ORG, "employer", STRONG)


def latin_repeated(rules: Rules, scan: Scan) -> None:
    """Latin names the article itself vouches for: a capitalised name written twice or more
    (BitTiger, Grubhub), or once if the title names it too (「ShowMeBug」获融资)."""
    found: dict[str, list[re.Match[str]]] = {}
    for m in rules.latin_name.finditer(scan.text):
        name = m.group(1)
        if len(name) < 3 or name.lower() in rules.words.latin_stoplist or name.isupper():
            continue
        if len(name) <= 5 and sum(c.isupper() for c in name) >= 2:
            continue  # IoT, SaaS, AIoT: terms written like acronyms, not names
        found.setdefault(name, []).append(m)
    in_title = {m.group(1) for m in rules.latin_name.finditer(scan.title)} if scan.title else set()
    for name, matches in found.items():
        strength = STRONG if name in in_title else WEAK
        for m in matches:
            scan.add(m.start(1), m.end(1), EntityType.ORG, "latin-repeat", strength)
