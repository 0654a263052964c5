"""What a merge reads from the other side: documents with everybody's work on them.

``storage.merge_read`` (a database, through ``storage.merge_rows``) and ``workspace.merging``
(a JSONL export) produce these; ``storage.merge`` adds them to ours.

From an SQLite file, the common spans are checked by SQL in the private copy and left there
(``BulkSpans``): ``storage.merge`` copies them with one ``INSERT ... SELECT`` per document, so
1M spans never pass through Python one by one.
"""

from __future__ import annotations

import shutil
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from annotator.core.adjudication import DecisionRecord
from annotator.core.model import Relation, Span


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


class SourceCopy:
    """The private copy of a source database file, kept while documents read from it live:
    their ``BulkSpans`` are still in it. Its folder is removed when this is collected or the
    program exits (``weakref.finalize``), or by :meth:`remove`."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "source.sqlite3"
        self.names: dict[int, str] = {}  # source annotator id -> name, once read
        self._remove = weakref.finalize(self, shutil.rmtree, folder, ignore_errors=True)

    def remove(self) -> None:
        self._remove()


@dataclass(eq=False)
class BulkSpans:
    """The spans of one document that SQL found plain in the private copy (known annotator,
    a plain label, offsets inside the text, attributes ``{}``, no provenance, a printable ASCII
    uuid, no other span of the document at the same place): all its spans but those in
    ``SourceDocument.spans``, whose source ids are ``ids``, in the same order."""

    copy: SourceCopy
    source_id: int  # the document's id in the copy
    ids: list[int] = field(default_factory=list)
    # the names of the annotators of all its spans, in the order of their first span: a merge
    # meets (and adds) them in that order
    annotators: list[str] = field(default_factory=list)
    first: int | None = None  # the lowest and highest source id of all its spans
    last: int | None = None


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
    bulk: BulkSpans | None = None  # spans left in the source's private copy, if any
    sha256: str = ""  # of the text, when the reader has it (checked)
