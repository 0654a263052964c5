"""What an export reads of a document: its spans, text, metadata, links and provenance.

One snapshot and at most four queries. The spans are those :meth:`Repository.spans` gives,
read for a whole corpus: in the index's order (start, then id), put in ``Repository.spans``'s
order (start, longest first, id) by a stable sort in Python, which costs a tenth of SQLite's
sort of the rows; one annotator's name for all of them. Links are asked for only when there are
spans, and provenance only where a span has one (nearly none have: reading every span's
provenance to throw the NULLs away was a tenth of an export's time, and asking for those that
have one a twentieth), which the spans' query tells.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass, fields
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Row, Select, Text, select, type_coerce

from annotator.core.errors import DatabaseError, EditError
from annotator.core.model import Relation, Span
from annotator.storage.repository import Repository
from annotator.storage.tables import DOC, REL, SPAN, attributes_from_raw

_SPAN_COLUMNS = (
    SPAN.c.uuid,
    SPAN.c.start,
    SPAN.c.end,
    SPAN.c.layer,
    SPAN.c.label,
    # raw JSON text: nearly every span has "{}", which needs no decoding
    type_coerce(SPAN.c.attributes, Text),
    SPAN.c.version,
    SPAN.c.provenance.is_not(None),  # SQL NULL; JSON null is left out below
)
_HAS_PROVENANCE = itemgetter(7)


@dataclass(frozen=True)
class StoredDocument:
    """One annotator's spans on a document, with its text and metadata and the links and
    provenance of those spans."""

    spans: list[Span]
    text: str
    meta: dict[str, Any]
    relations: list[Relation]
    provenance: dict[str, dict[str, Any]]  # span uuid -> origin, for those that have one


def read_document(
    repo: Repository, doc_id: int, annotator: str, layers: Set[str] | None = None
) -> StoredDocument:
    """``annotator``'s spans on the document as ``repo.spans`` gives them (only those of
    ``layers`` when given), and what else :class:`StoredDocument` holds."""
    aid = repo._reading_id(annotator)  # -1 for an annotator who does not exist: no rows
    query = select(*_SPAN_COLUMNS).where(SPAN.c.document_id == doc_id, SPAN.c.annotator_id == aid)
    if layers is not None:
        query = query.where(SPAN.c.layer.in_(sorted(layers)))
    relations: list[Relation] = []
    provenance: dict[str, dict[str, Any]] = {}
    with repo._read() as conn:  # one snapshot without the write lock, as Repository reads
        rows = _fetch_all(conn, query.order_by(SPAN.c.start, SPAN.c.id))
        doc = conn.execute(
            select(DOC.c.name, DOC.c.text, DOC.c.meta).where(DOC.c.id == doc_id)
        ).first()
        if doc is None:
            raise EditError(f"no document with id {doc_id}")
        if rows:  # links and provenance hang on spans: without spans there are none to ask for
            links = conn.execute(
                select(REL.c.kind, REL.c.head_uuid, REL.c.tail_uuid, REL.c.uuid)
                .where(REL.c.document_id == doc_id, REL.c.annotator_id == aid)
                .order_by(REL.c.id)
            ).all()
            origins: Sequence[Row[Any, Any]] = []
            if any(map(_HAS_PROVENANCE, rows)):
                origins = conn.execute(
                    select(SPAN.c.uuid, SPAN.c.provenance).where(
                        SPAN.c.document_id == doc_id,
                        SPAN.c.annotator_id == aid,
                        SPAN.c.provenance.is_not(None),
                    )
                ).all()
            # the kept uuids only when a link or an origin must be looked up in them
            kept = {r[0] for r in rows} if links or origins else set()
            name = repo.annotator_name(aid)
            relations = [
                Relation(kind, head, tail, uuid, name)
                for kind, head, tail, uuid in links
                if head in kept and tail in kept
            ]
            provenance = {
                uuid: prov for uuid, prov in origins if prov is not None and uuid in kept
            }
    spans: list[Span] = []
    if rows:
        rows.sort(key=lambda r: (r[1], -r[2]))  # stable: ties stay in id order
        spans = _stored_spans(rows, repo.annotator_name(aid), doc.name)
    return StoredDocument(spans, str(doc.text), dict(doc.meta or {}), relations, provenance)


def _fetch_all(conn: Connection, query: Select[Any]) -> list[tuple[Any, ...]]:
    """Every row of ``query`` in one fetch, as the driver's own tuples: these columns need no
    conversion (integers, text, a truth value read by truth), and a SQLAlchemy ``Row`` per
    span was a twentieth of an export (iterating the result instead fetches one call a row)."""
    result = conn.execute(query)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


# Span is a frozen dataclass: its __init__ sets each field through object.__setattr__ and calls
# __post_init__, half the time of reading a span back. The export sets the slots of a new Span
# directly and refuses a bad offset itself. The fields are named here so that a change to Span
# stops the import instead of filling the wrong slots.
_FIELDS = ("start", "end", "layer", "label", "uuid", "attributes", "annotator", "version")
if tuple(f.name for f in fields(Span)) != _FIELDS:
    raise ImportError("Span's fields changed: update export_read._stored_spans")
_SETTERS = tuple(getattr(Span, name).__set__ for name in _FIELDS)


def _stored_spans(
    rows: Sequence[tuple[Any, ...]], annotator: str, document: str
) -> list[Span]:
    """Spans of rows of ``_SPAN_COLUMNS``, all ``annotator``'s, on ``document``."""
    set_start, set_end, set_layer, set_label, set_uuid, set_attributes, set_annotator, \
        set_version = _SETTERS
    new = object.__new__
    spans: list[Span] = []
    append = spans.append
    for uuid, start, end, layer, label, attributes, version, _ in rows:
        if not 0 <= start < end:  # only a file changed by other means holds one
            raise DatabaseError(
                f"span {uuid} of {document!r} is damaged: [{start}, {end}) is empty or "
                "negative; `annotator check` lists every damaged row"
            )
        span = new(Span)
        set_start(span, start)
        set_end(span, end)
        set_layer(span, layer)
        set_label(span, label)
        set_uuid(span, uuid)
        set_attributes(span, {} if attributes == "{}" else attributes_from_raw(attributes))
        set_annotator(span, annotator)
        set_version(span, version)
        append(span)
    return spans
