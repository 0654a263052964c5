"""What is highlighted is what gets tagged: double-click snapping drops punctuation at the
edges (issue 9, defect 2) and the ``-`` step survives keys that do not move the selection
(defect 4). Driven with mouse and key events on the window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import SEEDS, find_nth, press, stored
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from annotator.core.text import tokenize
from annotator.ui import tagging
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace
from annotator.workspace.importing import import_paths


@pytest.fixture
def minsk_window(qtbot, db_path, settings: Settings) -> Iterator[MainWindow]:
    """The window on the seed article that has مينسك، and علينا؟."""
    ws = Workspace.open(str(db_path), "tester")
    import_paths(ws, [SEEDS[1]])
    win = MainWindow(ws, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_document(ws.list_documents()[0].id)
    yield win
    ws.close()


def point_of(win: MainWindow, pos: int) -> QPoint:
    here, after = win.view._cursor_rect(pos), win.view._cursor_rect(pos + 1)
    return QPoint((here.x() + after.x()) // 2, here.center().y())


def double_click(win: MainWindow, pos: int) -> None:
    win.view.scroll_to(pos, pos + 1)
    QTest.mouseDClick(win.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, point_of(win, pos + 1))


def test_double_click_on_a_word_with_arabic_punctuation_tags_the_word(
    minsk_window: MainWindow,
) -> None:
    window = minsk_window
    c = window.controller
    for word, mark, key in (("مينسك", "،", "4"), ("علينا", "؟", "1")):
        at = find_nth(c.text, word + mark)
        double_click(window, at)
        press(window, key)
    covered = sorted(t for *_rest, t in stored(c.ws, c.doc_id))
    assert covered == sorted(["مينسك", "علينا"])


def test_punctuation_tokens_at_the_edges_of_a_selection_are_dropped() -> None:
    text = "قال «بوتين»، ثم ذهب إلى مينسك، وعاد؟ 🙂 كذا"
    at = text.index("«")
    assert tagging.span_from_selection(text, at, at + len("«بوتين»،")) == (at + 1, at + 6)
    m = text.index("مينسك")
    assert tagging.span_from_selection(text, m - 1, m + 6) == (m, m + 5)
    inner = text.index("مينسك، وعاد")  # punctuation inside stays: only the edges go
    assert tagging.span_from_selection(text, inner, inner + len("مينسك، وعاد")) == (
        inner, inner + len("مينسك، وعاد"))
    assert tagging.span_from_selection(text, text.index("؟"), text.index("؟") + 1) is None
    emoji = text.index("🙂")
    assert tagging.span_from_selection(text, emoji - 5, emoji + 1) == (emoji - 6, emoji - 2)
    # exact mode keeps what was selected
    assert tagging.span_from_selection(text, at, at + 2, exact=True) == (at, at + 2)


def test_a_double_clicked_entity_holds_no_punctuation_token(minsk_window: MainWindow) -> None:
    window = minsk_window
    c = window.controller
    at = find_nth(c.text, "مينسك،")
    double_click(window, at)
    press(window, "4")
    (span,) = c.ws.spans(c.doc_id)
    covered = c.text[span.start:span.end]
    tokens = [covered[s:e] for s, e in tokenize(covered)]
    assert tokens == ["مينسك"]


def test_the_proclitic_step_survives_shift_and_copy(window: MainWindow) -> None:
    c = window.controller
    at = find_nth(c.text, "للوكاشينكو")
    window.view.setFocus()
    window.view.select(at, at + len("للوكاشينكو"))
    press(window, "-")
    assert window.view.selection() == (at + 1, at + len("للوكاشينكو"))
    QTest.keyClick(window.view, Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)
    press(window, "Ctrl+C")
    assert window.view.selection() == (at + 1, at + len("للوكاشينكو"))  # still highlighted
    press(window, "1")
    assert [t for *_r, t in stored(c.ws, c.doc_id)] == ["لوكاشينكو"]


def test_a_selection_moved_after_the_proclitic_step_snaps_again(window: MainWindow) -> None:
    c = window.controller
    at = find_nth(c.text, "للوكاشينكو")
    window.view.setFocus()
    window.view.select(at, at + len("للوكاشينكو"))
    press(window, "-")
    press(window, "Shift+Left")  # the highlighted extent changed: ordinary snapping again
    press(window, "1")
    ((start, _end, *_r),) = stored(c.ws, c.doc_id)
    assert start == at
