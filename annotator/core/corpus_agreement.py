"""Agreement over a corpus: each annotator pair per layer, per label and per document, and α.

The measures themselves live in :mod:`annotator.core.agreement`; this module applies them to
documents annotated by several people, one document at a time: the tallies keep counts and
confusion tables, so a corpus read in batches (``storage.annotations.iter_documents``) never
sits in memory, and every figure still equals the one computed over all documents at once.

Which annotators count on a document: an annotator has annotated a document when they own a
span in it or have a status for it (the caller decides and passes ``spans`` accordingly: a key
present with an empty list means "annotated, found nothing"). Pairwise figures use the
documents both annotated; α treats the others' tokens as missing values.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import Any

from annotator.core import agreement as ag
from annotator.core.model import Span
from annotator.core.text import tokenize


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
            # a label's spans from its layer's, not from all: a report asks for every label
            among = self.spans.get(annotator, ()) if label is None else self.layer_spans(
                annotator, layer
            )
            found = self._cache[key] = [
                s for s in among if s.layer == layer and (label is None or s.label == label)
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
    docs: Iterable[AnnotatedDocument], a: str, b: str, layer: str
) -> PairReport:
    """Agreement of ``a`` (reference) and ``b`` on ``layer`` over the documents both annotated."""
    tally = PairTally(a, b, layer)
    for doc in docs:
        tally.add(doc)
    return tally.report()


class PairTally:
    """A pair's agreement on one layer summed one document at a time: counts, confusion
    tables and a score per document, never the tokens, which go with their document.

    Every figure is a ratio of integer sums, so it equals the one computed over all the
    documents at once. A label's confusion table only gets the documents where one of the two
    used it; the other documents' tokens are all ``O``/``O`` for it and are added at the end.
    """

    def __init__(self, a: str, b: str, layer: str) -> None:
        self.a, self.b, self.layer = a, b, layer
        self.documents: list[str] = []
        self.per_document: list[tuple[str, Scores]] = []
        self.pairs: Counter[tuple[Hashable, Hashable]] = Counter()
        self.by_label: dict[str, list[ag.SpanCounts]] = defaultdict(
            lambda: [ag.SpanCounts()] * 2
        )
        self.label_pairs: dict[str, Counter[tuple[Hashable, Hashable]]] = defaultdict(Counter)
        self.label_tokens: Counter[str] = Counter()  # tokens counted in label_pairs[label]
        self.tokens = 0
        self.attributes: dict[str, AttributeScores] = defaultdict(AttributeScores)

    def add(self, doc: AnnotatedDocument) -> None:
        a, b, layer = self.a, self.b, self.layer
        if a not in doc.spans or b not in doc.spans:
            return
        sa, sb = doc.layer_spans(a, layer), doc.layer_spans(b, layer)
        overlapping = ag.match_overlap(sa, sb)
        exact = _label_counts(sa, sb, ag.match_exact(sa, sb))
        overlap = _label_counts(sa, sb, overlapping)
        _count_attributes(overlapping, self.attributes)
        n_tokens = len(doc.tokens)
        for label in exact.keys() | overlap.keys():
            sums = self.by_label[label]
            sums[:] = [sums[0] + exact[label], sums[1] + overlap[label]]
            self.label_pairs[label].update(
                ag.sparse_pair_counts(
                    n_tokens, doc.tags(a, layer, label), doc.tags(b, layer, label)
                )
            )
            self.label_tokens[label] += n_tokens
        pairs: Counter[tuple[Hashable, Hashable]] = Counter(
            ag.sparse_pair_counts(n_tokens, doc.tags(a, layer), doc.tags(b, layer))
        )
        self.pairs.update(pairs)
        self.tokens += n_tokens
        doc_scores = Scores(
            _total(exact.values()), _total(overlap.values()), ag.kappa_from_pairs(pairs)
        )
        self.documents.append(doc.name)
        self.per_document.append((doc.name, doc_scores))

    def report(self) -> PairReport:
        total = Scores(
            _total(s.exact for _, s in self.per_document),
            _total(s.overlap for _, s in self.per_document),
            ag.kappa_from_pairs(self.pairs),
        )
        per_label = {
            label: Scores(
                self.by_label[label][0], self.by_label[label][1],
                ag.kappa_from_pairs(self._label_pairs(label)),
            )
            for label in sorted(self.by_label)
        }
        return PairReport(
            self.a, self.b, self.layer, list(self.documents), total, per_label,
            list(self.per_document), dict(sorted(self.attributes.items())),
        )

    def _label_pairs(self, label: str) -> Counter[tuple[Hashable, Hashable]]:
        pairs = Counter(self.label_pairs[label])
        untouched = self.tokens - self.label_tokens[label]
        if untouched:
            pairs[(ag.OUTSIDE, ag.OUTSIDE)] += untouched
        return pairs


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


def alpha(
    docs: Iterable[AnnotatedDocument],
    annotators: Sequence[str],
    layer: str,
    label: str | None = None,
) -> float | None:
    """Krippendorff's α over the tokens of the documents, an annotator missing where absent."""
    acc = ag.AlphaAccumulator()
    for doc in docs:
        coders = [who for who in annotators if who in doc.spans]
        if len(coders) >= 2:
            _add_document(acc, doc, coders, layer, label)
    return acc.alpha()


