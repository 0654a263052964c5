"""Reviewing colleagues: agreement on a document or a project, and where annotators disagree.

The measures themselves live in :mod:`annotator.core.agreement`; this module applies them to
documents annotated by several people, per layer, per label and per document, and finds the
disagreements a curator resolves into gold (see :mod:`annotator.core.adjudication`).

Which annotators count on a document: an annotator has annotated a document when they own a
span in it or have a status for it (the caller decides and passes ``spans`` accordingly: a key
present with an empty list means "annotated, found nothing"). Pairwise figures use the
documents both annotators annotated; α treats the others' tokens as missing values.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import Any

from annotator.core import agreement as ag
from annotator.core.model import GOLD, Relation, Span
from annotator.core.text import tokenize

# --- agreement over documents -----------------------------------------------------------------


@dataclass
class AnnotatedDocument:
    """One document with the spans of each annotator who annotated it.

    Tokens, span selections and tag maps are computed once and kept: a report asks for the
    same ones per pair, per label and for α. Do not change ``spans`` after the first question.
    """

    name: str
    text: str
    spans: dict[str, list[Span]] = field(default_factory=dict)
    doc_id: int | None = None  # the database's id, when read from one (names may repeat)
    _cache: dict[tuple[str, str, str | None], Any] = field(
        default_factory=dict, repr=False, compare=False
    )

    @cached_property
    def tokens(self) -> list[tuple[int, int]]:
        return tokenize(self.text)

    @cached_property
    def bounds(self) -> ag.TokenBounds:
        return ag.TokenBounds.of(self.tokens)

    def layer_spans(self, annotator: str, layer: str, label: str | None = None) -> list[Span]:
        key = ("spans", annotator, f"{layer}\0{label}" if label is not None else layer)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = [
                s
                for s in self.spans.get(annotator, ())
                if s.layer == layer and (label is None or s.label == label)
            ]
        return list(found)

    def tags(self, annotator: str, layer: str, label: str | None = None) -> dict[int, str]:
        """Sparse IOB2 tags of the annotator's spans of ``layer`` (or one label of it)."""
        key = ("tags", annotator, f"{layer}\0{label}" if label is not None else layer)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = ag.iob2_tags(
                self.bounds, self.layer_spans(annotator, layer, label)
            )
        return found


@dataclass
class Scores:
    """Span and token agreement of two annotators on one layer (or one label of it)."""

    exact: ag.SpanCounts = field(default_factory=ag.SpanCounts)
    overlap: ag.SpanCounts = field(default_factory=ag.SpanCounts)
    kappa: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "f1_exact": self.exact.f1,
            "f1_overlap": self.overlap.f1,
            "precision_exact": self.exact.precision,
            "recall_exact": self.exact.recall,
            "precision_overlap": self.overlap.precision,
            "recall_overlap": self.overlap.recall,
            "cohen_kappa_tokens": self.kappa,
            "spans_a": self.exact.a_total,
            "spans_b": self.exact.b_total,
        }


@dataclass
class AttributeScores:
    """How often two annotators gave one attribute the same value on the spans they both drew.

    "Both drew" is the overlap matching of the span scores (same layer and label, one-to-one),
    so a quote whose extent differs by a word still counts; a span only one drew has no value
    to compare. ``pairs`` counts (A's value, B's value); a missing value is ``None``.
    """

    pairs: Counter[tuple[Hashable, Hashable]] = field(default_factory=Counter)

    @property
    def compared(self) -> int:
        return sum(self.pairs.values())

    @property
    def agreed(self) -> int:
        return sum(n for (x, y), n in self.pairs.items() if x == y)

    @property
    def agreement(self) -> float | None:
        """Observed agreement (agreed / compared); None when no span was drawn by both."""
        return self.agreed / self.compared if self.compared else None

    @property
    def kappa(self) -> float | None:
        return ag.kappa_from_pairs(self.pairs)

    def to_json(self) -> dict[str, Any]:
        return {
            "spans_compared": self.compared,
            "spans_agreed": self.agreed,
            "agreement": self.agreement,
            "cohen_kappa": self.kappa,
        }


@dataclass
class PairReport:
    a: str
    b: str
    layer: str
    documents: list[str]
    total: Scores
    per_label: dict[str, Scores]
    per_document: list[tuple[str, Scores]]  # a list: two documents may share a name
    # attribute name -> agreement on its values (layers with attributes, e.g. quote's "direct")
    attributes: dict[str, AttributeScores] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        total = self.total.to_json()
        return {
            "a": self.a,
            "b": self.b,
            "layer": self.layer,
            "span_f1_exact": total["f1_exact"],
            "span_f1_overlap": total["f1_overlap"],
            "cohen_kappa_tokens": total["cohen_kappa_tokens"],
            **{k: v for k, v in total.items() if k.startswith(("precision", "recall", "spans"))},
            "documents": len(self.documents),
            "per_label": {label: s.to_json() for label, s in self.per_label.items()},
            "per_document": [{"document": name, **s.to_json()} for name, s in self.per_document],
            "attributes": {name: s.to_json() for name, s in self.attributes.items()},
        }


