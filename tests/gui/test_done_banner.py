"""Done is done in the window: a document marked done shows a banner, refuses tags, deletes and
undo until reopened (Ctrl+D again, or the banner's button) (issue 9, defect 7)."""

from __future__ import annotations

from conftest import find_nth, press, select_and_press, stored
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.model import DONE, IN_PROGRESS
from annotator.ui.main_window import MainWindow


def test_a_done_document_is_read_only_until_reopened(window: MainWindow, qtbot) -> None:
    c = window.controller
    text = c.text
    first = find_nth(text, "موسكو")
    select_and_press(window, first, first + len("موسكو"), "4")
    press(window, "Ctrl+D")
    assert c.ws.status(c.doc_id) == DONE
    qtbot.waitUntil(lambda: window.done_banner.isVisible())
    before = stored(c.ws, c.doc_id)
    at = find_nth(text, "إنترفاكس")
    select_and_press(window, at, at + len("إنترفاكس"), "2")
    assert "reopen" in window.statusBar().currentMessage().lower()
    press(window, "Ctrl+Z")
    window.controller.select_at(first + 1)
    press(window, "Del")
    assert stored(c.ws, c.doc_id) == before
    QTest.mouseClick(window.done_banner.reopen_button, Qt.MouseButton.LeftButton)
    assert c.ws.status(c.doc_id) == IN_PROGRESS
    qtbot.waitUntil(lambda: not window.done_banner.isVisible())
    select_and_press(window, at, at + len("إنترفاكس"), "2")
    press(window, "Ctrl+Z")
    press(window, "Ctrl+Z")
    assert stored(c.ws, c.doc_id) == []


def test_ctrl_d_again_reopens(window: MainWindow, qtbot) -> None:
    c = window.controller
    press(window, "Ctrl+D")
    qtbot.waitUntil(lambda: window.done_banner.isVisible())
    press(window, "Ctrl+D")
    assert c.ws.status(c.doc_id) == IN_PROGRESS
    qtbot.waitUntil(lambda: not window.done_banner.isVisible())
