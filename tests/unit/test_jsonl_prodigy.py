"""Prodigy's JSONL (``prodigy db-out``): accepted answers only, token spans, relations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers.paths import ROOT

from annotator.cli import main
from annotator.core.errors import InputError
from annotator.core.model import ImportedDocument
from annotator.core.schema import load_schema
from annotator.formats.jsonl import read_jsonl

SCHEMA = load_schema()
PRODIGY = ROOT / "tests" / "data" / "prodigy"
TEXT = "قال بوتين: «السلام ممكن» 👍"
# tokens as spaCy would give them (Prodigy stores them with each task)
TOKENS = [
    {"text": "قال", "start": 0, "end": 3, "id": 0, "ws": True},
    {"text": "بوتين", "start": 4, "end": 9, "id": 1, "ws": False},
    {"text": ":", "start": 9, "end": 10, "id": 2, "ws": True},
    {"text": "«", "start": 11, "end": 12, "id": 3, "ws": False},
    {"text": "السلام", "start": 12, "end": 18, "id": 4, "ws": True},
    {"text": "ممكن", "start": 19, "end": 23, "id": 5, "ws": False},
    {"text": "»", "start": 23, "end": 24, "id": 6, "ws": True},
    {"text": "👍", "start": 25, "end": 26, "id": 7, "ws": False},
]
PER = {"start": 4, "end": 9, "token_start": 1, "token_end": 1, "label": "PER"}
QUOTE = {"start": 11, "end": 24, "token_start": 3, "token_end": 6, "label": "QUOTE"}


def covered(doc: ImportedDocument) -> list[tuple[str, str]]:
    return [(s.label, doc.text[s.start : s.end]) for s in doc.spans]


def write(tmp_path: Path, *tasks: dict[str, Any]) -> Path:
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in tasks), encoding="utf-8")
    return path


def task(**fields: Any) -> dict[str, Any]:
    return {"text": TEXT, "tokens": TOKENS, "_view_id": "relations", "answer": "accept", **fields}


def speaker_map(tmp_path: Path) -> Path:
    path = tmp_path / "rel.map"
    path.write_text("SPEAKER\tspeaker\n", encoding="utf-8")
    return path


def test_only_accepted_answers_come_in_and_the_rest_are_counted() -> None:
    docs = read_jsonl(PRODIGY / "ner-manual.jsonl", SCHEMA)
    assert len(docs) == 2
    assert covered(docs[0]) == [("PER", "فلاديمير بوتين"), ("GPE", "موسكو")]
    # the second task's GPE span carries only token_start/token_end: read through its tokens
    assert covered(docs[1]) == [("PER", "لوكاشينكو"), ("GPE", "بيلاروسيا")]
    assert any("1 rejected" in w and "1 ignored" in w for w in docs[0].warnings)


def test_relations_are_read_through_their_spans(tmp_path: Path) -> None:
    docs = read_jsonl(PRODIGY / "rel-manual.jsonl", SCHEMA, map_relations=speaker_map(tmp_path))
    [doc] = docs  # the second annotator's answer was rejected
    [rel] = doc.relations
    by_uuid = {s.uuid: s for s in doc.spans}
    assert rel.kind == "speaker"
    assert doc.text[by_uuid[rel.head].start : by_uuid[rel.head].end] == "«المحادثاتِ كانت مثمرة»"
    assert doc.text[by_uuid[rel.tail].start : by_uuid[rel.tail].end] == "فلاديمير بوتين"


def test_relation_by_token_indices_alone_finds_the_span_holding_the_token(tmp_path: Path) -> None:
    path = write(tmp_path, task(spans=[PER, QUOTE],
                                relations=[{"head": 6, "child": 1, "label": "SPEAKER"}]))
    [doc] = read_jsonl(path, SCHEMA, map_relations=speaker_map(tmp_path))
    [rel] = doc.relations
    assert (rel.head, rel.tail) == (doc.spans[1].uuid, doc.spans[0].uuid)


def test_token_only_spans_are_read_through_the_tokens(tmp_path: Path) -> None:
    path = write(tmp_path, task(spans=[{"token_start": 3, "token_end": 6, "label": "QUOTE"}]))
    [doc] = read_jsonl(path, SCHEMA)
    assert covered(doc) == [("QUOTE", "«السلام ممكن»")]


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"answer": "maybe"}, "'answer' is 'maybe'"),
        ({"spans": [{"token_start": 3, "token_end": 12, "label": "QUOTE"}]}, "no token 12"),
        ({"spans": [PER | {"end": 10}]}, "span 0: characters \\[4, 10\\) are not its tokens"),
        ({"spans": [PER | {"text": "قال"}]}, "span 0: its 'text' 'قال' is not"),
        ({"spans": [PER, QUOTE], "relations": [{"head": 6, "child": 0, "label": "SPEAKER"}]},
         "relation 0: child token 0 .* is in no span"),
        ({"spans": [PER], "relations": [{"head": 1, "label": "SPEAKER"}]},
         "relation 0 needs head and child"),
    ],
)
def test_prodigy_lines_that_cannot_be_read_are_refused(
    tmp_path: Path, fields: dict[str, Any], why: str
) -> None:
    path = write(tmp_path, task(**fields))
    with pytest.raises(InputError, match=rf"p\.jsonl:1: .*{why}"):
        read_jsonl(path, SCHEMA, map_relations=speaker_map(tmp_path))


def test_a_file_with_no_accepted_answer_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, task(answer="reject"), task(answer="ignore"))
    with pytest.raises(InputError, match=r"no accepted .*1 rejected, 1 ignored"):
        read_jsonl(path, SCHEMA)


def test_cli_imports_accepted_answers_and_reports_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.sqlite3")
    assert main(["import", "--db", db, str(PRODIGY / "ner-manual.jsonl")]) == 0
    out, err = capsys.readouterr()
    assert "imported 2 document(s), 4 span(s), 0 link(s)" in out
    assert "1 rejected" in err and "1 ignored" in err
    other = str(tmp_path / "other.sqlite3")
    assert main(["import", "--db", other, "--map-relations", str(speaker_map(tmp_path)),
                 str(PRODIGY / "rel-manual.jsonl")]) == 0
    out, err = capsys.readouterr()
    assert "imported 1 document(s), 3 span(s), 1 link(s)" in out and "1 rejected" in err


def test_format_prodigy_refuses_a_doccano_line_and_format_doccano_a_prodigy_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.sqlite3")
    doccano = str(ROOT / "tests" / "data" / "doccano" / "sequence-all.jsonl")
    assert main(["import", "--db", db, "--format", "prodigy", doccano]) == 1
    assert f"{doccano}:1: this line is a doccano line, not prodigy" in capsys.readouterr().err
    tasks = str(PRODIGY / "ner-manual.jsonl")
    assert main(["import", "--db", db, "--format", "doccano", tasks]) == 1
    assert f"{tasks}:1: this line is a prodigy line, not doccano" in capsys.readouterr().err
    assert main(["import", "--db", db, "--format", "prodigy", tasks]) == 0
    assert "imported 2 document(s), 4 span(s)" in capsys.readouterr().out
