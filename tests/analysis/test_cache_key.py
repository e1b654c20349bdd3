"""The analysis cache key changes whenever what reads an article changes: a resource file, or the
code of reader/analysis and reader/ingest (an upgrade that reads figures differently must not show
a library's old reading from the cache)."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader
from reader.analysis import pipeline


def test_the_cache_key_follows_the_code_that_reads_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "reader"
    (package / "analysis").mkdir(parents=True)
    (package / "ingest").mkdir()
    (package / "__init__.py").write_text("")
    rule = package / "analysis" / "figure_rules.py"
    rule.write_text("FALL = 'positive'\n")
    monkeypatch.setattr(reader, "__file__", str(package / "__init__.py"))
    before = pipeline.resources_fingerprint()
    assert pipeline.resources_fingerprint() == before  # stable while nothing changes
    rule.write_text("FALL = 'negative'\n")
    assert pipeline.resources_fingerprint() != before
    ui = package / "ui.py"
    ui.write_text("x = 1\n")  # code that does not read articles is no part of the key
    changed = pipeline.resources_fingerprint()
    ui.write_text("x = 2\n")
    assert pipeline.resources_fingerprint() == changed
