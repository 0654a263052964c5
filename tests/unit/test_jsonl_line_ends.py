"""JSONL text typed on Windows (CR LF) or old Macs (CR): stored with LF, spans moved with it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers.paths import ROOT

from annotator.cli import main
from annotator.core.model import ImportedDocument
from annotator.core.schema import load_schema
from annotator.formats.jsonl import read_jsonl

SCHEMA = load_schema()
DOCCANO = ROOT / "tests" / "data" / "doccano"


def covered(doc: ImportedDocument) -> list[tuple[str, str]]:
    return [(s.label, doc.text[s.start : s.end]) for s in doc.spans]


def write(tmp_path: Path, *objs: dict[str, Any]) -> Path:
    path = tmp_path / "w.jsonl"
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs),
                    encoding="utf-8")
    return path


def at(text: str, part: str, label: str, **more: Any) -> dict[str, Any]:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "label": label, **more}


def test_doccano_crlf_text_is_stored_with_lf_and_every_span_moves() -> None:
    [doc] = read_jsonl(DOCCANO / "relations-crlf.jsonl", SCHEMA)
    assert "\r" not in doc.text
    assert doc.text.count("\n") == 2
    assert covered(doc) == [("PER", "بوتين"), ("GPE", "موسكو"), ("GPE", "مينسك")]
    [warning] = doc.warnings
    assert "relations-crlf.jsonl" in warning and "1 line(s)" in warning
    assert "2 CR LF" in warning and "2 span(s) moved" in warning


def test_lone_cr_and_crlf_mixed_with_diacritics_tatweel_bidi_and_emoji(tmp_path: Path) -> None:
    raw = "قالَ بوتيـــن 👍\r\u200fفي موسكو\r\n«السلامُ ممكن» (Putin) ١٢"
    spans = [at(raw, "بوتيـــن", "PER"), at(raw, "موسكو", "GPE"),
             at(raw, "«السلامُ ممكن»", "QUOTE", layer="quote"), at(raw, "Putin", "PER")]
    [doc] = read_jsonl(write(tmp_path, {"text": raw, "spans": spans}), SCHEMA)
    assert doc.text == raw.replace("\r\n", "\n").replace("\r", "\n")
    assert covered(doc) == [("PER", "بوتيـــن"), ("GPE", "موسكو"),
                            ("QUOTE", "«السلامُ ممكن»"), ("PER", "Putin")]
    assert "1 lone CR" in doc.warnings[0] and "1 CR LF" in doc.warnings[0]


def test_a_span_taking_in_the_cr_of_a_pair_ends_at_the_line_break(tmp_path: Path) -> None:
    raw = "بوتين\r\nموسكو"
    [doc] = read_jsonl(write(tmp_path, {"text": raw, "spans": [
        {"start": 0, "end": 6, "label": "PER"}, {"start": 7, "end": 12, "label": "GPE"}]}), SCHEMA)
    # the first span took the CR in: the CR is gone, the span ends where the line does
    assert [(s.start, s.end) for s in doc.spans] == [(0, 5), (6, 11)]
    assert covered(doc)[1] == ("GPE", "موسكو")


def test_prodigy_crlf_moves_tokens_and_spans(tmp_path: Path) -> None:
    raw = "قال\r\nبوتين"
    tokens = [{"text": "قال", "start": 0, "end": 3, "id": 0, "ws": False},
              {"text": "\r\n", "start": 3, "end": 5, "id": 1, "ws": False},
              {"text": "بوتين", "start": 5, "end": 10, "id": 2, "ws": False}]
    path = write(tmp_path, {"text": raw, "tokens": tokens, "answer": "accept",
                            "spans": [{"token_start": 2, "token_end": 2, "label": "PER",
                                       "text": "بوتين"}]})
    [doc] = read_jsonl(path, SCHEMA)
    assert covered(doc) == [("PER", "بوتين")] and doc.spans[0].start == 4


def test_a_sha256_of_the_text_with_lf_is_accepted(tmp_path: Path) -> None:
    from annotator.core.model import text_sha256

    raw = "قال بوتين\r\nفي موسكو"
    path = write(tmp_path, {"text": raw, "sha256": text_sha256(raw.replace("\r\n", "\n")),
                            "spans": [at(raw, "موسكو", "GPE")]})
    [doc] = read_jsonl(path, SCHEMA)
    assert covered(doc) == [("GPE", "موسكو")]


def test_cli_imports_crlf_text_and_says_how_many_were_normalised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.sqlite3")
    assert main(["import", "--db", db, str(DOCCANO / "relations-crlf.jsonl")]) == 0
    out, err = capsys.readouterr()
    assert "imported 1 document(s), 3 span(s)" in out
    assert "annotator: warning: " in err and "2 CR LF" in err