def pair_report(
    docs: Sequence[AnnotatedDocument], a: str, b: str, layer: str
) -> PairReport:
    """Agreement of ``a`` (reference) and ``b`` on ``layer`` over the documents both annotated."""
    shared = [d for d in docs if a in d.spans and b in d.spans]
    per_document = []
    all_pairs: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    by_label: dict[str, list[ag.SpanCounts]] = defaultdict(lambda: [ag.SpanCounts()] * 2)
    attributes: dict[str, AttributeScores] = defaultdict(AttributeScores)
    for doc in shared:
        sa, sb = doc.layer_spans(a, layer), doc.layer_spans(b, layer)
        overlapping = ag.match_overlap(sa, sb)
        exact, overlap = _label_counts(sa, sb, ag.match_exact(sa, sb)), _label_counts(
            sa, sb, overlapping
        )
        _count_attributes(overlapping, attributes)
        for label in exact.keys() | overlap.keys():
            sums = by_label[label]
            sums[:] = [sums[0] + exact[label], sums[1] + overlap[label]]
        pairs = _pair_counts([doc], a, b, layer, None)
        for pair, count in pairs.items():
            all_pairs[pair] += count
        doc_scores = Scores(
            _total(exact.values()), _total(overlap.values()), ag.kappa_from_pairs(pairs)
        )
        per_document.append((doc.name, doc_scores))
    total = Scores(
        _total(s.exact for _, s in per_document),
        _total(s.overlap for _, s in per_document),
        ag.kappa_from_pairs(all_pairs),
    )
    per_label = {
        label: Scores(
            by_label[label][0], by_label[label][1],
            ag.kappa_from_pairs(_pair_counts(shared, a, b, layer, label)),
        )
        for label in sorted(by_label)
    }
    return PairReport(
        a, b, layer, [d.name for d in shared], total, per_label, per_document,
        dict(sorted(attributes.items())),
    )


def _count_attributes(
    pairs: Iterable[tuple[Span, Span]], into: dict[str, AttributeScores]
) -> None:
    for sa, sb in pairs:
        for name in sa.attributes.keys() | sb.attributes.keys():
            into[name].pairs[(sa.attributes.get(name), sb.attributes.get(name))] += 1


def _label_counts(
    a: Sequence[Span], b: Sequence[Span], pairs: Sequence[tuple[Span, Span]]
) -> dict[str, ag.SpanCounts]:
    """Counts per label from one matching of the whole layer.

    Both matchings pair spans of one label only, and each label's pairs are chosen among that
    label's spans alone, so matching the layer once equals matching every label on its own.
    """
    matched = Counter(sa.label for sa, _ in pairs)
    in_a, in_b = Counter(s.label for s in a), Counter(s.label for s in b)
    return {
        label: ag.SpanCounts(matched[label], in_a[label], in_b[label])
        for label in in_a.keys() | in_b.keys()
    }


def _total(parts: Iterable[ag.SpanCounts]) -> ag.SpanCounts:
    total = ag.SpanCounts()
    for part in parts:
        total += part
    return total


def _pair_counts(
    docs: Sequence[AnnotatedDocument], a: str, b: str, layer: str, label: str | None
) -> dict[tuple[Hashable, Hashable], int]:
    """Tag pairs over the tokens of all the documents, as one sequence (tokens are the units)."""
    pairs: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    for doc in docs:
        counts = ag.sparse_pair_counts(
            len(doc.tokens), doc.tags(a, layer, label), doc.tags(b, layer, label)
        )
        for pair, count in counts.items():
            pairs[pair] += count
    return pairs


def alpha(
    docs: Sequence[AnnotatedDocument],
    annotators: Sequence[str],
    layer: str,
    label: str | None = None,
) -> float | None:
    """Krippendorff's α over the tokens of the documents, an annotator missing where absent."""
    acc = ag.AlphaAccumulator()
    for doc in docs:
        coders = [who for who in annotators if who in doc.spans]
        if len(coders) < 2:
            continue
        units, touched = ag.sparse_units([doc.tags(who, layer, label) for who in coders])
        for unit, times in units.items():
            acc.add_unit(unit, times)
        acc.add_agreeing_units(ag.OUTSIDE, len(coders), len(doc.tokens) - touched)
    return acc.alpha()


@dataclass
class AgreementReport:
    annotators: list[str]
    layers: list[str]
    documents: list[str]
    pairs: list[PairReport]
    alpha: dict[str, float | None]
    alpha_per_label: dict[str, dict[str, float | None]]

    def to_json(self) -> dict[str, Any]:
        return {
            "annotators": self.annotators,
            "layers": self.layers,
            "documents": self.documents,
            "pairs": [p.to_json() for p in self.pairs],
            "krippendorff_alpha": self.alpha,
            "krippendorff_alpha_per_label": self.alpha_per_label,
        }


def agreement_report(
    docs: Sequence[AnnotatedDocument], annotators: Sequence[str], layers: Sequence[str]
) -> AgreementReport:
    """Every pair of annotators on every layer, and α of all of them per layer and label."""
    pairs = [
        pair_report(docs, a, b, layer)
        for a, b in combinations(annotators, 2)
        for layer in layers
    ]
    per_label: dict[str, dict[str, float | None]] = {}
    for layer in layers:
        labels = sorted(
            {s.label for d in docs for who in annotators for s in d.layer_spans(who, layer)}
        )
        per_label[layer] = {label: alpha(docs, annotators, layer, label) for label in labels}
    return AgreementReport(
        list(annotators),
        list(layers),
        [d.name for d in docs],
        pairs,
        {layer: alpha(docs, annotators, layer) for layer in layers},
        per_label,
    )


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
