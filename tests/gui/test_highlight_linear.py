"""The highlighter's sweep and the tag placement give what the earlier nested scans gave.

Highlighting and label tags used to compare every span of a paragraph with every other, which
a corpus stored as one long line turned into minutes. The earlier algorithms are kept here as
references; random nested and overlapping spans must give the same format ranges and the same
tag places through the new paths.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot

from annotator.core.model import ImportedDocument, Span
from annotator.ui.coverage import covering_ranges
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.span_marks import TAG_GAP, SpanMark, separate_tags
from annotator.workspace import Workspace
from annotator.workspace.importing import store

K = TypeVar("K", bound=Hashable)

def reference_ranges(parts: Sequence[tuple[int, int, K]]) -> list[tuple[int, int, tuple[K, ...]]]:
    """The highlighter's earlier nested scan: every stretch asks every part."""
    edges = sorted({p for s, e, _ in parts if s < e for p in (s, e)})
    live = [(s, e, k) for s, e, k in parts if s < e]
    out = []
    for a, b in pairwise(edges):
        covering = tuple(k for s, e, k in live if s <= a and b <= e)
        if covering:
            out.append((a, b, covering))
    return out


PARTS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 25)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=40,
)


@given(PARTS)
def test_sweep_gives_the_nested_scan_ranges(bounds: list[tuple[int, int]]) -> None:
    # keys are unique, and the order is the drawing order the highlighter sorts to
    parts = sorted(
        ((s, e, f"k{i}") for i, (s, e) in enumerate(bounds)), key=lambda p: (p[0], -p[1])
    )
    assert covering_ranges(parts) == reference_ranges(parts)


def reference_separate(marks: list[SpanMark], width: float) -> list[SpanMark]:
    """Tag placement as it was: each tag checked against every tag placed before it."""
    placed: list[QRectF] = []
    out = []
    for mark in sorted(marks, key=lambda m: (m.tag is None, m.span.start, -m.depth)):
        tag = mark.tag
        if tag is None:
            out.append(mark)
            continue
        tag = QRectF(tag)
        for _ in range(len(placed) + 1):
            blocker = next((p for p in placed if p.intersects(tag)), None)
            if blocker is None:
                break
            if mark.rtl:
                tag.moveRight(blocker.left() - TAG_GAP)
            else:
                tag.moveLeft(blocker.right() + TAG_GAP)
        tag.moveLeft(min(max(tag.left(), 0.0), max(width - tag.width(), 0.0)))
        placed.append(tag)
        out.append(SpanMark(mark.span, mark.label, mark.depth, mark.rtl, mark.pieces, tag))
    return out


TAGS = st.lists(
    st.tuples(
        st.integers(0, 400),  # x
        st.sampled_from([0.0, 3.5, 11.0, 24.0, 30.0, 48.0, 60.5]),  # top: lines, some close
        st.integers(12, 60),  # width
        st.integers(0, 3),  # depth
        st.booleans(),  # rtl
        st.booleans(),  # has a tag
    ),
    max_size=30,
)


@given(TAGS)
@settings(max_examples=200)
def test_tags_are_placed_as_the_full_scan_placed_them(
    rows: list[tuple[int, float, int, int, bool, bool]],
) -> None:
    marks = [
        SpanMark(
            Span(i, i + 3, "entity", "PER", uuid=f"u{i:03}"), "PER", depth, rtl, (),
            QRectF(x, top, width, 9.0) if has_tag else None,
        )
        for i, (x, top, width, depth, rtl, has_tag) in enumerate(rows)
    ]
    assert separate_tags(marks, 500.0) == reference_separate(marks, 500.0)


Look = tuple[str, str, int]


def look(fmt: QTextCharFormat) -> Look:
    return (fmt.background().color().name(), fmt.underlineColor().name(),
            int(fmt.underlineStyle().value))


def test_a_long_paragraph_is_formatted_as_the_nested_scan_would(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    # real-looking Arabic: diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits
    # and an emoji before the spans, which nest and overlap at random
    words = ["مُنظّمة", "الصحـــة", "\u200fقال", "Moscow", "٢٠٢٤", "😀", "بوتين", "في", "جنيف"]
    rng = random.Random(12)
    text = " ".join(rng.choice(words) for _ in range(600))
    layers = [("entity", "PER"), ("entity", "ORG"), ("quote", "QUOTE"), ("claim", "CLAIM")]
    spans = []
    for _ in range(400):
        start = rng.randrange(len(text) - 1)
        end = min(len(text), start + rng.randint(1, 60))
        layer, label = rng.choice(layers)
        spans.append(Span(start, end, layer, label, annotator="tester"))
    ws = Workspace.open(str(tmp_path / "long.sqlite3"), "tester")
    doc_id = store(ws, [ImportedDocument("long", text)]).doc_ids[0]
    ws.repo.insert_spans(doc_id, spans)
    win = MainWindow(ws, settings)
    qtbot.addWidget(win)
    win.resize(900, 700)
    win.show()
    qtbot.waitExposed(win)
    win.open_document(doc_id)
    view, index, offsets = win.view, win.controller.index, win.controller.offsets
    doc = view.document()
    view.highlighter.ensure_highlighted(0, doc.blockCount() - 1)
    for number in range(doc.blockCount()):
        block = doc.findBlockByNumber(number)
        base, lo, hi = block.position(), *index.block_range(number)
        ordered = sorted(index.spans_in_block(number), key=lambda s: (s.start, -s.end))
        parts: list[tuple[int, int, tuple[str, str]]] = [
            (offsets.to_qt(max(s.start, lo)) - base, offsets.to_qt(min(s.end, hi)) - base,
             (s.layer, s.label))
            for s in ordered
        ]
        expected: dict[int, Look] = {}
        for a, b, covering in reference_ranges(parts):
            fmt = view.highlighter._format(covering)  # how one covering looks is not tested here
            # Qt keeps no format on the paragraph's break
            expected.update((i, look(fmt)) for i in range(a, min(b, block.length() - 1)))
        got: dict[int, Look] = {}
        for r in block.layout().formats():
            got.update((i, look(r.format)) for i in range(r.start, r.start + r.length))
        assert got == expected, f"block {number}"
    assert sum(len(index.spans_in_block(n)) > 0 for n in range(doc.blockCount())) > 0
    ws.close()
