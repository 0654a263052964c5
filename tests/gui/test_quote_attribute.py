"""A quote is direct or indirect: stored explicitly, toggled with D, shown, undoable."""

from __future__ import annotations

from pathlib import Path

from conftest import find_nth, press, select_and_press

from annotator.core.schema import resources_path
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace

QUOTE = "خلال المحادثة"


def stored_attributes(window: MainWindow) -> list[tuple[str, dict]]:
    c = window.controller
    return [(s.label, s.attributes) for s in c.ws.repo.spans(c.doc_id)]


def label_cell(window: MainWindow) -> str:
    window.span_model.flush()
    return str(window.span_model.data(window.span_model.index(0, 3)))


def test_new_quote_stores_the_schema_default(window: MainWindow) -> None:
    at = find_nth(window.controller.text, QUOTE)
    select_and_press(window, at, at + len(QUOTE), "Q")
    assert stored_attributes(window) == [("QUOTE", {"direct": "direct"})]
    assert label_cell(window) == "QUOTE (direct)"
    assert "QUOTE (quote, direct)" in window.view.tooltip_at(at + 1)


def test_d_toggles_direct_and_indirect_with_undo(window: MainWindow) -> None:
    at = find_nth(window.controller.text, QUOTE)
    select_and_press(window, at, at + len(QUOTE), "Q")  # the new quote is the current span
    press(window, "D")
    assert stored_attributes(window) == [("QUOTE", {"direct": "indirect"})]
    assert label_cell(window) == "QUOTE (indirect)"
    assert "QUOTE (quote, indirect)" in window.view.tooltip_at(at + 1)
    press(window, "Ctrl+Z")
    assert stored_attributes(window) == [("QUOTE", {"direct": "direct"})]
    assert label_cell(window) == "QUOTE (direct)"
    assert "QUOTE (quote, direct)" in window.view.tooltip_at(at + 1)
    press(window, "Ctrl+Y")
    assert stored_attributes(window) == [("QUOTE", {"direct": "indirect"})]
    press(window, "D")  # and back
    assert stored_attributes(window) == [("QUOTE", {"direct": "direct"})]
    press(window, "Ctrl+Z")
    press(window, "Ctrl+Z")
    assert stored_attributes(window) == [("QUOTE", {"direct": "direct"})]


def test_d_on_an_entity_changes_nothing(window: MainWindow) -> None:
    text = window.controller.text
    at = find_nth(text, "موسكو")
    select_and_press(window, at, at + 5, "4")
    stack = window.controller.undo_group.activeStack()
    depth = stack.count()
    press(window, "D")
    assert stored_attributes(window) == [("GPE", {})]
    assert stack.count() == depth
    assert label_cell(window) == "GPE"  # an entity has no attribute to show


def test_a_label_keyed_d_keeps_its_key(qtbot, tmp_path: Path, settings: Settings) -> None:
    schema = resources_path("schema.toml").read_text(encoding="utf-8")
    custom = tmp_path / "schema.toml"
    custom.write_text(schema.replace('shortcut = "8"', 'shortcut = "D"'), encoding="utf-8")
    ws = Workspace.open(str(tmp_path / "d.sqlite3"), "tester", str(custom))
    win = MainWindow(ws, settings)
    qtbot.addWidget(win)
    assert win.action_map["label:MISC"].shortcut().toString() == "D"
    assert win.action_map["quote_kind"].shortcut().isEmpty()
    ws.close()
