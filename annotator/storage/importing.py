"""Storing read documents: all of one command's input in one transaction, or nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from sqlalchemy import Connection

from annotator.core.model import ImportedDocument, Span
from annotator.storage.merge_insert import large_cache
from annotator.storage.repository import Repository
from annotator.storage.tables import insert_span_rows


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)
    spans_added: int = 0
    spans_skipped: int = 0  # already in the database (same UUID, or same annotator+extent+label)
    relations_added: int = 0
    doc_ids: list[int] = field(default_factory=list)  # one per imported document, in order
    added_ids: list[int] = field(default_factory=list)  # the documents this import created
    warnings: list[str] = field(default_factory=list)


# span rows written in one executemany across documents: each call costs SQLAlchemy more than
# SQLite's insert of a document's 20 rows; bounded, so a huge import keeps few rows waiting
FLUSH_ROWS = 5000


class _PendingSpans:
    """Span rows read for the documents stored so far, not yet written (kept in file order,
    so the rows get the ids a per-document insert gave them)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.rows: list[tuple[Any, ...]] = []

    def add(self, rows: list[tuple[Any, ...]]) -> None:
        self.rows += rows
        if len(self.rows) >= FLUSH_ROWS:
            self.write()

    def write(self) -> None:
        """Before anything reads spans or points at them (a link's ends, a stored document's
        span keys) and at the end."""
        if self.rows:
            insert_span_rows(self.conn, self.rows)
            self.rows = []


def store_documents(
    repo: Repository,
    docs: Sequence[ImportedDocument],
    annotator: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Add documents, matching existing ones by text SHA-256; spans are added, never doubled."""
    report = ImportReport()
    # the larger page cache: at 200,000 spans the random uuid index outgrew SQLite's default
    with repo.transaction() as conn, large_cache(conn):
        # the importing annotator exists from now on, even before their first span, so that
        # `export --annotator NAME` right after an import is not refused as a typo
        repo.annotator_id(annotator or repo.annotator)
        shas = [doc.sha256 for doc in docs]
        # asked once for the whole input, not once per document: at 10,000 documents the
        # per-document queries were most of the import
        seen_in_batch = repo.documents_by_sha(shas)
        taken = repo.existing_uuids(s.uuid for doc in docs for s in doc.spans)
        batch_uuids: set[str] = set()
        pending = _PendingSpans(conn)
        for n, (doc, sha) in enumerate(zip(docs, shas, strict=True), start=1):
            doc_id = seen_in_batch.get(sha)
            is_new = doc_id is None
            if doc_id is None:
                doc_id = repo.insert_document(doc.name, doc.text, sha, doc.meta)
                report.added.append(doc.name)
                report.added_ids.append(doc_id)
            else:
                report.already_present.append(doc.name)
                pending.write()  # its stored spans are read next
            seen_in_batch[sha] = doc_id
            report.doc_ids.append(doc_id)
            report.warnings += doc.warnings
            owner = doc.annotator or annotator or repo.annotator
            stored_as = _store_spans(repo, doc_id, doc, owner, report, taken, batch_uuids,
                                     is_new, pending)
            if doc.spans and doc.relations:
                pending.write()  # a link points at its spans' rows
                _store_relations(repo, doc_id, doc, owner, report, stored_as, is_new)
            if doc.status:
                repo.set_status(doc_id, doc.status, owner)
            if progress is not None:
                progress(n, len(docs))
        pending.write()
    return report


def _store_spans(
    repo: Repository,
    doc_id: int,
    doc: ImportedDocument,
    owner: str,
    report: ImportReport,
    taken: set[str],
    batch_uuids: set[str],
    is_new: bool,
    pending: _PendingSpans,
) -> dict[str, str]:
    """Queue the document's spans not stored yet; a file's span -> the stored span its links
    go to (itself, or the one it duplicates).

    ``taken``: span UUIDs the database held before this import; ``batch_uuids``: those this
    import has stored so far."""
    stored_as: dict[str, str] = {}
    if not doc.spans:
        return stored_as
    # a document inserted a moment ago has no spans yet: no need to ask
    keys = {} if is_new else repo.existing_span_keys(doc_id)
    clashes = sum(1 for s in doc.spans if s.uuid in batch_uuids)
    if clashes:
        # the same UUID in two files of one import: the first file's span is kept
        report.warnings.append(
            f"{doc.name}: {clashes} span UUID(s) already used by another file of this import; "
            "those spans were not added again"
        )
    fresh = []
    for span in doc.spans:
        uuid = span.uuid
        key = (span.annotator or owner, span.start, span.end, span.layer, span.label)
        # (batch_uuids is checked, not merged into ``taken``: a copy per document made a
        # 10,000-document import quadratic)
        if uuid in taken or uuid in batch_uuids or key in keys:
            report.spans_skipped += 1
            if key in keys:
                stored_as[uuid] = keys[key]
            continue
        keys[key] = uuid
        fresh.append(span)
        stored_as[uuid] = uuid
        batch_uuids.add(uuid)
    if not doc.provenance:  # most documents: one batch, no provenance
        runs: Iterable[tuple[Any, Iterable[Span]]] = [("", fresh)] if fresh else []
    else:
        # one batch per run of spans with the same provenance, in file order
        runs = groupby(fresh, key=lambda s: _key(doc.provenance.get(s.uuid)))
    for _, run in runs:
        batch = list(run)
        prov = doc.provenance.get(batch[0].uuid)
        rows = repo.span_rows(doc_id, batch, provenance=prov, annotator=owner)
        report.spans_added += len(rows)
        pending.add(rows)
    return stored_as


def _store_relations(
    repo: Repository,
    doc_id: int,
    doc: ImportedDocument,
    owner: str,
    report: ImportReport,
    stored_as: dict[str, str],
    is_new: bool,
) -> None:
    """Links between the spans as stored; one already there is not doubled, and one whose end
    could not be stored is said, not dropped in silence."""
    have = set() if is_new or not doc.relations else repo.existing_relation_keys(doc_id)
    rels, lost = [], 0
    for r in doc.relations:
        head, tail = stored_as.get(r.head), stored_as.get(r.tail)
        if head is None or tail is None:
            lost += 1
            continue
        if (r.kind, head, tail) in have or r.uuid in have:
            continue
        have.update(((r.kind, head, tail), r.uuid))
        rels.append(r.__class__(r.kind, head, tail, r.uuid, r.annotator or owner))
    if lost:
        report.warnings.append(
            f"{doc.name}: {lost} link(s) not stored: an end is a span whose UUID another "
            "document or file of this import already uses"
        )
    report.relations_added += repo.insert_relations(doc_id, rels)


def _key(provenance: dict[str, Any] | None) -> str:
    return "" if provenance is None else json.dumps(provenance, sort_keys=True)
