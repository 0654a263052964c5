"""The document view: read-only, right-to-left text with span highlights and link markers.

Everything here speaks Qt's UTF-16 positions inside and code points to the outside, converting
through the controller's ``OffsetMap`` at this edge. Highlights come from ``SpanHighlighter``;
ExtraSelections are kept for the few transient marks (current span, search hits, flash).
Layers whose schema style asks for a ``sidebar`` get a bar at the right edge (where the
right-to-left lines start) beside each paragraph holding one of their spans.

With labels on the text (View menu), each visible span also gets its label's name as a tag at
its start and a bracket at each end, deeper by nesting; the current span's links are drawn as
lines to their other ends. ``span_marks`` and ``link_lines`` say where (``span_marks.py``);
only the paragraphs on screen are measured, so a 20,000-span document paints as fast as a
small one.
"""

from __future__ import annotations

import math
from typing import cast

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core.commands import Change
from annotator.core.model import Span
from annotator.ui import suggestion_painter
from annotator.ui.controller import AnnotationController
from annotator.ui.highlighter import SpanHighlighter
from annotator.ui.mark_painter import TagImages, paint_links, paint_marks
from annotator.ui.span_index import position_key
from annotator.ui.span_marks import (
    LinkLine,
    MarkMetrics,
    SpanMark,
    anchor,
    block_marks,
    mark_metrics,
    moved,
    nesting_depths,
    separate_tags,
)
from annotator.ui.view_blocks import blocks_in_band

FLASH_MS = 700
HIGHLIGHT_MARGIN = 30  # paragraphs formatted beyond the screen, so scrolling finds them ready
_OVERLAY_ORDER = ("search", "current", "link", "flash")
# the side bar of ``sidebar`` layers: drawn inside the document margin (QTextDocument's
# default 4 px) at the viewport's right edge, so it stays clear of the text
SIDEBAR_WIDTH = 3


