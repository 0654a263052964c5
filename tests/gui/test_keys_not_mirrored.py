"""In the Arabic interface the help dialog shows [ and ] as the keys they are (issue 9, item 10):
in a right-to-left cell the bidi algorithm mirrors a lone bracket, so "[" was drawn as "]"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption

from annotator.ui.main_window import MainWindow
from annotator.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows


def glyphs(text: str, direction: Qt.LayoutDirection, window: MainWindow) -> list[int]:
    """The glyphs Qt draws for ``text`` in a paragraph of ``direction``."""
    layout = QTextLayout(text, window.font())
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [g for run in layout.glyphRuns() for g in run.glyphIndexes()]


def test_bracket_keys_are_drawn_unmirrored_in_a_right_to_left_table(window: MainWindow) -> None:
    rows = shortcut_rows(window.shortcut_groups())
    dialog = ShortcutsDialog(rows, window)
    shown = {dialog.table.item(r, 1).text(): dialog.table.item(r, 2).text()
             for r in range(dialog.table.rowCount())}
    ltr = Qt.LayoutDirection.LeftToRight
    for action, key, other in (("Select next span", "]", "["), ("Select previous span", "[", "]")):
        drawn = glyphs(shown[action], Qt.LayoutDirection.RightToLeft, window)
        (want,), (wrong,) = glyphs(key, ltr, window), glyphs(other, ltr, window)
        assert want in drawn and wrong not in drawn, action
