"""The README's keyboard table is the defaults the program ships with; the help dialog is the
keys in use (the annotator's own included)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows, shortcuts_markdown
from annotator.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def section(text: str, title: str) -> str:
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end + 1 if end >= 0 else None]


def test_readme_and_docs_list_the_default_keys_the_help_dialog_the_live_ones(
    qtbot: QtBot, seed_ws: Workspace, settings: Settings
) -> None:
    settings.set_shortcut_overrides({"find": ["Ctrl+K"], "label:PER": []})
    window = MainWindow(seed_ws, settings)
    qtbot.addWidget(window)
    defaults = shortcut_rows(window.shortcut_groups(), defaults=True)
    generated = shortcuts_markdown(defaults)
    # the README's section opens with docs/shortcuts.md; notes may follow the table
    readme = section(README.read_text(encoding="utf-8"), "Keyboard shortcuts")
    assert readme.startswith(generated), (
        "README.md's shortcut section is stale: paste docs/shortcuts.md into it"
    )
    assert (ROOT / "docs" / "shortcuts.md").read_text(encoding="utf-8") == generated
    assert ("Edit", "Find", "Ctrl+F") in defaults
    assert ("Edit", "Move span start one word right (back)", "Alt+Up") in defaults

    dialog = ShortcutsDialog(shortcut_rows(window.shortcut_groups()), window)
    shown = [
        tuple(dialog.table.item(r, c).text().strip("\u2066\u2069") for c in range(3))
        for r in range(dialog.table.rowCount())
    ]
    assert ("Edit", "Find", "Ctrl+K") in shown
    assert not any(row[1].startswith("PER") for row in shown)  # unbound: not listed
    assert len(shown) == len(defaults) - 1