def _add_document(
    acc: ag.AlphaAccumulator,
    doc: AnnotatedDocument,
    coders: Sequence[str],
    layer: str,
    label: str | None,
) -> None:
    """The tokens of one document as α's units: one tag per coder."""
    units, touched = ag.sparse_units([doc.tags(who, layer, label) for who in coders])
    for unit, times in units.items():
        acc.add_unit(unit, times)
    acc.add_agreeing_units(ag.OUTSIDE, len(coders), len(doc.tokens) - touched)


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
    docs: Iterable[AnnotatedDocument], annotators: Sequence[str], layers: Sequence[str]
) -> AgreementReport:
    """Every pair of annotators on every layer, and α of all of them per layer and label.

    ``docs`` is read once, in order (a generator reading a database batch by batch will do).
    """
    tally = AgreementTally(annotators, layers)
    for doc in docs:
        tally.add(doc)
    return tally.report()


class AgreementTally:
    """An agreement report summed one document at a time (see :class:`PairTally`)."""

    def __init__(self, annotators: Sequence[str], layers: Sequence[str]) -> None:
        self.annotators, self.layers = list(annotators), list(layers)
        self.documents: list[str] = []
        self.pairs = [
            PairTally(a, b, layer) for a, b in combinations(annotators, 2) for layer in layers
        ]
        self.alphas = {layer: AlphaTally(annotators, layer) for layer in layers}

    def add(self, doc: AnnotatedDocument) -> None:
        self.documents.append(doc.name)
        for pair in self.pairs:
            pair.add(doc)
        for tally in self.alphas.values():
            tally.add(doc)

    def report(self) -> AgreementReport:
        return AgreementReport(
            list(self.annotators),
            list(self.layers),
            list(self.documents),
            [pair.report() for pair in self.pairs],
            {layer: tally.alpha() for layer, tally in self.alphas.items()},
            {layer: tally.per_label() for layer, tally in self.alphas.items()},
        )


class AlphaTally:
    """α of the annotators on one layer and on each of its labels, one document at a time.

    A label's accumulator only gets the documents where someone used it; on the others every
    coder gave ``O``, which adds values but no disagreement: those are added at the end.
    """

    def __init__(self, annotators: Sequence[str], layer: str) -> None:
        self.annotators, self.layer = list(annotators), layer
        self.layer_alpha = ag.AlphaAccumulator()
        self.labels: dict[str, ag.AlphaAccumulator] = {}
        self.outside = 0  # values of the pairable tokens: coders × tokens, over documents
        self.covered: Counter[str] = Counter()  # of those, the ones a label's tally has had

    def add(self, doc: AnnotatedDocument) -> None:
        layer = self.layer
        used = {s.label for who in self.annotators for s in doc.layer_spans(who, layer)}
        for label in used:
            self.labels.setdefault(label, ag.AlphaAccumulator())
        coders = [who for who in self.annotators if who in doc.spans]
        if len(coders) < 2:
            return
        values = len(coders) * len(doc.tokens)
        _add_document(self.layer_alpha, doc, coders, layer, None)
        for label in used:
            _add_document(self.labels[label], doc, coders, layer, label)
            self.covered[label] += values
        self.outside += values

    def alpha(self) -> float | None:
        return self.layer_alpha.alpha()

    def per_label(self) -> dict[str, float | None]:
        out = {}
        for label in sorted(self.labels):
            acc = self.labels[label].copy()
            acc.add_agreeing_values(ag.OUTSIDE, self.outside - self.covered[label])
            out[label] = acc.alpha()
        return out
