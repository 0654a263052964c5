"""The suggestion layer, the rejections and the saved models: persistence only.

Kept out of ``repository`` (spans and links) on purpose: nothing that reads annotations for an
export, a merge or an agreement report imports this module, and no query there touches these
tables, so a suggestion cannot leak into them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, func, insert, select

from annotator.core.suggest.model import Suggestion
from annotator.storage.repository import Repository
from annotator.storage.tables import REJECTION, SUGGEST_MODEL, SUGGESTION, utcnow

Key = tuple[int, int, str, str]  # start, end, layer, label

# Reads go through the repository's read transaction (``Repository._read``): a trainer process
# reading while the window writes must not take SQLite's write lock.


def _row(r: Sequence[Any]) -> Suggestion:
    start, end, layer, label, score, engine, version, uuid = r
    return Suggestion(int(start), int(end), str(layer), str(label), float(score), str(engine),
                      int(version), str(uuid))


_COLS = (
    SUGGESTION.c.start,
    SUGGESTION.c.end,
    SUGGESTION.c.layer,
    SUGGESTION.c.label,
    SUGGESTION.c.score,
    SUGGESTION.c.engine,
    SUGGESTION.c.model_version,
    SUGGESTION.c.uuid,
)


def suggestions(repo: Repository, doc_id: int, annotator: str | None = None) -> list[Suggestion]:
    """The stored suggestions of a document for the annotator, by position."""
    aid = repo.known_annotator_id(annotator)
    if aid is None:
        return []
    query = (
        select(*_COLS)
        .where(SUGGESTION.c.document_id == doc_id, SUGGESTION.c.annotator_id == aid)
        .order_by(SUGGESTION.c.start, SUGGESTION.c.end.desc(), SUGGESTION.c.id)
    )
    with repo._read() as conn:
        return [_row(r) for r in conn.execute(query)]


def get_suggestion(repo: Repository, uuid: str) -> tuple[int, Suggestion] | None:
    """(document id, suggestion), or None when it is gone."""
    with repo._read() as conn:
        r = conn.execute(
            select(SUGGESTION.c.document_id, *_COLS).where(SUGGESTION.c.uuid == uuid)
        ).first()
    return None if r is None else (int(r[0]), _row(r[1:]))


def replace_suggestions(
    repo: Repository,
    doc_id: int,
    found: Sequence[Suggestion],
    engines: Iterable[str] | None = None,
    annotator: str | None = None,
) -> int:
    """Store ``found`` for the document in place of the ones the same engines made before
    (``engines`` None: in place of all). Returns how many were stored."""
    aid = repo.annotator_id(annotator)
    with repo.transaction() as conn:
        old = delete(SUGGESTION).where(
            SUGGESTION.c.document_id == doc_id, SUGGESTION.c.annotator_id == aid
        )
        if engines is not None:
            old = old.where(SUGGESTION.c.engine.in_(list(engines)))
        conn.execute(old)
        stamp = utcnow()
        rows = [
            {
                "uuid": s.uuid, "document_id": doc_id, "annotator_id": aid, "layer": s.layer,
                "label": s.label, "start": s.start, "end": s.end, "score": s.score,
                "engine": s.engine, "model_version": s.model_version, "created": stamp,
            }
            for s in found
        ]
        if rows:
            conn.execute(insert(SUGGESTION), rows)
    return len(rows)


def delete_suggestion(repo: Repository, uuid: str) -> None:
    with repo.transaction() as conn:
        conn.execute(delete(SUGGESTION).where(SUGGESTION.c.uuid == uuid))


def restore_suggestion(repo: Repository, doc_id: int, s: Suggestion,
                       annotator: str | None = None) -> None:
    with repo.transaction() as conn:
        conn.execute(insert(SUGGESTION).values(
            uuid=s.uuid, document_id=doc_id, annotator_id=repo.annotator_id(annotator),
            layer=s.layer, label=s.label, start=s.start, end=s.end, score=s.score,
            engine=s.engine, model_version=s.model_version, created=utcnow(),
        ))


def reject(repo: Repository, doc_id: int, key: Key, annotator: str | None = None) -> None:
    """Remember a refused ``(start, end, layer, label)`` for the annotator (once)."""
    start, end, layer, label = key
    aid = repo.annotator_id(annotator)
    with repo.transaction() as conn:
        exists = conn.scalar(select(REJECTION.c.id).where(
            REJECTION.c.document_id == doc_id, REJECTION.c.annotator_id == aid,
            REJECTION.c.layer == layer, REJECTION.c.label == label,
            REJECTION.c.start == start, REJECTION.c.end == end,
        ))
        if exists is None:
            conn.execute(insert(REJECTION).values(
                document_id=doc_id, annotator_id=aid, layer=layer, label=label,
                start=start, end=end, created=utcnow(),
            ))


def unreject(repo: Repository, doc_id: int, key: Key, annotator: str | None = None) -> None:
    start, end, layer, label = key
    aid = repo.annotator_id(annotator)
    with repo.transaction() as conn:
        conn.execute(delete(REJECTION).where(
            REJECTION.c.document_id == doc_id, REJECTION.c.annotator_id == aid,
            REJECTION.c.layer == layer, REJECTION.c.label == label,
            REJECTION.c.start == start, REJECTION.c.end == end,
        ))


def rejections(repo: Repository, annotator: str | None = None) -> dict[int, set[Key]]:
    """Document id -> the annotator's refused (start, end, layer, label)."""
    aid = repo.known_annotator_id(annotator)
    out: dict[int, set[Key]] = {}
    if aid is None:
        return out
    query = select(REJECTION.c.document_id, REJECTION.c.start, REJECTION.c.end,
                   REJECTION.c.layer, REJECTION.c.label).where(REJECTION.c.annotator_id == aid)
    with repo._read() as conn:
        for doc, start, end, layer, label in conn.execute(query):
            out.setdefault(int(doc), set()).add((start, end, layer, label))
    return out


def save_model(repo: Repository, engine: str, documents: int, spans: int, model: bytes,
               annotator: str | None = None) -> int:
    """Store a trained model as the annotator's next version; returns that version."""
    aid = repo.annotator_id(annotator)
    with repo.transaction() as conn:
        last = conn.scalar(
            select(func.max(SUGGEST_MODEL.c.version)).where(SUGGEST_MODEL.c.annotator_id == aid)
        )
        version = int(last or 0) + 1
        conn.execute(insert(SUGGEST_MODEL).values(
            annotator_id=aid, engine=engine, version=version, documents=documents,
            spans=spans, model=model, created=utcnow(),
        ))
    return version


def next_model_version(repo: Repository, annotator: str | None = None) -> int:
    aid = repo.known_annotator_id(annotator)
    if aid is None:
        return 1
    with repo._read() as conn:
        last = conn.scalar(
            select(func.max(SUGGEST_MODEL.c.version)).where(SUGGEST_MODEL.c.annotator_id == aid)
        )
    return int(last or 0) + 1


def latest_model(repo: Repository, annotator: str | None = None) -> tuple[int, str, bytes] | None:
    """(version, engine, model bytes) of the annotator's newest model, or None."""
    aid = repo.known_annotator_id(annotator)
    if aid is None:
        return None
    with repo._read() as conn:
        r = conn.execute(
            select(SUGGEST_MODEL.c.version, SUGGEST_MODEL.c.engine, SUGGEST_MODEL.c.model)
            .where(SUGGEST_MODEL.c.annotator_id == aid)
            .order_by(SUGGEST_MODEL.c.version.desc())
            .limit(1)
        ).first()
    return None if r is None else (int(r[0]), str(r[1]), bytes(r[2]))
