"""Value objects of the domain: documents, spans, relations.

Offsets are code points of the stored text (Python ``str`` indices), ``[start, end)``.
"""

from __future__ import annotations

import hashlib
import uuid as _uuid
from dataclasses import dataclass, field, replace
from typing import Any

GOLD = "gold"
# An annotator's progress on a document: the one list of them (storage, formats, reports and the
# GUI all ask here). A document nobody touched yet is "new"; the first edit makes it
# "in_progress" (``workspace.Workspace.execute``); the annotator marks it "done".
NEW, IN_PROGRESS, DONE = "new", "in_progress", "done"
STATUSES: tuple[str, ...] = (NEW, IN_PROGRESS, DONE)


def new_uuid() -> str:
    return str(_uuid.uuid4())


def text_sha256(text: str) -> str:
    """Identity of a document across machines: SHA-256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    layer: str
    label: str
    uuid: str = field(default_factory=new_uuid)
    attributes: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)
    annotator: str = ""
    version: int = 1

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end):
            raise ValueError(f"span [{self.start}, {self.end}) is empty or negative")

    def covered(self, text: str) -> str:
        return text[self.start : self.end]

    def with_changes(self, **changes: Any) -> Span:
        return replace(self, **changes)

    def key(self) -> tuple[int, int, str, str]:
        """What two annotators must agree on for an exact match."""
        return (self.start, self.end, self.layer, self.label)


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str  # "speaker" (quote -> entity) or "source" (claim -> entity)
    head: str  # uuid of the quote / claim span
    tail: str  # uuid of the entity span
    uuid: str = field(default_factory=new_uuid)
    annotator: str = ""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    name: str
    sha256: str
    length: int
    uuid: str = ""


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A line of the document list: what the current annotator needs to see."""

    id: int
    name: str
    sha256: str
    length: int
    status: str
    span_count: int
    # team mode: whether a curator assigned it to this annotator (None: nothing is assigned
    # to them, so no document is set apart)
    assigned: bool | None = None


@dataclass(slots=True)
class ImportedDocument:
    """A document as a reader produced it, before it reaches the database.

    Span ``uuid`` values are kept when the source carries them (JSONL, brat ids are not UUIDs),
    relations refer to spans by uuid.
    """

    name: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    annotator: str | None = None  # None: the importing user
    status: str | None = None
    warnings: list[str] = field(default_factory=list)  # repairs the reader made, to report
    provenance: dict[str, dict[str, Any]] = field(default_factory=dict)  # span uuid -> origin

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)
