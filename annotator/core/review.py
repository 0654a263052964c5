"""Reviewing colleagues: agreement on a document or a project, and where annotators disagree.

The measures live in :mod:`annotator.core.agreement`, their sums over a corpus in
:mod:`annotator.core.corpus_agreement`; this module finds the
disagreements a curator resolves into gold (see :mod:`annotator.core.adjudication`).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from annotator.core import agreement as ag
from annotator.core.model import GOLD, Relation, Span

# --- who is compared -------------------------------------------------------------------------


def default_annotators(present: Iterable[str]) -> list[str]:
    """Everyone but gold: gold is the answer agreement is measured against, not a colleague."""
    return sorted(name for name in present if name != GOLD)


# --- disagreements in one document ------------------------------------------------------------

AgreementKey = tuple[tuple[int, int, str, str], tuple[tuple[str, str], ...]]


def attribute_items(span: Span) -> tuple[tuple[str, str], ...]:
    """A span's attribute values, sorted, as text (a stored value may be any JSON scalar)."""
    return tuple(sorted((name, str(value)) for name, value in span.attributes.items()))


def agreement_key(span: Span) -> AgreementKey:
    """What annotators must all draw alike to agree: extent, layer, label and attributes."""
    return (span.key(), attribute_items(span))


def _shown_attributes(span: Span) -> str:
    return ",".join(f"{name}={value}" for name, value in attribute_items(span))



@dataclass(frozen=True)
class Agreement:
    """A span every compared annotator drew identically (start, end, layer, label, attributes)."""

    span: Span  # the first annotator's copy
    spans: tuple[Span, ...]  # one per annotator, in the annotators' order


@dataclass(frozen=True)
class Disagreement:
    """A cluster of overlapping spans of one layer on which the annotators differ.

    Attributes:
        spans: per annotator (in the compared order) the spans they drew here; may be empty.
        kinds: why it is a disagreement, a subset of {"missing", "label", "extent",
            "attribute"}.
    """

    layer: str
    start: int
    end: int
    spans: tuple[tuple[str, tuple[Span, ...]], ...]
    kinds: frozenset[str]

    def of(self, annotator: str) -> tuple[Span, ...]:
        return dict(self.spans).get(annotator, ())

    @property
    def annotators(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.spans)

    def uuids(self) -> set[str]:
        return {s.uuid for _, spans in self.spans for s in spans}

    def key(self) -> str:
        """What the disagreement is made of, as a hash that outlives the review session.

        The spans' uuids with their extents and labels: reopening the review (or opening a
        merged copy of the database, where uuids are kept) finds the same key, while a span
        an annotator has since resized, relabelled, added or removed here makes another
        disagreement, which is open again. The attribute values count only in a dispute about
        them: the keys of other disagreements stay the ones earlier releases recorded.
        """
        with_values = "attribute" in self.kinds
        parts = sorted(
            f"{s.uuid} {s.start} {s.end} {s.label}"
            + (f" {_shown_attributes(s)}" if with_values else "")
            for _, spans in self.spans
            for s in spans
        )
        return hashlib.sha256("\n".join([self.layer, *parts]).encode("utf-8")).hexdigest()

    def describe(self) -> str:
        """One line for the disagreement list, e.g. "label · A: PER 4-9 · B: ORG 4-9"; the
        attribute values too when they are in dispute ("QUOTE 4-24 direct=indirect")."""
        with_values = "attribute" in self.kinds
        sides = []
        for name, spans in self.spans:
            shown = ", ".join(
                f"{s.label} {s.start}-{s.end}" + (f" {_shown_attributes(s)}" if with_values else "")
                for s in spans
            ) or "—"
            sides.append(f"{name}: {shown}")
        return f"{'/'.join(sorted(self.kinds))} · " + " · ".join(sides)


@dataclass(frozen=True)
class Comparison:
    annotators: tuple[str, ...]
    agreements: list[Agreement]
    disagreements: list[Disagreement]


