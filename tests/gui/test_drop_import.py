"""Files dropped on the window go through the one import pipeline: the same extension rule,
the same all-or-nothing store, the same report as File > Import and `annotator import`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from annotator.ui.import_dialog import ImportDialog
from annotator.ui.main_window import MainWindow
from annotator.workspace import Workspace


def drop(window: MainWindow, paths: list[Path]) -> bool:
    """Drag ``paths`` over the window and drop them, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(window.width() / 2, window.height() / 2)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(
        window, QDropEvent(point, Qt.DropAction.CopyAction, mime, buttons, mods)
    )
    return True


def names(ws: Workspace) -> list[str]:
    return [row.name for row in ws.list_documents()]


def test_dropped_files_are_imported_and_opened(
    qtbot, window: MainWindow, seed_ws: Workspace, tmp_path: Path
) -> None:
    article = tmp_path / "خبر.txt"
    article.write_text("قال الرئيس إن القاهرة «تتابع المبادرة».\n", encoding="utf-8")
    before = names(seed_ws)
    assert drop(window, [article])
    dialog = window.findChild(ImportDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None or dialog.error is not None)
    assert dialog.error is None
    assert sorted(names(seed_ws)) == sorted([*before, "خبر"])
    assert window.controller.doc_name == "خبر"


def test_a_dropped_file_of_unknown_format_is_refused_as_on_the_command_line(
    qtbot, window: MainWindow, seed_ws: Workspace, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("نص سليم\n", encoding="utf-8")
    strange = tmp_path / "notes.docx"
    strange.write_text("نص\n", encoding="utf-8")
    before = names(seed_ws)
    assert drop(window, [good, strange])
    dialog = window.findChild(ImportDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.error is not None)
    assert "notes.docx" in dialog.error and "choose a format" in dialog.error
    assert names(seed_ws) == before, "nothing is stored, not even the good file"
    # the command line applies the same rule to the same files
    cli = subprocess.run(
        [sys.executable, "-m", "annotator.cli", "import", "--db", str(tmp_path / "cli.db"),
         str(good), str(strange)],
        capture_output=True, text=True, timeout=60,
    )
    assert cli.returncode == 1
    assert "notes.docx: cannot tell the format from the extension" in cli.stderr


def test_a_drag_without_files_is_not_taken(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("نص")
    enter = QDragEnterEvent(
        QPointF(10, 10).toPoint(), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
