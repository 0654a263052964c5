"""Team mode in the window: assigned documents first, the others greyed; the team progress
view (annotator × document status and span counts)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from annotator.core.model import text_sha256
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.team_dialog import TeamProgressDialog
from annotator.workspace import Workspace, team

NAMES = ("أ خبر", "ب خبر 🙂", "ت report ١٢")


def _database(db_path: Path) -> None:
    with Workspace.open(str(db_path), "alice") as alice:
        ids = [alice.repo.insert_document(n, "قالَ الرئيـــس \u200fبوتين " + n, text_sha256(n))
               for n in NAMES]
        alice.add_span(ids[0], 0, 4, "PER")
        alice.as_annotator("bob").set_status(ids[0], "new")
        team.assign(alice.as_annotator("carol"), [NAMES[2]], "bob")


def test_assigned_first_others_greyed(qtbot, db_path: Path, settings: Settings) -> None:
    _database(db_path)
    with Workspace.open(str(db_path), "bob") as ws:
        win = MainWindow(ws, settings)
        qtbot.addWidget(win)
        model = win.doc_model
        names = [model.doc_row(r).name for r in range(model.rowCount())]
        assert names == [NAMES[2], NAMES[0], NAMES[1]]
        grey = QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        fg = [model.data(model.index(r, 0), Qt.ItemDataRole.ForegroundRole)
              for r in range(model.rowCount())]
        assert fg == [None, grey, grey]
        tip = model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
        assert tip.endswith("not assigned to you")
        win.close()
    with Workspace.open(str(db_path), "alice") as ws:  # nothing assigned: nothing greyed
        win = MainWindow(ws, settings)
        qtbot.addWidget(win)
        model = win.doc_model
        assert [model.doc_row(r).name for r in range(model.rowCount())] == sorted(NAMES)
        assert all(model.data(model.index(r, 0), Qt.ItemDataRole.ForegroundRole) is None
                   for r in range(model.rowCount()))
        win.close()


def test_team_progress_view(qtbot, db_path: Path, settings: Settings) -> None:
    _database(db_path)
    with Workspace.open(str(db_path), "carol") as ws:
        dialog = TeamProgressDialog(ws)
        qtbot.addWidget(dialog)
        m = dialog.model
        cells = [[m.data(m.index(r, c)) for c in range(m.columnCount())]
                 for r in range(m.rowCount())]
        assert ["alice", NAMES[0], "", "in progress", 1] in cells
        assert ["bob", NAMES[2], "yes", "new", 0] in cells
        win = MainWindow(ws, settings)
        qtbot.addWidget(win)
        opened: list[TeamProgressDialog] = []

        def close_it() -> None:
            found = [w for w in QApplication.topLevelWidgets()
                     if isinstance(w, TeamProgressDialog) and w.isVisible()]
            opened.extend(found)
            for w in found:
                w.reject()

        QTimer.singleShot(0, close_it)
        win.action_map["team_progress"].trigger()  # Review > Team progress…
        assert len(opened) == 1 and opened[0].model.rowCount() == m.rowCount()
        win.close()
