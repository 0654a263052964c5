"""Keyboard shortcuts, listed from the actions themselves so the list cannot go stale."""

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


def shortcut_rows(groups: Iterable[tuple[str, Iterable[QAction]]]) -> list[tuple[str, str, str]]:
    """(group, action, keys) for every action that has a shortcut, in menu order."""
    rows = []
    for group, actions in groups:
        for action in actions:
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )
            if keys:
                rows.append((group, action.text().replace("&", "").rstrip("…."), keys))
    return rows


def shortcuts_markdown(rows: list[tuple[str, str, str]]) -> str:
    """The README table of shortcuts (docs/shortcuts.md is this text)."""
    lines = [
        "## Keyboard shortcuts",
        "",
        "The document view is right to left: Left moves forward in the text. Label keys tag",
        "the selection (snapped to whole words unless Exact selection is on or the drag began",
        "with Alt held); with no selection they relabel the selected span. Help > Keyboard",
        "shortcuts shows this table in the program, built from the same actions.",
        "",
        "| Menu | Action | Keys |",
        "|---|---|---|",
    ]
    lines += [f"| {g} | {a} | `{k}` |" for g, a, k in rows]
    return "\n".join(lines) + "\n"


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)
