"""Where each visible span's label tag and bracket go, and where a link's line runs.

Pure geometry read from Qt's own text layout (``QTextLine.glyphRuns`` gives the visual extent of
any character range, bidi reordering included): the document view paints what these functions
return, and tests check it without reading pixels. Positions are viewport pixels.

A span starts where its first letter begins: on the right in a right-to-left run, on the left
in a Latin run, so its label tag hangs from there into the span. Tags sit in the band at the top
of the line box, above the letters' usual height; brackets hang below the baseline, deeper for a
span that holds others, so nested and overlapping spans (of one layer too) stay apart.
"""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QTextLayout

from annotator.core.model import Span

TAG_GAP = 2.0  # pixels between two tags that would otherwise overlap
TAG_PAD = 2.0  # pixels of tag colour either side of its text
MIN_TAG_PIXELS = 9  # below this a Latin label is no longer readable
TAG_SHARE = 0.5  # a tag's font, against the document font's em
# letters whose top is the usual top of Arabic (and Latin capital) ink; a hamza or a vowel
# mark above reaches higher, and a tag may touch it
_TALL_LETTERS = "الكطظHT"


@dataclass(frozen=True, slots=True)
class MarkMetrics:
    """Sizes of the marks for one document font.

    Attributes:
        band: the free room between a line's top and its tall letters' tops.
        tag_height: a tag's height; its lower edge is at the bottom of ``band`` and what
            does not fit reaches into the room under the line above, at most a third of the
            tag (descenders there rarely reach the line's bottom).
        cap: the label font's capital height, to centre the label's text in its tag.
    """

    label_font: QFont
    band: float
    tag_height: float
    cap: float
    tag_advance: Callable[[str], float]  # the width of a label's text in ``label_font``
    foot_first: float  # below the baseline, where a depth-0 bracket's foot is
    foot_step: float  # each level of depth adds this much


def mark_metrics(text_font: QFont, label_family: QFont) -> MarkMetrics:
    """Marks sized to fit the free band above ``text_font``'s tall letters."""
    text = QFontMetricsF(text_font)
    band = max(0.0, text.ascent() + text.tightBoundingRect(_TALL_LETTERS).top())
    font = QFont(label_family)
    font.setBold(True)
    font.setPixelSize(max(MIN_TAG_PIXELS, round(TAG_SHARE * QFontInfo(text_font).pixelSize())))
    label = QFontMetricsF(font)
    return MarkMetrics(
        label_font=font,
        band=band,
        tag_height=label.capHeight() + 3,  # a capital and 1.5 px of colour above and below
        cap=label.capHeight(),
        tag_advance=label.horizontalAdvance,
        foot_first=max(2.0, text.descent() * 0.25),
        foot_step=max(1.5, text.descent() * 0.15),
    )


@dataclass(frozen=True, slots=True)
class Piece:
    """One line's share of a span.

    Attributes:
        left, right: its horizontal extent.
        top, baseline, bottom: of the line it sits on.
        foot: where its bracket's foot is (below the baseline, by depth).
        opens, closes: it holds the span's first (last) letter, so draws that bracket.
    """

    left: float
    right: float
    top: float
    baseline: float
    bottom: float
    foot: float
    opens: bool
    closes: bool


@dataclass(frozen=True, slots=True)
class SpanMark:
    """What is drawn for one span on screen.

    Attributes:
        span: the span.
        label: the text of its tag.
        depth: 0 for a span holding no other; one more than the deepest span it holds or
            crosses (among shorter ones).
        rtl: its first letter runs right to left, so it starts on its right.
        pieces: its share of each line, in line order.
        tag: where its label is drawn (on the line of its start), or None when its start is
            not in the block.
    """

    span: Span
    label: str
    depth: int
    rtl: bool
    pieces: tuple[Piece, ...]
    tag: QRectF | None


def nesting_depths(spans: Sequence[Span]) -> dict[str, int]:
    """Each span's depth: shorter spans first, each one level over the deepest it overlaps.

    A shorter span that overlaps ``s`` starts after ``s.start - len(s)``: only that window of
    the spans placed so far (kept sorted by start) is read.
    """
    depth: dict[str, int] = {}
    placed: list[tuple[int, int, str]] = []  # (start, end, uuid) of shorter spans, by start
    for s in sorted(spans, key=lambda x: (x.end - x.start, x.start, x.layer, x.label, x.uuid)):
        level = 0
        lo = bisect_left(placed, (s.start - (s.end - s.start) + 1,))
        for start, end, uuid in placed[lo:]:
            if start >= s.end:
                break
            if end > s.start:
                level = max(level, depth[uuid] + 1)
        depth[s.uuid] = level
        insort(placed, (s.start, s.end, s.uuid))
    return depth


def _extent(layout: QTextLayout, line_number: int, start: int, length: int) -> QRectF | None:
    """The visual box of characters [start, start + length) on one line, or None."""
    box: QRectF | None = None
    for run in layout.lineAt(line_number).glyphRuns(start, length):
        rect = run.boundingRect()
        box = rect if box is None else box.united(rect)
    return box


