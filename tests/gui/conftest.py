"""GUI test fixtures: every test here is marked ``gui``; settings go to a throwaway INI file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace
from annotator.workspace.importing import import_paths

HERE = Path(__file__).parent
# the same seed articles tests/conftest.py exports (a second "conftest" cannot import it)
SEEDS = sorted((HERE.parents[2] / "shared" / "seeds").glob("*.txt"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def seed_ws(db_path: Path) -> Iterator[Workspace]:
    """A workspace holding the first seed article."""
    ws = Workspace.open(str(db_path), "tester")
    import_paths(ws, [SEEDS[0]])
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot, seed_ws: Workspace, settings: Settings) -> MainWindow:
    """The main window on the seed article, shown and active (shortcuts need that)."""
    win = MainWindow(seed_ws, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow())
    win.open_document(seed_ws.repo.list_documents()[0].id)
    return win


def find_nth(text: str, needle: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.find(needle, at + 1)
        assert at >= 0, f"{needle!r} occurs fewer than {nth + 1} times"
    return at


def press(win: MainWindow, keys: str) -> None:
    """Press a key sequence in the document view, as the user would."""
    seq = QKeySequence(keys)
    combo = seq[0]
    QTest.keyClick(win.view, combo.key(), combo.keyboardModifiers())


def select_and_press(win: MainWindow, start: int, end: int, keys: str) -> None:
    win.view.setFocus()
    win.view.select(start, end)
    press(win, keys)


def stored(ws: Workspace, doc_id: int) -> list[tuple[int, int, str, str, str]]:
    """The spans as the database holds them: (start, end, layer, label, covered text)."""
    text = ws.repo.document_text(doc_id)
    return [
        (s.start, s.end, s.layer, s.label, text[s.start:s.end]) for s in ws.repo.spans(doc_id)
    ]


@pytest.fixture(autouse=True)
def _empty_clipboard() -> Iterator[None]:
    """Leave the clipboard empty after each test: text a view copied (its QMimeData) still
    held by the offscreen platform's clipboard when the interpreter exits crashes the process
    after the last test (exit 139, every test passed)."""
    yield
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
