"""In the Arabic interface the document list shows each name in its own direction
(issue 9, item 10: "report (2).txt" read "(report (2.txt" right to left)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from annotator.core.model import text_sha256
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace


def test_document_names_keep_their_own_direction(qtbot, db_path, settings: Settings) -> None:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the Arabic interface
    try:
        with Workspace.open(str(db_path), "tester") as ws:
            for name in ("report (2).txt", "خبر (٢)"):
                ws.repo.insert_document(name, "نص " + name, text_sha256(name))
            win = MainWindow(ws, settings)
            qtbot.addWidget(win)
            win.show()
            view, model = win.doc_view, win.doc_model
            directions = {}
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                option = QStyleOptionViewItem()
                option.direction = Qt.LayoutDirection.RightToLeft
                view.itemDelegateForIndex(index).initStyleOption(option, index)
                directions[model.doc_row(row).name] = option.direction
            assert directions == {"report (2).txt": Qt.LayoutDirection.LeftToRight,
                                  "خبر (٢)": Qt.LayoutDirection.RightToLeft}
            win.close()
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