def block_marks(
    layout: QTextLayout, origin: QPointF, spans: Sequence[tuple[Span, int, int, bool, bool]],
    depths: dict[str, int], metrics: MarkMetrics, labels: Callable[[Span], str],
) -> list[SpanMark]:
    """The marks of one paragraph's spans.

    ``spans`` holds (span, start, end, opens, closes): the span's part in this paragraph, in
    Qt positions inside the block, and whether its first (last) letter is here. ``origin`` is
    where the layout's (0, 0) is in the viewport.
    """
    ox, oy = origin.x(), origin.y()
    out = []
    for span, start, end, opens, closes in spans:
        first = layout.lineForTextPosition(start)
        if not first.isValid():
            continue
        depth = depths.get(span.uuid, 0)
        pieces = []
        number = first.lineNumber()
        while number < layout.lineCount():
            line = layout.lineAt(number)
            ls = line.textStart()
            if ls >= end:
                break
            a, b = max(start, ls), min(end, ls + line.textLength())
            box = _extent(layout, number, a, b - a) if a < b else None
            if box is not None:
                top = oy + line.y()
                baseline = top + line.ascent()
                bottom = top + line.height() - 1
                pieces.append(Piece(
                    left=ox + box.left(), right=ox + box.right(), top=top, baseline=baseline,
                    bottom=bottom,
                    foot=min(bottom, baseline + metrics.foot_first + depth * metrics.foot_step),
                    opens=opens and a == start, closes=closes and b == end,
                ))
            number += 1
        if not pieces:
            continue
        rtl, tag = True, None
        if opens:
            head = _extent(layout, first.lineNumber(), start, 1)
            runs = first.glyphRuns(start, 1)
            rtl = runs[0].isRightToLeft() if runs else True
            if head is not None:
                label = labels(span)
                width = metrics.tag_advance(label) + 2 * TAG_PAD
                x = ox + (head.right() - width if rtl else head.left())
                # its lower edge just over the tall letters' tops
                top = pieces[0].top + max(metrics.band - metrics.tag_height,
                                          -metrics.tag_height / 3)
                tag = QRectF(x, top, width, metrics.tag_height)
        out.append(SpanMark(span, labels(span), depth, rtl, tuple(pieces), tag))
    return out


def separate_tags(marks: list[SpanMark], width: float) -> list[SpanMark]:
    """Tags moved apart along their reading direction where they would overlap.

    Outer spans keep their place first (a quote's tag stays at the quote's start; the entity
    starting on the same letter gets the next place), then tags are kept inside ``width``.
    Tags only move sideways, so a tag can meet only those placed in its own band of height
    (or the bands either side): a long paragraph costs its tags times the tags of one line,
    not its tags squared.
    """
    band = max((m.tag.height() for m in marks if m.tag is not None), default=1.0) or 1.0
    rows: dict[int, list[tuple[int, QRectF]]] = {}  # band -> (placing order, tag) there
    placed = 0
    out = []
    for mark in sorted(marks, key=lambda m: (m.tag is None, m.span.start, -m.depth)):
        tag = mark.tag
        if tag is None:
            out.append(mark)
            continue
        tag = QRectF(tag)
        row = math.floor(tag.top() / band)
        near = sorted(p for r in (row - 1, row, row + 1) for p in rows.get(r, ()))
        for _ in range(len(near) + 1):
            # the first placed that it meets, as a scan over every placed tag would find
            blocker = next((p for _, p in near if p.intersects(tag)), None)
            if blocker is None:
                break
            if mark.rtl:
                tag.moveRight(blocker.left() - TAG_GAP)
            else:
                tag.moveLeft(blocker.right() + TAG_GAP)
        tag.moveLeft(min(max(tag.left(), 0.0), max(width - tag.width(), 0.0)))
        rows.setdefault(row, []).append((placed, tag))
        placed += 1
        out.append(SpanMark(mark.span, mark.label, mark.depth, mark.rtl, mark.pieces, tag))
    return out


def moved(mark: SpanMark, dy: float) -> SpanMark:
    """``mark`` moved down by ``dy`` (from its paragraph's top to the viewport's)."""
    pieces = tuple(
        Piece(p.left, p.right, p.top + dy, p.baseline + dy, p.bottom + dy, p.foot + dy,
              p.opens, p.closes)
        for p in mark.pieces
    )
    tag = mark.tag.translated(0, dy) if mark.tag is not None else None
    return SpanMark(mark.span, mark.label, mark.depth, mark.rtl, pieces, tag)


@dataclass(frozen=True, slots=True)
class LinkLine:
    """A link drawn from its head (the quote or claim) to its tail (speaker or source).

    Attributes:
        kind: the relation's name.
        head, tail: the ends: the top middle of a span's first piece on screen, or the point
            on the viewport's top or bottom edge towards an end that is off screen.
        off_screen: "" when both ends show, else "above" or "below": where the end that does
            not show is.
        far_text: names the end that does not show (``speaker: بوتين``); "" when both show.
    """

    kind: str
    head: QPointF
    tail: QPointF
    off_screen: str
    far_text: str


def anchor(mark: SpanMark) -> QPointF:
    """Where a link line meets a span: the top middle of its first piece on screen."""
    piece = mark.pieces[0]
    return QPointF((piece.left + piece.right) / 2, piece.top)
