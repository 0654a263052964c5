"""JSONL lines whose annotations we cannot read, or whose attributes the schema does not allow,
are refused with file and line: never stored as bare text or with a value nobody chose."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main
from annotator.core.errors import InputError
from annotator.core.schema import load_schema
from annotator.formats.jsonl import read_jsonl

SCHEMA = load_schema()
TEXT = "قال بوتين: «السلام ممكن»"
QUOTE = {"start": 11, "end": 24, "label": "QUOTE", "layer": "quote"}


def write(tmp_path: Path, *objs: dict[str, Any]) -> Path:
    path = tmp_path / "x.jsonl"
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("annotations", [{"result": [{"value": {"start": 4, "end": 9, "labels": ["PER"]}}]}]),
        ("result", [{"value": {"start": 4, "end": 9, "labels": ["PER"]}}]),
        ("entities", {"PER": ["بوتين"]}),
        ("entities", [[4, 9]]),
        ("label", "NEWS"),
        ("labels", ["PER"]),
        ("ner_tags", [0, 1, 0]),
        ("cats", {"NEWS": 1.0}),
    ],
)
def test_annotation_keys_we_cannot_read_are_refused_by_name(
    tmp_path: Path, key: str, value: object
) -> None:
    path = write(tmp_path, {"text": "نص أول", "spans": []}, {"text": TEXT, key: value})
    with pytest.raises(InputError, match=rf"x\.jsonl:2: .*'{key}'"):
        read_jsonl(path, SCHEMA)


@pytest.mark.parametrize("empty", [[], {}, None, ""])
def test_empty_annotation_keys_are_plain_text(tmp_path: Path, empty: object) -> None:
    [doc] = read_jsonl(write(tmp_path, {"text": TEXT, "annotations": empty}), SCHEMA)
    assert doc.spans == []


@pytest.mark.parametrize(
    ("attributes", "why"),
    [
        ({"direct": True}, "'direct' is true, not one of direct, indirect"),
        ({"direct": "maybe"}, "'direct' is \"maybe\", not one of direct, indirect"),
        ({"direct": ["direct"]}, "'direct' is \\[\"direct\"\\], not one of"),
    ],
)
def test_attributes_outside_the_schema_are_refused(
    tmp_path: Path, attributes: dict[str, object], why: str
) -> None:
    path = write(tmp_path, {"text": TEXT, "spans": [QUOTE | {"attributes": attributes}]})
    with pytest.raises(InputError, match=rf"x\.jsonl:1: span 0: .*{why}"):
        read_jsonl(path, SCHEMA)


def test_attributes_in_the_schema_are_read_and_others_kept_as_they_came(tmp_path: Path) -> None:
    quote = QUOTE | {"attributes": {"direct": "indirect", "certainty": "high"}}
    path = write(tmp_path, {"text": TEXT, "spans": [quote]})
    [doc] = read_jsonl(path, SCHEMA)
    assert doc.spans[0].attributes == {"direct": "indirect", "certainty": "high"}


def test_cli_refuses_unread_annotations_and_bad_attributes_with_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.sqlite3")
    path = write(tmp_path, {"text": TEXT, "result": [{"value": {"start": 4, "end": 9}}]})
    assert main(["import", "--db", db, str(path)]) == 1
    err = capsys.readouterr().err
    assert f"annotator: error: {path}:1: " in err and "'result'" in err
    path = write(tmp_path, {"text": TEXT, "spans": [QUOTE | {"attributes": {"direct": True}}]})
    assert main(["import", "--db", db, str(path)]) == 1
    err = capsys.readouterr().err
    assert f"annotator: error: {path}:1: " in err and "'direct' is true" in err
    assert "Traceback" not in err


# --- the same rule for brat's attribute lines -----------------------------------------------


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("A1\tdirect T1", "'direct' is true, not one of direct, indirect"),  # binary: no value
        ("A1\tdirect T1 yes", "'direct' is \"yes\""),
    ],
)
def test_brat_attributes_outside_the_schema_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, why: str
) -> None:
    (tmp_path / "q.txt").write_text(TEXT, encoding="utf-8")
    ann = tmp_path / "q.ann"
    ann.write_text(f"T1\tQUOTE 11 24\t«السلام ممكن»\n{line}\n", encoding="utf-8")
    db = str(tmp_path / "db.sqlite3")
    assert main(["import", "--db", db, str(ann)]) == 1
    err = capsys.readouterr().err
    assert f"annotator: error: {ann}:2: A1: " in err and why in err
