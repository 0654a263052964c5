"""An edit made on what the window shows, after someone else changed that span, is refused in
words (what, by whom, when) and the window then shows the span as stored (issue 11, item 1).
Before, the edit read the span's version inside its own transaction and overwrote the change.
"""

from __future__ import annotations

import re

from conftest import find_nth, press, select_and_press

from annotator.ui.main_window import MainWindow
from annotator.workspace import Workspace

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")
WHEN = re.compile(r"at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC")


def tag_moscow(window: MainWindow) -> str:
    at = find_nth(window.controller.text, "موسكو")
    select_and_press(window, at, at + len("موسكو"), "1")  # PER, on purpose wrong
    return window.controller.current


def test_a_relabel_on_a_stale_view_is_refused_and_the_view_refreshed(
    window: MainWindow, db_path
) -> None:
    c = window.controller
    uuid = tag_moscow(window)
    with Workspace.open(str(db_path), "bob") as bob:
        bob.relabel_span(uuid, "GPE")
    assert c.index.spans[uuid].label == "PER"  # the window has not heard of it yet
    press(window, "3")  # LOC, decided on the PER the window still shows
    message = window.statusBar().currentMessage()
    assert "changed elsewhere by bob" in message, message
    assert "relabelled PER → GPE" in message and WHEN.search(message), message
    assert not UUID.search(message), message
    with Workspace.open(str(db_path), "bob") as bob:
        assert bob.get_span(uuid).label == "GPE"  # bob's change is kept
    assert c.index.spans[uuid].label == "GPE"  # and now shown


def test_a_removal_on_a_stale_view_is_refused(window: MainWindow, db_path) -> None:
    c = window.controller
    uuid = tag_moscow(window)
    with Workspace.open(str(db_path), "tester") as other_window:
        span = other_window.get_span(uuid)
        other_window.resize_span(uuid, span.start - 1, span.end)  # takes the proclitic in
    press(window, "Delete")
    message = window.statusBar().currentMessage()
    assert "by tester (you, in another window or on another machine)" in message, message
    assert "moved" in message, message
    with Workspace.open(str(db_path), "tester") as other_window:
        assert other_window.get_span(uuid).start == span.start - 1
    assert c.index.spans[uuid].start == span.start - 1