def _overlay_format(name: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    color = {
        "search": QColor(255, 235, 59), "current": QColor(144, 202, 249),
        "link": QColor(165, 214, 167), "flash": QColor(255, 152, 0),
    }[name]
    fmt.setBackground(color)
    return fmt


class DocumentView(QPlainTextEdit):
    """Shows the controller's document.

    Signals:
        context_menu_requested(int, QPoint): a right click at this code point (and screen
            point).
    """

    context_menu_requested = Signal(int, QPoint)

    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._apply_text_option()
        self.highlighter = SpanHighlighter(self.document(), controller.ws.schema)
        self._overlays: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self.set_overlay("flash", []))
        # a selection to tag exactly as it stands (a Ctrl/Alt+drag, or the ``-`` step): held as
        # its extent, so it lasts while that extent is what is highlighted, whatever keys
        # come between (Shift, Ctrl+C), and ends as soon as the selection changes
        self._exact: tuple[int, int] | None = None
        self._alt_press = False
        self.labels_shown = True  # label tags, depth brackets and the current span's links
        self._metrics: tuple[str, MarkMetrics] | None = None  # and the font they were made for
        self._links_drawn = False  # the last paint drew link lines (they cross paragraphs)
        self._mark_cache: dict[int, list[SpanMark]] = {}  # block -> marks from its top
        self._mark_cache_key: tuple[str, int] = ("", 0)  # the font and width they fit
        self._tag_images = TagImages()
        self.verticalScrollBar().valueChanged.connect(self.highlight_visible)
        controller.document_opened.connect(self.show_document)
        controller.changed.connect(self.apply_change)
        controller.current_changed.connect(self._show_current)

    def _apply_text_option(self) -> None:
        # setLayoutDirection alone leaves a QPlainTextEdit's text left-aligned
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)

    def set_text_font(self, family: str | None, size: float) -> None:
        font = QFont(self.font())
        if family:
            font.setFamily(family)
        font.setPointSizeF(size)
        self.setFont(font)
        self.viewport().update()  # the marks are sized from the font (mark_metrics)

    # -- showing documents ---------------------------------------------------------------

    def show_document(self, _doc_id: int = -1) -> None:
        c = self.controller
        self.highlighter.set_source(c.index, c.offsets)
        self._mark_cache.clear()
        self._overlays.clear()
        self.setExtraSelections([])
        # the default text option set once in __init__ survives setPlainText; setting it again
        # here would lay out every paragraph of the new text a second time
        # over-long lines come broken for display (one space for one break: same offsets)
        self.setPlainText(c.shown)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.highlight_visible()

    def highlight_visible(self, _value: int = 0) -> None:
        """Format the paragraphs on screen (and a margin around them) before they paint."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return
        first = last = block.blockNumber()  # a viewport shorter than the top margin shows none
        for shown, _box in blocks_in_band(self, -math.inf, self.viewport().height()):
            last = shown.blockNumber()
        self.highlighter.ensure_highlighted(first - HIGHLIGHT_MARGIN, last + HIGHLIGHT_MARGIN)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.highlight_visible()

    def apply_change(self, change: Change) -> None:
        """Repaint only the blocks whose spans changed."""
        index = self.controller.index
        blocks: set[int] = set()
        for start, end in change.touched_ranges():
            blocks.update(index.blocks_of(start, end))
        self.highlighter.rehighlight_blocks(blocks)
        for number in blocks:
            self._mark_cache.pop(number, None)
        self._update_blocks(blocks)
        self._show_current(self.controller.current)
        if change.linked or change.unlinked or self._touches_sidebar(change):
            self.viewport().update()

    def _touches_sidebar(self, change: Change) -> bool:
        layers = self.highlighter.sidebar_layers
        if not layers:
            return False
        spans = (*change.added, *change.removed, *(s for pair in change.updated for s in pair))
        return any(span.layer in layers for span in spans)

    # -- positions -----------------------------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        """The selected text in code points, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        to_cp = self.controller.offsets.from_qt
        return to_cp(cursor.selectionStart()), to_cp(cursor.selectionEnd())

    def select(self, start: int, end: int) -> None:
        """Select code points [start, end) and show them."""
        to_qt = self.controller.offsets.to_qt
        cursor = self.textCursor()
        cursor.setPosition(to_qt(start))
        cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802
        # the stored text, not the shown one: a line break the view put in for display is a
        # space in the document (Ctrl+C, drag)
        data = QMimeData()
        selection = self.selection()
        if selection is not None:
            data.setText(self.controller.text[selection[0]:selection[1]])
        return data

    def keep_exact(self) -> None:
        """Tag the current selection as it stands, without snapping it to tokens."""
        self._exact = self.selection()

    def selection_is_exact(self) -> bool:
        return self._exact is not None and self._exact == self.selection()

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def position_at(self, point: QPoint) -> int:
        return self.controller.offsets.from_qt(self.cursorForPosition(point).position())

    def scroll_to(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.controller.offsets.to_qt(end))
        self.setTextCursor(cursor)
        cursor.setPosition(self.controller.offsets.to_qt(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    # -- transient marks -----------------------------------------------------------------

    def set_overlay(self, name: str, ranges: list[tuple[int, int]]) -> None:
        fmt = _overlay_format(name)
        to_qt = self.controller.offsets.to_qt
        selections = []
        for start, end in ranges:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(to_qt(start))
            cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self._overlays[name] = selections
        self.setExtraSelections([s for key in _OVERLAY_ORDER for s in self._overlays.get(key, [])])

    def flash(self, start: int, end: int) -> None:
        self.set_overlay("flash", [(start, end)])
        self._flash_timer.start()

    def _show_current(self, uuid: str) -> None:
        c = self.controller
        span = c.index.spans.get(uuid)
        self.set_overlay("current", [(span.start, span.end)] if span else [])
        head = c.index.spans.get(c.link_head)
        self.set_overlay("link", [(head.start, head.end)] if head else [])
        # link lines cross paragraphs: the ones drawn for the last current span must go, and
        # the new one's be drawn, beyond the rectangles the overlays repaint
        if self._links_drawn or (span is not None and c.index.links_of(span.uuid)):
            self.viewport().update()

    # -- input ---------------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        # the menu belongs to the window (it knows the actions); the view says where
        self.context_menu_requested.emit(self.position_at(event.pos()), event.globalPos())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        # Alt or Ctrl held: keep exact characters (window managers take Alt+drag to move the
        # window, so Ctrl is the way that reaches the view everywhere)
        exact = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
        self._alt_press = bool(event.modifiers() & exact)
        self._exact = None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if not self.textCursor().hasSelection():
            self.controller.select_at(self.position_at(event.position().toPoint()))
        elif self._alt_press:
            self.keep_exact()  # a Ctrl+drag or Alt+drag keeps exact characters

    # -- hover and link markers ----------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            help_event = cast(QHelpEvent, event)  # PySide6 hands the QHelpEvent itself
            tip = self.tooltip_at(self.position_at(help_event.pos()))
            if tip:
                QToolTip.showText(help_event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: int) -> str:
        """Label, layer, annotator and links of the spans under ``pos``."""
        c = self.controller
        lines = []
        for span in c.index.spans_at(pos):
            kind = ", ".join([span.layer, *c.attribute_values(span)])
            line = f"{span.label} ({kind}) — {span.annotator}"
            for rel in c.index.links_of(span.uuid):
                other = c.index.spans.get(rel.tail if rel.head == span.uuid else rel.head)
                arrow = "→" if rel.head == span.uuid else "←"
                if other is not None:
                    line += f"\n   {arrow} {rel.kind}: {_excerpt(other.covered(c.text))}"
            lines.append(line)
        return "\n".join(lines)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.highlighter.sidebar_layers:
            self._paint_sidebar(event.rect())
        self._links_drawn = False
        if self.labels_shown:
            self._paint_labels(event.rect())
        if self.controller.index.relations:
            self._paint_link_dots()
        suggestion_painter.paint(self, event.rect())  # dashed outlines of suggestions, if any

    def _paint_link_dots(self) -> None:
        index = self.controller.index
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(46, 125, 50))
        for block, _box in blocks_in_band(self, -math.inf, self.viewport().height()):
            for span in index.spans_in_block(block.blockNumber()):
                if index.links_of(span.uuid) and index.block_of(span.start) == block.blockNumber():
                    rect = self._cursor_rect(span.start)
                    # a dot where the linked span begins (its right edge in RTL text)
                    painter.drawEllipse(QRect(rect.left() - 3, rect.top() - 2, 6, 6))
        painter.end()

    # -- labels on the text and link lines -------------------------------------------------

    def set_labels_shown(self, on: bool) -> None:
        self.labels_shown = on
        self.viewport().update()

    def mark_metrics(self) -> MarkMetrics:
        """Sizes of the tags and brackets for the current document font (kept until it changes)."""
        key = self.font().key()
        if self._metrics is None or self._metrics[0] != key:
            self._metrics = (key, mark_metrics(self.font(), QFont()))
        return self._metrics[1]

    def span_marks(self, rect: QRect | None = None) -> list[SpanMark]:
        """Tags and brackets of the spans in the paragraphs ``rect`` (default: all the
        viewport) crosses; none when labels on the text are off."""
        if not self.labels_shown:
            return []
        return [moved(mark, top) for top, marks in self._visible_marks(rect) for mark in marks]

    def _visible_marks(self, rect: QRect | None) -> list[tuple[float, list[SpanMark]]]:
        """(top of the paragraph in the viewport, its marks measured from that top) of each
        paragraph ``rect`` crosses that has spans."""
        metrics = self.mark_metrics()
        key = (self.font().key(), self.viewport().width())
        if key != self._mark_cache_key:  # lines wrap elsewhere: every measure is stale
            self._mark_cache.clear()
            self._mark_cache_key = key
        # a tag reaches up into the paragraph above: repainting that one repaints the tag
        area = QRectF(rect if rect is not None else self.viewport().rect()).adjusted(
            0, 0, 0, metrics.tag_height)
        out = []
        for block, box in blocks_in_band(self, area.top(), area.bottom()):
            marks = self._block_marks(block, box.left(), metrics)
            if marks:
                out.append((box.top(), marks))
        return out

    def _block_marks(self, block: QTextBlock, left: float, metrics: MarkMetrics) -> list[SpanMark]:
        """One paragraph's marks, measured from its top; kept until its spans, the width or
        the font change (the view repaints the whole viewport on every tag)."""
        number = block.blockNumber()
        marks = self._mark_cache.get(number)
        if marks is not None:
            return marks
        index, to_qt = self.controller.index, self.controller.offsets.to_qt
        spans = index.spans_in_block(number)
        marks = []
        if spans:
            lo, hi = index.block_range(number)
            base = block.position()
            parts = [
                (span, to_qt(max(span.start, lo)) - base, to_qt(min(span.end, hi)) - base,
                 span.start >= lo, span.end <= hi)
                for span in spans if max(span.start, lo) < min(span.end, hi)
            ]
            layout = block.layout()
            origin = QPointF(left, 0) + layout.position()
            marks = separate_tags(
                block_marks(layout, origin, parts, nesting_depths(spans), metrics, _tag_text),
                self.viewport().width(),
            )
        self._mark_cache[number] = marks
        return marks

    def link_lines(self) -> list[LinkLine]:
        """Lines from the current span's links to their other ends (or towards them)."""
        c = self.controller
        current = c.current_span()
        if not self.labels_shown or current is None or not c.index.links_of(current.uuid):
            return []
        height = float(self.viewport().height())
        shown = {m.span.uuid: anchor(m) for m in self.span_marks()}
        shown = {uuid: at for uuid, at in shown.items() if 0 <= at.y() < height}
        top = c.index.starts[self.firstVisibleBlock().blockNumber()]
        lines = []
        for rel in c.index.links_of(current.uuid):
            head, tail = c.index.spans.get(rel.head), c.index.spans.get(rel.tail)
            if head is None or tail is None or not (head.uuid in shown or tail.uuid in shown):
                continue
            if head.uuid in shown and tail.uuid in shown:
                lines.append(LinkLine(rel.kind, shown[head.uuid], shown[tail.uuid], "", ""))
                continue
            near, far = (head, tail) if head.uuid in shown else (tail, head)
            side = "above" if far.start < top or self._above(far) else "below"
            edge = QPointF(shown[near.uuid].x(), 0.0 if side == "above" else height)
            ends = (shown[near.uuid], edge) if near is head else (edge, shown[near.uuid])
            far_text = f"{rel.kind}: {_excerpt(far.covered(c.text))}"
            lines.append(LinkLine(rel.kind, *ends, side, far_text))
        return lines

    def _above(self, span: Span) -> bool:
        """Whether ``span`` starts above the viewport (in a paragraph partly shown)."""
        return self._cursor_rect(span.start).top() < 0

    def _paint_labels(self, dirty: QRect) -> None:
        visible = self._visible_marks(dirty)
        lines = self.link_lines()
        if not visible and not lines:
            return
        painter = QPainter(self.viewport())
        metrics = self.mark_metrics()
        for top, marks in visible:
            painter.translate(0, top)
            paint_marks(painter, marks, metrics, self._color_of, self._tag_images)
            painter.translate(0, -top)
        if lines:
            paint_links(painter, lines, metrics.label_font)
            self._links_drawn = True
        painter.end()

    def _color_of(self, span: Span) -> QColor:
        return self.highlighter.color(span.layer, span.label)

    def _update_blocks(self, numbers: set[int]) -> None:
        """Repaint the paragraphs ``numbers`` (the highlighter does not: see
        ``rehighlight_blocks``), and the strip above each that its first line's tags reach."""
        offset, height = self.contentOffset(), self.viewport().height()
        reach = self.mark_metrics().tag_height if self.labels_shown else 0.0
        for number in numbers:
            block = self.document().findBlockByNumber(number)
            if block.isValid():
                rect = self.blockBoundingGeometry(block).translated(offset)
                if rect.bottom() >= 0 and rect.top() <= height:
                    self.viewport().update(rect.adjusted(0, -reach, 0, 0).toAlignedRect())

    def _paint_sidebar(self, dirty: QRect) -> None:
        """The side bar beside each visible paragraph holding spans of a ``sidebar`` layer.

        Coloured by the first such span (in document order); only the blocks the repainted
        rectangle crosses are read.
        """
        x = self.viewport().width() - SIDEBAR_WIDTH
        if dirty.right() < x:
            return
        index, layers = self.controller.index, self.highlighter.sidebar_layers
        painter: QPainter | None = None
        for block, rect in blocks_in_band(self, dirty.top(), dirty.bottom()):
            hits = [s for s in index.spans_in_block(block.blockNumber()) if s.layer in layers]
            if hits:
                first = min(hits, key=position_key)
                if painter is None:
                    painter = QPainter(self.viewport())
                painter.fillRect(
                    QRectF(x, rect.top(), SIDEBAR_WIDTH, rect.height()),
                    self.highlighter.color(first.layer, first.label),
                )
        if painter is not None:
            painter.end()

    def _cursor_rect(self, pos: int) -> QRect:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.controller.offsets.to_qt(pos))
        return self.cursorRect(cursor)


def _tag_text(span: Span) -> str:
    return span.label


def _excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
