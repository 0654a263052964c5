"""Agreement measures against the reference implementations (scikit-learn, krippendorff)."""

from __future__ import annotations

import math

import pytest
from helpers.review_refs import kd_alpha, same, sk_kappa
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import agreement as ag
from annotator.core.model import Span

tags = st.sampled_from(["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(tags, tags), min_size=1, max_size=60))
def test_kappa_equals_sklearn_on_random_tags(pairs: list[tuple[str, str]]) -> None:
    a = [x for x, _ in pairs]
    b = [y for _, y in pairs]
    assert same(ag.cohen_kappa(a, b), sk_kappa(a, b))


def test_kappa_identical_one_class_is_undefined_like_sklearn_nan() -> None:
    a = ["O"] * 10
    assert ag.cohen_kappa(a, a) is None
    assert math.isnan(sk_kappa(a, a))


def test_kappa_identical_two_classes_is_one() -> None:
    a = ["O", "B-PER", "O", "I-PER"]
    assert ag.cohen_kappa(a, a) == 1.0


def test_kappa_of_nothing_is_undefined() -> None:
    assert ag.cohen_kappa([], []) is None


def test_kappa_rejects_unequal_lengths() -> None:
    with pytest.raises(ValueError, match=r"^sequences differ in length: 1 and 2$"):
        ag.cohen_kappa(["O"], ["O", "O"])


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=2, max_value=5).flatmap(
        lambda coders: st.lists(
            st.lists(st.one_of(st.none(), tags), min_size=coders, max_size=coders),
            min_size=1,
            max_size=40,
        )
    )
)
def test_alpha_equals_krippendorff_on_random_units(units: list[list[str | None]]) -> None:
    assert same(ag.krippendorff_alpha(units), kd_alpha(units))


def test_alpha_textbook_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with
    # missing values, read as nominal: 0.691358 (also in the krippendorff package's docs)
    raw = [
        [None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
        [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
        [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4],
    ]
    units = [list(u) for u in zip(*raw, strict=True)]
    result = ag.krippendorff_alpha(units)
    assert result is not None and round(result, 6) == 0.691358


def test_alpha_one_value_everywhere_is_undefined() -> None:
    assert ag.krippendorff_alpha([["O", "O"], ["O", "O"]]) is None
    assert ag.krippendorff_alpha([["O", None], [None, "B-PER"]]) is None  # nothing pairable


def test_alpha_accumulator_agreeing_units_count_like_explicit_units() -> None:
    units = [["B-PER", "O"], ["I-PER", "I-PER"]]
    acc = ag.AlphaAccumulator()
    for u in units:
        acc.add_unit(u)
    acc.add_agreeing_units("O", 2, 7)
    assert acc.alpha() == pytest.approx(ag.krippendorff_alpha([*units, *[["O", "O"]] * 7]))


def sp(start: int, end: int, label: str = "PER", layer: str = "entity") -> Span:
    return Span(start, end, layer, label)


def test_exact_matching_needs_same_extent_label_and_layer() -> None:
    a = [sp(0, 5), sp(10, 15, "ORG"), sp(20, 25)]
    b = [sp(0, 5), sp(10, 15, "LOC"), sp(20, 26), sp(0, 5, "CLAIM", "claim")]
    counts = ag.span_counts(a, b, "exact")
    assert (counts.matched, counts.a_total, counts.b_total) == (1, 3, 4)
    assert counts.precision == 0.25 and counts.recall == pytest.approx(1 / 3)
    assert counts.f1 == pytest.approx(2 / 7)


def test_exact_matching_pairs_duplicates_one_to_one() -> None:
    assert len(ag.match_exact([sp(0, 5), sp(0, 5)], [sp(0, 5)])) == 1


def test_overlap_matching_is_greedy_by_largest_overlap_and_one_to_one() -> None:
    # b1 overlaps a1 by 3 and a2 by 1; a2 overlaps b2 by 4: the largest pairs win
    a1, a2 = sp(0, 10), sp(9, 20)
    b1, b2 = sp(7, 10), sp(9, 13)
    pairs = ag.match_overlap([a1, a2], [b1, b2])
    assert set(pairs) == {(a2, b2), (a1, b1)}
    # one B span cannot serve two A spans
    assert len(ag.match_overlap([sp(0, 4), sp(5, 9)], [sp(0, 9)])) == 1


def test_overlap_matching_respects_label_unless_asked_not_to() -> None:
    assert ag.match_overlap([sp(0, 5)], [sp(2, 6, "ORG")]) == []
    assert len(ag.match_overlap([sp(0, 5)], [sp(2, 6, "ORG")], same_label=False)) == 1


def test_overlap_finds_long_spans_that_start_far_before() -> None:
    quote = Span(0, 1000, "quote", "QUOTE")
    assert len(ag.match_overlap([Span(500, 510, "quote", "QUOTE")], [quote])) == 1


def test_undefined_ratios_are_none() -> None:
    empty = ag.span_counts([], [], "exact")
    assert (empty.precision, empty.recall, empty.f1) == (None, None, None)
    one_sided = ag.span_counts([sp(0, 1)], [], "overlap")
    assert (one_sided.precision, one_sided.recall, one_sided.f1) == (None, 0.0, 0.0)


def test_iob2_tags_claim_tokens_touched_by_a_span_edge() -> None:
    tokens = [(0, 3), (4, 12), (13, 18)]
    # the span starts inside the second token (after a proclitic): the token is still its own
    tags = ag.dense_tags(3, ag.iob2_tags(tokens, [sp(5, 18)]))
    assert tags == ["O", "B-PER", "I-PER"]


def test_iob2_tags_outer_span_wins_within_a_layer() -> None:
    tokens = [(0, 2), (3, 5), (6, 8), (9, 11)]
    spans = [sp(3, 8, "LOC"), sp(0, 8, "ORG"), sp(6, 11, "PER")]
    tags = ag.dense_tags(4, ag.iob2_tags(tokens, spans))
    assert tags == ["B-ORG", "I-ORG", "I-ORG", "B-PER"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(tags, tags), min_size=1, max_size=50))
def test_sparse_pair_counts_give_the_dense_kappa(pairs: list[tuple[str, str]]) -> None:
    a = {i: x for i, (x, _) in enumerate(pairs) if x != "O"}
    b = {i: y for i, (_, y) in enumerate(pairs) if y != "O"}
    dense = ag.cohen_kappa([x for x, _ in pairs], [y for _, y in pairs])
    assert same(ag.kappa_from_pairs(ag.sparse_pair_counts(len(pairs), a, b)), dense)


def test_text_order_is_public_and_sorts_by_place_then_label() -> None:
    spans = [
        Span(4, 9, "entity", "PER"),
        Span(0, 3, "quote", "QUOTE"),
        Span(0, 3, "entity", "ORG"),
        Span(0, 2, "entity", "PER"),
    ]
    assert [ag.text_order(s) for s in sorted(spans, key=ag.text_order)] == [
        (0, 2, "entity", "PER"),
        (0, 3, "entity", "ORG"),
        (0, 3, "quote", "QUOTE"),
        (4, 9, "entity", "PER"),
    ]
