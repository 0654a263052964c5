"""Keyboard shortcuts, listed from the actions themselves so the list cannot go stale.

Help > Keyboard shortcuts lists the live bindings (the annotator's own keys included); the
README's table and docs/shortcuts.md are the defaults (``shortcut_rows(..., defaults=True)``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.keymap import default_keys


def shortcut_rows(
    groups: Iterable[tuple[str, Iterable[QAction]]], defaults: bool = False
) -> list[tuple[str, str, str]]:
    """(group, action, keys) for every action that has a shortcut, in menu order: the live
    bindings (the help dialog), or with ``defaults`` the keys the program ships with (the
    README and docs/shortcuts.md)."""
    rows = []
    for group, actions in groups:
        for action in actions:
            sequences = (
                [QKeySequence(k) for k in default_keys(action)] if defaults else action.shortcuts()
            )
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in sequences)
            if keys:
                rows.append((group, action_name(action), keys))
    return rows


def action_name(action: QAction) -> str:
    """The action's menu text without its mnemonic and trailing dots."""
    return action.text().replace("&", "").rstrip("….")


def shortcuts_markdown(rows: list[tuple[str, str, str]]) -> str:
    """The README table of shortcuts (docs/shortcuts.md is this text)."""
    lines = [
        "## Keyboard shortcuts",
        "",
        "The document view is right to left: Left moves forward in the text. Label keys tag",
        "the selection (snapped to whole words unless Exact selection is on or the drag began",
        "with Ctrl or Alt held); with no selection they relabel the selected span. Help >",
        "Keyboard shortcuts shows the keys in use, built from the same actions; Edit >",
        "Keyboard shortcuts changes them (kept in the settings; Reset to defaults).",
        "",
        "The defaults get past the Arabic/English layout switch and the window manager: no",
        "Alt+Shift (the usual layout toggle; openbox also sends windows to another desktop",
        "with it), no Ctrl+Alt+arrows (workspaces), no Alt+F-keys, Alt+Tab, Alt+Space or",
        "Super (openbox, GNOME and KDE bind those). Arrows with Ctrl or Shift move and extend",
        "the text cursor, so spans are resized with Alt+arrows: Left/Right move the end, Up/Down",
        "the start (up: back, earlier in the text). The editor refuses those keys and any key",
        "given to two actions. Label keys work with the Arabic layout active (ض is Q).",
        "",
        "| Menu | Action | Keys |",
        "|---|---|---|",
    ]
    lines += [f"| {g} | {a} | `{k}` |" for g, a, k in rows]
    return "\n".join(lines) + "\n"


class ShortcutsDialog(QDialog):
    def __init__(
        self, rows: list[tuple[str, str, str]], parent: QWidget | None = None,
        tips: dict[str, str] | None = None,
    ) -> None:
        """``tips``: a tooltip per action name (each label's definition from the schema)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                # keys read left to right in either interface: in a right-to-left cell the
                # bidi algorithm would mirror a lone [ into ] (an LTR isolate prevents it)
                item = QTableWidgetItem(f"\u2066{value}\u2069" if c == 2 else value)
                if c == 1 and tips and value in tips:
                    item.setToolTip(tips[value])
                self.table.setItem(r, c, item)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)
