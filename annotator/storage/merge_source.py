"""What a merge reads from the other side: documents with everybody's work on them.

``storage.merge_read`` (a database, through ``storage.merge_rows``) and ``workspace.merging``
(a JSONL export) produce these; ``storage.merge`` adds them to ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
