"""The review window and the merge dialog, driven from the keyboard as a curator would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.model import GOLD, Span, text_sha256
from annotator.core.review import CONFLICT, only
from annotator.ui.merge_dialog import describe, run_merge_dialog
from annotator.ui.review.edit_dialog import GoldSpanEditor
from annotator.ui.review.merged import CONFLICT_LOOK, MergedPane, look
from annotator.ui.review.window import MERGED, SIDE_BY_SIDE, ReviewWindow, open_review
from annotator.workspace import Workspace

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
        dialog.pane.select(11, 20)  # the selection in the editor's text is the extent
        dialog.label.setCurrentText("ORG")
        assert dialog.covered.text() == "\u2068لوكاشينكو\u2069 (11–20)"
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
    assert describe(again).splitlines() == [
        "Documents: 0 added, 1 matched",
        "Spans: 0 added, 2 identical, 0 conflicting",
        "Links added: 0; statuses added: 0",
    ]
    ours.close()


# --- the merged view ----------------------------------------------------------------------------


def format_at(pane: MergedPane, pos: int) -> QTextCharFormat:
    """The character format the pane's highlighter gave code point ``pos`` (not pixels)."""
    c = pane.controller
    block = pane.view.document().findBlock(c.offsets.to_qt(pos))
    at = c.offsets.to_qt(pos) - block.position()
    parts = block.layout().formats()
    for part in parts:
        if part.start <= at < part.start + part.length:
            return QTextCharFormat(part.format)
    return QTextCharFormat()


def test_merged_view_marks_each_kind_of_difference(qtbot: QtBot, review_ws: Workspace) -> None:
    doc = review_ws.repo.find_document("خبر")
    assert doc is not None
    review_ws.repo.insert_spans(doc, [sp("layla", 0, 3, "ORG"), sp("omar", 0, 3, "ORG")])
    window = started(qtbot, review_ws)
    assert window.view_mode == SIDE_BY_SIDE
    assert window.merged is not None and window.merged.isHidden()
    press(qtbot, window, Qt.Key.Key_V)
    assert window.view_mode == MERGED
    merged = window.merged
    assert not merged.isHidden()
    assert all(p.isHidden() for p in window.panes[:-1]) and not window.gold.isHidden()
    assert merged.view.document().defaultTextOption().textDirection() == (
        Qt.LayoutDirection.RightToLeft
    )
    spans = merged.controller.index.spans.values()
    shown = {(s.start, s.end, s.label, s.annotator): merged.marks.get(s.uuid) for s in spans}
    assert shown == {
        (0, 3, "ORG", "layla, omar"): None,  # agreed: once, unmarked
        (11, 20, "PER", "layla, omar"): None,
        (24, 29, "GPE", "layla"): CONFLICT,
        (24, 29, "LOC", "omar"): CONFLICT,
        (33, 38, "PER", "layla"): only("layla"),
        (4, 20, "PER", "omar"): only("omar"),
    }
    merged.view.highlight_visible()
    styles = {}
    for pos in (1, 25, 34, 5):
        fmt = format_at(merged, pos)
        styles[pos] = (fmt.underlineStyle(), fmt.underlineColor().name())
    style = QTextCharFormat.UnderlineStyle
    layla_look, omar_look = (look(only(n), ["layla", "omar"]) for n in ("layla", "omar"))
    assert styles == {
        1: (style.SingleUnderline, format_at(window.panes[0], 1).underlineColor().name()),
        25: (style.WaveUnderline, CONFLICT_LOOK[0].name()),
        34: (layla_look[1], layla_look[0].name()),
        5: (omar_look[1], omar_look[0].name()),  # omar's الرئيس لوكاشينكو before the agreed part
    }
    assert len({v for k, v in styles.items() if k != 1}) == 3  # three looks, told apart
    # an agreed span keeps the workbench's own look: the same format as in a side pane
    assert format_at(merged, 1) == format_at(window.panes[0], 1)


