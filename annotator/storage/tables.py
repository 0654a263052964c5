"""The tables, declared in SQLAlchemy Core: the schema's single source of truth.

Everything that runs (repository, merge, review) works on these Core tables. Keeping the ORM
out of the runtime imports saves ~0.2 s of every start (``sqlalchemy.orm`` and class mapping).
Alembic's migrations create exactly this; a test compares the two.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    column,
    insert,
    table,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

# the column lengths are the stored invariants' (core.invariants): every path checks a name
# against the same number the server enforces
from annotator.core.invariants import (
    ANNOTATOR_NAME_MAX,
    DECISION_KEY_MAX,
    DECISION_MAX,
    DOCUMENT_NAME_MAX,
    KIND_MAX,
    LABEL_MAX,
    LAYER_MAX,
    PROJECT_NAME_MAX,
    STATUS_MAX,
    UUID_MAX,
)


def utcnow() -> datetime:
    return datetime.now(UTC)


metadata = MetaData()


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _uuid() -> Column[str]:
    return Column("uuid", String(UUID_MAX), nullable=False, unique=True)


def _created() -> Column[datetime]:
    return Column("created", DateTime(timezone=True), nullable=False, default=utcnow)


def _fk(name: str, target: str, **kw: Any) -> Column[Any]:
    return Column(name, ForeignKey(target, ondelete="CASCADE"), nullable=False, **kw)


PROJECT = Table(
    "project",
    metadata,
    _id(),
    Column("name", String(PROJECT_NAME_MAX), nullable=False, unique=True),
    # a project may carry its own label schema (TOML text); NULL means the shipped default
    Column("schema_toml", Text, nullable=True),
    _created(),
)

ANN = Table(
    "annotator",
    metadata,
    _id(),
    _uuid(),
    Column("name", String(ANNOTATOR_NAME_MAX), nullable=False, unique=True),
    _created(),
)

DOC = Table(
    "document",
    metadata,
    _id(),
    _uuid(),
    _fk("project_id", "project.id"),
    Column("name", String(DOCUMENT_NAME_MAX), nullable=False),
    Column("text", Text, nullable=False),
    Column("sha256", String(64), nullable=False, index=True),
    Column("length", Integer, nullable=False),
    Column("meta", JSON, nullable=False, default=dict),
    _created(),
    UniqueConstraint("project_id", "sha256", name="uq_document_project_sha"),
)

SPAN = Table(
    "span",
    metadata,
    _id(),
    _uuid(),
    _fk("document_id", "document.id"),
    _fk("annotator_id", "annotator.id"),
    Column("layer", String(LAYER_MAX), nullable=False),
    Column("label", String(LABEL_MAX), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("attributes", JSON, nullable=False, default=dict),
    # adjudicated (gold) spans record who decided and whose span was taken
    Column("provenance", JSON, nullable=True),
    _created(),
    Column("updated", DateTime(timezone=True), nullable=False, default=utcnow),
    # optimistic locking: an UPDATE names the version it read, so two machines never
    # silently overwrite each other's edit
    Column("version", Integer, nullable=False, default=1),
    # who made the last change (NULL: nobody since it was created or imported, i.e. its own
    # annotator), so a refused stale edit can say by whom; ``updated`` says when
    Column(
        "updated_by_id",
        ForeignKey("annotator.id", ondelete="SET NULL", name="fk_span_updated_by_id_annotator"),
        nullable=True,
    ),
    # "all spans of document D (by annotator A)" is a range scan of this index
    Index("ix_span_doc_annotator_start", "document_id", "annotator_id", "start"),
)

REL = Table(
    "relation",
    metadata,
    _id(),
    _uuid(),
    _fk("document_id", "document.id"),
    _fk("annotator_id", "annotator.id"),
    Column("kind", String(KIND_MAX), nullable=False),
    # links point at spans by UUID, so a merge or a bulk import needs no id lookups
    _fk("head_uuid", "span.uuid", index=True),
    _fk("tail_uuid", "span.uuid", index=True),
    _created(),
    Index("ix_relation_doc", "document_id", "annotator_id"),
)

STATUS = Table(
    "document_status",
    metadata,
    _fk("document_id", "document.id", primary_key=True),
    _fk("annotator_id", "annotator.id", primary_key=True),
    Column("status", String(STATUS_MAX), nullable=False, default="new"),  # one of STATUSES
    Column("updated", DateTime(timezone=True), nullable=False, default=utcnow),
    # when this annotator last changed the document's spans or links (None: never, or before
    # migration 0004); a gold layer older than an annotator's edit is out of date
    Column("edited", DateTime(timezone=True), nullable=True),
)

# A curator's decision on a disagreement that wrote no gold span ("neither"), keyed by what
# the disagreement was made of (core.review.Disagreement.key) so reopening finds it again.
DECISION = Table(
    "review_decision",
    metadata,
    _id(),
    _uuid(),
    _fk("document_id", "document.id"),
    Column("key", String(DECISION_KEY_MAX), nullable=False),
    Column("layer", String(LAYER_MAX), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("spans", JSON, nullable=False),  # uuids of the disagreeing spans
    Column("decision", String(DECISION_MAX), nullable=False),
    _fk("decided_by_id", "annotator.id"),
    _created(),
    UniqueConstraint("document_id", "key", name="uq_review_decision_doc_key"),
)

# Team mode: a curator gives a document to an annotator; their list shows it first.
ASSIGN = Table(
    "assignment",
    metadata,
    _fk("document_id", "document.id", primary_key=True),
    _fk("annotator_id", "annotator.id", primary_key=True),
    _fk("assigned_by_id", "annotator.id"),
    _created(),
    Index("ix_assignment_annotator", "annotator_id"),
)


# Suggestions are not annotations: what an engine (or an imported pre-annotation) proposes to
# an annotator lives here, never in ``span``, so no export, merge or agreement can see it.
SUGGESTION = Table(
    "suggestion",
    metadata,
    _id(),
    _uuid(),
    _fk("document_id", "document.id"),
    _fk("annotator_id", "annotator.id"),  # whom it is offered to
    Column("layer", String(50), nullable=False),
    Column("label", String(100), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("engine", String(100), nullable=False),
    Column("model_version", Integer, nullable=False),
    _created(),
    Index("ix_suggestion_doc_annotator", "document_id", "annotator_id", "start"),
)

# A suggestion the annotator refused: never offered again there, and a negative example.
REJECTION = Table(
    "suggestion_rejection",
    metadata,
    _id(),
    _fk("document_id", "document.id"),
    _fk("annotator_id", "annotator.id"),
    Column("layer", String(50), nullable=False),
    Column("label", String(100), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    _created(),
    UniqueConstraint(
        "document_id", "annotator_id", "layer", "label", "start", "end",
        name="uq_suggestion_rejection",
    ),
)

# Each training of an annotator's suggester, newest version last (the JSON of
# ``core.suggest.engine.Suggester.to_bytes``), so the next start has it.
SUGGEST_MODEL = Table(
    "suggestion_model",
    metadata,
    _id(),
    _fk("annotator_id", "annotator.id"),
    Column("engine", String(100), nullable=False),
    Column("version", Integer, nullable=False),
    Column("documents", Integer, nullable=False),
    Column("spans", Integer, nullable=False),
    Column("model", LargeBinary, nullable=False),
    _created(),
    UniqueConstraint("annotator_id", "version", name="uq_suggestion_model_version"),
)

# The span table with untyped columns: values handed to it are already in the driver's form.
SPAN_RAW = table(
    "span",
    *(
        column(name)
        for name in (
            "uuid",
            "document_id",
            "annotator_id",
            "layer",
            "label",
            "start",
            "end",
            "attributes",
            "provenance",
            "created",
            "updated",
            "version",
        )
    ),
)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def bind_processor(
    type_: TypeEngine[Any], dialect: Dialect
) -> Callable[[Any], Any] | None:
    """The function the dialect applies to a value of ``type_`` before the driver sees it (the
    dialect's own implementation of the type, e.g. SQLite's DATETIME formatting), or None."""
    return type_.dialect_impl(dialect).bind_processor(dialect)


def bound(type_: TypeEngine[Any], dialect: Dialect, value: Any) -> Any:
    """``value`` as the dialect's bind processor for ``type_`` would hand it to the driver."""
    process = bind_processor(type_, dialect)
    return process(value) if process is not None else value


