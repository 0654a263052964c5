"""The README's keyboard table is the one the program builds from its actions."""

from __future__ import annotations

from pathlib import Path

from annotator.ui.main_window import MainWindow
from annotator.ui.shortcuts_dialog import shortcut_rows, shortcuts_markdown

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_lists_the_programs_shortcuts(window: MainWindow) -> None:
    generated = shortcuts_markdown(shortcut_rows(window.shortcut_groups()))
    table = generated[generated.index("| Menu |") :]
    assert table in README.read_text(encoding="utf-8"), (
        "README.md's shortcut table is stale: paste docs/shortcuts.md's table into it"
    )
