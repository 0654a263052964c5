"""The review window decides attribute disputes and edits a span by selecting its text
(issue 9, items 5 and 6), driven with keys and clicks on the real widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.model import GOLD, Span, text_sha256
from annotator.core.review import CONFLICT
from annotator.ui.review.edit_dialog import GoldSpanEditor
from annotator.ui.review.window import MERGED, ReviewWindow
from annotator.workspace import Workspace

# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji before the
# names, so a UTF-16 position in the editor's pane is not a code point
TEXT = (
    "قالـت الوزيرةُ ‏Reuters ٢٠٢٥ 🙂 إن الرئيس لوكاشينكو في موسكو: «الاتفاقُ ممكنٌ غداً»\n"
)
PRESIDENT = TEXT.index("الرئيس")
NAME = TEXT.index("لوكاشينكو")
NAME_END = NAME + len("لوكاشينكو")
QUOTE = (TEXT.index("«"), TEXT.index("»") + 1)


def doc_of(ws: Workspace) -> int:
    doc = ws.repo.find_document("بيان")
    assert doc is not None
    return doc


def gold(ws: Workspace) -> list[tuple[int, int, str, dict[str, str]]]:
    return sorted(
        (s.start, s.end, s.label, s.attributes) for s in ws.repo.spans(doc_of(ws), GOLD)
    )


@pytest.fixture
def ws(db_path: Path) -> Workspace:
    ws = Workspace.open(str(db_path), "curator")
    doc = ws.repo.insert_document("بيان", TEXT, text_sha256(TEXT))
    for who, value, start in (("layla", "direct", NAME), ("omar", "indirect", PRESIDENT)):
        ws.repo.insert_spans(doc, [
            Span(start, NAME_END, "entity", "PER", annotator=who),
            Span(*QUOTE, "quote", "QUOTE", annotator=who, attributes={"direct": value}),
        ])
    return ws


def started(qtbot: QtBot, ws: Workspace) -> ReviewWindow:
    window = ReviewWindow(ws, doc_of(ws))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the decision keys are window shortcuts
    qtbot.mouseClick(window.compare_button, Qt.MouseButton.LeftButton)
    assert window.session is not None
    return window


def row_of(window: ReviewWindow, layer: str) -> int:
    assert window.session is not None
    [row] = [i for i, d in enumerate(window.session.disagreements) if d.layer == layer]
    return row


def key(qtbot: QtBot, window: ReviewWindow, k: Qt.Key) -> None:
    qtbot.keyClick(window.disagreements, k)


def in_dialog(qtbot: QtBot, steps: Callable[[GoldSpanEditor], None]) -> list[GoldSpanEditor]:
    """Run ``steps`` on the editor once its modal loop runs (E opens it with exec())."""
    seen: list[GoldSpanEditor] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, GoldSpanEditor):
            QTimer.singleShot(10, drive)
            return
        seen.append(dialog)
        try:
            steps(dialog)
        finally:
            if dialog.isVisible():  # a failed step must not leave the test hanging in exec()
                dialog.reject()

    QTimer.singleShot(0, drive)
    return seen


def click_at(qtbot: QtBot, dialog: GoldSpanEditor, cp: int, shift: bool = False) -> None:
    """Click the pane where the caret goes to code point ``cp`` (Shift: extend the selection).

    The point is found with the pane's own hit test along the caret's line: in a right-to-left
    line with an emoji and a Latin run, x does not follow the position in any simple way.
    """
    pane = dialog.pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.to_qt(cp))
    y = pane.cursorRect(cursor).center().y()
    [x] = [x for x in range(pane.viewport().width())
           if pane.cursorForPosition(QPoint(x, y)).position() == pane.to_qt(cp)][:1]
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, modifier, QPoint(x, y))


# --- item 5: attribute disagreements ------------------------------------------------------------


def test_a_direct_against_indirect_quote_is_a_disagreement_the_curator_decides(
    qtbot: QtBot, ws: Workspace
) -> None:
    window = started(qtbot, ws)
    assert gold(ws) == []  # nothing agreed: gold did not take layla's "direct"
    row = row_of(window, "quote")
    item = window.disagreements.item(row).text()
    assert "attribute" in item and "direct=indirect" in item and "[open]" in item
    window.view_actions[MERGED].trigger()
    assert window.merged is not None
    quotes = [s.uuid for s in window.merged.controller.index.spans.values() if s.layer == "quote"]
    assert [window.merged.marks.get(uuid) for uuid in quotes] == [CONFLICT, CONFLICT]
    window.disagreements.setCurrentRow(row)
    key(qtbot, window, Qt.Key.Key_2)  # omar's side: indirect
    assert gold(ws) == [(*QUOTE, "QUOTE", {"direct": "indirect"})]
    assert "[accept_b]" in window.disagreements.item(row).text()


# --- item 6: Edit… ------------------------------------------------------------------------------


def test_edit_then_cancel_changes_nothing(qtbot: QtBot, ws: Workspace) -> None:
    window = started(qtbot, ws)
    window.disagreements.setCurrentRow(row_of(window, "entity"))
    stack = window.gold.controller.undo_group.activeStack()
    assert stack is not None
    steps, before = stack.count(), gold(ws)
    row = window.disagreements.currentRow()

    def cancel(dialog: GoldSpanEditor) -> None:
        # the curator starts choosing, then thinks better of it
        click_at(qtbot, dialog, NAME)
        qtbot.keyClick(dialog.pane, Qt.Key.Key_Escape)

    seen = in_dialog(qtbot, cancel)
    key(qtbot, window, Qt.Key.Key_E)
    assert len(seen) == 1 and seen[0].result() == GoldSpanEditor.DialogCode.Rejected
    assert gold(ws) == before
    assert stack.count() == steps
    assert "[open]" in window.disagreements.item(row).text()
    assert window.statusBar().currentMessage() == "Edit cancelled: nothing was written to gold."


def test_edit_sets_the_extent_by_selecting_text_in_a_right_to_left_pane(
    qtbot: QtBot, ws: Workspace
) -> None:
    window = started(qtbot, ws)
    row = row_of(window, "entity")
    window.disagreements.setCurrentRow(row)
    stack = window.gold.controller.undo_group.activeStack()
    assert stack is not None
    steps = stack.count()

    def choose(dialog: GoldSpanEditor) -> None:
        pane = dialog.pane
        assert pane.isReadOnly()
        assert pane.document().defaultTextOption().textDirection() == (
            Qt.LayoutDirection.RightToLeft
        )
        # it opens on layla's span, tinted
        assert dialog.extent == (NAME, NAME_END) == pane.extent_shown()
        assert "لوكاشينكو" in dialog.covered.text()
        # the curator selects «الرئيس لوكاشينكو» with the mouse: click, Shift+click
        click_at(qtbot, dialog, PRESIDENT)
        click_at(qtbot, dialog, NAME_END, shift=True)
        assert dialog.extent == (PRESIDENT, NAME_END) == pane.extent_shown()
        assert "الرئيس لوكاشينكو" in dialog.covered.text()
        dialog.label.setFocus()
        qtbot.keyClicks(dialog.label, "ORG")  # a combo box chooses by typing
        assert dialog.label.currentText() == "ORG"
        qtbot.keyClick(dialog.label, Qt.Key.Key_Return)

    seen = in_dialog(qtbot, choose)
    key(qtbot, window, Qt.Key.Key_E)
    assert seen and seen[0].result() == GoldSpanEditor.DialogCode.Accepted
    assert gold(ws) == [(PRESIDENT, NAME_END, "ORG", {})]
    assert "[edit]" in window.disagreements.item(row).text()
    assert stack.count() == steps + 1  # one decision, one undo step
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # back from the dialog
    qtbot.keyClick(window.disagreements, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold(ws) == []
    assert "[open]" in window.disagreements.item(row).text()


def test_edit_decides_a_quotes_attribute(qtbot: QtBot, ws: Workspace) -> None:
    window = started(qtbot, ws)
    row = row_of(window, "quote")
    window.disagreements.setCurrentRow(row)

    def indirect(dialog: GoldSpanEditor) -> None:
        box = dialog.attributes["direct"]
        assert box.currentText() == "direct"  # layla's side first
        box.setFocus()
        qtbot.keyClicks(box, "indirect")
        qtbot.keyClick(box, Qt.Key.Key_Return)

    in_dialog(qtbot, indirect)
    key(qtbot, window, Qt.Key.Key_E)
    assert gold(ws) == [(*QUOTE, "QUOTE", {"direct": "indirect"})]
    assert "[edit]" in window.disagreements.item(row).text()
