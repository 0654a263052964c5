"""Reading the other side of a merge from another database of ours (a file or a URL).

The source database is never written to: it is copied with SQLite's backup API (consistent even
while its owner has it open in WAL mode) and the copy is upgraded if it is older than ours.
What is read is merged by ``storage.merge``; a JSONL export is read by ``workspace.merging``
(storage parses no file format).
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Engine, Text, select, type_coerce

from annotator.core.adjudication import DecisionRecord
from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import Relation, Span
from annotator.storage.adjudication import read_decisions
from annotator.storage.database import (
    create_db_engine,
    current_revision,
    head_revision,
    open_engine,
)
from annotator.storage.tables import ANN, DOC, REL, SPAN, STATUS


class SourceSpan(NamedTuple):
    """A span of the other side, kept as a plain tuple: 100,000 of them are read at once."""

    uuid: str
    annotator: str
    layer: str
    label: str
    start: int
    end: int
    attributes: dict[str, Any]
    provenance: dict[str, Any] | None

    @classmethod
    def of(cls, span: Span, provenance: dict[str, Any] | None = None) -> SourceSpan:
        return cls(
            span.uuid,
            span.annotator,
            span.layer,
            span.label,
            span.start,
            span.end,
            dict(span.attributes),
            provenance,
        )

    def as_span(self) -> Span:
        return Span(
            self.start,
            self.end,
            self.layer,
            self.label,
            self.uuid,
            dict(self.attributes),
            self.annotator,
        )


@dataclass
class SourceDocument:
    """A document as the other side has it, with everybody's work on it."""

    name: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    uuid: str | None = None
    spans: list[SourceSpan] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)  # annotator -> status
    decisions: list[DecisionRecord] = field(default_factory=list)  # review_decision rows


def read_database_file(path: Path) -> list[SourceDocument]:
    """Another SQLite database of ours, read from a private copy (the file is not touched)."""
    with tempfile.TemporaryDirectory(prefix="annotator-merge-") as tmp:
        copy = Path(tmp) / "source.sqlite3"
        try:
            src = sqlite3.connect(_read_only_uri(path), uri=True)
            try:
                with sqlite3.connect(copy) as dst:
                    src.backup(dst)
                dst.close()
            finally:
                src.close()
        except sqlite3.DatabaseError as exc:
            raise InputError(str(path), f"not a database this program can read: {exc}") from exc
        engine = create_db_engine(f"sqlite:///{copy}")
        try:
            _check_ours(engine, str(path), upgrade_copy=True)
            return _read_engine(engine)
        finally:
            engine.dispose()


def _read_only_uri(path: Path) -> str:
    """A URI that reads the file without writing anything beside it.

    Without a ``-wal`` file nobody has the database open, and ``immutable`` keeps SQLite from
    creating ``-wal``/``-shm`` files next to the colleague's file; with one, it is live and must
    be read through its WAL (which then already exists).
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def read_database_url(url: str) -> list[SourceDocument]:
    """A team server: read as it is, which needs it to be at our schema revision."""
    engine = create_db_engine(url)
    try:
        _check_ours(engine, url, upgrade_copy=False)
        return _read_engine(engine)
    finally:
        engine.dispose()


def _check_ours(engine: Engine, origin: str, *, upgrade_copy: bool) -> None:
    try:
        revision = current_revision(engine)
    except Exception as exc:  # the driver's own error names neither the file nor the cause
        raise InputError(origin, f"cannot read the database: {exc}") from exc
    if revision is None:
        raise InputError(origin, "not an annotator database (no schema revision)")
    if revision == head_revision():
        return
    if not upgrade_copy:
        raise InputError(
            origin,
            f"its schema revision {revision} differs from ours; open it "
            "with this version of the program first",
        )
    try:
        open_engine(str(engine.url)).dispose()  # upgrades the private copy in place
    except AnnotatorError as exc:
        raise InputError(origin, f"cannot bring its schema up to date: {exc}") from exc


def _read_engine(engine: Engine) -> list[SourceDocument]:
    with engine.connect() as conn:
        names = {r.id: r.name for r in conn.execute(select(ANN.c.id, ANN.c.name))}
        docs = {
            r.id: SourceDocument(r.name, r.text, dict(r.meta or {}), r.uuid)
            for r in conn.execute(
                select(DOC.c.id, DOC.c.uuid, DOC.c.name, DOC.c.text, DOC.c.meta).order_by(DOC.c.id)
            )
        }
        rows = conn.execute(
            select(
                SPAN.c.document_id,
                SPAN.c.annotator_id,
                SPAN.c.uuid,
                SPAN.c.layer,
                SPAN.c.label,
                SPAN.c.start,
                SPAN.c.end,
                # decoded below only when not empty: most attributes are {} and provenance null
                type_coerce(SPAN.c.attributes, Text),
                type_coerce(SPAN.c.provenance, Text),
            ).order_by(SPAN.c.id)
        )
        for doc_id, aid, uuid, layer, label, start, end, attributes, provenance in rows:
            docs[doc_id].spans.append(
                SourceSpan(
                    uuid,
                    names[aid],
                    layer,
                    label,
                    start,
                    end,
                    json_value(attributes) or {},
                    json_value(provenance),
                )
            )
        for doc_id, aid, uuid, kind, head, tail in conn.execute(
            select(
                REL.c.document_id,
                REL.c.annotator_id,
                REL.c.uuid,
                REL.c.kind,
                REL.c.head_uuid,
                REL.c.tail_uuid,
            ).order_by(REL.c.id)
        ):
            docs[doc_id].relations.append(Relation(kind, head, tail, uuid, names[aid]))
        for doc_id, aid, status in conn.execute(
            select(STATUS.c.document_id, STATUS.c.annotator_id, STATUS.c.status)
        ):
            docs[doc_id].statuses[names[aid]] = status
        for doc_id, record in read_decisions(conn):
            docs[doc_id].decisions.append(record)
    return list(docs.values())


def json_value(value: Any) -> Any:
    """A JSON column read as text (SQLite) or already decoded (PostgreSQL drivers)."""
    if not isinstance(value, str):
        return value
    if value in ("{}", "null"):
        return {} if value == "{}" else None
    return json.loads(value)
