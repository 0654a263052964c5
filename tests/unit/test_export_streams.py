"""Export reads one document at a time, and writes exactly the bytes of an export that read
every document first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import Span
from annotator.core.schema import resources_path
from annotator.storage import export_read
from annotator.storage.repository import Repository
from annotator.workspace import Workspace
from annotator.workspace.exporting import (
    ExportOptions,
    export,
    gather_documents,
    stored_documents,
    write_export,
)
from annotator.workspace.importing import import_paths

AQMAR = Path(__file__).resolve().parents[3] / "shared" / "data" / "aqmar"
# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji before spans
ODD = "\u200fقالت منظمةُ الصحـــة 😀 إن Moscow Times نشرت عام ٢٠٢٤ خبرًا عن بوتين."


@pytest.fixture
def ws(tmp_path: Path, db_path: Path) -> Workspace:
    ws = Workspace.open(str(db_path), "tester")
    odd = tmp_path / "odd.jsonl"
    spans = [
        {"start": ODD.index("منظمةُ"), "end": ODD.index(" 😀"), "label": "ORG"},
        {"start": ODD.index("Moscow"), "end": ODD.index(" نشرت"), "label": "ORG"},
        {"start": ODD.index("بوتين"), "end": ODD.index("."), "label": "PER"},
    ]
    odd.write_text(json.dumps({"text": ODD, "spans": spans}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    import_paths(ws, sorted(AQMAR.glob("*.txt"))[:3], fmt="conll",
                 map_tags=resources_path("tagmaps/aqmar.map"))
    import_paths(ws, [odd])
    assert len(ws.repo.spans(ws.repo.list_documents()[0].id)) > 10  # real entities, not text
    return ws


def read_all(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {p.relative_to(path).as_posix(): p.read_bytes()
                for p in sorted(path.rglob("*")) if p.is_file()}
    return {"": path.read_bytes()}


@pytest.mark.parametrize("fmt", ["conll", "conllu", "jsonl", "brat", "label-studio",
                                 "label-studio-min", "webanno"])
def test_a_streamed_export_is_byte_identical(ws: Workspace, tmp_path: Path, fmt: str) -> None:
    layers = tuple(ws.schema.layer_names) if fmt != "conll" else ("entity",)
    streamed, gathered = tmp_path / f"streamed.{fmt}", tmp_path / f"gathered.{fmt}"
    report, _ = export(ws, fmt, streamed, layers=layers)
    options = ExportOptions(layers=layers, schema=ws.schema)
    write_export(fmt, gather_documents(ws, ws.annotator, None, layers), gathered, options)
    assert read_all(streamed) == read_all(gathered)
    assert len(read_all(streamed)) >= 1 and all(read_all(streamed).values())
    assert report.summary() is not None


def test_documents_are_read_when_the_writer_reaches_them(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []
    read = export_read.read_document

    def counted(repo: Repository, doc_id: int, *args: Any) -> export_read.StoredDocument:
        reads.append(doc_id)
        return read(repo, doc_id, *args)

    monkeypatch.setattr(export_read, "read_document", counted)
    docs = stored_documents(ws, ws.annotator)
    assert len(docs) == 4 and reads == []
    first = next(iter(docs))
    assert reads == [ws.repo.list_documents()[0].id]  # one document read, not the corpus
    assert first.name == ws.repo.list_documents()[0].name
    assert [d.name for d in docs] == [row.name for row in ws.repo.list_documents()]
    assert len(reads) == 5


def test_a_missing_document_is_refused_before_anything_is_written(ws: Workspace) -> None:
    from annotator.core.errors import AnnotatorError

    with pytest.raises(AnnotatorError, match="no document named 'nope'"):
        stored_documents(ws, ws.annotator, ["nope"])


def test_the_export_reads_the_spans_the_repository_gives(ws: Workspace) -> None:
    # spans sharing a start (the longer first, then by id), one with attributes, two layers:
    # the export's own reading must give exactly what Repository.spans gives, in its order
    repo = ws.repo
    doc = repo.list_documents()[0]
    text = repo.document_text(doc.id)
    start = text.index(" ") + 1
    added = [
        Span(start, start + 2, "entity", "ORG"),
        Span(start, start + 9, "entity", "LOC"),
        Span(start, start + 2, "entity", "PER", attributes={"kind": "x"}),
        Span(start, start + 5, "quote", "QUOTE"),
    ]
    assert export_read.read_document(repo, doc.id, ws.annotator).provenance == {}
    repo.insert_spans(doc.id, added[:3])
    repo.insert_spans(doc.id, added[3:], provenance={"model": "m1"})  # the one with an origin
    expected = repo.spans(doc.id, ws.annotator)
    assert {s.uuid for s in added} <= {s.uuid for s in expected}
    stored = export_read.read_document(repo, doc.id, ws.annotator)
    assert stored.spans == expected
    assert stored.provenance == {added[3].uuid: {"model": "m1"}}
    assert stored.text == text
    assert export_read.read_document(repo, doc.id, ws.annotator, {"entity"}).provenance == {}
    entity = export_read.read_document(repo, doc.id, ws.annotator, {"entity"}).spans
    assert entity == [s for s in expected if s.layer == "entity"]
    assert export_read.read_document(repo, doc.id, "nobody").spans == []
