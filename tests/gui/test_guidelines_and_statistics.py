"""Beside the text: the guidelines (Markdown) in a panel, each label's definition on its
button and in the key help; statistics drawn in the window with matplotlib's Qt canvas."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtWidgets import QDockWidget

from annotator.ui.main_window import MainWindow
from annotator.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows
from annotator.workspace import Workspace


def test_palette_button_tooltip_is_the_labels_definition(window: MainWindow) -> None:
    button = window.label_palette.buttons["PER"]
    assert "و+بوتين → بوتين" in button.toolTip()
    assert "A named person" in button.toolTip()


def test_key_help_shows_each_labels_definition(window: MainWindow, qtbot) -> None:
    dialog = ShortcutsDialog(shortcut_rows(window.shortcut_groups()), window,
                             tips=window.label_tips())
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 1).text(): dialog.table.item(r, 1).toolTip()
            for r in range(dialog.table.rowCount())}
    assert "A named person" in rows["PER (Person)"]
    assert "indirect" in rows["QUOTE (Quote)"]


def test_guidelines_panel_renders_the_schemas_markdown(window: MainWindow, qtbot) -> None:
    dock = window.findChild(QDockWidget, "guidelines")
    assert dock is not None and not dock.isVisible()
    window.action_map["guidelines"].trigger()
    qtbot.waitUntil(dock.isVisible)
    text = window.side_docks.guidelines.browser.toPlainText()
    assert "## entity" not in text and "entity" in text  # rendered, not shown as source
    assert "و+بوتين" in text


def test_guidelines_panel_says_when_the_file_is_missing(window: MainWindow) -> None:
    from dataclasses import replace

    schema = replace(window.controller.ws.schema, guidelines="", _by_label={},
                     guidelines_error="schema.toml names the guidelines /x/g.md: No such file")
    window.side_docks.guidelines.show_schema(schema)
    assert "/x/g.md: No such file" in window.side_docks.guidelines.browser.toPlainText()


def test_statistics_panel_draws_with_the_qt_canvas(window: MainWindow, seed_ws: Workspace,
                                                   qtbot) -> None:
    window.action_map["statistics"].trigger()
    panel = window.side_docks.statistics
    qtbot.waitUntil(panel.isVisible)
    canvas = panel.findChild(FigureCanvasQTAgg)
    assert canvas is not None
    titles = [ax.get_title() for ax in canvas.figure.axes]
    assert any(t.startswith("Progress") for t in titles)
    assert any(t.startswith("Spans per label") for t in titles)
