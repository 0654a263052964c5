"""A refusal because another window or machine changed a span says so in words (no raw id)
and the view then shows the span as stored (issue 9, item 10)."""

from __future__ import annotations

import re

from conftest import find_nth, press, select_and_press

from annotator.ui.main_window import MainWindow
from annotator.workspace import Workspace

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")


def tag_moscow(window: MainWindow) -> str:
    c = window.controller
    at = find_nth(c.text, "موسكو")
    select_and_press(window, at, at + len("موسكو"), "4")
    return c.current


def test_a_span_deleted_elsewhere_is_said_and_leaves_the_view(window: MainWindow, db_path) -> None:
    c = window.controller
    uuid = tag_moscow(window)
    with Workspace.open(str(db_path), "tester") as other:
        other.remove_span(uuid)
    press(window, "3")  # relabel what the view still shows
    message = window.statusBar().currentMessage()
    assert "deleted elsewhere" in message and not UUID.search(message), message
    assert uuid not in c.index.spans
    assert c.current == ""


def test_a_span_changed_elsewhere_shows_as_stored_after_the_refusal(
    window: MainWindow, db_path
) -> None:
    c = window.controller
    uuid = tag_moscow(window)
    with Workspace.open(str(db_path), "tester") as other:
        other.relabel_span(uuid, "ORG")
    press(window, "Ctrl+Z")  # undoing the tag would delete bob's ORG: refused
    message = window.statusBar().currentMessage()
    assert "changed elsewhere" in message and not UUID.search(message), message
    assert c.index.spans[uuid].label == "ORG"
