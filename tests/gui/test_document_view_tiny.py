"""A document view squeezed below its text's top margin shows no paragraph: still no error."""

from __future__ import annotations

from annotator.ui.controller import AnnotationController
from annotator.ui.document_view import DocumentView
from annotator.workspace import Workspace


def test_highlight_visible_on_a_viewport_shorter_than_the_top_margin(
    qtbot, seed_ws: Workspace
) -> None:
    controller = AnnotationController(seed_ws)
    view = DocumentView(controller)
    qtbot.addWidget(view)
    controller.open_document(seed_ws.repo.list_documents()[0].id)
    view.resize(300, 4)
    view.show()
    qtbot.waitExposed(view)
    # the case itself: the first paragraph starts below the bottom of the viewport
    first = view.firstVisibleBlock()
    top = view.blockBoundingGeometry(first).translated(view.contentOffset()).top()
    assert top > view.viewport().height()
    view.highlight_visible()  # raised UnboundLocalError, and PySide6 then crashed
    view.resize(300, 10)  # resizeEvent calls it too
    qtbot.wait(1)
    view.highlight_visible()