def test_deciding_from_the_merged_view_writes_gold(qtbot: QtBot, review_ws: Workspace) -> None:
    window = started(qtbot, review_ws)
    window.view_actions[MERGED].trigger()  # View > Merged
    assert window.view_mode == MERGED
    press(qtbot, window, Qt.Key.Key_N)
    assert window.disagreements.currentRow() == 1
    assert window.merged is not None
    # the current disagreement is the only overlay: the marks show the others
    from_qt = window.merged.controller.offsets.from_qt
    overlays = [
        (from_qt(sel.cursor.selectionStart()), from_qt(sel.cursor.selectionEnd()))
        for sel in window.merged.view.extraSelections()
    ]
    assert overlays == [(24, 29)]
    press(qtbot, window, Qt.Key.Key_2)  # accept omar's LOC
    assert (24, 29, "LOC") in gold(review_ws)
    assert window.disagreements.currentRow() == 2
    press(qtbot, window, Qt.Key.Key_X)
    assert "[neither]" in window.disagreements.item(2).text()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "[open]" in window.disagreements.item(2).text()
    press(qtbot, window, Qt.Key.Key_V)
    assert window.view_mode == SIDE_BY_SIDE and window.merged.isHidden()
    assert not window.panes[0].isHidden()


def test_merge_dialog_reports_a_curators_review_decisions(qtbot: QtBot, tmp_path: Path) -> None:
    from helpers import review_db

    from annotator.core.adjudication import NEITHER
    from annotator.workspace.review import ReviewSession

    curator = Workspace.open(str(tmp_path / "curator.sqlite3"), "huda")
    doc = review_db.seed(curator)
    session = ReviewSession(curator, doc, ["A", "B"])
    session.decide(2, NEITHER)
    curator.close()
    ours = Workspace.open(str(tmp_path / "ours.sqlite3"), "layla")
    report = run_merge_dialog(None, ours, str(tmp_path / "curator.sqlite3"), confirm=False)
    assert report is not None
    assert describe(report).splitlines()[-1] == (
        "Review decisions: 1 added, 0 identical, 0 conflicting"
    )
    ours.close()


def test_the_workbench_and_the_review_undo_their_own_steps(
    qtbot: QtBot, review_ws: Workspace
) -> None:
    """One workspace serves both windows: each window's Undo takes its own last step."""
    from annotator.ui.controller import AnnotationController

    doc = review_ws.repo.find_document("خبر")
    assert doc is not None
    window = started(qtbot, review_ws)
    bench = AnnotationController(review_ws)
    bench.open_document(doc)
    org = review_ws.schema.label("entity", "ORG")
    assert org is not None and bench.apply_label(org, (0, 3))
    press(qtbot, window, Qt.Key.Key_1)  # accept layla's side of the current disagreement
    decided = gold(review_ws)
    bench_stack = bench.undo_group.activeStack()
    assert bench_stack is not None
    bench_stack.undo()  # the workbench's Ctrl+Z: its own tag, not the curator's decision
    assert [s.label for s in review_ws.spans(doc, "curator")] == []
    assert gold(review_ws) == decided
    window.undo()  # the review's Ctrl+Z: the decision
    assert gold(review_ws) == [(11, 20, "PER")]


def test_a_refused_decision_is_said_in_the_review_window(
    qtbot: QtBot, review_ws: Workspace
) -> None:
    from annotator.core.commands import Command
    from annotator.core.errors import EditError

    class CuratorsOnly:
        def admit(self, command: Command, ws: Workspace) -> None:
            raise EditError("only a curator decides gold here")

    window = started(qtbot, review_ws)
    before = gold(review_ws)
    review_ws.policy = CuratorsOnly()
    press(qtbot, window, Qt.Key.Key_1)
    assert gold(review_ws) == before
    assert window.statusBar().currentMessage() == "Refused: only a curator decides gold here"
    window.mark_gold_done()  # refused too, said, and no exception escapes the slot
    assert window.statusBar().currentMessage() == "Refused: only a curator decides gold here"
