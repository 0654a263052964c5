"""Drawing suggestions in the document view: a dashed outline in the label's colour with the
label above it, so a suggestion never looks like a tag (tags are filled backgrounds).

DocumentView.paintEvent calls :func:`paint` once; the state a view shows is registered here
by :func:`attach`, so the view itself knows nothing of suggestions.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextLayout
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.suggest.model import Suggestion
from annotator.ui.suggestion_state import SuggestionState

_STATES: weakref.WeakKeyDictionary[QPlainTextEdit, SuggestionState] = (
    weakref.WeakKeyDictionary()
)


def attach(view: QPlainTextEdit, state: SuggestionState) -> None:
    """Draw ``state``'s suggestions in ``view`` from now on, repainting when they change."""
    _STATES[view] = state
    state.changed.connect(view.viewport().update)


def paint(view: QPlainTextEdit) -> None:
    """Outline the suggestions of the visible paragraphs (called from the view's paintEvent)."""
    state = _STATES.get(view)
    if state is None:
        return
    state.painted()
    if not state.shown:
        return
    controller = state.controller
    index, offsets = controller.index, controller.offsets
    height = view.viewport().height()
    first, last = view.firstVisibleBlock(), -1
    block = first
    offset = view.contentOffset()
    while block.isValid():
        top = view.blockBoundingGeometry(block).translated(offset).top()
        if top > height:
            break
        last = block.blockNumber()
        block = block.next()
    if last < 0:
        return
    lo, _ = index.block_range(first.blockNumber())
    _, hi = index.block_range(last)
    painter = QPainter(view.viewport())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(view.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * 0.6))
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    colors = view.highlighter  # type: ignore[attr-defined]  # DocumentView's highlighter
    for s in state.shown:
        if s.end <= lo or s.start >= hi:
            continue
        color = QColor(colors.color(s.layer, s.label))
        current = s.uuid == state.current
        rects = _rects(view, offsets.to_qt(s.start), offsets.to_qt(s.end))
        for rect in rects:
            pen = QPen(color, 2.0 if current else 1.2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)
        if rects:  # above the first line's right end: where a right-to-left name begins
            _label(painter, metrics, rects[0], s, color)
    painter.end()


def _label(painter: QPainter, metrics: QFontMetricsF, at: QRectF, s: Suggestion,
           color: QColor) -> None:
    text = f"{s.label}?"
    width = metrics.horizontalAdvance(text) + 4
    box = QRectF(at.right() - width, at.top() - metrics.height() + 2, width, metrics.height())
    painter.setPen(color)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _rects(view: QPlainTextEdit, start: int, end: int) -> list[QRectF]:
    """The on-screen rectangles of Qt positions ``[start, end)``, one per line it spans."""
    doc = view.document()
    out: list[QRectF] = []
    block = doc.findBlock(start)
    offset = view.contentOffset()
    while block.isValid() and block.position() < end:
        layout: QTextLayout = block.layout()
        origin = view.blockBoundingGeometry(block).translated(offset).topLeft()
        a = max(start, block.position()) - block.position()
        b = min(end, block.position() + block.length() - 1) - block.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            la, lb = max(a, line.textStart()), min(b, line.textStart() + line.textLength())
            if la >= lb:
                continue
            x1, x2 = _x(line.cursorToX(la)), _x(line.cursorToX(lb))
            out.append(QRectF(min(x1, x2) + origin.x() + layout.position().x(),
                              line.y() + origin.y() + layout.position().y(),
                              abs(x2 - x1), line.height()))
        block = block.next()
    return out


def _x(value: object) -> float:
    """PySide gives cursorToX's result as a float or as (x, position)."""
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]
