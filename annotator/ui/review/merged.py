"""The review's merged pane: every compared annotator in one right-to-left view.

Agreed spans are drawn as the workbench draws spans; a disagreeing span is drawn the same way
and then marked on top: a span only one annotator drew is underlined in that annotator's colour
and line style (A dashed blue, B dotted orange, ...), a label or extent dispute with a wavy red
underline, each over a light tint of its colour. What is marked comes from
``core.review.merged_view``; this module only chooses the look.
"""

from __future__ import annotations

import html
from string import ascii_uppercase

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

from annotator.core.review import CONFLICT, PARTIAL, Comparison, merged_view, only
from annotator.core.schema import Schema
from annotator.ui.display_lines import display_text
from annotator.ui.document_view import DocumentView
from annotator.ui.highlighter import SpanHighlighter, blend
from annotator.ui.offsets import OffsetMap
from annotator.ui.review.pane import CURRENT, MARKS, PaneController, ReviewPane
from annotator.ui.span_index import SpanIndex
from annotator.workspace import Workspace

Style = QTextCharFormat.UnderlineStyle
# one per compared annotator, in order; colours apart from the label palette's tints
ONLY_LOOKS: tuple[tuple[QColor, Style], ...] = (
    (QColor(30, 136, 229), Style.DashUnderline),
    (QColor(245, 124, 0), Style.DotLine),
    (QColor(142, 36, 170), Style.DashDotLine),
    (QColor(0, 137, 123), Style.DashDotDotLine),
)
CONFLICT_LOOK = (QColor(229, 57, 53), Style.WaveUnderline)
PARTIAL_LOOK = (QColor(117, 117, 117), Style.DashUnderline)
_TINT = 0.18
_RANK = {CONFLICT: 2, PARTIAL: 1}  # where marks overlap, a dispute shows over a lone span


def look(mark: str, annotators: list[str]) -> tuple[QColor, Style]:
    """Underline colour and style of a mark."""
    if mark == CONFLICT:
        return CONFLICT_LOOK
    if mark == PARTIAL:
        return PARTIAL_LOOK
    index = annotators.index(mark.removeprefix("only:"))
    return ONLY_LOOKS[index % len(ONLY_LOOKS)]


class MergedHighlighter(SpanHighlighter):
    """The span highlighter, with the marks of disagreeing spans laid over its formats.

    Attributes:
        marks: span uuid -> mark (see ``core.review.MergedView.marks``).
        annotators: the compared annotators, in order (they choose the looks of "only" marks).
    """

    def __init__(self, document: QTextDocument, schema: Schema) -> None:
        self.marks: dict[str, str] = {}
        self.annotators: list[str] = []
        super().__init__(document, schema)

    def set_marks(self, marks: dict[str, str], annotators: list[str]) -> None:
        self.marks = marks
        self.annotators = annotators

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        super().highlightBlock(text)
        block = self.currentBlock()
        number = block.blockNumber()
        marked = [s for s in self.index.spans_in_block(number) if s.uuid in self.marks]
        if not marked:
            return
        lo, hi = self.index.block_range(number)
        base = block.position()
        to_qt = self.offsets.to_qt
        strongest: dict[int, str] = {}  # position in the block -> the mark shown there
        for span in marked:
            mark = self.marks[span.uuid]
            for pos in range(to_qt(max(span.start, lo)) - base, to_qt(min(span.end, hi)) - base):
                held = strongest.get(pos)
                if held is None or _RANK.get(mark, 0) > _RANK.get(held, 0):
                    strongest[pos] = mark
        # one setFormat per run of one mark over one underlying format
        positions = sorted(strongest)
        i = 0
        while i < len(positions):
            start, mark = positions[i], strongest[positions[i]]
            under = self.format(start)
            j = i + 1
            while (
                j < len(positions)
                and positions[j] == positions[j - 1] + 1
                and strongest[positions[j]] == mark
                and self.format(positions[j]) == under
            ):
                j += 1
            self.setFormat(start, positions[j - 1] + 1 - start, self._marked(under, mark))
            i = j

    def _marked(self, under: QTextCharFormat, mark: str) -> QTextCharFormat:
        color, style = look(mark, self.annotators)
        fmt = QTextCharFormat(under)
        fmt.setUnderlineStyle(style)
        fmt.setUnderlineColor(color)
        fmt.setBackground(blend([(color, _TINT)]))
        return fmt


