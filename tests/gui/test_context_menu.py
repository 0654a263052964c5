"""The right-click menu: on a span (relabel, attribute, link, unlink, copy, delete) and on a
selection (tag as…) (issue 9, item 13). The menu is opened by a context-menu event on the
view, as a right click sends, and its items are picked from the menu that pops up."""

from __future__ import annotations

import pytest
from conftest import find_nth, select_and_press, stored
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from annotator.ui.main_window import MainWindow

# a popup menu under the offscreen platform: it cannot raise or grab the keyboard (said once
# per popup); the real-window run under Xvfb shows the menu itself
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (raise|grabbing)")


def right_click(qtbot, window: MainWindow, pos: int) -> QMenu:
    view = window.view
    rect = view._cursor_rect(pos + 1)
    point = QPoint(rect.x(), rect.center().y())
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def item(menu: QMenu, *path: str) -> QAction:
    """The menu item reached through submenus whose texts start with ``path``."""
    for action in menu.actions():
        if action.text().replace("&", "").startswith(path[0]):
            if len(path) == 1:
                return action
            sub = action.menu()
            assert isinstance(sub, QMenu), path
            return item(sub, *path[1:])
    raise AssertionError(f"no {path[0]!r} in {[a.text() for a in menu.actions()]}")


def test_relabel_delete_and_copy_from_the_span_menu(qtbot, window: MainWindow) -> None:
    c = window.controller
    at = find_nth(c.text, "موسكو")
    select_and_press(window, at, at + len("موسكو"), "4")
    menu = right_click(qtbot, window, at + 1)
    item(menu, "Relabel", "LOC").trigger()
    menu.close()
    assert [r[3] for r in stored(c.ws, c.doc_id)] == ["LOC"]
    menu = right_click(qtbot, window, at + 1)
    item(menu, "Copy text").trigger()
    menu.close()
    assert QGuiApplication.clipboard().text() == "موسكو"
    menu = right_click(qtbot, window, at + 1)
    item(menu, "Delete").trigger()
    menu.close()
    assert stored(c.ws, c.doc_id) == []


def test_tag_a_selection_from_the_menu(qtbot, window: MainWindow) -> None:
    c = window.controller
    at = find_nth(c.text, "إنترفاكس")
    window.view.setFocus()
    window.view.select(at, at + len("إنترفاكس"))
    menu = right_click(qtbot, window, at + 2)
    item(menu, "Tag selection as", "ORG").trigger()
    menu.close()
    assert [(r[3], r[4]) for r in stored(c.ws, c.doc_id)] == [("ORG", "إنترفاكس")]


def test_quote_attribute_link_and_unlink_from_the_menu(qtbot, window: MainWindow) -> None:
    c = window.controller
    who = find_nth(c.text, "بوتين")
    select_and_press(window, who, who + len("بوتين"), "1")
    q = find_nth(c.text, "إنترفاكس")
    select_and_press(window, q, q + len("إنترفاكس"), "Q")
    menu = right_click(qtbot, window, q + 1)
    item(menu, "indirect").trigger()
    menu.close()
    (quote,) = [s for s in c.ws.spans(c.doc_id) if s.layer == "quote"]
    assert quote.attributes == {"direct": "indirect"}
    menu = right_click(qtbot, window, q + 1)
    item(menu, "Link to").trigger()
    menu.close()
    assert c.link_head == quote.uuid
    c.select_at(who + 1)
    c.finish_link()
    assert len(c.ws.relations(c.doc_id)) == 1
    menu = right_click(qtbot, window, q + 1)
    assert "بوتين" in item(menu, "Unlink").text()
    item(menu, "Unlink").trigger()
    menu.close()
    assert c.ws.relations(c.doc_id) == []
