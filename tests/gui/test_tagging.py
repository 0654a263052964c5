"""Tagging from the keyboard: each test checks the rows the database ends up holding."""

from __future__ import annotations

from conftest import find_nth, press, select_and_press, stored
from PySide6.QtCore import Qt

from annotator.ui.main_window import MainWindow


def doc(window: MainWindow) -> tuple[str, int]:
    return window.controller.text, window.controller.doc_id


def test_selection_and_shortcut_store_exactly_that_span(window: MainWindow, qtbot) -> None:
    text, doc_id = doc(window)
    at = find_nth(text, "إنترفاكس")
    select_and_press(window, at, at + len("إنترفاكس"), "2")
    assert stored(window.controller.ws, doc_id) == [
        (at, at + len("إنترفاكس"), "entity", "ORG", "إنترفاكس")
    ]
    assert window.controller.ws.repo.status(doc_id) == "in_progress"  # tagging starts the doc
    qtbot.waitUntil(lambda: window.span_model.rowCount() == 1)  # the list follows shortly


def test_sloppy_selection_snaps_to_the_word(window: MainWindow) -> None:
    text, doc_id = doc(window)
    at = find_nth(text, "موسكو")
    select_and_press(window, at + 1, at + 3, "4")  # two letters in the middle
    assert stored(window.controller.ws, doc_id) == [(at, at + 5, "entity", "GPE", "موسكو")]


def test_exact_mode_keeps_the_characters(window: MainWindow) -> None:
    text, doc_id = doc(window)
    window.action_map["exact"].setChecked(True)
    at = find_nth(text, "موسكو")
    select_and_press(window, at + 1, at + 3, "3")
    assert stored(window.controller.ws, doc_id) == [(at + 1, at + 3, "entity", "LOC", "وس")]


def test_proclitic_key_on_selection_before_tagging(window: MainWindow) -> None:
    text, doc_id = doc(window)
    at = find_nth(text, "للوكاشينكو")
    window.view.setFocus()
    window.view.select(at, at + len("للوكاشينكو"))
    press(window, "-")
    press(window, "1")
    assert stored(window.controller.ws, doc_id) == [
        (at + 1, at + len("للوكاشينكو"), "entity", "PER", "لوكاشينكو")
    ]


def test_proclitic_key_after_tagging_resizes_the_span(window: MainWindow) -> None:
    text, doc_id = doc(window)
    at = find_nth(text, "وبوتين")
    select_and_press(window, at, at + len("وبوتين"), "1")
    assert stored(window.controller.ws, doc_id)[0][4] == "وبوتين"
    press(window, "-")
    assert stored(window.controller.ws, doc_id) == [
        (at + 1, at + len("وبوتين"), "entity", "PER", "بوتين")
    ]
    press(window, "Ctrl+Z")
    assert stored(window.controller.ws, doc_id)[0][4] == "وبوتين"


def test_automatic_proclitic_stripping_for_entities_only(window: MainWindow) -> None:
    text, doc_id = doc(window)
    window.action_map["strip"].setChecked(True)
    at = find_nth(text, "للوكاشينكو")
    select_and_press(window, at, at + len("للوكاشينكو"), "1")
    quote_at = find_nth(text, "وبوتين")
    select_and_press(window, quote_at, quote_at + len("وبوتين"), "Q")
    covered = {(layer, t) for _s, _e, layer, _l, t in stored(window.controller.ws, doc_id)}
    assert covered == {("entity", "لوكاشينكو"), ("quote", "وبوتين")}


def test_nested_spans_of_two_layers_and_labels(window: MainWindow, qtbot) -> None:
    text, doc_id = doc(window)
    outer = "رئيس بيلاروسيا ألكسندر لوكاشينكو"
    at = find_nth(text, outer)
    select_and_press(window, at, at + len(outer), "1")
    inner = find_nth(text, "بيلاروسيا")
    select_and_press(window, inner, inner + len("بيلاروسيا"), "4")
    select_and_press(window, at, at + len(outer), "C")  # same extent, another layer
    rows = stored(window.controller.ws, doc_id)
    assert sorted((r[2], r[3], r[4]) for r in rows) == [
        ("claim", "CLAIM", outer), ("entity", "GPE", "بيلاروسيا"), ("entity", "PER", outer),
    ]
    # the span list shows them in document order, outer first
    qtbot.waitUntil(lambda: window.span_model.rowCount() == 3)
    labels = [window.span_model.span_at(i).label for i in range(window.span_model.rowCount())]
    assert labels[-1] == "GPE"


