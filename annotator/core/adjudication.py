"""Adjudication: turning the annotators' spans into gold, one undoable decision at a time.

Gold spans are ordinary spans of the annotator ``gold`` (so every exporter handles them); what
sets them apart is their provenance, stored beside the span::

    {"decided_by": "<curator>", "from": ["<annotator>", ...], "decision": "accept_a",
     "source_spans": ["<uuid of the span taken>", ...]}

``decision`` is ``accept_a``, ``accept_b``, ... (the n-th compared annotator's spans), ``both``
(every distinct span drawn), ``neither`` (nothing: the command only removes an earlier
decision's spans), ``edit`` (the chosen annotator's spans, to be resized or relabelled next) or
``auto_accepted`` (a span everybody agreed on, written when the review starts).

A later decision on the same disagreement replaces the gold spans of the earlier one (found by
``source_spans``), and undo puts them back with their provenance and links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from string import ascii_lowercase
from typing import Any, Protocol, cast

from annotator.core.commands import Change, Command, SpanStore, validate_span
from annotator.core.model import GOLD, Relation, Span, new_uuid
from annotator.core.review import Agreement, Disagreement
from annotator.core.schema import Schema

AUTO_ACCEPTED = "auto_accepted"
BOTH = "both"
NEITHER = "neither"
EDIT = "edit"


class ProvenanceStore(SpanStore, Protocol):
    """A store that keeps the provenance of a span (``storage.repository.Repository`` does)."""

    def insert_span(
        self, doc_id: int, span: Span, provenance: dict[str, Any] | None = None
    ) -> Span: ...

    def span_provenance(self, uuid: str) -> dict[str, Any] | None: ...


def accept(index: int) -> str:
    """The decision that takes the ``index``-th compared annotator's side: accept_a, accept_b..."""
    return f"accept_{ascii_lowercase[index]}"


def accepted_index(decision: str) -> int | None:
    if decision.startswith("accept_") and len(decision) == len("accept_") + 1:
        return ascii_lowercase.index(decision[-1])
    return None


@dataclass(frozen=True)
class GoldSpan:
    span: Span
    provenance: dict[str, Any]


def _gold_copy(span: Span) -> Span:
    return Span(
        start=span.start, end=span.end, layer=span.layer, label=span.label, uuid=new_uuid(),
        attributes=dict(span.attributes), annotator=GOLD,
    )


def gold_for_agreements(agreements: Sequence[Agreement], curator: str) -> list[GoldSpan]:
    return [
        GoldSpan(
            _gold_copy(a.span),
            {
                "decided_by": curator,
                "from": sorted({s.annotator for s in a.spans}),
                "decision": AUTO_ACCEPTED,
                "source_spans": [s.uuid for s in a.spans],
            },
        )
        for a in agreements
    ]


def gold_for_decision(
    disagreement: Disagreement, decision: str, curator: str, chosen: str | None = None
) -> list[GoldSpan]:
    """The gold spans a decision writes (``chosen``: whose spans ``edit`` starts from)."""
    names = disagreement.annotators
    index = accepted_index(decision)
    if index is not None:
        if index >= len(names):
            raise ValueError(f"{decision}: only {len(names)} annotators are compared")
        taken = list(disagreement.of(names[index]))
    elif decision == BOTH:
        taken = [s for name in names for s in disagreement.of(name)]
    elif decision == EDIT:
        taken = list(disagreement.of(chosen or names[0])) or [
            s for name in names for s in disagreement.of(name)
        ][:1]
    elif decision == NEITHER:
        taken = []
    else:
        raise ValueError(f"unknown decision {decision!r}")
    # the same span drawn by two annotators becomes one gold span, "from" both
    distinct: dict[tuple[int, int, str, str], list[Span]] = {}
    for span in taken:
        distinct.setdefault(span.key(), [])
    for name in names:
        for span in disagreement.of(name):
            if span.key() in distinct:
                distinct[span.key()].append(span)
    out = []
    for key, sources in distinct.items():
        first = next(s for s in taken if s.key() == key)
        out.append(
            GoldSpan(
                _gold_copy(first),
                {
                    "decided_by": curator,
                    "from": sorted({s.annotator for s in sources}),
                    "decision": decision,
                    "source_spans": [s.uuid for s in sources],
                },
            )
        )
    return out


class WriteGold(Command):
    """Add decided gold spans and remove the ones an earlier decision wrote, as one edit."""

    def __init__(
        self,
        doc_id: int,
        add: Sequence[GoldSpan],
        remove: Sequence[GoldSpan] = (),
        text: str = "decide",
    ) -> None:
        self.doc_id = doc_id
        self.add = list(add)
        self.remove = list(remove)
        self.text = text
        self._unlinked: list[Relation] = []

    def _do(self, store: SpanStore, schema: Schema) -> Change:
        pstore = cast(ProvenanceStore, store)
        change = Change(self.doc_id)
        self._unlinked = []
        for gold in self.remove:
            self._unlinked += _unlink_all(store, gold.span.uuid)
            change.removed.append(store.delete_span(gold.span.uuid))
        change.unlinked += self._unlinked
        length = store.document_length(self.doc_id)
        for gold in self.add:
            validate_span(gold.span, length, schema)
            change.added.append(
                pstore.insert_span(self.doc_id, gold.span, provenance=gold.provenance)
            )
        return change

    def _undo(self, store: SpanStore, schema: Schema) -> Change:
        pstore = cast(ProvenanceStore, store)
        change = Change(self.doc_id)
        for gold in reversed(self.add):
            # keep what the curator did to the span since (an edit resized it): undo removes it
            change.unlinked += _unlink_all(store, gold.span.uuid)
            change.removed.append(store.delete_span(gold.span.uuid))
        for gold in self.remove:
            change.added.append(
                pstore.insert_span(self.doc_id, gold.span, provenance=gold.provenance)
            )
        change.linked += [store.insert_relation(self.doc_id, r) for r in self._unlinked]
        return change


def _unlink_all(store: SpanStore, uuid: str) -> list[Relation]:
    return [store.delete_relation(r.uuid) for r in store.relations_of(uuid)]
