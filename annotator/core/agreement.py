"""Agreement measures in pure Python: span matching, P/R/F1, token IOB2 tags, Cohen's κ, α.

The numbers equal scikit-learn's ``cohen_kappa_score`` and the ``krippendorff`` package on the
same input (the tests check both, on random inputs too); numpy is not needed at run time.

Rules, fixed here once:

Span matching
    *Exact*: same start, end, layer and label. Duplicates pair off one-to-one.
    *Overlap*: same layer and label and at least one shared code point. Pairs are chosen
    greedily, one-to-one: the candidate pair with the largest overlap (in code points) first;
    ties go to the pair whose A span, then B span, comes first by (start, end).

Precision, recall, F1
    Annotator A is the reference and B the prediction: precision = matched / |B|,
    recall = matched / |A|, F1 = 2·matched / (|A| + |B|) (symmetric). A ratio whose
    denominator is zero is undefined and reported as ``None`` (JSON ``null``), never 0 or 1.

Tokens and IOB2 tags
    A token belongs to a span when they overlap by at least one code point, so a span that
    starts inside a token (ل+لوكاشينكو) still claims the whole token. When spans of one layer
    overlap, a token takes the span that starts first (the longer one at the same start): it is
    tagged ``B-`` on the first token it takes and ``I-`` on the rest, ``O`` elsewhere.

Cohen's κ
    Over the tag pairs of tokens. When both annotators use one and the same tag throughout
    (e.g. both all ``O``), chance agreement is 1 and κ is 0/0: undefined, ``None`` — where
    scikit-learn returns ``nan``. No tokens at all: ``None`` too.

Krippendorff's α (nominal)
    Units are tokens, values are tags, ``None`` marks a missing value. Units with fewer than
    two values are not pairable and do not count. When fewer than two distinct values occur in
    the pairable units, expected disagreement is zero and α is undefined: ``None`` (the
    ``krippendorff`` package raises ``ValueError`` or returns ``nan`` there).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat

from annotator.core.model import Span

OUTSIDE = "O"


# --- span matching ----------------------------------------------------------------------------


def match_exact(a: Sequence[Span], b: Sequence[Span]) -> list[tuple[Span, Span]]:
    """Pairs of spans with the same start, end, layer and label, one-to-one."""
    waiting: dict[tuple[int, int, str, str], list[Span]] = defaultdict(list)
    for span in sorted(b, key=text_order):
        waiting[span.key()].append(span)
    pairs = []
    for span in sorted(a, key=text_order):
        queue = waiting.get(span.key())
        if queue:
            pairs.append((span, queue.pop(0)))
    return pairs


def match_overlap(
    a: Sequence[Span], b: Sequence[Span], *, same_label: bool = True
) -> list[tuple[Span, Span]]:
    """Greedy one-to-one pairs of overlapping spans of the same layer (and label), largest first.

    ``same_label=False`` pairs across labels of one layer; the review uses it to find spans
    that sit at the same place with a different label.
    """
    groups_b: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for span in b:
        groups_b[_group(span, same_label)].append(span)
    index = {key: _StartIndex(spans) for key, spans in groups_b.items()}
    candidates = []
    for i, sa in enumerate(sorted(a, key=text_order)):
        found = index.get(_group(sa, same_label))
        if found is None:
            continue
        for j, sb in found.overlapping(sa.start, sa.end):
            shared = min(sa.end, sb.end) - max(sa.start, sb.start)
            candidates.append((-shared, i, j, sa, sb))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    used_a: set[int] = set()
    used_b: set[tuple[tuple[str, str], int]] = set()
    pairs = []
    for _neg, i, j, sa, sb in candidates:
        key_b = (_group(sb, same_label), j)
        if i in used_a or key_b in used_b:
            continue
        used_a.add(i)
        used_b.add(key_b)
        pairs.append((sa, sb))
    return pairs


def text_order(span: Span) -> tuple[int, int, str, str]:
    """The sort key that puts spans in text order: start, end, layer, label."""
    return (span.start, span.end, span.layer, span.label)


def _group(span: Span, same_label: bool) -> tuple[str, str]:
    return (span.layer, span.label if same_label else "")


class _StartIndex:
    """Spans sorted by (start, end) with a bound on length, to find overlaps by bisection."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=text_order)
        self.starts = [s.start for s in self.spans]
        self.longest = max((s.end - s.start for s in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> Iterable[tuple[int, Span]]:
        # a span overlapping [start, end) starts before end and after start - longest
        lo = bisect_right(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        for j in range(lo, hi):
            if self.spans[j].end > start:
                yield j, self.spans[j]


# --- precision, recall, F1 --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpanCounts:
    """Matched spans against the spans of A (reference) and B; adds up across documents."""

    matched: int = 0
    a_total: int = 0
    b_total: int = 0

    def __add__(self, other: SpanCounts) -> SpanCounts:
        return SpanCounts(
            self.matched + other.matched,
            self.a_total + other.a_total,
            self.b_total + other.b_total,
        )

    @property
    def precision(self) -> float | None:
        return self.matched / self.b_total if self.b_total else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.a_total if self.a_total else None

    @property
    def f1(self) -> float | None:
        total = self.a_total + self.b_total
        return 2 * self.matched / total if total else None


def span_counts(
    a: Sequence[Span], b: Sequence[Span], mode: str = "exact"
) -> SpanCounts:
    """How many spans of A and B match (``mode`` "exact" or "overlap")."""
    if mode == "exact":
        matched = len(match_exact(a, b))
    elif mode == "overlap":
        matched = len(match_overlap(a, b))
    else:
        raise ValueError(f"unknown matching mode {mode!r}")
    return SpanCounts(matched, len(a), len(b))


# --- tokens and tags --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TokenBounds:
    """Token starts and ends as two sorted lists, for bisection; build once per document."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, tokens: Sequence[tuple[int, int]]) -> TokenBounds:
        return cls([t[0] for t in tokens], [t[1] for t in tokens])


def iob2_tags(
    tokens: Sequence[tuple[int, int]] | TokenBounds, spans: Iterable[Span]
) -> dict[int, str]:
    """IOB2 tags of the tokens the spans cover, by token index; every other token is ``O``.

    Sparse because most tokens are ``O``: the measures below count those without visiting them.
    """
    bounds = tokens if isinstance(tokens, TokenBounds) else TokenBounds.of(tokens)
    starts, ends = bounds.starts, bounds.ends
    tags: dict[int, str] = {}
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.label)):
        first = bisect_right(ends, span.start)  # first token ending after the span starts
        last = bisect_left(starts, span.end)  # tokens from here on start at or after its end
        prefix = "B-"
        for i in range(first, last):
            if i not in tags:
                tags[i] = prefix + span.label
                prefix = "I-"
    return tags


def dense_tags(n_tokens: int, tags: Mapping[int, str]) -> list[str]:
    """The full tag sequence of a sparse tag map."""
    out = [OUTSIDE] * n_tokens
    for i, tag in tags.items():
        out[i] = tag
    return out


# --- Cohen's kappa ----------------------------------------------------------------------------


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's κ of two equally long label sequences; ``None`` when undefined."""
    if len(a) != len(b):
        raise ValueError(f"sequences differ in length: {len(a)} and {len(b)}")
    return kappa_from_pairs(Counter(zip(a, b, strict=True)))


def kappa_from_pairs(pairs: Mapping[tuple[Hashable, Hashable], int]) -> float | None:
    """κ from counts of (a value, b value) pairs: the confusion matrix as a mapping."""
    n = sum(pairs.values())
    if n == 0:
        return None
    row: Counter[Hashable] = Counter()
    col: Counter[Hashable] = Counter()
    disagree = 0
    for (x, y), count in pairs.items():
        row[x] += count
        col[y] += count
        if x != y:
            disagree += count
    chance_same = sum(count * col[x] for x, count in row.items())
    chance_differ = n * n - chance_same  # n² times the chance of disagreeing
    if chance_differ == 0:
        return None
    # κ = 1 - observed disagreement / chance disagreement, in integers until the one division
    return 1.0 - (disagree * n) / chance_differ


def sparse_pair_counts(
    n_tokens: int, a: Mapping[int, str], b: Mapping[int, str]
) -> Counter[tuple[str, str]]:
    """Confusion counts of two sparse tag maps over ``n_tokens`` tokens."""
    touched = list(a.keys() | b.keys())
    # counted in C: a Python loop over the touched tokens costs several times more
    pairs = Counter(
        zip(
            map(a.get, touched, repeat(OUTSIDE)), map(b.get, touched, repeat(OUTSIDE)),
            strict=True,
        )
    )
    outside = n_tokens - len(touched)
    if outside:
        pairs[(OUTSIDE, OUTSIDE)] += outside
    return pairs


def sparse_units(tags: Sequence[Mapping[int, str]]) -> tuple[Counter[tuple[str, ...]], int]:
    """The distinct units (one tag per coder) of the tokens some coder tagged, with counts,
    and how many tokens nobody tagged (all ``O``)."""
    touched = list(set().union(*(t.keys() for t in tags)))
    columns = [map(t.get, touched, repeat(OUTSIDE)) for t in tags]
    return Counter(zip(*columns, strict=True)), len(touched)


# --- Krippendorff's alpha ---------------------------------------------------------------------


class AlphaAccumulator:
    """Krippendorff's α (nominal) built up unit by unit, so a corpus never sits in a matrix.

    With n_c the number of pairable values c, n their total and, per unit u of m_u values,
    d_u = m_u² − Σ_c n_uc² its disagreeing ordered pairs:
    α = 1 − (n − 1) · Σ_u d_u / (m_u − 1) / (n² − Σ_c n_c²).
    The sum over units is kept per m as an integer, so the only rounding is in the last step.
    """

    def __init__(self) -> None:
        self.values: Counter[Hashable] = Counter()
        self.disagreement: Counter[int] = Counter()  # m -> Σ d_u over units of m values

    def add_unit(self, values: Iterable[Hashable | None], times: int = 1) -> None:
        """One unit (or ``times`` identical ones): a value per coder, None where missing."""
        present = [v for v in values if v is not None]
        m = len(present)
        if m < 2:
            return
        counts = Counter(present)
        for value, count in counts.items():
            self.values[value] += count * times
        self.disagreement[m] += (m * m - sum(c * c for c in counts.values())) * times

    def add_agreeing_units(self, value: Hashable, coders: int, units: int) -> None:
        """``units`` units on which all ``coders`` coders gave ``value`` (the untagged tokens)."""
        if coders >= 2 and units > 0:
            self.values[value] += coders * units

    def add_agreeing_values(self, value: Hashable, values: int) -> None:
        """``values`` values of ``value`` in units where every coder gave it, whatever the
        number of coders per unit (all ``O`` documents summed at the end of a streamed tally)."""
        if values > 0:
            self.values[value] += values

    def copy(self) -> AlphaAccumulator:
        out = AlphaAccumulator()
        out.values, out.disagreement = self.values.copy(), self.disagreement.copy()
        return out

    def alpha(self) -> float | None:
        n = sum(self.values.values())
        expected = n * n - sum(c * c for c in self.values.values())
        if n == 0 or expected == 0:
            return None
        observed = sum(d / (m - 1) for m, d in self.disagreement.items())
        return 1.0 - (n - 1) * observed / expected


def krippendorff_alpha(units: Iterable[Sequence[Hashable | None]]) -> float | None:
    """Nominal α over units, each a sequence of one value per coder (``None`` = missing)."""
    acc = AlphaAccumulator()
    for unit in units:
        acc.add_unit(unit)
    return acc.alpha()
