"""Start-up paints the window before the database is open (issue 12, item 6).

``run_gui`` shows a shell of the window (Qt only), and opens the workspace on a later
event-loop turn; the workbench then takes the shell's place with the documents listed. A
database that cannot be opened is said in words, in the window and in a message box.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

import annotator.ui.app as app_module
from annotator.core.model import ImportedDocument
from annotator.ui.main_window import MainWindow
from annotator.ui.startup import StartupShell
from annotator.workspace import Workspace
from annotator.workspace.importing import store

# diacritics, tatweel, a right-to-left mark, a Latin run, Arabic-Indic digits, an emoji
TEXT = "قالَ ‏الرئيـــس لـ Reuters في ٢٠٢٤ 🙂 إنّ الاتفاق قريب."
PLACEHOLDER = "Opening the database…"


@pytest.fixture
def quiet_app_hooks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """run_gui without its process-wide hooks (pytest-qt owns Qt's messages and errors)."""
    monkeypatch.setattr(app_module, "route_qt_messages", lambda: None)
    monkeypatch.setattr(app_module, "install_exception_hook", lambda _log: None)
    monkeypatch.setattr(app_module, "quit_on_interrupt", lambda app: QTimer(app))
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, (MainWindow, StartupShell)):
            widget.close()
            widget.deleteLater()


def _visible_windows() -> list[tuple[str, list[str]]]:
    """Each visible window's class and the texts of its labels."""
    return [
        (type(w).__name__, [label.text() for label in w.findChildren(QLabel)])
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.isWindow()
    ]


def test_the_window_paints_before_the_workspace_opens(
    qtbot: Any, quiet_app_hooks: None, monkeypatch: pytest.MonkeyPatch, db_path: Path,
) -> None:
    with Workspace.open(str(db_path), "tester") as ws:
        store(ws, [ImportedDocument("خبر_١", TEXT)])
    real_open = Workspace.open
    at_open: list[list[tuple[str, list[str]]]] = []
    at_end: list[QWidget] = []

    def slow_open(*args: Any, **kwargs: Any) -> Workspace:
        at_open.append(_visible_windows())

        def finish() -> None:  # the turn after the workbench took the shell's place
            at_end.extend(w for w in QApplication.topLevelWidgets() if w.isVisible())
            QApplication.instance().exit(0)  # type: ignore[union-attr]

        QTimer.singleShot(0, finish)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(Workspace, "open", slow_open)
    assert app_module.run_gui(str(db_path), "tester", None) == 0

    assert len(at_open) == 1
    shells = [labels for name, labels in at_open[0] if name == "StartupShell"]
    assert shells and PLACEHOLDER in shells[0], at_open  # painted, saying why it is empty
    windows = [w for w in at_end if isinstance(w, MainWindow)]
    assert len(windows) == 1 and not any(isinstance(w, StartupShell) for w in at_end)
    window = windows[0]
    assert window.doc_model.rowCount() == 1
    assert window.controller.text == TEXT  # the first document opened, exact to the code point


def test_a_database_that_cannot_open_is_said_in_words(
    qtbot: Any, quiet_app_hooks: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    blocker = tmp_path / "ملف 📄"
    blocker.write_text("not a folder", encoding="utf-8")
    boxes: list[str] = []

    def critical(parent: QWidget | None, title: str, text: str) -> None:
        boxes.append(text)
        # the shell is still there, saying why, behind the box
        labels = [label.text() for label in parent.findChildren(QLabel)] if parent else []
        assert any("Cannot open the database" in t and "ملف 📄" in t for t in labels), labels

    monkeypatch.setattr(app_module.QMessageBox, "critical", critical)
    assert app_module.run_gui(str(blocker / "قاعدة.sqlite3"), "tester", None) == 1
    assert len(boxes) == 1
    assert "ملف 📄" in boxes[0] and "--db" in boxes[0]


def test_an_unexpected_error_opening_is_said_not_left_opening_for_ever(
    qtbot: Any, quiet_app_hooks: None, monkeypatch: pytest.MonkeyPatch, db_path: Path,
) -> None:
    def broken_open(*_args: Any, **_kwargs: Any) -> Workspace:
        raise RuntimeError("عطل 💥 in the driver")

    boxes: list[str] = []
    monkeypatch.setattr(Workspace, "open", broken_open)
    monkeypatch.setattr(app_module.QMessageBox, "critical",
                        lambda _parent, _title, text: boxes.append(text))
    assert app_module.run_gui(str(db_path), "tester", None) == 1
    assert len(boxes) == 1 and "RuntimeError" in boxes[0] and "عطل 💥" in boxes[0], boxes


def test_the_shell_is_drawn_without_sqlalchemy(tmp_path: Path) -> None:
    """The command line and the shell import no SQLAlchemy and none of the workbench."""
    script = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
import annotator.cli
from annotator.ui.app import make_application
from annotator.ui.settings import Settings
from annotator.ui.startup import StartupShell
app = make_application()
shell = StartupShell(Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat)))
shell.show()
assert QTest.qWaitForWindowExposed(shell)
print(sorted(m for m in sys.modules if m == "sqlalchemy" or m == "annotator.ui.main_window"))
"""
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "settings.ini")],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
