"""Every edit is committed as made: a new window on the same database shows it all."""

from __future__ import annotations

from pathlib import Path

from conftest import find_nth, press, select_and_press

from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace


def test_reopen_after_close_shows_spans_links_status_and_geometry(
    window: MainWindow, qtbot, db_path: Path, settings: Settings
) -> None:
    c = window.controller
    text, doc_id = c.text, c.doc_id
    speaker = find_nth(text, "المتحدثة")
    select_and_press(window, speaker, speaker + len("المتحدثة"), "1")
    quote = find_nth(text, "خلال المحادثة")
    select_and_press(window, quote, quote + len("خلال المحادثة"), "Q")
    press(window, "L")
    press(window, "]")
    press(window, "Return")
    press(window, "Ctrl+D")
    window.resize(640, 480)
    window.close()
    c.ws.close()

    ws = Workspace.open(str(db_path), "tester")
    again = MainWindow(ws, settings)
    qtbot.addWidget(again)
    again.show()
    again.open_document(doc_id)
    assert sorted((s.label, s.covered(text)) for s in again.controller.index.spans.values()) == [
        ("PER", "المتحدثة"), ("QUOTE", "خلال المحادثة"),
    ]
    assert len(again.controller.index.relations) == 1
    qtbot.waitUntil(lambda: again.span_model.rowCount() == 2)  # filled after the first paint
    assert again.doc_model.doc_row(0).status == "done"
    assert again.doc_model.doc_row(0).span_count == 2
    assert (again.width(), again.height()) == (640, 480)
    ws.close()


def test_welcome_panel_on_empty_database_opens_the_sample(
    qtbot, tmp_path: Path, settings: Settings
) -> None:
    ws = Workspace.open(str(tmp_path / "empty.sqlite3"), "newcomer")
    win = MainWindow(ws, settings)
    qtbot.addWidget(win)
    win.show()
    assert win.stack.currentWidget() is win.welcome
    win.welcome.sample_button.click()
    assert win.stack.currentWidget() is not win.welcome
    assert win.controller.doc_name == "sample_ar"
    assert "«" in win.controller.text and "منظمة الصحة العالمية" in win.controller.text
    assert win.doc_model.rowCount() == 1
    ws.close()
