"""Highlights are formatted for the paragraphs on screen, and follow scrolling and edits."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import ImportedDocument, Span
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace
from annotator.workspace.importing import store


def underlined(win: MainWindow, block_number: int) -> list[tuple[int, int]]:
    block = win.view.document().findBlockByNumber(block_number)
    return [
        (r.start, r.length) for r in block.layout().formats()
        if r.format.underlineColor().isValid()
    ]


def test_far_paragraphs_are_formatted_when_scrolled_to(
    qtbot, tmp_path: Path, settings: Settings
) -> None:
    lines = [f"السطر رقم {i} يذكر موسكو مرة" for i in range(400)]
    text = "\n".join(lines)
    ws = Workspace.open(str(tmp_path / "long.sqlite3"), "tester")
    doc_id = store(ws, [ImportedDocument("long", text)]).doc_ids[0]
    last = text.rindex("موسكو")
    ws.repo.insert_spans(doc_id, [Span(last, last + 5, "entity", "GPE", annotator="tester")])
    win = MainWindow(ws, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_document(doc_id)
    assert underlined(win, 399) == []  # off screen: not formatted yet
    win.view.scroll_to(last, last + 5)
    start_in_block = last - text.rindex("\n", 0, last) - 1
    assert underlined(win, 399) == [(start_in_block, 5)]
    ws.close()


def test_opened_text_stays_right_to_left_and_the_list_fills_after_it(
    qtbot, tmp_path: Path, settings: Settings
) -> None:
    from PySide6.QtCore import Qt

    text = "\n".join(f"قال المتحدث {i} في موسكو" for i in range(50))
    ws = Workspace.open(str(tmp_path / "rtl.sqlite3"), "tester")
    doc_id = store(ws, [ImportedDocument("rtl", text)]).doc_ids[0]
    at = [i for i in range(len(text)) if text.startswith("موسكو", i)]
    ws.repo.insert_spans(doc_id, [Span(a, a + 5, "entity", "GPE", annotator="tester") for a in at])
    win = MainWindow(ws, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    filled: list[int] = []  # the row count after each reset of the span list
    win.span_model.modelReset.connect(lambda: filled.append(win.span_model.rowCount()))
    win.open_document(doc_id)
    # the option is set once, before any text: a new document must not lose it
    option = win.view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    # the span list fills from the event loop, once, with no flush from anyone
    assert filled == [0]  # emptied by the open, not filled inside it
    qtbot.waitUntil(lambda: win.span_model.rowCount() == 50)
    assert filled == [0, 50]
    assert [win.span_model.span_at(r).start for r in range(50)] == at
    ws.close()
