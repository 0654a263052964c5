"""Typed ORM classes mapped onto the Core tables of ``tables.py`` (hybrid declarative).

The runtime works on the Core tables (see ``tables.py`` for why); these classes give the
schema typed attributes for code that wants ORM objects, and Alembic's metadata.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import DeclarativeBase, Mapped

from annotator.storage import tables
from annotator.storage.tables import STATUSES, utcnow

__all__ = [
    "STATUSES",
    "Annotator",
    "Base",
    "Document",
    "DocumentStatus",
    "Project",
    "Relation",
    "ReviewDecision",
    "Span",
    "utcnow",
]


class Base(DeclarativeBase):
    metadata = tables.metadata


class Project(Base):
    __table__ = tables.PROJECT

    id: Mapped[int]
    name: Mapped[str]
    schema_toml: Mapped[str | None]
    created: Mapped[datetime]


class Annotator(Base):
    __table__ = tables.ANN

    id: Mapped[int]
    uuid: Mapped[str]
    name: Mapped[str]
    created: Mapped[datetime]


class Document(Base):
    __table__ = tables.DOC

    id: Mapped[int]
    uuid: Mapped[str]
    project_id: Mapped[int]
    name: Mapped[str]
    text: Mapped[str]
    sha256: Mapped[str]
    length: Mapped[int]
    meta: Mapped[dict[str, Any]]
    created: Mapped[datetime]


class Span(Base):
    __table__ = tables.SPAN

    id: Mapped[int]
    uuid: Mapped[str]
    document_id: Mapped[int]
    annotator_id: Mapped[int]
    layer: Mapped[str]
    label: Mapped[str]
    start: Mapped[int]
    end: Mapped[int]
    attributes: Mapped[dict[str, Any]]
    provenance: Mapped[dict[str, Any] | None]
    created: Mapped[datetime]
    updated: Mapped[datetime]
    version: Mapped[int]


class Relation(Base):
    __table__ = tables.REL

    id: Mapped[int]
    uuid: Mapped[str]
    document_id: Mapped[int]
    annotator_id: Mapped[int]
    kind: Mapped[str]
    head_uuid: Mapped[str]
    tail_uuid: Mapped[str]
    created: Mapped[datetime]


class DocumentStatus(Base):
    __table__ = tables.STATUS

    document_id: Mapped[int]
    annotator_id: Mapped[int]
    status: Mapped[str]
    updated: Mapped[datetime]


class ReviewDecision(Base):
    """A curator's "neither": a decision that left no gold span behind."""

    __table__ = tables.DECISION

    id: Mapped[int]
    uuid: Mapped[str]
    document_id: Mapped[int]
    key: Mapped[str]
    layer: Mapped[str]
    start: Mapped[int]
    end: Mapped[int]
    spans: Mapped[list[str]]
    decision: Mapped[str]
    decided_by_id: Mapped[int]
    created: Mapped[datetime]
