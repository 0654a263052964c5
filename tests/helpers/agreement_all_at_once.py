"""The agreement report as it was computed before it streamed: every document held at once,
each measure a pass over the whole list. Kept as the reference the streamed report must equal
figure for figure (tests/unit/test_agreement_streams.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from itertools import combinations

from annotator.core import agreement as ag
from annotator.core.corpus_agreement import (
    AgreementReport,
    AnnotatedDocument,
    AttributeScores,
    PairReport,
    Scores,
    _count_attributes,
    _label_counts,
    _total,
    alpha,
)


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
