"""Deciding disagreements into gold: provenance, pre-fill once, undo and redo."""

from __future__ import annotations

import pytest

from annotator.core.commands import ResizeSpan
from annotator.core.model import GOLD, Relation, Span, text_sha256
from annotator.workspace import Workspace
from annotator.workspace.review import ReviewSession

TEXT = "قال الرئيس لوكاشينكو في موسكو إن بوتين وافق"
#       0   4     10        20 23   28  33   38


def sp(who: str, start: int, end: int, label: str = "PER") -> Span:
    return Span(start, end, "entity", label, annotator=who)


@pytest.fixture
def doc(workspace: Workspace) -> int:
    repo = workspace.repo
    doc_id = repo.insert_document("خبر", TEXT, text_sha256(TEXT))
    repo.insert_spans(doc_id, [sp("A", 11, 20), sp("A", 24, 29, "GPE"), sp("A", 33, 38)])
    repo.insert_spans(doc_id, [sp("B", 11, 20), sp("B", 24, 29, "LOC"), sp("B", 4, 20)])
    return doc_id


def gold_keys(ws: Workspace, doc_id: int) -> list[tuple[int, int, str, str]]:
    return sorted(s.key() for s in ws.repo.spans(doc_id, GOLD))


def test_prefill_writes_agreements_once_with_provenance(workspace: Workspace, doc: int) -> None:
    session = ReviewSession(workspace, doc, ["A", "B"], curator="رئيسة")
    assert session.prefill() == 1
    [gold] = session.gold()
    assert gold.span.key() == (11, 20, "entity", "PER")
    assert gold.provenance["decision"] == "auto_accepted"
    assert gold.provenance["decided_by"] == "رئيسة"
    assert gold.provenance["from"] == ["A", "B"]
    # the curator removes it; a second review of the document does not bring it back
    workspace.repo.delete_span(gold.span.uuid)
    again = ReviewSession(workspace, doc, ["A", "B"])
    assert again.prefill() == 0
    assert gold_keys(workspace, doc) == []


def test_decisions_write_gold_spans_and_replace_each_other(
    workspace: Workspace, doc: int
) -> None:
    session = ReviewSession(workspace, doc, ["A", "B"], curator="cur")
    session.prefill()
    kinds = [sorted(d.kinds) for d in session.disagreements]
    assert kinds == [["missing"], ["label"], ["missing"]]
    # B's 4-20 overlaps the agreed 11-20, but agreements are taken out first: it stands alone
    first = session.disagreements[0]
    assert first.of("A") == () and first.of("B")[0].start == 4
    session.decide(1, "accept_a")
    assert (24, 29, "entity", "GPE") in gold_keys(workspace, doc)
    prov = next(g.provenance for g in session.gold() if g.span.label == "GPE")
    assert prov["decision"] == "accept_a" and prov["from"] == ["A"]
    assert prov["decided_by"] == "cur"
    assert session.decision_of(session.disagreements[1]) == "accept_a"
    # changing one's mind replaces the earlier gold span instead of adding to it
    session.decide(1, "accept_b")
    labels = [k[3] for k in gold_keys(workspace, doc) if k[:2] == (24, 29)]
    assert labels == ["LOC"]
    session.decide(1, "both")
    labels = [k[3] for k in gold_keys(workspace, doc) if k[:2] == (24, 29)]
    assert labels == ["GPE", "LOC"]
    session.decide(2, "neither")
    assert session.decisions() == [None, "both", "neither"]


def test_decisions_are_undoable_and_redoable(workspace: Workspace, doc: int) -> None:
    session = ReviewSession(workspace, doc, ["A", "B"])
    session.prefill()
    before = gold_keys(workspace, doc)
    session.decide(1, "accept_a")
    after_a = gold_keys(workspace, doc)
    session.decide(1, "accept_b")
    workspace.undo()
    assert gold_keys(workspace, doc) == after_a
    # the span put back by undo still carries its provenance
    prov = next(g.provenance for g in session.gold() if g.span.label == "GPE")
    assert prov["decision"] == "accept_a"
    workspace.undo()
    assert gold_keys(workspace, doc) == before
    workspace.redo()
    assert gold_keys(workspace, doc) == after_a


