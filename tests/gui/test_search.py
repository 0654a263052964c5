"""The find bar's Arabic folding, and annotate-all as one undo step."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS, find_nth, press, select_and_press, stored
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from annotator.ui.occurrences_dialog import OccurrencesDialog
from annotator.ui.settings import Settings
from annotator.workspace import Workspace
from annotator.workspace.importing import import_paths


def test_find_bar_folds_hamza_diacritics_and_tatweel(window: MainWindow) -> None:
    text = window.controller.text
    press(window, "Ctrl+F")
    bar = window.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    bar.edit.setText("اوكرانيا")  # bare alef; the text writes أوكرانيا
    expected = [i for i in range(len(text)) if text.startswith("أوكرانيا", i)]
    assert expected and [s for s, _e in bar.matches] == expected
    assert len(window.view._overlays["search"]) == len(expected)
    bar.hamza.setChecked(False)
    assert bar.matches == []
    assert bar.count.text() == "no match"
    bar.hamza.setChecked(True)
    bar.edit.setText("ووفقا")  # the text has ووفقًا with tanwin
    assert [text[s:e] for s, e in bar.matches][:1] == ["ووفقًا"]
    bar.diacritics.setChecked(False)
    assert bar.matches == []
    bar.diacritics.setChecked(True)
    bar.edit.setText("موسـكو")  # tatweel in the needle
    assert len(bar.matches) == text.count("موسكو")
    bar.next()
    assert window.view.selection() == bar.matches[0]
    assert bar.count.text() == f"1 of {len(bar.matches)}"


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as key events (QTest.keyClicks aborts on Arabic letters)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def occurrences_dialog(window: MainWindow, qtbot: QtBot) -> OccurrencesDialog:
    """The Annotate-all confirmation the window opened (window-modal, not blocking)."""
    found: list[OccurrencesDialog] = []

    def shown() -> bool:
        found[:] = [d for d in window.findChildren(OccurrencesDialog) if d.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(shown)
    qtbot.waitUntil(found[0].isActiveWindow)  # keys go to it, not to the window's shortcuts
    return found[0]


def test_annotate_all_counts_skips_tagged_and_undoes_in_one_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    c = window.controller
    text = c.text
    occurrences = text.count("موسكو")
    assert occurrences >= 3
    second = find_nth(text, "موسكو", 1)
    select_and_press(window, second, second + 5, "4")
    press(window, "Ctrl+Shift+A")
    dialog = occurrences_dialog(window, qtbot)
    assert f"Tag {occurrences - 1} occurrences as GPE" in dialog.summary.text()
    with qtbot.waitSignal(dialog.finished):
        QTest.keyClick(dialog, Qt.Key.Key_Return)
    window.activateWindow()  # a window manager does this; offscreen, the test does
    qtbot.waitUntil(window.isActiveWindow)
    rows = stored(c.ws, c.doc_id)
    assert [r[4] for r in rows] == ["موسكو"] * occurrences
    assert {r[3] for r in rows} == {"GPE"}
    press(window, "Ctrl+Z")  # one step removes the lot, leaving the hand-made span
    assert [(r[0], r[3]) for r in stored(c.ws, c.doc_id)] == [(second, "GPE")]
    press(window, "Ctrl+Z")
    assert stored(c.ws, c.doc_id) == []


def test_annotate_all_cancelled_changes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    c = window.controller
    word = "بيلاروسيا"
    occurrences = c.text.count(word)
    assert occurrences >= 2
    at = find_nth(c.text, word)
    select_and_press(window, at, at + len(word), "4")
    before = stored(c.ws, c.doc_id)
    assert [(r[0], r[3], r[4]) for r in before] == [(at, "GPE", word)]
    stack = c.undo_group.activeStack()
    assert stack is not None and stack.count() == 1
    press(window, "Ctrl+Shift+A")
    dialog = occurrences_dialog(window, qtbot)
    assert f"Tag {occurrences - 1} occurrences as GPE" in dialog.summary.text()
    with qtbot.waitSignal(dialog.finished):
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert stored(c.ws, c.doc_id) == before
    assert stack.count() == 1  # nothing pushed either


def test_find_whole_word_is_what_annotate_all_lists_and_tags(
    window: MainWindow, qtbot: QtBot
) -> None:
    """روسيا: 18 substrings in the seed, 13 of them inside بيلاروسيا; Find and Annotate all
    agree on the 5 words, and Annotate all shows its 4 untagged ones before tagging."""
    c = window.controller
    text = c.text
    assert text.count("روسيا") == 18 and text.count("بيلاروسيا") == 13
    press(window, "Ctrl+F")
    bar = window.find_bar
    type_text(bar.edit, "روسيا")
    assert bar.whole_word.isChecked()
    words = [s for s, _e in bar.matches]
    assert len(words) == 5 and all(not text[:s].endswith("بيلا") for s in words)
    assert bar.count.text() == "0 of 5"
    assert len(window.view._overlays["search"]) == 5
    qtbot.mouseClick(bar.whole_word, Qt.MouseButton.LeftButton)  # anywhere: 18 again
    assert len(bar.matches) == 18
    qtbot.mouseClick(bar.whole_word, Qt.MouseButton.LeftButton)
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)  # the first whole word, selected
    QTest.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert window.view.selection() == (words[0], words[0] + 5)
    press(window, "4")
    press(window, "Ctrl+Shift+A")
    dialog = occurrences_dialog(window, qtbot)
    assert "Tag 4 occurrences as GPE" in dialog.summary.text()
    assert dialog.table.rowCount() == 4
    listed = [dialog.table.item(r, 2).text() for r in range(4)]
    assert listed == ["روسيا"] * 4
    # the context shows where each one is: the word before the first untagged hit
    before = dialog.table.item(0, 1).text()
    assert before and text[: words[1]].rstrip().endswith(before)
    with qtbot.waitSignal(dialog.finished):
        QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert [(r[0], r[3], r[4]) for r in stored(c.ws, c.doc_id)] == [
        (s, "GPE", "روسيا") for s in words
    ]


def test_annotate_all_tags_the_stem_behind_a_proclitic(
    qtbot: QtBot, db_path: Path, settings: Settings, tmp_path: Path
) -> None:
    text = "زار وَروسيا ثم لروسيا 🙂 ثم بيلاروسيا\u200f وروسـيا في ٢٠٢٤.\n"
    path = tmp_path / "clitics.txt"
    path.write_text(text, encoding="utf-8")
    ws = Workspace.open(str(db_path), "tester")
    try:
        import_paths(ws, [path])
        window = MainWindow(ws, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.open_document(ws.repo.list_documents()[0].id)
        c = window.controller
        token = c.text.index("وَروسيا")
        select_and_press(window, token, token + 7, "-")  # off the proclitic, as designed
        press(window, "4")
        assert [r[4] for r in stored(ws, c.doc_id)] == ["روسيا"]
        press(window, "Ctrl+Shift+A")
        dialog = occurrences_dialog(window, qtbot)
        assert "Tag 2 occurrences as GPE" in dialog.summary.text()
        with qtbot.waitSignal(dialog.finished):
            QTest.keyClick(dialog, Qt.Key.Key_Return)
        got = [(c.text[r[0] - 1], r[4]) for r in stored(ws, c.doc_id)]
        assert got == [("َ", "روسيا"), ("ل", "روسيا"), ("و", "روسـيا")]
    finally:
        ws.close()


def test_closing_the_find_bar_clears_its_highlights_for_good(
    window: MainWindow, qtbot: QtBot
) -> None:
    c = window.controller
    import_paths(c.ws, [SEEDS[1]])
    window.refresh_documents()
    first, second = (d.id for d in c.ws.repo.list_documents())
    press(window, "Ctrl+F")
    type_text(window.find_bar.edit, "في")
    assert window.view._overlays["search"]
    QTest.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.view._overlays["search"] == []
    window.open_document(second)
    assert window.view._overlays["search"] == []
    window.open_document(first)
    assert window.view._overlays["search"] == []
    # F3 with the bar closed opens it again: highlights only ever show with the bar
    press(window, "F3")
    assert window.find_bar.isVisible() and window.view._overlays["search"]
    assert window.view.selection() == window.find_bar.matches[0]
