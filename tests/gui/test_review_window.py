"""The review window and the merge dialog, driven from the keyboard as a curator would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.model import GOLD, Span, text_sha256
from annotator.storage.workspace import Workspace
from annotator.ui.merge_dialog import run_merge_dialog
from annotator.ui.review.edit_dialog import GoldSpanEditor
from annotator.ui.review.window import ReviewWindow, open_review

TEXT = "قال الرئيس لوكاشينكو في موسكو إن بوتين وافق\n" * 40


def sp(who: str, start: int, end: int, label: str = "PER") -> Span:
    return Span(start, end, "entity", label, annotator=who)


@pytest.fixture
def review_ws(db_path: Path) -> Workspace:
    ws = Workspace.open(str(db_path), "curator")
    doc = ws.repo.insert_document("خبر", TEXT, text_sha256(TEXT))
    ws.repo.insert_spans(doc, [sp("layla", 11, 20), sp("layla", 24, 29, "GPE"),
                               sp("layla", 33, 38)])
    ws.repo.insert_spans(doc, [sp("omar", 11, 20), sp("omar", 24, 29, "LOC"),
                               sp("omar", 4, 20)])
    return ws


def gold(ws: Workspace) -> list[tuple[int, int, str]]:
    doc = ws.repo.find_document("خبر")
    assert doc is not None
    return sorted((s.start, s.end, s.label) for s in ws.repo.spans(doc, GOLD))


def started(qtbot: QtBot, ws: Workspace) -> ReviewWindow:
    window = ReviewWindow(ws, ws.repo.find_document("خبر"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the decision keys are window shortcuts
    assert window.chosen_annotators() == ["layla", "omar"]
    window.start()
    return window


def press(
    qtbot: QtBot, window: ReviewWindow, key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(window.disagreements, key, modifier)


def test_panes_show_each_side_and_agreements_are_prefilled(
    qtbot: QtBot, review_ws: Workspace
) -> None:
    window = started(qtbot, review_ws)
    assert [p.annotator for p in window.panes] == ["layla", "omar", GOLD]
    layla, omar, gold_pane = (p.controller.index for p in window.panes)
    assert {s.label for s in layla.spans.values()} == {"PER", "GPE"}
    assert {s.label for s in omar.spans.values()} == {"PER", "LOC"}
    assert gold(review_ws) == [(11, 20, "PER")]
    assert len(gold_pane.spans) == 1  # the gold pane shows what the pre-fill wrote
    assert window.disagreements.count() == 3
    # the panes are right-to-left and read-only, like the workbench's view
    view = window.panes[0].view
    assert view.isReadOnly()
    assert view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft


def test_keys_move_and_decide_and_undo(qtbot: QtBot, review_ws: Workspace) -> None:
    window = started(qtbot, review_ws)
    assert window.disagreements.currentRow() == 0
    press(qtbot, window, Qt.Key.Key_N)
    assert window.disagreements.currentRow() == 1  # موسكو: GPE against LOC
    press(qtbot, window, Qt.Key.Key_2)  # accept B (omar)
    assert (24, 29, "LOC") in gold(review_ws)
    assert "[accept_b]" in window.disagreements.item(1).text()
    # deciding moved on to the next open disagreement
    assert window.disagreements.currentRow() == 2
    press(qtbot, window, Qt.Key.Key_A)  # accept A (layla's بوتين)
    assert (33, 38, "PER") in gold(review_ws)
    assert window.disagreements.currentRow() == 0  # the only open one left, round the end
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (33, 38, "PER") not in gold(review_ws)
    assert "[open]" in window.disagreements.item(2).text()
    press(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.disagreements.currentRow() == 2  # previous, round the start
    press(qtbot, window, Qt.Key.Key_P)
    assert window.disagreements.currentRow() == 1


def test_both_neither_and_the_gold_pane_follow(qtbot: QtBot, review_ws: Workspace) -> None:
    window = started(qtbot, review_ws)
    window.disagreements.setCurrentRow(1)
    press(qtbot, window, Qt.Key.Key_Plus)
    assert [g for g in gold(review_ws) if g[:2] == (24, 29)] == [(24, 29, "GPE"), (24, 29, "LOC")]
    gold_labels = {s.label for s in window.gold.controller.index.spans.values()}
    assert {"GPE", "LOC"} <= gold_labels
    window.disagreements.setCurrentRow(1)
    press(qtbot, window, Qt.Key.Key_X)
    assert [g for g in gold(review_ws) if g[:2] == (24, 29)] == []
    assert "[neither]" in window.disagreements.item(1).text()


def test_edit_opens_the_gold_span_for_relabel_and_resize(
    qtbot: QtBot, review_ws: Workspace
) -> None:
    window = started(qtbot, review_ws)

    def choose(dialog: GoldSpanEditor) -> bool:
        dialog.start.setValue(11)
        dialog.label.setCurrentText("ORG")
        assert dialog.covered.text() == "لوكاشينكو"
        return True

    window.run_editor = choose
    window.disagreements.setCurrentRow(0)  # omar's 4-20 alone
    press(qtbot, window, Qt.Key.Key_E)
    assert (11, 20, "ORG") in gold(review_ws)
    assert "[edit]" in window.disagreements.item(0).text()


def test_scrolling_one_pane_scrolls_the_others(qtbot: QtBot, review_ws: Workspace) -> None:
    window = started(qtbot, review_ws)
    window.resize(900, 400)
    first, second = window.panes[0].view, window.panes[1].view
    qtbot.waitUntil(lambda: first.verticalScrollBar().maximum() > 5)
    first.verticalScrollBar().setValue(5)
    assert second.verticalScrollBar().value() == 5
    assert window.gold.view.verticalScrollBar().value() == 5


def test_open_review_shows_a_window(qtbot: QtBot, review_ws: Workspace) -> None:
    open_review(None, review_ws, review_ws.repo.find_document("خبر"))
    [window] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewWindow) and w.isVisible()
    ]
    qtbot.addWidget(window)
    assert window.disagreements.count() == 3


def test_merge_dialog_merges_the_given_file(qtbot: QtBot, tmp_path: Path) -> None:
    theirs = Workspace.open(str(tmp_path / "theirs.sqlite3"), "omar")
    doc = theirs.repo.insert_document("خبر", TEXT, text_sha256(TEXT))
    theirs.repo.insert_spans(doc, [sp("omar", 11, 20), sp("omar", 24, 29, "LOC")])
    theirs.close()
    ours = Workspace.open(str(tmp_path / "ours.sqlite3"), "layla")
    report = run_merge_dialog(None, ours, str(tmp_path / "theirs.sqlite3"), confirm=False)
    assert report is not None
    assert (len(report.documents_added), report.spans_added) == (1, 2)
    again = run_merge_dialog(None, ours, str(tmp_path / "theirs.sqlite3"), confirm=False)
    assert again is not None and (again.spans_added, again.spans_identical) == (0, 2)
    ours.close()
