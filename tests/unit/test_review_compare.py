"""Finding disagreements between annotators (core.review.compare)."""

from __future__ import annotations

import pytest

from annotator.core.model import Relation, Span
from annotator.core.review import CONFLICT, PARTIAL, compare, merged_view, only


def sp(who: str, start: int, end: int, label: str = "PER", layer: str = "entity") -> Span:
    return Span(start, end, layer, label, annotator=who)


def test_agreements_and_each_kind_of_disagreement() -> None:
    a = [sp("A", 0, 5), sp("A", 10, 15), sp("A", 20, 25), sp("A", 30, 35)]
    b = [sp("B", 0, 5), sp("B", 10, 15, "ORG"), sp("B", 20, 27), sp("B", 40, 45)]
    result = compare({"A": a, "B": b})
    assert [g.span.key() for g in result.agreements] == [(0, 5, "entity", "PER")]
    kinds = [(d.start, d.end, set(d.kinds)) for d in result.disagreements]
    assert kinds == [
        (10, 15, {"label"}),
        (20, 27, {"extent"}),
        (30, 35, {"missing"}),
        (40, 45, {"missing"}),
    ]
    missing_b = result.disagreements[2]
    assert missing_b.of("B") == () and missing_b.of("A") == (a[3],)


def test_nested_agreement_is_taken_out_before_clustering() -> None:
    # both agree on the inner LOC; they differ on the outer span's label
    a = [sp("A", 0, 20, "ORG"), sp("A", 6, 20, "LOC")]
    b = [sp("B", 0, 20, "FAC"), sp("B", 6, 20, "LOC")]
    result = compare({"A": a, "B": b})
    assert [g.span.label for g in result.agreements] == ["LOC"]
    assert len(result.disagreements) == 1
    assert result.disagreements[0].kinds == {"label"}


def test_overlapping_spans_of_other_layers_stay_apart() -> None:
    a = [sp("A", 0, 30, "QUOTE", "quote"), sp("A", 3, 8)]
    b = [sp("B", 3, 8, "ORG")]
    result = compare({"A": a, "B": b})
    # in text order: the quote starts first
    assert [(d.layer, d.kinds) for d in result.disagreements] == [
        ("quote", {"missing"}),
        ("entity", {"label"}),
    ]


def test_transitive_overlaps_form_one_cluster() -> None:
    a = [sp("A", 0, 10), sp("A", 18, 30)]
    b = [sp("B", 8, 20)]
    result = compare({"A": a, "B": b})
    assert len(result.disagreements) == 1
    d = result.disagreements[0]
    assert (d.start, d.end) == (0, 30) and len(d.of("A")) == 2


def test_three_annotators_agree_only_when_all_drew_it() -> None:
    a, b, c = [sp("A", 0, 5)], [sp("B", 0, 5)], [sp("C", 0, 6)]
    result = compare({"A": a, "B": b, "C": c})
    assert result.agreements == []
    [d] = result.disagreements
    assert d.annotators == ("A", "B", "C") and d.kinds == {"extent"}
    assert "A: PER 0-5" in d.describe()


def test_compare_needs_two_annotators() -> None:
    with pytest.raises(ValueError, match=r"^comparing needs at least two annotators$"):
        compare({"A": []})


def test_merged_view_shows_agreements_once_and_marks_the_rest() -> None:
    a = [sp("A", 0, 5), sp("A", 10, 15), sp("A", 30, 35), sp("A", 50, 55)]
    b = [sp("B", 0, 5), sp("B", 10, 15, "ORG"), sp("B", 40, 45)]
    c = [sp("C", 0, 5), sp("C", 10, 15), sp("C", 50, 55)]
    quote = {who: sp(who, 0, 60, "QUOTE", "quote") for who in "ABC"}
    links = [
        Relation("speaker", quote[who].uuid, first.uuid, annotator=who)
        for who, first in (("A", a[0]), ("B", b[0]), ("C", c[0]))
    ]
    comparison = compare({"A": [*a, quote["A"]], "B": [*b, quote["B"]], "C": [*c, quote["C"]]})
    view = merged_view(comparison, links)
    shown = sorted(
        (s.start, s.end, s.label, s.annotator, view.marks.get(s.uuid) or "") for s in view.spans
    )
    assert shown == [
        (0, 5, "PER", "A, B, C", ""),  # agreed: once, unmarked
        (0, 60, "QUOTE", "A, B, C", ""),
        (10, 15, "ORG", "B", CONFLICT),
        (10, 15, "PER", "A", CONFLICT),
        (10, 15, "PER", "C", CONFLICT),
        (30, 35, "PER", "A", only("A")),
        (40, 45, "PER", "B", only("B")),
        (50, 55, "PER", "A", PARTIAL),  # A and C drew it, B nothing
        (50, 55, "PER", "C", PARTIAL),
    ]
    # three annotators' links between the agreed quote and speaker: one link between the copies
    [link] = view.relations
    by_uuid = {s.uuid: s for s in view.spans}
    assert (by_uuid[link.head].layer, by_uuid[link.tail].start) == ("quote", 0)


# --- attributes (issue 9, item 5) -----------------------------------------------------------

def quote(who: str, direct: str, start: int = 4, end: int = 24) -> Span:
    return Span(start, end, "quote", "QUOTE", annotator=who, attributes={"direct": direct})


def test_an_attribute_difference_is_a_disagreement_not_an_agreement() -> None:
    result = compare({"A": [quote("A", "direct")], "B": [quote("B", "indirect")]})
    assert result.agreements == []
    [d] = result.disagreements
    assert d.kinds == {"attribute"}
    assert (d.layer, d.start, d.end) == ("quote", 4, 24)
    assert "A: QUOTE 4-24 direct=direct" in d.describe()
    assert "B: QUOTE 4-24 direct=indirect" in d.describe()
    view = merged_view(result)
    assert sorted(view.marks.values()) == [CONFLICT, CONFLICT]


def test_same_attributes_still_agree_and_the_key_follows_the_attribute() -> None:
    same = compare({"A": [quote("A", "indirect")], "B": [quote("B", "indirect")]})
    assert len(same.agreements) == 1 and same.disagreements == []
    a, b = quote("A", "direct"), quote("B", "indirect")
    before = compare({"A": [a], "B": [b]}).disagreements[0].key()
    # B changes the attribute (same span, same extent): another disagreement, open again
    changed = b.with_changes(attributes={"direct": "unsure"})
    assert compare({"A": [a], "B": [changed]}).disagreements[0].key() != before


def test_attribute_and_extent_differences_are_both_named() -> None:
    result = compare({"A": [quote("A", "direct")], "B": [quote("B", "indirect", 4, 30)]})
    [d] = result.disagreements
    assert d.kinds == {"attribute", "extent"}
