"""A JSONL import writes its span rows many documents at a time and gives spans without a uuid
one made a line at a time (``formats.ids``): neither may change what is stored."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from annotator.formats.ids import fresh_uuids
from annotator.storage import importing
from annotator.workspace import Workspace
from annotator.workspace.importing import import_paths

TEXT = "قال بوتين: «سنرد» في موسكو"
PER = {"start": 4, "end": 9, "label": "PER"}
QUOTE = {"start": 11, "end": 17, "label": "QUOTE", "attributes": {"direct": "direct"}}


def is_v4(value: str) -> bool:
    parsed = uuid.UUID(value)
    return parsed.version == 4 and parsed.variant == uuid.RFC_4122 and str(parsed) == value


def jsonl(tmp_path: Path, objs: list[dict[str, object]]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in objs), "utf-8")
    return path


def test_fresh_uuids_are_distinct_canonical_version_4() -> None:
    made = fresh_uuids(5000)
    assert len(made) == 5000 and len(set(made)) == 5000
    assert all(is_v4(u) for u in made)
    assert fresh_uuids(0) == []


def test_spans_without_a_uuid_get_distinct_version_4_ones(
    tmp_path: Path, workspace: Workspace
) -> None:
    lines: list[dict[str, object]] = [
        {"text": f"{TEXT} {i}", "spans": [PER, {**PER, "label": "ORG"}, {**PER, "uuid": ""}]}
        for i in range(50)
    ]
    report = import_paths(workspace, [jsonl(tmp_path, lines)])
    # the same extent and label twice on a line: the second is not stored again
    assert (report.spans_added, report.spans_skipped) == (100, 50)
    with workspace.engine.connect() as conn:
        stored = conn.execute(sql("SELECT uuid FROM span")).scalars().all()
    assert len(stored) == 100 and len(set(stored)) == 100
    assert all(is_v4(u) for u in stored)


@pytest.mark.parametrize("flush_rows", [1, 3, 100_000])
def test_rows_written_in_batches_are_stored_as_one_at_a_time(
    tmp_path: Path, workspace: Workspace, monkeypatch: pytest.MonkeyPatch, flush_rows: int
) -> None:
    """Whatever the batch: spans get ids in file order, a text met again later in the same
    import sees the spans of its first line (none doubled), and its link goes to them."""
    monkeypatch.setattr(importing, "FLUSH_ROWS", flush_rows)
    fillers: list[dict[str, object]] = [
        {"text": f"نص رقم {i} هنا", "spans": [{"start": 0, "end": 2, "label": "LOC"},
                                              {"start": 3, "end": 6, "label": "MISC"}]}
        for i in range(4)
    ]
    again: dict[str, object] = {
        "text": TEXT, "spans": [PER, QUOTE],
        "relations": [{"kind": "speaker", "head": 1, "tail": 0}],
    }
    path = jsonl(tmp_path, [{"text": TEXT, "spans": [PER]}, *fillers, again])
    report = import_paths(workspace, [path])
    assert (report.spans_added, report.spans_skipped, report.relations_added) == (10, 1, 1)
    assert len(report.added) == 5 and len(report.already_present) == 1
    with workspace.engine.connect() as conn:
        order = conn.execute(sql('SELECT document_id, start, label FROM span ORDER BY id')).all()
        per, quote = conn.execute(sql(
            "SELECT (SELECT uuid FROM span WHERE label = 'PER'),"
            " (SELECT uuid FROM span WHERE label = 'QUOTE')"
        )).one()
        link = conn.execute(sql("SELECT head_uuid, tail_uuid FROM relation")).one()
    first = order[0][0]
    assert [tuple(r) for r in order] == [
        (first, 4, "PER"),
        *[(first + 1 + i, start, label) for i in range(4)
          for start, label in ((0, "LOC"), (3, "MISC"))],
        (first, 11, "QUOTE"),
    ]
    assert tuple(link) == (quote, per)
