#!/usr/bin/env python3
"""Check a hand-made gold file against the cleaned text it describes.

usage: check_gold.py GOLD.json CLEAN.txt [--fix-mentions]

CLEAN.txt is the article's cleaned body (what `reader extract --json` gives as "text"). The check:
every alias and every metric surface occurs in the text, metric fields have the schema's types, and
each entity's `mentions` equals a leftmost-longest count of all aliases of all entities (the
counting rule of ../shared/eval/seeds/README.md). --fix-mentions writes the counted numbers back.
"""
import json
import sys
from pathlib import Path

UNITS = {"CNY", "USD", "HKD", "EUR", "JPY", "GBP", "TWD", "KRW", "%", "times", "users", "followers",
         "people", "merchants", "brands", "items", "orders", "stores", "creators", "downloads", "other", "count"}
KINDS = {"actual", "forecast", "target", "other"}
TYPES = {"person", "org", "product", "place"}


def leftmost_longest(text, surfaces):
    """surface -> count, scanning left to right and taking the longest alias at each position."""
    counts = {s: 0 for s in surfaces}
    ordered = sorted(surfaces, key=len, reverse=True)
    i = 0
    while i < len(text):
        for s in ordered:
            if s and text.startswith(s, i):
                counts[s] += 1
                i += len(s)
                break
        else:
            i += 1
    return counts


def main():
    gold_path, text_path = Path(sys.argv[1]), Path(sys.argv[2])
    fix = "--fix-mentions" in sys.argv
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = text_path.read_text(encoding="utf-8")
    if "----- body -----\n" in text:
        text = text.split("----- body -----\n", 1)[1]
    problems = []
    owner = {}
    for e in gold["entities"]:
        if not set(e["types"]) <= TYPES or not e["types"]:
            problems.append(f"entity {e['name']}: types {e['types']}")
        for a in e["aliases"]:
            if a in owner and owner[a] != e["name"]:
                problems.append(f"alias {a} belongs to {owner[a]} and {e['name']}")
            owner[a] = e["name"]
            if a not in text:
                problems.append(f"entity {e['name']}: alias {a!r} not in text")
    counts = leftmost_longest(text, list(owner))
    for e in gold["entities"]:
        n = sum(counts[a] for a in e["aliases"])
        if n != e.get("mentions"):
            problems.append(f"entity {e['name']}: mentions {e.get('mentions')} but counted {n}")
            if fix:
                e["mentions"] = n
    for ne in gold.get("not_entities", []):
        if ne not in text:
            problems.append(f"not_entity {ne!r} not in text")
    pos = 0
    for m in gold["metrics"]:
        s = m["surface"]
        at = text.find(s, pos)
        if at < 0:
            at = text.find(s)
            problems.append(f"metric {s!r}: " + ("out of text order" if at >= 0 else "not in text"))
        else:
            pos = at
        if m["unit"] not in UNITS:
            problems.append(f"metric {s!r}: unit {m['unit']!r}")
        if m["kind"] not in KINDS:
            problems.append(f"metric {s!r}: kind {m['kind']!r}")
        if not isinstance(m["value"], (int, float)):
            problems.append(f"metric {s!r}: value {m['value']!r}")
        if m.get("subject") and m["subject"] not in {e["name"] for e in gold["entities"]}:
            problems.append(f"metric {s!r}: subject {m['subject']!r} is not an entity's canonical name (ok only if deliberate)")
    if fix:
        gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("\n".join(problems) or "ok")
    print(f"{len(gold['entities'])} entities ({sum(e['core'] for e in gold['entities'])} core), {len(gold['metrics'])} metrics")


if __name__ == "__main__":
    main()
