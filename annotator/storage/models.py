"""Typed ORM models. They define the tables; hot paths query them through SQLAlchemy Core.

Rows that travel between laptops (documents, spans, relations, annotators) carry UUIDs, and
relations point at spans by UUID so a merge or a bulk import needs no id lookups.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Project(Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # a project may carry its own label schema (TOML text); NULL means the shipped default
    schema_toml: Mapped[str | None] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Annotator(Base):
    __tablename__ = "annotator"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Document(Base):
    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("project_id", "sha256", name="uq_document_project_sha"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    length: Mapped[int] = mapped_column(Integer)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Span(Base):
    __tablename__ = "span"
    __table_args__ = (
        # "all spans of document D (by annotator A)" is a range scan of this index
        Index("ix_span_doc_annotator_start", "document_id", "annotator_id", "start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotator.id", ondelete="CASCADE"))
    layer: Mapped[str] = mapped_column(String(50))
    label: Mapped[str] = mapped_column(String(100))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # adjudicated (gold) spans record who decided and whose span was taken
    provenance: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # optimistic locking: an UPDATE names the version it read, so two machines never
    # silently overwrite each other's edit
    version: Mapped[int] = mapped_column(Integer, default=1)


class Relation(Base):
    __tablename__ = "relation"
    __table_args__ = (Index("ix_relation_doc", "document_id", "annotator_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotator.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(50))
    head_uuid: Mapped[str] = mapped_column(ForeignKey("span.uuid", ondelete="CASCADE"), index=True)
    tail_uuid: Mapped[str] = mapped_column(ForeignKey("span.uuid", ondelete="CASCADE"), index=True)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DocumentStatus(Base):
    __tablename__ = "document_status"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True
    )
    annotator_id: Mapped[int] = mapped_column(
        ForeignKey("annotator.id", ondelete="CASCADE"), primary_key=True
    )
    status: Mapped[str] = mapped_column(String(20), default="new")  # new | in_progress | done
    updated: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReviewDecision(Base):
    """A curator's decision on a disagreement that wrote no gold span ("neither").

    Decisions that write gold are found from the gold spans' provenance; this one leaves no
    span behind, so it is kept here, keyed by what the disagreement was made of
    (``core.review.Disagreement.key``): reopening the review finds it again.
    """

    __tablename__ = "review_decision"
    __table_args__ = (
        UniqueConstraint("document_id", "key", name="uq_review_decision_doc_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    layer: Mapped[str] = mapped_column(String(50))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    spans: Mapped[list[str]] = mapped_column(JSON)  # uuids of the disagreeing spans
    decision: Mapped[str] = mapped_column(String(50))
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("annotator.id", ondelete="CASCADE"))
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


STATUSES = ("new", "in_progress", "done")
