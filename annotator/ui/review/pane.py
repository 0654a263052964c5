"""One read-only pane of the review: the workbench's document view over one annotator's spans."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from annotator.ui.controller import AnnotationController
from annotator.ui.display_lines import display_text
from annotator.ui.document_view import DocumentView
from annotator.ui.offsets import OffsetMap
from annotator.ui.span_index import SpanIndex
from annotator.ui.undo import new_stack
from annotator.workspace import Workspace

MARKS = "search"  # the view's overlay names: disagreements borrow the search-hit colour
CURRENT = "current"


class PaneController(AnnotationController):
    """The workbench controller, but showing (and editing) ``annotator``'s spans.

    The review's gold pane runs decisions through :meth:`execute`, so they land on this
    controller's undo stack and repaint the pane like any edit in the workbench.
    """

    def __init__(self, ws: Workspace, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(ws, parent, annotator)
        # decisions undo on the review window's own stack, never the workbench's steps on
        # the same document (one Workspace serves both windows)
        self.undo_scope = object()

    def open_document(self, doc_id: int) -> None:
        # a pane shows one document for its whole life: one undo stack, no heap freezing
        ws = self.ws
        self.text = ws.document_text(doc_id)
        self.offsets = OffsetMap(self.text)
        self.shown = display_text(self.text)  # what the view shows (long lines broken)
        self.index = SpanIndex(
            self.shown, ws.spans(doc_id, self.annotator), ws.relations(doc_id, self.annotator)
        )
        self.doc_id, self.doc_name = doc_id, ws.document_info(doc_id).name
        self.status = ws.status(doc_id, self.annotator)
        self._block_tokens.clear()  # tokens of the previous text
        self.current = self.link_head = ""
        if self.undo_group.activeStack() is None:
            self.undo_group.setActiveStack(new_stack(self.undo_group))
        self.document_opened.emit(doc_id)
        self.current_changed.emit("")


class ReviewPane(QWidget):
    """A title over a read-only right-to-left document view of one annotator."""

    def __init__(self, ws: Workspace, annotator: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = self._make_controller(ws, annotator)
        self.view = self._make_view()
        # a splitter may squeeze a new pane to a few pixels while laying it out; keep a few
        # lines readable (a view that small once crashed DocumentView.highlight_visible, see
        # tests/gui/test_document_view_tiny.py)
        self.view.setMinimumHeight(80)
        self.title = QLabel(title, self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # annotator names are not markup
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.view)

    def _make_controller(self, ws: Workspace, annotator: str) -> PaneController:
        return PaneController(ws, annotator, self)

    def _make_view(self) -> DocumentView:
        return DocumentView(self.controller, self)

    @property
    def annotator(self) -> str:
        return self.controller.annotator

    def open(self, doc_id: int) -> None:
        self.controller.open_document(doc_id)

    def mark(self, ranges: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
        """Mark every disagreement, and the current one more strongly; scroll to it."""
        self.view.set_overlay(MARKS, ranges)
        self.view.set_overlay(CURRENT, [current] if current else [])
        if current:
            self.view.scroll_to(*current)
