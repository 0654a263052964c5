"""The review window on first use (issue 9, item 10): it fits the screen, its text zooms, it says
what it needs when there is nothing to compare, and names read right in either interface."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from annotator.core.model import Span, text_sha256
from annotator.ui.review.window import ReviewWindow, open_review
from annotator.ui.settings import Settings
from annotator.workspace import Workspace

TEXT = "قال الرئيس لوكاشينكو في موسكو إن بوتين وافق 🙂 ‏Reuters ٢٠٢٥\n" * 30


def sp(who: str, start: int, end: int, label: str = "PER") -> Span:
    return Span(start, end, "entity", label, annotator=who)


@pytest.fixture
def ws(db_path: Path) -> Workspace:
    ws = Workspace.open(str(db_path), "curator")
    doc = ws.repo.insert_document("خبر", TEXT, text_sha256(TEXT))
    ws.repo.insert_spans(doc, [sp("layla", 11, 20), sp("layla", 24, 29, "GPE")])
    ws.repo.insert_spans(doc, [sp("omar", 11, 20), sp("omar", 24, 29, "LOC")])
    return ws


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def opened(qtbot: QtBot, ws: Workspace, settings: Settings) -> ReviewWindow:
    """The window as Review > Compare opens it."""
    open_review(None, ws, ws.repo.find_document("خبر"), settings)
    [window] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewWindow) and w.isVisible()
    ]
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_the_window_fits_the_screen_it_opens_on(
    qtbot: QtBot, ws: Workspace, settings: Settings
) -> None:
    window = opened(qtbot, ws, settings)
    screen = window.screen().availableGeometry()
    assert screen.contains(window.frameGeometry()), (window.frameGeometry(), screen)
    # and it can be made to fit a 1280 x 800 or 1366 x 768 laptop, with room for panels and a
    # title bar, also comparing four annotators
    for who in ("huda", "zaid"):
        doc = ws.repo.find_document("خبر")
        assert doc is not None
        ws.repo.insert_spans(doc, [sp(who, 11, 20)])
    four = ReviewWindow(ws, ws.repo.find_document("خبر"), settings=settings)
    qtbot.addWidget(four)
    for i in range(four.annotators.count()):
        four.annotators.item(i).setCheckState(Qt.CheckState.Checked)
    four.show()
    qtbot.mouseClick(four.compare_button, Qt.MouseButton.LeftButton)
    assert four.session is not None and len(four.session.annotators) == 4
    for w in (window, four):
        hint = w.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 680, hint


def test_ctrl_plus_minus_zero_zoom_the_panes_and_are_remembered(
    qtbot: QtBot, ws: Workspace, settings: Settings
) -> None:
    window = opened(qtbot, ws, settings)
    panes = window._all_panes()
    base = settings.font_size
    assert {p.view.font().pointSizeF() for p in panes} == {base}  # the workbench's size

    def press(key: Qt.Key) -> None:
        qtbot.keyClick(window.disagreements, key, Qt.KeyboardModifier.ControlModifier)

    press(Qt.Key.Key_Plus)
    press(Qt.Key.Key_Equal)  # Ctrl+= too: Ctrl++ needs Shift on most keyboards
    assert {p.view.font().pointSizeF() for p in panes} == {base + 2}
    press(Qt.Key.Key_Minus)
    assert {p.view.font().pointSizeF() for p in panes} == {base + 1}
    assert settings.review_zoom == 1
    window.close()
    again = opened(qtbot, ws, settings)
    assert {p.view.font().pointSizeF() for p in again._all_panes()} == {base + 1}
    qtbot.keyClick(again.disagreements, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert {p.view.font().pointSizeF() for p in again._all_panes()} == {base}
    assert settings.review_zoom == 0


@pytest.mark.parametrize(
    ("owners", "said"),
    [
        (["alice"], "this database has only alice"),
        ([], "this database has no annotations yet"),
    ],
)
def test_fewer_than_two_annotators_is_said_in_words(
    qtbot: QtBot, db_path: Path, settings: Settings, owners: list[str], said: str
) -> None:
    ws = Workspace.open(str(db_path), "curator")
    doc = ws.repo.insert_document("خبر", TEXT, text_sha256(TEXT))
    for who in owners:
        ws.repo.insert_spans(doc, [sp(who, 11, 20)])
    window = opened(qtbot, ws, settings)
    assert window.notice.isVisible()
    words = window.notice.text()
    assert "Review compares two annotators' work" in words and said in words
    assert "File > Merge colleague's work…" in words and "--annotator" in words
    qtbot.mouseClick(window.compare_button, Qt.MouseButton.LeftButton)  # no modal box, no crash
    assert window.session is None and window.notice.isVisible()
    ws.close()


# a popup asks the platform to raise it and grab the keyboard: the offscreen one cannot
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|grabbing the keyboard)")
def test_names_take_their_direction_from_their_content(
    qtbot: QtBot, ws: Workspace, settings: Settings
) -> None:
    latin = "report (2).txt"
    ws.repo.insert_document(latin, "نص", text_sha256("نص"))
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the Arabic interface
    try:
        window = opened(qtbot, ws, settings)
        combo = window.documents
        qtbot.keyClick(combo, Qt.Key.Key_F4)  # open the list, as a user would
        qtbot.waitUntil(lambda: combo.view().isVisible())
        view = combo.view()
        delegate = view.itemDelegate()
        directions = {}
        for row in range(combo.count()):
            option = QStyleOptionViewItem()
            option.direction = Qt.LayoutDirection.RightToLeft
            delegate.initStyleOption(option, combo.model().index(row, 0, QModelIndex()))
            directions[combo.itemData(row)] = option.direction
        assert directions == {
            ws.repo.find_document("خبر"): Qt.LayoutDirection.RightToLeft,
            ws.repo.find_document(latin): Qt.LayoutDirection.LeftToRight,
        }
        # the closed box shows the name isolated: "(2)" stays after the name in an RTL chrome
        combo.setCurrentIndex(combo.findData(ws.repo.find_document(latin)))
        assert combo.currentText() == f"\u2068{latin}\u2069"
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