def attributes_from_raw(raw: Any) -> dict[str, Any]:
    """Span attributes from the raw column (SQLite gives text, psycopg an already-decoded dict)."""
    if not raw or raw == "{}":
        return {}
    if isinstance(raw, str):
        return dict(json.loads(raw))
    return dict(raw)


_RAW_COLUMNS = [c.name for c in SPAN_RAW.columns]


@lru_cache(maxsize=4)  # one compile per dialect, not one per tag
def _span_insert(dialect: Dialect) -> tuple[str, list[int] | None]:
    """The INSERT of SPAN_RAW in the driver's paramstyle, and for positional styles the order
    of the values (None: a named style, rows go as dicts)."""
    compiled = insert(SPAN_RAW).compile(dialect=dialect)
    if compiled.positiontup is None:
        return str(compiled), None
    return str(compiled), [_RAW_COLUMNS.index(name) for name in compiled.positiontup]


def insert_span_rows(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Rows of SPAN_RAW's columns, already in the driver's form, straight to the driver's
    executemany: SQLAlchemy's per-row parameter handling cost as much as SQLite's insert."""
    if not rows:
        return
    sql, order = _span_insert(conn.dialect)
    if order is None:
        values: list[Any] = [dict(zip(_RAW_COLUMNS, r, strict=True)) for r in rows]
    elif order != list(range(len(_RAW_COLUMNS))):
        values = [tuple(r[i] for i in order) for r in rows]
    else:
        values = rows
    conn.exec_driver_sql(sql, values)