def test_relabel_same_extent_and_selected_span(window: MainWindow) -> None:
    text, doc_id = doc(window)
    at = find_nth(text, "موسكو")
    select_and_press(window, at, at + 5, "3")
    select_and_press(window, at, at + 5, "4")  # same extent: relabel, not a second span
    assert [r[3] for r in stored(window.controller.ws, doc_id)] == ["GPE"]
    window.view.clear_selection()
    press(window, "2")  # no selection: relabel the selected span
    assert [r[3] for r in stored(window.controller.ws, doc_id)] == ["ORG"]


def test_grow_and_shrink_by_one_word(window: MainWindow) -> None:
    text, doc_id = doc(window)
    at = find_nth(text, "ألكسندر")
    select_and_press(window, at, at + len("ألكسندر"), "1")
    press(window, "Alt+Left")  # the end moves forward (left in right-to-left text)
    assert stored(window.controller.ws, doc_id)[0][4] == "ألكسندر لوكاشينكو"
    # the start moves up (back) one word: Alt+Up, never Alt+Shift (the layout switch)
    press(window, "Alt+Up")
    assert stored(window.controller.ws, doc_id)[0][4] == "بيلاروسيا ألكسندر لوكاشينكو"
    press(window, "Alt+Down")
    press(window, "Alt+Right")
    assert stored(window.controller.ws, doc_id)[0][4] == "ألكسندر"


def test_delete_removes_the_selected_span(window: MainWindow, qtbot) -> None:
    text, doc_id = doc(window)
    at = find_nth(text, "موسكو")
    select_and_press(window, at, at + 5, "4")
    press(window, "Delete")
    assert stored(window.controller.ws, doc_id) == []
    qtbot.waitUntil(lambda: window.span_model.rowCount() == 0)


def test_link_quote_to_speaker_with_keyboard(window: MainWindow, qtbot) -> None:
    text, doc_id = doc(window)
    c = window.controller
    speaker = find_nth(text, "المتحدثة")
    select_and_press(window, speaker, speaker + len("المتحدثة"), "1")
    quote = find_nth(text, "خلال المحادثة")
    select_and_press(window, quote, quote + len("خلال المحادثة"), "Q")
    press(window, "L")
    assert c.link_head
    press(window, "]")  # next span in document order: the speaker comes after the quote
    assert c.current_span() is not None and c.current_span().label == "PER"
    press(window, "Return")
    rels = c.ws.repo.relations(doc_id)
    assert [(r.kind, c.index.spans[r.head].layer, c.index.spans[r.tail].label) for r in rels] == [
        ("speaker", "quote", "PER")
    ]
    window.span_model.flush()
    links_column = window.span_model.data(window.span_model.index(0, 4))
    assert "speaker" in links_column
    assert "speaker" in window.view.tooltip_at(quote + 1)
    press(window, "Shift+L")  # unlink the selected quote
    assert c.ws.repo.relations(doc_id) == []


def test_clicking_a_span_list_row_selects_and_flashes(window: MainWindow, qtbot) -> None:
    text, _doc_id = doc(window)
    at = find_nth(text, "موسكو")
    select_and_press(window, at, at + 5, "4")
    window.controller.set_current("")
    window.span_model.flush()
    view = window.span_view
    rect = view.visualRect(window.span_model.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.controller.current_span() is not None
    flash = window.view._overlays["flash"]
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in flash] == [
        (at, at + 5)
    ]
    qtbot.waitUntil(lambda: not window.view._overlays["flash"], timeout=3000)
