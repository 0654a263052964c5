"""The welcome panel of an empty database shows its whole text at any window width
(issue 9, item 10: a word-wrapped label without height-for-width was clipped)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace


@pytest.mark.parametrize("width", [520, 800, 1280])
def test_the_welcome_text_is_never_clipped(qtbot, db_path, settings: Settings, width: int) -> None:
    with Workspace.open(str(db_path), "tester") as ws:
        win = MainWindow(ws, settings)
        qtbot.addWidget(win)
        win.resize(width, 700)
        win.show()
        qtbot.waitExposed(win)
        assert win.stack.currentWidget() is win.welcome
        labels = [w for w in win.welcome.findChildren(QLabel) if w.wordWrap()]
        assert labels
        for label in labels:
            qtbot.waitUntil(lambda label=label: label.height() > 0)
            assert label.height() >= label.heightForWidth(label.width()), label.text()
            assert label.width() >= 200


def test_the_first_window_fits_the_screen(qtbot, db_path, settings: Settings) -> None:
    with Workspace.open(str(db_path), "tester") as ws:
        win = MainWindow(ws, settings)  # no saved geometry: the first start
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        screen = win.screen().availableGeometry()
        assert screen.contains(win.frameGeometry()), (win.frameGeometry(), screen)
