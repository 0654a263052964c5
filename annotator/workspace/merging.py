"""Merging a colleague's work: another database of ours (file or URL) or our JSONL export.

Reading the other side never writes to it (``storage.merge_read``); what is read is merged
through the workspace's door as one command, in one transaction (``storage.merge`` holds the
matching rules: documents by text hash, spans by UUID, ours never overwritten).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import STATUSES, Relation
from annotator.core.schema import Schema
from annotator.formats.jsonl import read_jsonl
from annotator.storage.merge import MergeReport, SourceDocument, SourceSpan, merge_documents
from annotator.storage.merge_read import read_database_file, read_database_url
from annotator.workspace.importing import checked
from annotator.workspace.workspace import Workspace

Progress = Callable[[int, int], None]
EXPORT_SUFFIXES = (".jsonl", ".json", ".ndjson")

__all__ = ["MergeReport", "merge", "read_export", "read_source"]


def read_source(source: str, schema: Schema) -> list[SourceDocument]:
    """A database file or URL, or a JSONL export (by its extension), every row checked as an
    import checks its input (``core.invariants``): the first bad one refuses the whole merge,
    naming the source, the table and row or the line, and the reason."""
    if "://" in source:
        return read_database_url(source, schema)
    path = Path(source)
    if not path.exists():
        raise InputError(source, "no such file")
    if path.suffix.lower() in EXPORT_SUFFIXES:
        return read_export(path, schema)
    return read_database_file(path, schema)


def read_export(path: Path, schema: Schema) -> list[SourceDocument]:
    """Our JSONL export: spans without an annotator belong to the line's ``annotator``.

    Read as an import reads it (the reader and ``importing.checked`` refuse what ``check``
    would flag)."""
    out = []
    for doc in checked(path, read_jsonl(path, schema), schema):
        owner = doc.annotator or ""
        src = SourceDocument(doc.name, doc.text, doc.meta)
        src.spans = [
            SourceSpan.of(s.with_changes(annotator=s.annotator or owner)) for s in doc.spans
        ]
        src.relations = [
            Relation(r.kind, r.head, r.tail, r.uuid, r.annotator or owner) for r in doc.relations
        ]
        if doc.status in STATUSES and owner:
            src.statuses[owner] = doc.status
        out.append(src)
    return out


def merge(
    ws: Workspace, docs: Sequence[SourceDocument], progress: Progress | None = None
) -> MergeReport:
    """Add the other side's documents and work to ours in one transaction (merging again
    changes nothing)."""
    return ws.write_in_bulk("merge", lambda repo: merge_documents(repo, docs, progress))
