"""Agreement over documents (core.review) against the reference packages on random corpora."""

from __future__ import annotations

from collections import Counter

from helpers.review_refs import kd_alpha, reference_tags, same, sk_kappa
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.corpus_agreement import (
    AnnotatedDocument,
    agreement_report,
    alpha,
    pair_report,
)
from annotator.core.model import Span
from annotator.core.text import tokenize

WORDS = ["قال", "الرئيس", "لوكاشينكو", "في", "موسكو", "،", "وبوتين", "«", "نعم", "»"]
LABELS = ["PER", "LOC", "ORG"]


def corpus_tags(docs: list[AnnotatedDocument], who: str, label: str) -> list[str]:
    return [t for d in docs for t in reference_tags(d.text, d.layer_spans(who, "entity", label))]


@st.composite
def documents(draw: st.DrawFn, annotators: tuple[str, ...]) -> AnnotatedDocument:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
    text = " ".join(words)
    doc = AnnotatedDocument(f"doc{draw(st.integers(0, 10**6))}", text)
    for name in annotators:
        if not draw(st.booleans()) and name != annotators[0]:
            continue  # this annotator did not annotate this document
        spans = []
        for _ in range(draw(st.integers(0, 5))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, min(len(text), start + 30)))
            spans.append(Span(start, end, "entity", draw(st.sampled_from(LABELS)), annotator=name))
        doc.spans[name] = spans
    return doc


corpora = st.lists(documents(("A", "B", "C")), min_size=1, max_size=4)


@settings(max_examples=150, deadline=None)
@given(corpora)
def test_pair_kappa_equals_sklearn_on_the_tokens_of_shared_documents(docs: list) -> None:
    report = pair_report(docs, "A", "B", "entity")
    shared = [d for d in docs if "A" in d.spans and "B" in d.spans]
    ta = [t for d in shared for t in reference_tags(d.text, d.spans["A"])]
    tb = [t for d in shared for t in reference_tags(d.text, d.spans["B"])]
    expected = sk_kappa(ta, tb) if ta else None
    assert same(report.total.kappa, expected)
    for label, scores in report.per_label.items():
        la = corpus_tags(shared, "A", label)
        lb = corpus_tags(shared, "B", label)
        assert same(scores.kappa, sk_kappa(la, lb))


@settings(max_examples=150, deadline=None)
@given(corpora)
def test_alpha_equals_krippendorff_with_missing_annotators(docs: list) -> None:
    units: list[list[str | None]] = []
    for d in docs:
        columns = [
            reference_tags(d.text, d.spans[name]) if name in d.spans else None
            for name in ("A", "B", "C")
        ]
        for i in range(len(tokenize(d.text))):
            units.append([None if col is None else col[i] for col in columns])
    assert same(alpha(docs, ["A", "B", "C"], "entity"), kd_alpha(units))


@settings(max_examples=100, deadline=None)
@given(corpora)
def test_exact_f1_counts_shared_spans(docs: list) -> None:
    report = pair_report(docs, "A", "B", "entity")
    shared = [d for d in docs if "A" in d.spans and "B" in d.spans]
    matched = a_total = b_total = 0
    for d in shared:
        ka = Counter(s.key() for s in d.spans["A"])
        kb = Counter(s.key() for s in d.spans["B"])
        matched += sum((ka & kb).values())
        a_total += len(d.spans["A"])
        b_total += len(d.spans["B"])
    total = report.total
    assert (total.exact.matched, total.exact.a_total, total.exact.b_total) == (
        matched, a_total, b_total,
    )
    assert total.overlap.matched >= total.exact.matched  # an exact match also overlaps
    assert [name for name, _ in report.per_document] == [d.name for d in shared]


def test_identical_annotations_agree_fully() -> None:
    text = "قال الرئيس لوكاشينكو في موسكو"
    spans = [Span(11, 20, "entity", "PER"), Span(24, 29, "entity", "LOC")]
    doc = AnnotatedDocument(
        "d", text,
        {"A": [s.with_changes(annotator="A") for s in spans],
         "B": [s.with_changes(annotator="B") for s in spans]},
    )
    data = agreement_report([doc], ["A", "B"], ["entity", "quote"]).to_json()
    entity = next(p for p in data["pairs"] if p["layer"] == "entity")
    assert entity["span_f1_exact"] == entity["span_f1_overlap"] == 1.0
    assert entity["cohen_kappa_tokens"] == 1.0
    assert data["krippendorff_alpha"]["entity"] == 1.0
    # nobody drew a quote: every measure there is undefined rather than a made-up 0 or 1
    quote = next(p for p in data["pairs"] if p["layer"] == "quote")
    assert quote["span_f1_exact"] is None and quote["cohen_kappa_tokens"] is None
    assert data["krippendorff_alpha"]["quote"] is None


def test_empty_document_gives_undefined_figures() -> None:
    doc = AnnotatedDocument("empty", "", {"A": [], "B": []})
    report = pair_report([doc], "A", "B", "entity")
    assert report.total.kappa is None and report.total.exact.f1 is None
    assert alpha([doc], ["A", "B"], "entity") is None


def test_attribute_agreement_is_reported_per_layer() -> None:
    """Two quotes drawn alike, one called direct by A and indirect by B (issue 9, item 5)."""
    text = "قالـت الوزيرةُ ‏Reuters ٢٠٢٥ 🙂: «الاتفاقُ ممكنٌ» وقال: «نعم»"
    first, second = text.index("«الاتفاق"), text.index("«نعم")
    spans = {
        who: [
            Span(first, first + 15, "quote", "QUOTE", annotator=who,
                 attributes={"direct": value}),
            Span(second, len(text), "quote", "QUOTE", annotator=who,
                 attributes={"direct": "direct"}),
        ]
        for who, value in (("A", "direct"), ("B", "indirect"))
    }
    doc = AnnotatedDocument("d", text, spans)
    report = pair_report([doc], "A", "B", "quote")
    assert report.total.exact.f1 == 1.0  # the spans themselves agree
    [direct] = report.attributes.values()
    assert (direct.compared, direct.agreed) == (2, 1)
    assert direct.agreement == 0.5
    assert report.to_json()["attributes"]["direct"]["agreement"] == 0.5
    assert pair_report([doc], "A", "B", "entity").attributes == {}