def test_edit_decision_gives_a_gold_span_to_resize(workspace: Workspace, doc: int) -> None:
    session = ReviewSession(workspace, doc, ["A", "B"])
    session.decide(0, "edit", chosen="B")
    [gold] = [g for g in session.gold() if g.provenance["decision"] == "edit"]
    assert gold.span.key() == (4, 20, "entity", "PER")
    workspace.execute(ResizeSpan(gold.span.uuid, 11, 20))
    resized = workspace.repo.get_span(gold.span.uuid)
    assert (resized.start, resized.end, resized.annotator) == (11, 20, GOLD)
    assert session.decision_of(session.disagreements[0]) == "edit"


def test_removing_a_decided_span_drops_its_links_and_undo_restores_them(
    workspace: Workspace, doc: int
) -> None:
    session = ReviewSession(workspace, doc, ["A", "B"])
    session.decide(2, "accept_a")
    [gold] = [g for g in session.gold() if g.span.start == 33]
    quote = workspace.repo.insert_span(doc, Span(0, 44, "quote", "QUOTE", annotator=GOLD))
    workspace.repo.insert_relation(doc, Relation("speaker", quote.uuid, gold.span.uuid,
                                                 annotator=GOLD))
    session.decide(2, "neither")
    assert workspace.repo.relations(doc, GOLD) == []
    workspace.undo()
    assert len(workspace.repo.relations(doc, GOLD)) == 1


def test_a_review_needs_two_annotators_and_not_gold(workspace: Workspace, doc: int) -> None:
    with pytest.raises(ValueError, match=r"^a review compares at least two annotators$"):
        ReviewSession(workspace, doc, ["A"])
    with pytest.raises(ValueError, match=r"^gold is what the review writes"):
        ReviewSession(workspace, doc, ["A", GOLD])


# --- links come along into gold -----------------------------------------------------------------

QUOTE = (30, 43)  # إن بوتين وافق


def quote_and_speaker(ws: Workspace, who: str, speaker: tuple[int, int]) -> None:
    """``who`` tags the quote and a speaker, and links them."""
    doc_id = ws.repo.find_document("خبر")
    assert doc_id is not None
    quote = Span(*QUOTE, "quote", "QUOTE", annotator=who)
    person = sp(who, *speaker)
    ws.repo.insert_spans(doc_id, [quote, person])
    ws.repo.insert_relation(doc_id, Relation("speaker", quote.uuid, person.uuid, annotator=who))


