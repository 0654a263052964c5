"""Drawing suggestions in the document view: a dashed outline in the label's colour with the
label above it, so a suggestion never looks like a tag (tags are filled backgrounds).

DocumentView.paintEvent calls :func:`paint` once; the state a view shows is registered here
by :func:`attach`, so the view itself knows nothing of suggestions.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QTextBlock,
    QTextLayout,
)
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.suggest.model import Suggestion
from annotator.ui.suggestion_state import SuggestionState
from annotator.ui.view_blocks import blocks_in_band

_STATES: weakref.WeakKeyDictionary[QPlainTextEdit, SuggestionState] = (
    weakref.WeakKeyDictionary()
)


def attach(view: QPlainTextEdit, state: SuggestionState) -> None:
    """Draw ``state``'s suggestions in ``view`` from now on, repainting when they change."""
    _STATES[view] = state
    state.changed.connect(view.viewport().update)


def paint(view: QPlainTextEdit, dirty: QRect) -> None:
    """Outline the suggestions of the paragraphs the repainted rectangle ``dirty`` crosses
    (called from the view's paintEvent: a tag repaints its paragraph, not the page)."""
    state = _STATES.get(view)
    if state is None:
        return
    state.painted()
    if not state.has_candidates():
        return
    controller = state.controller
    index, offsets = controller.index, controller.offsets
    font = QFont(view.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * 0.6))
    metrics = QFontMetricsF(font)
    # a suggestion's label stands above its first line: a paragraph just below reaches in
    bottom = min(view.viewport().height(), dirty.bottom() + metrics.height())
    crossed = [block.blockNumber() for block, _box in blocks_in_band(view, dirty.top(), bottom)]
    if not crossed:
        return
    first, last = crossed[0], crossed[-1]
    lo, _ = index.block_range(first)
    _, hi = index.block_range(last)
    painter = QPainter(view.viewport())
    painter.setFont(font)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    colors = view.highlighter  # type: ignore[attr-defined]  # DocumentView's highlighter
    # what every outline of this paint shares, worked out once: a page may show a hundred
    # (echoes of frequent words), and each layout query is a call into Qt
    geometry = _Geometry(view)
    pens: dict[tuple[str, bool], QPen] = {}
    for s in state.shown_between(lo, hi):
        current = s.uuid == state.current
        pen = pens.get((s.label, current))
        if pen is None:
            pen = QPen(QColor(colors.color(s.layer, s.label)), 2.0 if current else 1.0,
                       Qt.PenStyle.DashLine)
            pen.setCosmetic(not current)
            pens[s.label, current] = pen
        rects = geometry.rects(offsets.to_qt(s.start), offsets.to_qt(s.end))
        painter.setPen(pen)
        if current:  # drawn smooth and rounded, to stand out
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for rect in rects:
                painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        else:  # a thin dashed box: Qt's fast path for cosmetic lines (a page may hold a hundred)
            for rect in rects:
                painter.drawRect(rect.adjusted(-1, 0, 1, -1))
        if rects:  # above the first line's right end: where a right-to-left name begins
            _label(painter, metrics, rects[0], s, pen.color())
    painter.end()


def _label(painter: QPainter, metrics: QFontMetricsF, at: QRectF, s: Suggestion,
           color: QColor) -> None:
    text = f"{s.label}?"
    width = metrics.horizontalAdvance(text) + 4
    box = QRectF(at.right() - width, at.top() - metrics.height() + 2, width, metrics.height())
    painter.setPen(color)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


class _Geometry:
    """On-screen rectangles of text positions, for one paint: each block's origin is asked of
    Qt once, and a position's line is found directly."""

    def __init__(self, view: QPlainTextEdit) -> None:
        self.view = view
        self.doc = view.document()
        self.offset = view.contentOffset()
        self.origins: dict[int, QPointF] = {}

    def _origin(self, block: QTextBlock) -> QPointF:
        n = block.blockNumber()
        origin = self.origins.get(n)
        if origin is None:
            origin = self.view.blockBoundingGeometry(block).translated(self.offset).topLeft()
            origin += block.layout().position()
            self.origins[n] = origin
        return origin

    def rects(self, start: int, end: int) -> list[QRectF]:
        """The rectangles of Qt positions ``[start, end)``, one per line it spans."""
        out: list[QRectF] = []
        block = self.doc.findBlock(start)
        while block.isValid() and block.position() < end:
            layout: QTextLayout = block.layout()
            origin = self._origin(block)
            a = max(start, block.position()) - block.position()
            b = min(end, block.position() + block.length() - 1) - block.position()
            first = max(0, layout.lineForTextPosition(a).lineNumber())
            for i in range(first, layout.lineCount()):
                line = layout.lineAt(i)
                if line.textStart() >= b:
                    break
                la, lb = max(a, line.textStart()), min(b, line.textStart() + line.textLength())
                if la >= lb:
                    continue
                x1, x2 = _x(line.cursorToX(la)), _x(line.cursorToX(lb))
                out.append(QRectF(min(x1, x2) + origin.x(), line.y() + origin.y(),
                                  abs(x2 - x1), line.height()))
            block = block.next()
        return out


def _x(value: object) -> float:
    """PySide gives cursorToX's result as a float or as (x, position)."""
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]
