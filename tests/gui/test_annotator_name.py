"""Who am I: the annotator name is shown, can be set in the window and is remembered
(issue 9, item 14)."""

from __future__ import annotations

from conftest import find_nth, select_and_press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog

from annotator.ui.annotator_name import name_error
from annotator.ui.main_window import MainWindow


def open_name_dialog(qtbot, window: MainWindow) -> QInputDialog:
    window.action_map["annotator_name"].trigger()
    found: list[QInputDialog] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QInputDialog) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown)
    return found[0]


def type_name(qtbot, dialog: QInputDialog, name: str) -> None:
    from PySide6.QtWidgets import QLineEdit

    edit = dialog.findChild(QLineEdit)
    assert edit is not None
    edit.selectAll()
    edit.insert(name)  # QTest.keyClicks knows ASCII only; the real-window test types Arabic
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    QTest.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_name_is_shown_set_in_the_window_and_remembered(qtbot, window: MainWindow) -> None:
    c = window.controller
    assert "tester" in window.status_line.annotator.text()
    dialog = open_name_dialog(qtbot, window)
    type_name(qtbot, dialog, "ليلى")
    qtbot.waitUntil(lambda: c.ws.annotator == "ليلى")
    assert window.settings.annotator_name == "ليلى"
    assert "ليلى" in window.status_line.annotator.text()
    assert c.doc_id >= 0  # the same document stays open, now with her spans
    window.activateWindow()  # as the window manager does when the dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    at = find_nth(c.text, "موسكو")
    select_and_press(window, at, at + len("موسكو"), "4")
    assert [s.annotator for s in c.ws.spans(c.doc_id, "ليلى")] == ["ليلى"]
    assert c.ws.spans(c.doc_id, "tester") == []


def test_a_bad_name_is_refused_in_words(qtbot, window: MainWindow) -> None:
    dialog = open_name_dialog(qtbot, window)
    type_name(qtbot, dialog, "gold")
    assert window.controller.ws.annotator == "tester"
    assert "gold" in window.statusBar().currentMessage()
    assert name_error("  ") and name_error("gold") and name_error("x" * 201)
    assert name_error("a\tb") and name_error("ليلى") is None


def test_which_name_a_start_uses(db_path, monkeypatch) -> None:
    # the command line wins, then $ANNOTATOR_NAME, then the name set in the window
    from annotator.workspace import Workspace

    monkeypatch.setenv("ANNOTATOR_NAME", "env")
    for given, expected in (("cli", "cli"), (None, "env")):
        with Workspace.open(str(db_path), given, remembered="saved") as ws:
            assert ws.annotator == expected
    monkeypatch.delenv("ANNOTATOR_NAME")
    with Workspace.open(str(db_path), None, remembered="saved") as ws:
        assert ws.annotator == "saved"
