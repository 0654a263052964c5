"""A drag with Ctrl held keeps the exact characters, as one with Alt does: window managers
(openbox, KDE) take Alt+drag to move the window, so the Alt way never reaches the view there."""

from __future__ import annotations

import pytest
from conftest import find_nth, press, stored
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from annotator.ui.main_window import MainWindow


def point_of(win: MainWindow, pos: int) -> QPoint:
    here, after = win.view._cursor_rect(pos), win.view._cursor_rect(pos + 1)
    return QPoint((here.x() + after.x()) // 2, here.center().y())


@pytest.mark.parametrize("modifier", [Qt.KeyboardModifier.ControlModifier,
                                      Qt.KeyboardModifier.AltModifier])
def test_a_drag_with_ctrl_or_alt_tags_the_characters_dragged_over(
    window: MainWindow, qtbot, modifier: Qt.KeyboardModifier
) -> None:
    c = window.controller
    at = find_nth(c.text, "موسكو")
    window.view.scroll_to(at, at + 5)
    viewport = window.view.viewport()
    # from the middle of the 2nd letter to the middle of the 4th: "وسك" exactly
    start, end = point_of(window, at + 1), point_of(window, at + 3)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)
    selection = window.view.selection()
    assert selection is not None and selection[1] - selection[0] >= 2
    assert window.view.selection_is_exact()
    press(window, "4")
    ((s, e, *_rest),) = stored(c.ws, c.doc_id)
    assert (s, e) == selection  # not snapped to the whole word