def compare(spans_by_annotator: Mapping[str, Sequence[Span]]) -> Comparison:
    """Split the spans of two or more annotators into agreements and disagreements.

    An agreement is a (start, end, layer, label, attributes) every annotator drew; the rest of
    the spans
    are grouped per layer into clusters of transitively overlapping spans, one disagreement
    each, in text order.
    """
    names = tuple(spans_by_annotator)
    if len(names) < 2:
        raise ValueError("comparing needs at least two annotators")
    left = {name: sorted(spans_by_annotator[name], key=ag.text_order) for name in names}
    by_key: dict[AgreementKey, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    for name in names:
        for span in left[name]:
            by_key[agreement_key(span)][name].append(span)
    agreements = []
    rest: list[tuple[str, Span]] = []
    for key in sorted(by_key):
        owners = by_key[key]
        shared = min(len(owners.get(name, ())) for name in names)
        for k in range(shared):
            copies = tuple(owners[name][k] for name in names)
            agreements.append(Agreement(copies[0], copies))
        rest += [(name, s) for name in names for s in owners.get(name, [])[shared:]]
    return Comparison(names, agreements, _clusters(names, rest))


def _clusters(names: tuple[str, ...], rest: list[tuple[str, Span]]) -> list[Disagreement]:
    by_layer: dict[str, list[tuple[str, Span]]] = defaultdict(list)
    for item in rest:
        by_layer[item[1].layer].append(item)
    out = []
    for layer, items in by_layer.items():
        items.sort(key=lambda item: (item[1].start, item[1].end))
        group: list[tuple[str, Span]] = []
        reach = -1
        for item in items:
            if group and item[1].start >= reach:
                out.append(_disagreement(names, layer, group))
                group, reach = [], -1
            group.append(item)
            reach = max(reach, item[1].end)
        if group:
            out.append(_disagreement(names, layer, group))
    out.sort(key=lambda d: (d.start, d.end, d.layer))
    return out


def _disagreement(
    names: tuple[str, ...], layer: str, group: list[tuple[str, Span]]
) -> Disagreement:
    per = {name: tuple(s for who, s in group if who == name) for name in names}
    kinds = set()
    if any(not spans for spans in per.values()):
        kinds.add("missing")
    drawn = [spans for spans in per.values() if spans]
    if len({frozenset((s.start, s.end) for s in spans) for spans in drawn}) > 1:
        kinds.add("extent")
    if len({frozenset(s.label for s in spans) for spans in drawn}) > 1:
        kinds.add("label")
    if len({frozenset(attribute_items(s) for s in spans) for spans in drawn}) > 1:
        kinds.add("attribute")  # direct against indirect: the curator decides, not A's value
    if not kinds:  # same extents and labels, differently combined (two spans against one)
        kinds.add("extent")
    spans = [s for _, s in group]
    return Disagreement(
        layer,
        min(s.start for s in spans),
        max(s.end for s in spans),
        tuple(per.items()),
        frozenset(kinds),
    )


# --- one merged view of the compared annotators ----------------------------------------------

CONFLICT = "conflict"  # spans of a label, extent or attribute dispute
PARTIAL = "partial"  # the same span drawn by some of three or more annotators, not all


def only(annotator: str) -> str:
    """The mark of a span only ``annotator`` drew something at."""
    return f"only:{annotator}"


@dataclass(frozen=True)
class MergedView:
    """The compared annotators' work as one layer: agreements once, differences marked.

    Attributes:
        spans: one copy of each agreed span (its ``annotator`` names everybody who drew it) and
            every disagreeing span as its annotator drew it.
        marks: uuid -> mark of every disagreeing span: ``only(name)`` where nobody else drew
            anything, :data:`CONFLICT` in a label, extent or attribute dispute, :data:`PARTIAL`
            where some of three or more drew the same span and the others nothing. Agreed
            spans have none.
        relations: the annotators' links with their ends moved onto the spans shown, each once.
    """

    spans: list[Span]
    marks: dict[str, str]
    relations: list[Relation]


def merged_view(comparison: Comparison, relations: Iterable[Relation] = ()) -> MergedView:
    names = ", ".join(comparison.annotators)
    spans: list[Span] = []
    alias: dict[str, str] = {}  # every annotator's span uuid -> the uuid of the span shown
    for agreement in comparison.agreements:
        shown = agreement.span.with_changes(annotator=names)
        spans.append(shown)
        for copy in agreement.spans:
            alias[copy.uuid] = shown.uuid
    marks: dict[str, str] = {}
    for d in comparison.disagreements:
        drawn = [name for name in d.annotators if d.of(name)]
        if d.kinds & {"label", "extent", "attribute"}:
            mark = CONFLICT
        elif len(drawn) == 1:
            mark = only(drawn[0])
        else:
            mark = PARTIAL
        for _, group in d.spans:
            for span in group:
                spans.append(span)
                alias[span.uuid] = span.uuid
                marks[span.uuid] = mark
    links: dict[tuple[str, str, str], Relation] = {}
    for rel in relations:
        head, tail = alias.get(rel.head), alias.get(rel.tail)
        if head is not None and tail is not None:
            links.setdefault((rel.kind, head, tail), Relation(rel.kind, head, tail, rel.uuid,
                                                              rel.annotator))
    return MergedView(spans, marks, list(links.values()))
