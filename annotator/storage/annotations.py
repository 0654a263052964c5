"""Reading several annotators' work at once: the input of agreement reports and the review.

One Core query per table for the whole project, so a report over a corpus costs a few reads
instead of one per document and annotator.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, Text, select, type_coerce

from annotator.core.model import Span
from annotator.core.review import AnnotatedDocument
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


def load_documents(
    repo: Repository, annotators: Sequence[str], doc_ids: Sequence[int] | None = None
) -> list[AnnotatedDocument]:
    """Documents with the spans of each named annotator who annotated them.

    An annotator has annotated a document when they own a span in it or have a status for it;
    only then does their key appear in ``AnnotatedDocument.spans`` (see ``core.review``).
    """
    ids = annotator_ids(repo, annotators)
    with repo.transaction() as conn:
        docs_q = select(DOC.c.id, DOC.c.name, DOC.c.text).where(DOC.c.project_id == repo.project_id)
        if doc_ids is not None:
            docs_q = docs_q.where(DOC.c.id.in_(list(doc_ids)))
        docs = {
            int(r.id): AnnotatedDocument(r.name, r.text, doc_id=int(r.id))
            for r in conn.execute(docs_q.order_by(DOC.c.name, DOC.c.id))
        }
        if not ids or not docs:
            return list(docs.values())
        statuses = conn.execute(
            select(STATUS.c.document_id, STATUS.c.annotator_id).where(
                STATUS.c.annotator_id.in_(list(ids))
            )
        )
        for doc_id, aid in statuses:
            if doc_id in docs:
                docs[doc_id].spans.setdefault(ids[aid], [])
        spans_q = select(*_COLS).where(SPAN.c.annotator_id.in_(list(ids)))
        if doc_ids is not None:
            spans_q = spans_q.where(SPAN.c.document_id.in_(list(doc_ids)))
        for r in conn.execute(spans_q.order_by(SPAN.c.start, SPAN.c.end, SPAN.c.id)):
            doc = docs.get(r.document_id)
            if doc is not None:
                name = ids[r.annotator_id]
                doc.spans.setdefault(name, []).append(span_from_row(r, name))
    # keep the caller's order of annotators in every document
    for doc in docs.values():
        doc.spans = {name: doc.spans[name] for name in annotators if name in doc.spans}
    return list(docs.values())


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