def gold_links(ws: Workspace, doc_id: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Gold's links as (quote extent, speaker extent)."""
    spans = {s.uuid: s for s in ws.repo.spans(doc_id, GOLD)}
    out = []
    for rel in ws.repo.relations(doc_id, GOLD):
        head, tail = spans[rel.head], spans[rel.tail]
        assert rel.kind == "speaker" and head.layer == "quote"
        out.append(((head.start, head.end), (tail.start, tail.end)))
    return sorted(out)


@pytest.fixture
def plain(workspace: Workspace) -> int:
    return workspace.repo.insert_document("خبر", TEXT, text_sha256(TEXT))


def test_prefill_takes_the_link_between_agreed_spans(workspace: Workspace, plain: int) -> None:
    quote_and_speaker(workspace, "A", (11, 20))
    quote_and_speaker(workspace, "B", (11, 20))
    session = ReviewSession(workspace, plain, ["A", "B"])
    assert session.prefill() == 2
    assert gold_keys(workspace, plain) == [(11, 20, "entity", "PER"), (30, 43, "quote", "QUOTE")]
    # two annotators' links between the same two gold spans make one gold link
    assert gold_links(workspace, plain) == [(QUOTE, (11, 20))]


def test_deciding_the_speaker_completes_the_link_and_undo_removes_it(
    workspace: Workspace, plain: int
) -> None:
    quote_and_speaker(workspace, "A", (11, 20))
    quote_and_speaker(workspace, "B", (4, 20))  # الرئيس لوكاشينكو
    session = ReviewSession(workspace, plain, ["A", "B"])
    assert session.prefill() == 1  # the quote; its speaker is in dispute
    assert gold_links(workspace, plain) == []
    [speaker] = session.disagreements
    session.decide(0, "accept_a")
    assert gold_links(workspace, plain) == [(QUOTE, (11, 20))]
    session.decide(0, "accept_b")  # the other side's span, with that side's link
    assert gold_links(workspace, plain) == [(QUOTE, (4, 20))]
    workspace.undo()
    assert gold_links(workspace, plain) == [(QUOTE, (11, 20))]
    workspace.undo()
    assert gold_links(workspace, plain) == []
    assert (11, 20, "entity", "PER") not in gold_keys(workspace, plain)
    workspace.redo()
    assert gold_links(workspace, plain) == [(QUOTE, (11, 20))]
    session.decide(0, "neither")
    assert gold_links(workspace, plain) == []
    assert session.decision_of(speaker) == "neither"


def test_a_link_needs_both_of_its_ends_taken(workspace: Workspace, plain: int) -> None:
    quote_and_speaker(workspace, "A", (11, 20))
    quote_and_speaker(workspace, "B", (4, 20))
    repo = workspace.repo
    [b_quote] = [s for s in repo.spans(plain, "B") if s.layer == "quote"]
    workspace.execute(ResizeSpan(b_quote.uuid, 33, 43))  # B's quote now differs too
    session = ReviewSession(workspace, plain, ["A", "B"])
    assert session.prefill() == 0
    quote_row = next(i for i, d in enumerate(session.disagreements) if d.layer == "quote")
    speaker_row = next(i for i, d in enumerate(session.disagreements) if d.layer == "entity")
    session.decide(speaker_row, "accept_a")
    assert gold_links(workspace, plain) == []  # A's quote is not in gold yet
    session.decide(quote_row, "accept_b")  # B's quote: B linked it to B's speaker, not A's
    assert gold_links(workspace, plain) == []
    session.decide(quote_row, "accept_a")  # the decision that completes A's pair links it
    assert gold_links(workspace, plain) == [(QUOTE, (11, 20))]


def test_a_gold_link_the_curator_removed_stays_removed(workspace: Workspace, plain: int) -> None:
    quote_and_speaker(workspace, "A", (11, 20))
    quote_and_speaker(workspace, "B", (11, 20))
    workspace.repo.insert_spans(plain, [sp("A", 24, 29, "GPE")])
    session = ReviewSession(workspace, plain, ["A", "B"])
    session.prefill()
    [link] = workspace.repo.relations(plain, GOLD)
    workspace.repo.delete_relation(link.uuid)
    session.decide(0, "accept_a")  # موسكو, unrelated to the quote
    assert gold_links(workspace, plain) == []


# --- attributes are decided, not taken from A (issue 9, item 5) ------------------------------

# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji before the quote
QUOTED = "قالـت الوزيرةُ ‏Reuters ٢٠٢٥ 🙂: «الاتفاقُ ممكنٌ غداً»"


def test_the_curator_decides_a_quotes_direct_or_indirect(workspace: Workspace) -> None:
    repo = workspace.repo
    doc_id = repo.insert_document("اقتباس", QUOTED, text_sha256(QUOTED))
    start = QUOTED.index("«")
    end = len(QUOTED)

    def q(who: str, value: str) -> Span:
        return Span(start, end, "quote", "QUOTE", annotator=who, attributes={"direct": value})

    repo.insert_spans(doc_id, [q("A", "direct")])
    repo.insert_spans(doc_id, [q("B", "indirect")])
    session = ReviewSession(workspace, doc_id, ["A", "B"])
    assert session.prefill() == 0  # nothing agreed: gold does not silently take A's value
    assert repo.spans(doc_id, GOLD) == []
    [d] = session.disagreements
    assert d.kinds == {"attribute"}
    session.decide(0, "accept_b")
    [gold] = repo.spans(doc_id, GOLD)
    assert (gold.start, gold.end, gold.attributes) == (start, end, {"direct": "indirect"})
    assert session.decisions() == ["accept_b"]
    session.decide(0, "accept_a")
    [gold] = repo.spans(doc_id, GOLD)
    assert gold.attributes == {"direct": "direct"}
