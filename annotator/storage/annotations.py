"""Reading several annotators' work at once: the input of agreement reports and the review.

One Core query per table for the whole project, so a report over a corpus costs a few reads
instead of one per document and annotator.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Row, Text, select, type_coerce

from annotator.core.corpus_agreement import AnnotatedDocument
from annotator.core.model import Span
from annotator.storage.repository import Repository
from annotator.storage.tables import ANN, DOC, SPAN, STATUS, attributes_from_raw

_COLS = (
    SPAN.c.document_id,
    SPAN.c.annotator_id,
    SPAN.c.uuid,
    SPAN.c.start,
    SPAN.c.end,
    SPAN.c.layer,
    SPAN.c.label,
    # raw JSON text, as Repository.spans reads it: most are "{}", not worth decoding
    type_coerce(SPAN.c.attributes, Text).label("attributes"),
    SPAN.c.version,
)


def annotator_ids(repo: Repository, names: Sequence[str]) -> dict[int, str]:
    """Ids of the named annotators that exist (reading never creates one)."""
    with repo.transaction() as conn:
        rows = conn.execute(select(ANN.c.id, ANN.c.name).where(ANN.c.name.in_(list(names))))
        return {int(r.id): r.name for r in rows}


def span_from_row(r: Row[*tuple[Any, ...]], annotator: str) -> Span:
    """A span row (attributes raw or decoded) as a Span of ``annotator``."""
    return Span(
        start=r.start,
        end=r.end,
        layer=r.layer,
        label=r.label,
        uuid=r.uuid,
        attributes=attributes_from_raw(r.attributes),
        annotator=annotator,
        version=r.version,
    )


# documents read per query by iter_documents: a batch of news articles of 1,400 spans each
# takes ~6 MB, and a query's cost is still spread over several documents
BATCH = 10


def load_documents(
    repo: Repository, annotators: Sequence[str], doc_ids: Sequence[int] | None = None
) -> list[AnnotatedDocument]:
    """:func:`iter_documents`, all read now (an agreement report reads them as it goes)."""
    return list(iter_documents(repo, annotators, doc_ids))


def iter_documents(
    repo: Repository, annotators: Sequence[str], doc_ids: Sequence[int] | None = None
) -> Iterator[AnnotatedDocument]:
    """Documents with the spans of each named annotator who annotated them, by name, read
    ``BATCH`` documents per query from one snapshot of the database.

    An annotator has annotated a document when they own a span in it or have a status for it;
    only then does their key appear in ``AnnotatedDocument.spans`` (see
    ``core.corpus_agreement``).
    """
    ids = annotator_ids(repo, annotators)
    with repo._read() as conn:  # a snapshot without the write lock, as storage.suggestions
        docs_q = select(DOC.c.id).where(DOC.c.project_id == repo.project_id)
        if doc_ids is not None:
            docs_q = docs_q.where(DOC.c.id.in_(list(doc_ids)))
        order = [int(r.id) for r in conn.execute(docs_q.order_by(DOC.c.name, DOC.c.id))]
        annotated: dict[int, set[str]] = {}
        if ids and order:
            statuses = select(STATUS.c.document_id, STATUS.c.annotator_id).where(
                STATUS.c.annotator_id.in_(list(ids))
            )
            for doc_id, aid in conn.execute(statuses):
                annotated.setdefault(doc_id, set()).add(ids[aid])
        for i in range(0, len(order), BATCH):
            yield from _read_batch(conn, order[i : i + BATCH], ids, annotators, annotated)


def _read_batch(
    conn: Connection,
    batch: list[int],
    ids: dict[int, str],
    annotators: Sequence[str],
    annotated: dict[int, set[str]],
) -> list[AnnotatedDocument]:
    """The documents of ``batch`` (ids, in order) with their annotators' spans."""
    docs = {
        int(r.id): AnnotatedDocument(r.name, r.text, doc_id=int(r.id))
        for r in conn.execute(
            select(DOC.c.id, DOC.c.name, DOC.c.text).where(DOC.c.id.in_(batch))
        )
    }
    for doc_id in batch:
        for name in annotated.get(doc_id, ()):
            docs[doc_id].spans.setdefault(name, [])
    if ids:
        spans_q = select(*_COLS).where(
            SPAN.c.annotator_id.in_(list(ids)), SPAN.c.document_id.in_(batch)
        )
        for r in conn.execute(spans_q.order_by(SPAN.c.start, SPAN.c.end, SPAN.c.id)):
            name = ids[r.annotator_id]
            docs[r.document_id].spans.setdefault(name, []).append(span_from_row(r, name))
    out = [docs[doc_id] for doc_id in batch]
    # keep the caller's order of annotators in every document
    for doc in out:
        doc.spans = {name: doc.spans[name] for name in annotators if name in doc.spans}
    return out


def spans_with_provenance(
    repo: Repository, doc_id: int, annotator: str
) -> list[tuple[Span, dict[str, Any]]]:
    """An annotator's spans of a document with their provenance (``{}`` when none)."""
    ids = annotator_ids(repo, [annotator])
    if not ids:
        return []
    aid = next(iter(ids))
    with repo.transaction() as conn:
        rows = conn.execute(
            select(*_COLS, SPAN.c.provenance)
            .where(SPAN.c.document_id == doc_id, SPAN.c.annotator_id == aid)
            .order_by(SPAN.c.start, SPAN.c.end, SPAN.c.id)
        )
        return [(span_from_row(r, annotator), dict(r.provenance or {})) for r in rows]
