"""Pure-Python pieces of the view: the UTF-16 map, the per-block span index, tagging rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.clitics import occurs_as_word
from annotator.core.model import Relation, Span
from annotator.core.text import tokenize
from annotator.ui import tagging
from annotator.ui.offsets import OffsetMap
from annotator.ui.span_index import SpanIndex, block_starts

TEXTS = st.text(alphabet=st.sampled_from(["a", "ب", "\n", " ", "😀", "\U0001d400", "ة"]))


@given(TEXTS)
def test_offset_map_round_trips_with_utf16(text: str) -> None:
    omap = OffsetMap(text)
    for cp in range(len(text) + 1):
        qt = len(text[:cp].encode("utf-16-le")) // 2
        assert omap.to_qt(cp) == qt
        assert omap.from_qt(qt) == cp


def test_offset_inside_surrogate_pair_rounds_forward() -> None:
    omap = OffsetMap("a😀b")
    assert omap.from_qt(2) == 2  # between the two halves of the emoji


def test_index_buckets_spans_by_block() -> None:
    text = "سطر أول\nسطر ثان\nثالث"
    assert block_starts(text) == [0, 8, 16]
    across = Span(4, 12, "quote", "QUOTE")
    inner = Span(8, 11, "entity", "PER")
    index = SpanIndex(text, [across, inner], [Relation("speaker", across.uuid, inner.uuid)])
    assert [s.uuid for s in index.spans_in_block(0)] == [across.uuid]
    assert {s.uuid for s in index.spans_in_block(1)} == {across.uuid, inner.uuid}
    assert index.spans_in_block(2) == []
    assert [s.uuid for s in index.spans_at(9)] == [inner.uuid, across.uuid]  # innermost first
    assert index.find(8, 11, "entity") == inner
    assert index.links_of(inner.uuid)[0].kind == "speaker"
    index.remove(across.uuid)
    assert index.spans_in_block(0) == []


def test_selection_snaps_and_strips_proclitic() -> None:
    text = "صرح السكرتير الصحفي للوكاشينكو ، نقلا عن لوكاشينكو"
    at = text.index("وكاش")  # a sloppy selection inside the word
    lo, hi = tagging.span_from_selection(text, at, at + 3) or (0, 0)
    assert text[lo:hi] == "للوكاشينكو"
    lo, hi = tagging.span_from_selection(
        text, at, at + 3, attested=lambda w: occurs_as_word(text, w)) or (0, 0)
    assert text[lo:hi] == "لوكاشينكو"
    assert tagging.span_from_selection(text, 3, 4) is None  # a space only


def test_proclitic_key_cycles_through_readings() -> None:
    text = "توصل لوكاشينكو وبوتين أيضًا"
    start = text.index("وبوتين")
    end = start + len("وبوتين")
    first = tagging.next_proclitic_start(text, start, end)
    assert first is not None and text[first:end] == "بوتين"
    second = tagging.next_proclitic_start(text, first, end)
    assert second is not None and text[second:end] == "وتين"
    assert tagging.next_proclitic_start(text, second, end) == start  # back to the whole word


def test_edge_steps_move_by_tokens() -> None:
    text = "قال رئيس بيلاروسيا ألكسندر لوكاشينكو"
    tokens = tokenize(text)
    s, e = text.index("بيلاروسيا"), text.index("بيلاروسيا") + len("بيلاروسيا")
    grown = tagging.step_end(tokens, s, e, grow=True)
    assert grown is not None and text[s:grown] == "بيلاروسيا ألكسندر"
    assert tagging.step_end(tokens, s, e, grow=False) is None  # one token: nothing to shrink
    back = tagging.step_start(tokens, s, e, grow=True)
    assert back is not None and text[back:e] == "رئيس بيلاروسيا"
    assert tagging.step_start(tokens, back, e, grow=False) == s


BREAKS = "\n\r\u2029\ufdd0\ufdd1"


@given(st.text(alphabet=st.sampled_from(["a", "ب", " ", "\n", "\n", "\r", "\u2029", "\ufdd0"])))
def test_block_starts_follow_every_break_qt_makes(text: str) -> None:
    # the "\n"-only fast path and the general scan must agree with a plain definition
    assert block_starts(text) == [0, *(i + 1 for i, c in enumerate(text) if c in BREAKS)]


SPAN_SETS = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 15)), max_size=25)
LINES = st.text(alphabet=st.sampled_from(["a", "ب", "\n", " "]), min_size=1, max_size=40)


@given(LINES, SPAN_SETS)
def test_index_built_at_once_equals_index_built_span_by_span(
    text: str, extents: list[tuple[int, int]]
) -> None:
    spans = [Span(s, s + n, "entity", "PER") for s, n in extents]
    at_once = SpanIndex(text, spans)
    one_by_one = SpanIndex(text)
    for span in spans:
        one_by_one.add(span)
    for block in range(len(at_once.starts)):
        assert at_once.spans_in_block(block) == one_by_one.spans_in_block(block)


def test_offset_map_of_text_without_astral_characters_is_identity() -> None:
    omap = OffsetMap("نص عربي\nبلا رموز")
    assert omap.astral == [] and omap.to_qt(5) == 5 and omap.from_qt(5) == 5
    assert OffsetMap("x\U0001d400y").astral == [1]
