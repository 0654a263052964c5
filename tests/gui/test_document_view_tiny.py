"""A document view squeezed below its text's top margin shows no paragraph: still no error,
and the highlights are there once it grows.

``highlight_visible`` once left ``last`` unbound when no paragraph was on screen: an
UnboundLocalError from ``resizeEvent``, after which PySide6 crashed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.model import ImportedDocument, Span
from annotator.ui.controller import AnnotationController
from annotator.ui.document_view import HIGHLIGHT_MARGIN, DocumentView
from annotator.workspace import Workspace
from annotator.workspace.importing import store

LINES = 200


def underlined(view: QPlainTextEdit, block_number: int) -> list[tuple[int, int]]:
    """(start, length) of the highlighted runs of one paragraph, as Qt laid them out."""
    block = view.document().findBlockByNumber(block_number)
    return [
        (r.start, r.length) for r in block.layout().formats()
        if r.format.underlineColor().isValid()
    ]


def on_screen(view: QPlainTextEdit) -> list[int]:
    """The numbers of the paragraphs the viewport shows (at least partly)."""
    numbers = []
    block, offset = view.firstVisibleBlock(), view.contentOffset()
    while block.isValid():
        box = view.blockBoundingGeometry(block).translated(offset)
        if box.top() > view.viewport().height():
            break
        if box.bottom() > 0:
            numbers.append(block.blockNumber())
        block = block.next()
    return numbers


def test_highlight_visible_on_a_viewport_shorter_than_the_top_margin(
    qtbot, tmp_path: Path
) -> None:
    line = "السطر رقم {} يذكر موسكو مرة"
    text = "\n".join(line.format(i) for i in range(LINES))
    ws = Workspace.open(str(tmp_path / "tiny.sqlite3"), "tester")
    doc_id = store(ws, [ImportedDocument("tiny", text)]).doc_ids[0]
    at = [i for i in range(len(text)) if text.startswith("موسكو", i)]
    assert len(at) == LINES
    ws.repo.insert_spans(doc_id, [Span(a, a + 5, "entity", "GPE", annotator="tester") for a in at])
    in_block = [[(a - (text.rfind("\n", 0, a) + 1), 5)] for a in at]  # each paragraph's span

    controller = AnnotationController(ws)
    view = DocumentView(controller)
    qtbot.addWidget(view)
    view.resize(300, 4)
    view.show()
    qtbot.waitExposed(view)
    controller.open_document(doc_id)
    # the case itself: the first paragraph starts below the bottom of the viewport
    first = view.firstVisibleBlock()
    top = view.blockBoundingGeometry(first).translated(view.contentOffset()).top()
    assert top > view.viewport().height()
    assert on_screen(view) == []
    view.highlight_visible()  # raised UnboundLocalError (show() and resizeEvent call it too)
    # what scrolls in first is formatted already, the margin's worth and no more
    assert [underlined(view, n) for n in range(HIGHLIGHT_MARGIN + 1)] == in_block[
        : HIGHLIGHT_MARGIN + 1
    ]
    beyond = 2 * HIGHLIGHT_MARGIN + 1
    assert underlined(view, beyond) == []

    view.resize(300, 1200)  # resizeEvent formats what is now on screen and its margin
    qtbot.waitUntil(lambda: len(on_screen(view)) > beyond)
    shown = on_screen(view)
    assert shown[0] == 0
    assert [underlined(view, n) for n in shown] == [in_block[n] for n in shown]
    ws.close()
