"""Suggestions in the window: drawn apart from tags, accepted and rejected with keys through
the undo stack, hidden below the threshold, and trained in another process while the window
keeps tagging."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import find_nth, press, select_and_press
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage

from annotator.core.model import DONE, text_sha256
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace, suggestions

DONE_TEXTS = [
    "التقى لوكاشينكو مع بوتين في موسكو .",
    "قال بوتين إن روسيا لن تتراجع .",
    "وصل لوكاشينكو إلى مينسك بعد زيارة موسكو .",
]
NAMES = {"لوكاشينكو": "PER", "بوتين": "PER", "موسكو": "GPE", "روسيا": "GPE", "مينسك": "GPE"}
OPEN_TEXT = (
    "😀 في ١٢ مايو كتب Reuters أن بُوتِـين زار موسكو ثم كتب للوكاشينكو .\nوقال مسؤول آخر شيئا ."
)


@pytest.fixture
def ws(db_path: Path) -> Workspace:
    ws = Workspace.open(str(db_path), "tester")
    for n, text in enumerate(DONE_TEXTS):
        doc = ws.repo.insert_document(f"done{n}", text, text_sha256(text))
        for name, label in NAMES.items():
            at = text.find(name)
            while at >= 0:
                ws.add_span(doc, at, at + len(name), label)
                at = text.find(name, at + 1)
        ws.set_status(doc, DONE)
    ws.repo.insert_document("open", OPEN_TEXT, text_sha256(OPEN_TEXT))
    return ws


@pytest.fixture
def win(qtbot, ws: Workspace, settings: Settings) -> MainWindow:
    suggestions.train(ws)
    suggestions.apply(ws)
    window = MainWindow(ws, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    doc = ws.find_document("open")
    assert doc is not None
    window.open_document(doc)
    window.view.setFocus()
    return window


def shown(win: MainWindow) -> list[tuple[str, str]]:
    text = win.controller.text
    return [(text[s.start:s.end], s.label) for s in win.suggestion_actions.state.shown]


def stored(win: MainWindow) -> list[tuple[str, str]]:
    c = win.controller
    return [(c.text[s.start:s.end], s.label) for s in c.ws.spans(c.doc_id)]


def test_accept_and_reject_with_keys_undo_with_ctrl_z(win: MainWindow) -> None:
    assert ("موسكو", "GPE") in shown(win) and ("لوكاشينكو", "PER") in shown(win)
    assert stored(win) == []
    state = win.suggestion_actions.state
    press(win, "Ctrl+]")
    first = state.current_suggestion()
    assert first is not None
    press(win, "Ctrl+Return")
    assert stored(win) == [(win.controller.text[first.start:first.end], first.label)]
    prov = win.controller.ws.repo.span_provenance(win.controller.ws.spans(
        win.controller.doc_id)[0].uuid)
    assert prov is not None and "and accepted by tester" in prov["text"]
    assert first.uuid not in {s.uuid for s in state.shown}  # now a tag, not a suggestion
    press(win, "Ctrl+Z")
    assert stored(win) == []
    assert first.uuid in {s.uuid for s in state.shown}  # offered again

    state.current = ""
    press(win, "Ctrl+]")
    refused = state.current_suggestion()
    assert refused is not None
    press(win, "Ctrl+Backspace")
    assert refused.key() not in {s.key() for s in state.shown}
    assert stored(win) == []
    press(win, "Ctrl+Z")
    assert refused.key() in {s.key() for s in state.shown}
    press(win, "Ctrl+Y")
    assert refused.key() not in {s.key() for s in state.shown}


def test_accept_all_in_the_sentence_is_one_step(win: MainWindow) -> None:
    state = win.suggestion_actions.state
    press(win, "Ctrl+]")
    in_sentence = state.in_sentence()
    assert len(in_sentence) >= 2
    press(win, "Ctrl+Shift+Return")
    assert len(stored(win)) == len(in_sentence)
    press(win, "Ctrl+Z")
    assert stored(win) == []


def test_drawn_as_dashed_outlines_hidden_below_the_threshold(win: MainWindow, qtbot) -> None:
    state = win.suggestion_actions.state
    color = QColor(win.view.highlighter.color("entity", "GPE"))

    def label_pixels() -> int:
        win.view.viewport().repaint()
        image = win.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        return sum(
            1 for y in range(image.height()) for x in range(image.width())
            if QColor(image.pixel(x, y)).rgb() == color.rgb()
        )

    with_suggestions = label_pixels()
    assert with_suggestions > 0
    state.set_threshold(1.01)  # above every score: nothing is drawn
    assert state.shown == []
    assert label_pixels() < with_suggestions
    # a tag is a filled background, never an outline: the stored spans are untouched
    assert stored(win) == []


def test_training_in_the_background_does_not_block_a_tag(win: MainWindow, qtbot) -> None:
    trainer = win.suggestion_actions.trainer
    ticks = 0

    def tick() -> None:
        nonlocal ticks
        ticks += 1

    timer = QTimer(interval=0)
    timer.timeout.connect(tick)
    timer.start()
    with qtbot.waitSignal(trainer.finished, timeout=120_000) as finished:
        assert trainer.start()
        at = find_nth(win.controller.text, "مسؤول")
        select_and_press(win, at, at + len("مسؤول"), "1")
        # the tag is stored and shown while the other process is still training
        assert ("مسؤول", "PER") in stored(win)
        assert trainer.running()
        qtbot.waitUntil(lambda: ticks > 20)  # the event loop keeps turning meanwhile
    timer.stop()
    assert finished.args is not None and finished.args[0], finished.args
    assert "model v2" in finished.args[1] or "suggestion(s)" in finished.args[1]
    # the new model's suggestions are read once the event loop is free
    qtbot.waitUntil(lambda: bool(win.suggestion_actions.state.shown))


def test_a_training_can_be_stopped_without_a_trace(win: MainWindow) -> None:
    """Quitting mid-training ends the other process (Qt would warn of a destroyed QProcess)."""
    trainer = win.suggestion_actions.trainer
    assert trainer.start()
    assert not trainer.start()  # one at a time
    trainer.stop()
    assert not trainer.running()


def test_closing_the_window_ends_its_training(win: MainWindow) -> None:
    trainer = win.suggestion_actions.trainer
    assert trainer.start()
    win.close()  # Qt would warn of a QProcess destroyed while running, failing the test
    assert not trainer.running()


def test_marking_done_a_document_without_entities_starts_no_training(win: MainWindow) -> None:
    assert win.controller.index.spans == {}
    press(win, "Ctrl+D")
    assert win.controller.status == DONE
    assert not win.suggestion_actions.trainer.running()


def test_marking_done_a_tagged_document_retrains(win: MainWindow, qtbot) -> None:
    at = find_nth(win.controller.text, "مسؤول")
    select_and_press(win, at, at + len("مسؤول"), "1")
    trainer = win.suggestion_actions.trainer
    with qtbot.waitSignal(trainer.finished, timeout=120_000) as finished:
        press(win, "Ctrl+D")
        assert trainer.running()
    assert finished.args is not None and finished.args[0], finished.args