class MergedController(PaneController):
    """Shows the merged view of a comparison instead of one annotator's spans.

    ``comparison`` is set (:meth:`MergedPane.show_comparison`) before a document is opened;
    nothing is ever edited here.

    Attributes:
        marks: span uuid -> mark of the disagreeing spans of the open document.
        annotators: the compared annotators, in order.
    """

    def __init__(self, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(ws, "", parent)
        self.comparison: Comparison | None = None
        self.marks: dict[str, str] = {}
        self.annotators: list[str] = []

    def open_document(self, doc_id: int) -> None:
        if self.comparison is None:
            raise RuntimeError("the merged pane shows a comparison: set it first")
        ws = self.ws
        names = list(self.comparison.annotators)
        relations = [r for name in names for r in ws.relations(doc_id, name)]
        merged = merged_view(self.comparison, relations)
        self.marks, self.annotators = merged.marks, names
        self.text = ws.document_text(doc_id)
        self.offsets = OffsetMap(self.text)
        self.shown = display_text(self.text)  # what the view shows (long lines broken)
        self.index = SpanIndex(self.shown, merged.spans, merged.relations)
        self.doc_id, self.doc_name = doc_id, ws.document_info(doc_id).name
        self.current = self.link_head = ""
        self.document_opened.emit(doc_id)
        self.current_changed.emit("")

    def set_status(self, status: str) -> None:
        pass  # a view of several annotators has no status of its own


class MergedView(DocumentView):
    """The document view drawing through a :class:`MergedHighlighter`."""

    def __init__(self, controller: MergedController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        plain = self.highlighter
        plain.setDocument(None)
        plain.deleteLater()
        self.merged_highlighter = MergedHighlighter(self.document(), controller.ws.schema)
        self.highlighter = self.merged_highlighter
        self.merged_controller = controller

    def show_document(self, doc_id: int = -1) -> None:
        # the marks first: setting the text formats the blocks
        c = self.merged_controller
        self.merged_highlighter.set_marks(c.marks, c.annotators)
        super().show_document(doc_id)


class MergedPane(ReviewPane):
    """One pane for all compared annotators, with a legend of the marks under its title."""

    def __init__(self, ws: Workspace, title: str, parent: QWidget | None = None):
        super().__init__(ws, "", title, parent)
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = self.layout()
        assert layout is not None
        layout.removeWidget(self.view)
        layout.addWidget(self.legend)
        layout.addWidget(self.view)

    def _make_controller(self, ws: Workspace, annotator: str) -> PaneController:
        return MergedController(ws, self)

    def _make_view(self) -> DocumentView:
        return MergedView(self.merged, self)

    @property
    def merged(self) -> MergedController:
        assert isinstance(self.controller, MergedController)
        return self.controller

    @property
    def marks(self) -> dict[str, str]:
        """Span uuid -> mark of every disagreeing span shown."""
        return self.merged.marks

    def show_comparison(self, doc_id: int, comparison: Comparison) -> None:
        self.merged.comparison = comparison
        self.open(doc_id)
        self.legend.setText(self._legend(list(comparison.annotators)))

    def mark(self, ranges: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
        """Only the current disagreement gets an overlay: the marks already show the rest."""
        self.view.set_overlay(MARKS, [])
        self.view.set_overlay(CURRENT, [current] if current else [])
        if current:
            self.view.scroll_to(*current)

    def _legend(self, names: list[str]) -> str:
        parts = []
        for i, name in enumerate(names):
            color, _ = look(only(name), names)
            who = f"{ascii_uppercase[i]} ({html.escape(name)})"
            parts.append(self._swatch(color, self.tr("only %s") % who))
        parts.append(
            self._swatch(CONFLICT_LOOK[0], self.tr("label, extent or attribute differ"))
        )
        if len(names) > 2:
            parts.append(self._swatch(PARTIAL_LOOK[0], self.tr("drawn by some, not all")))
        return " · ".join(parts)

    @staticmethod
    def _swatch(color: QColor, text: str) -> str:
        return f'<span style="color:{color.name()}">▬</span> {text}'
