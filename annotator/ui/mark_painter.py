"""Painting the marks ``span_marks`` placed: label tags, depth brackets and link lines.

Nothing here decides where a mark goes; it only draws it, so what the tests check about the
places is what the user sees.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)

from annotator.core.model import Span
from annotator.ui.span_marks import TAG_PAD, LinkLine, MarkMetrics, SpanMark

LINK_COLOR = QColor(46, 125, 50)
BRACKET_FOOT = 6.0  # how far a bracket's foot reaches into its span
ARROW = 7.0  # length of a link's arrow head


def _ink_on(color: QColor) -> QColor:
    """Black or white, whichever reads better on ``color`` (relative luminance)."""
    luminance = 0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF()
    return QColor(Qt.GlobalColor.black if luminance > 0.55 else Qt.GlobalColor.white)


class TagImages:
    """Each label's tag drawn once into a pixmap: a screenful of tags is then a few blits, not
    a few dozen text layouts (the view repaints the whole viewport on every tag)."""

    def __init__(self) -> None:
        self._images: dict[tuple[str, int, str, float, float], QPixmap] = {}

    def image(self, mark: SpanMark, color: QColor, metrics: MarkMetrics, ratio: float) -> QPixmap:
        assert mark.tag is not None
        key = (mark.label, color.rgba(), metrics.label_font.key(), mark.tag.width(), ratio)
        pixmap = self._images.get(key)
        if pixmap is None:
            width, height = mark.tag.width(), mark.tag.height()
            pixmap = QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(QRectF(0, 0, width, height), 2, 2)
            painter.setPen(_ink_on(color))
            painter.setFont(metrics.label_font)
            # centred by its capitals (labels are names like PER), not the font's whole height
            painter.drawText(QPointF(TAG_PAD, height / 2 + metrics.cap / 2), mark.label)
            painter.end()
            self._images[key] = pixmap
        return pixmap


def paint_marks(
    painter: QPainter, marks: list[SpanMark], metrics: MarkMetrics,
    color_of: Callable[[Span], QColor], images: TagImages,
) -> None:
    """Brackets first, then the tags over them."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for mark in marks:
        pen = QPen(color_of(mark.span), 1.5)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        for piece in mark.pieces:
            foot = min(BRACKET_FOOT, (piece.right - piece.left) / 2)
            # in the span's reading direction: where it starts, and where it ends
            start_x, inward = (piece.right, -foot) if mark.rtl else (piece.left, foot)
            end_x = piece.left if mark.rtl else piece.right
            for holds, x, reach in ((piece.opens, start_x, inward), (piece.closes, end_x, -inward)):
                if holds:
                    painter.drawPolyline(QPolygonF([
                        QPointF(x, piece.baseline + 1), QPointF(x, piece.foot),
                        QPointF(x + reach, piece.foot),
                    ]))
    ratio = painter.device().devicePixelRatioF()
    for mark in marks:
        if mark.tag is not None:
            image = images.image(mark, color_of(mark.span), metrics, ratio)
            painter.drawPixmap(mark.tag.topLeft(), image)


def paint_links(painter: QPainter, lines: list[LinkLine], font: QFont) -> None:
    """Each link as an arc over the text from head to tail, its kind at the top, an arrow at
    the tail; towards an end off screen, a line to the edge that names it."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    for line in lines:
        head, tail = line.head, line.tail
        path = QPainterPath(head)
        if line.off_screen:
            path.lineTo(tail)
            before_tail = head
        else:
            dx, dy = abs(tail.x() - head.x()), abs(tail.y() - head.y())
            # wider arcs rise higher, but stay near the gap above the line
            lift = min(36.0, 12.0 + dx * 0.05 + dy * 0.1)
            c1 = QPointF(head.x(), max(1.0, head.y() - lift))
            c2 = QPointF(tail.x(), max(1.0, tail.y() - lift))
            path.cubicTo(c1, c2, tail)
            before_tail = c2
        pen = QPen(LINK_COLOR, 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        _arrow_head(painter, before_tail, tail)
        text = line.far_text or line.kind
        at = _near_edge(line) if line.off_screen else path.pointAtPercent(0.5)
        width = metrics.horizontalAdvance(text) + 8
        box = QRectF(at.x() - width / 2, at.y() - metrics.height() / 2, width, metrics.height())
        painter.setPen(QPen(LINK_COLOR, 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(LINK_COLOR)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _near_edge(line: LinkLine) -> QPointF:
    """Where the name of an off-screen end goes: on the line, a little inside that edge."""
    if line.off_screen == "above":
        edge = min(line.head, line.tail, key=QPointF.y)
        return QPointF(edge.x(), edge.y() + 14)
    edge = max(line.head, line.tail, key=QPointF.y)
    return QPointF(edge.x(), edge.y() - 14)


def _arrow_head(painter: QPainter, before: QPointF, tip: QPointF) -> None:
    angle = math.atan2(tip.y() - before.y(), tip.x() - before.x())
    if before == tip:
        angle = math.pi / 2
    left, right = (
        QPointF(tip.x() - ARROW * math.cos(angle + turn), tip.y() - ARROW * math.sin(angle + turn))
        for turn in (-0.45, 0.45)
    )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(LINK_COLOR)
    painter.drawPolygon(QPolygonF([tip, left, right]))
