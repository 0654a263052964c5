"""What an export reads of a document besides its spans: text, metadata, links, provenance.

One snapshot and three queries, where the export asked four times (a read transaction each);
provenance is asked for only where a span has one (nearly none have: reading every span's
provenance to throw the NULLs away was a tenth of an export's time).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from annotator.core.errors import EditError
from annotator.core.model import Relation
from annotator.storage.repository import Repository
from annotator.storage.tables import DOC, REL, SPAN


@dataclass(frozen=True)
class DocumentExtras:
    """A document's text and metadata, with the links and provenance of the kept spans."""

    text: str
    meta: dict[str, Any]
    relations: list[Relation]
    provenance: dict[str, dict[str, Any]]  # span uuid -> origin, for those that have one


def document_extras(
    repo: Repository, doc_id: int, annotator: str, kept: Set[str]
) -> DocumentExtras:
    """What :class:`DocumentExtras` holds for ``annotator``'s spans ``kept`` (uuids)."""
    aid = repo._reading_id(annotator)  # -1 for an annotator who does not exist: no rows
    relations: list[Relation] = []
    provenance: dict[str, dict[str, Any]] = {}
    with repo._read() as conn:  # one snapshot without the write lock, as Repository reads
        row = conn.execute(select(DOC.c.text, DOC.c.meta).where(DOC.c.id == doc_id)).first()
        if row is None:
            raise EditError(f"no document with id {doc_id}")
        if kept:  # links and provenance hang on spans: without spans there are none to ask for
            links = conn.execute(
                select(REL.c.kind, REL.c.head_uuid, REL.c.tail_uuid, REL.c.uuid)
                .where(REL.c.document_id == doc_id, REL.c.annotator_id == aid)
                .order_by(REL.c.id)
            ).all()
            name = repo.annotator_name(aid)
            relations = [
                Relation(kind, head, tail, uuid, name)
                for kind, head, tail, uuid in links
                if head in kept and tail in kept
            ]
            origins = conn.execute(
                select(SPAN.c.uuid, SPAN.c.provenance).where(
                    SPAN.c.document_id == doc_id,
                    SPAN.c.annotator_id == aid,
                    SPAN.c.provenance.is_not(None),  # SQL NULL; JSON null is left out below
                )
            ).all()
            provenance = {
                uuid: prov for uuid, prov in origins if prov is not None and uuid in kept
            }
    return DocumentExtras(str(row.text), dict(row.meta or {}), relations, provenance)
