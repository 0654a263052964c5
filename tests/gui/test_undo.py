"""Undo and redo through Qt's stack for every edit kind; failures keep the stack honest."""

from __future__ import annotations

import pytest
from conftest import find_nth, press, select_and_press, stored
from sqlalchemy import delete

from annotator.storage.tables import SPAN
from annotator.ui.main_window import MainWindow


def spans(window: MainWindow) -> list[tuple[int, int, str, str, str]]:
    return stored(window.controller.ws, window.controller.doc_id)


def tag(window: MainWindow, needle: str, key: str) -> None:
    at = find_nth(window.controller.text, needle)
    select_and_press(window, at, at + len(needle), key)


@pytest.mark.parametrize(
    ("edit", "expect_after"),
    [
        ("Delete", []),
        ("Alt+Left", ["موسكو ،"]),
        ("3", ["موسكو:LOC"]),
    ],
)
def test_undo_redo_each_span_edit(
    window: MainWindow, qtbot, edit: str, expect_after: list[str]
) -> None:
    tag(window, "موسكو", "4")
    before = spans(window)
    press(window, edit)
    after = spans(window)
    assert after != before
    if expect_after and ":" in expect_after[0]:
        assert [f"{r[4]}:{r[3]}" for r in after] == expect_after
    elif expect_after:
        assert [r[4] for r in after] == expect_after
    else:
        assert after == []
    press(window, "Ctrl+Z")
    assert spans(window) == before
    press(window, "Ctrl+Y")
    assert spans(window) == after
    press(window, "Ctrl+Z")
    press(window, "Ctrl+Shift+Z")
    assert spans(window) == after
    assert len(window.controller.index.spans) == len(after)
    qtbot.waitUntil(lambda: window.span_model.rowCount() == len(after))


def test_undo_add_and_link(window: MainWindow) -> None:
    c = window.controller
    tag(window, "المتحدثة", "1")
    tag(window, "خلال المحادثة", "Q")
    press(window, "L")
    press(window, "]")
    press(window, "Return")
    assert len(c.ws.repo.relations(c.doc_id)) == 1
    press(window, "Ctrl+Z")
    assert c.ws.repo.relations(c.doc_id) == []
    assert c.index.relations == {}
    press(window, "Ctrl+Z")
    press(window, "Ctrl+Z")
    assert spans(window) == []
    for _ in range(3):
        press(window, "Ctrl+Y")
    assert len(spans(window)) == 2
    assert len(c.ws.repo.relations(c.doc_id)) == 1


def test_removing_a_linked_span_and_undo_restores_the_link(window: MainWindow) -> None:
    c = window.controller
    tag(window, "المتحدثة", "1")
    tag(window, "خلال المحادثة", "Q")
    press(window, "L")
    press(window, "]")
    press(window, "Return")
    press(window, "]")  # the speaker again
    press(window, "Delete")
    assert c.ws.repo.relations(c.doc_id) == []
    press(window, "Ctrl+Z")
    assert len(c.ws.repo.relations(c.doc_id)) == 1


def test_refused_edit_is_not_pushed(window: MainWindow) -> None:
    c = window.controller
    tag(window, "موسكو", "4")
    stack = c.undo_group.activeStack()
    assert stack is not None and stack.count() == 1
    press(window, "Alt+Right")  # a one-word span cannot shrink: nothing happens
    assert stack.count() == 1
    # another machine removes the span behind our back: the resize is refused
    with c.ws.engine.begin() as conn:
        conn.execute(delete(SPAN))
    press(window, "Alt+Left")
    assert stack.count() == 1
    assert "deleted elsewhere" in window.statusBar().currentMessage()
    assert spans(window) == []


def test_failed_undo_drops_the_command(window: MainWindow) -> None:
    c = window.controller
    tag(window, "موسكو", "4")
    press(window, "Alt+Left")
    stack = c.undo_group.activeStack()
    assert stack is not None and stack.count() == 2
    with c.ws.engine.begin() as conn:
        conn.execute(delete(SPAN))
    press(window, "Ctrl+Z")  # the resize cannot be undone any more: Qt drops it
    assert stack.count() == 1
    assert "deleted elsewhere" in window.statusBar().currentMessage()
