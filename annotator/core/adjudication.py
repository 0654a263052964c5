"""Adjudication: turning the annotators' spans into gold, one undoable decision at a time.

Gold spans are ordinary spans of the annotator ``gold`` (so every exporter handles them); what
sets them apart is their provenance, stored beside the span::

    {"decided_by": "<curator>", "from": ["<annotator>", ...], "decision": "accept_a",
     "source_spans": ["<uuid of the span taken>", ...]}

``decision`` is ``accept_a``, ``accept_b``, ... (the n-th compared annotator's spans), ``both``
(every distinct span drawn), ``neither`` (nothing: the command only removes an earlier
decision's spans), ``edit`` (the chosen annotator's spans, to be resized or relabelled next) or
``auto_accepted`` (a span everybody agreed on, written when the review starts).

A decision that writes no gold span ("neither", or accepting the side of an annotator who drew
nothing there) leaves no span to carry its provenance, so it is kept as a
:class:`DecisionRecord` keyed by ``Disagreement.key()`` (the ``review_decision`` table), written
and removed by the same command as the gold spans.

A later decision on the same disagreement replaces the gold spans of the earlier one (found by
``source_spans``), and undo puts them back with their provenance and links.

Gold carries links: when both ends of an annotator's link (quote -> speaker, claim -> source)
have been taken into gold, the decision (or pre-fill) that takes the second end also writes the
gold link between the two gold spans (:func:`gold_links`), in the same undo step.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from string import ascii_lowercase
from typing import Any, Protocol, cast

from annotator.core.commands import Change, Command, SpanStore, validate_span
from annotator.core.model import GOLD, Relation, Span, new_uuid
from annotator.core.review import Agreement, AgreementKey, Disagreement, agreement_key
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


@dataclass(frozen=True)
class DecisionRecord:
    """A decision that wrote no gold span, kept so a reopened review still shows it.

    Attributes:
        key: ``Disagreement.key()`` of the disagreement decided.
        spans: uuids of the disagreeing spans (for people reading the table; ``key`` matches).
    """

    key: str
    layer: str
    start: int
    end: int
    spans: tuple[str, ...]
    decision: str
    decided_by: str
    uuid: str = field(default_factory=new_uuid)

    @classmethod
    def of(cls, disagreement: Disagreement, decision: str, curator: str) -> DecisionRecord:
        return cls(
            disagreement.key(), disagreement.layer, disagreement.start, disagreement.end,
            tuple(sorted(disagreement.uuids())), decision, curator,
        )


class DecisionStore(Protocol):
    """Where decision records live (``storage.adjudication.DecisionTable``).

    Its writes join the transaction of the store the command runs against.
    """

    def insert_decision(self, doc_id: int, record: DecisionRecord) -> DecisionRecord: ...

    def delete_decision(self, uuid: str) -> DecisionRecord: ...


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
    # the same span drawn by two annotators becomes one gold span, "from" both; the same
    # extent with other attribute values (direct, indirect) is another span, never folded in
    distinct: dict[AgreementKey, list[Span]] = {}
    for span in taken:
        distinct.setdefault(agreement_key(span), [])
    for name in names:
        for span in disagreement.of(name):
            if agreement_key(span) in distinct:
                distinct[agreement_key(span)].append(span)
    out = []
    for key, sources in distinct.items():
        first = next(s for s in taken if agreement_key(s) == key)
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


def gold_links(
    source_relations: Iterable[Relation],
    gold: Sequence[GoldSpan],
    fresh: Collection[str],
    present: Iterable[Relation] = (),
) -> list[Relation]:
    """Gold links for the annotators' links whose two ends were both taken into gold.

    ``gold`` is gold as it stands once the edit is made (with the spans it adds, without the
    ones it removes); ``fresh`` the uuids of the spans the edit adds. Only links touching a
    fresh span are made: one the curator removed between two older gold spans stays removed,
    and ``present`` (gold's links already there) is never doubled.
    """
    taken: dict[str, list[str]] = {}  # annotator's span uuid -> gold spans taken from it
    for g in gold:
        for source in g.provenance.get("source_spans", ()):
            taken.setdefault(source, []).append(g.span.uuid)
    seen = {(r.kind, r.head, r.tail) for r in present}
    out = []
    for rel in source_relations:
        for head in taken.get(rel.head, ()):
            for tail in taken.get(rel.tail, ()):
                if (rel.kind, head, tail) in seen or (head not in fresh and tail not in fresh):
                    continue
                seen.add((rel.kind, head, tail))
                out.append(Relation(rel.kind, head, tail, annotator=GOLD))
    return out


class WriteGold(Command):
    """Add decided gold spans and remove the ones an earlier decision wrote, as one edit.

    Also, in the same transaction and undo step: the gold ``links`` the new spans complete
    (see :func:`gold_links`), and a decision that writes no span (``record``) replacing the
    earlier ones kept for this disagreement (``forget``) in ``decisions``.
    """

    def __init__(
        self,
        doc_id: int,
        add: Sequence[GoldSpan],
        remove: Sequence[GoldSpan] = (),
        text: str = "decide",
        *,
        links: Sequence[Relation] = (),
        decisions: DecisionStore | None = None,
        record: DecisionRecord | None = None,
        forget: Sequence[DecisionRecord] = (),
    ) -> None:
        if (record is not None or forget) and decisions is None:
            raise ValueError("decision records need a store to go to")
        self.doc_id = doc_id
        self.add = list(add)
        self.remove = list(remove)
        self.text = text
        self.links = list(links)
        self.decisions = decisions
        self.record = record
        self.forget = list(forget)
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
        change.linked += [store.insert_relation(self.doc_id, r) for r in self.links]
        if self.decisions is not None:
            for old in self.forget:
                self.decisions.delete_decision(old.uuid)
            if self.record is not None:
                self.decisions.insert_decision(self.doc_id, self.record)
        return change

    def _undo(self, store: SpanStore, schema: Schema) -> Change:
        pstore = cast(ProvenanceStore, store)
        change = Change(self.doc_id)
        if self.decisions is not None:
            if self.record is not None:
                self.decisions.delete_decision(self.record.uuid)
            for old in self.forget:
                self.decisions.insert_decision(self.doc_id, old)
        for gold in reversed(self.add):
            # keep what the curator did to the span since (an edit resized it): undo removes it;
            # the gold links this edit made touch these spans and go with them
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
