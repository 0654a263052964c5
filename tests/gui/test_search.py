"""The find bar's Arabic folding, and annotate-all as one undo step."""

from __future__ import annotations

import pytest
from conftest import find_nth, press, select_and_press, stored
from PySide6.QtWidgets import QMessageBox

from annotator.ui.main_window import MainWindow


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


def test_annotate_all_counts_skips_tagged_and_undoes_in_one_step(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = window.controller
    text = c.text
    occurrences = text.count("موسكو")
    assert occurrences >= 3
    second = find_nth(text, "موسكو", 1)
    select_and_press(window, second, second + 5, "4")
    asked: list[str] = []

    def answer(_parent: object, _title: str, question: str, *args: object) -> object:
        asked.append(question)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    press(window, "Ctrl+Shift+A")
    assert len(asked) == 1 and f"Tag {occurrences - 1} more" in asked[0]
    rows = stored(c.ws, c.doc_id)
    assert [r[4] for r in rows] == ["موسكو"] * occurrences
    assert {r[3] for r in rows} == {"GPE"}
    press(window, "Ctrl+Z")  # one step removes the lot, leaving the hand-made span
    assert [(r[0], r[3]) for r in stored(c.ws, c.doc_id)] == [(second, "GPE")]
    press(window, "Ctrl+Z")
    assert stored(c.ws, c.doc_id) == []


def test_annotate_all_declined_changes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
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
    asked: list[str] = []

    def decline(_parent: object, _title: str, question: str, *args: object) -> object:
        asked.append(question)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", decline)
    press(window, "Ctrl+Shift+A")
    assert len(asked) == 1, "annotate-all must ask before tagging"
    assert f"Tag {occurrences - 1} more occurrences as GPE?" in asked[0]
    assert stored(c.ws, c.doc_id) == before
    assert stack.count() == 1  # nothing pushed either
