"""Edit > Keyboard shortcuts…: a key editor per action, conflicts refused in words.

Each action gets two key fields (its main key and an alternative, as Delete has Backspace).
Saving is refused, with the reason in the dialog, when one key would serve two actions or when
a key would not reach the program on many desktops (see ui.keymap). What differs from the
defaults is what the caller stores (``overrides()``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.ui import keymap
from annotator.ui.shortcuts_dialog import action_name

FIELDS = 2  # main key and one alternative


class ShortcutEditor(QDialog):
    """Attributes:
        edits: per action name, its key fields.
        problem: the reason the last save was refused ('' when none).
    """

    def __init__(
        self,
        groups: Iterable[tuple[str, Iterable[QAction]]],
        action_map: Mapping[str, QAction],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        names = {id(action): name for name, action in action_map.items()}
        rows = [(group, names[id(a)], a) for group, actions in groups for a in actions
                if id(a) in names]
        self._actions = {name: action for _g, name, action in rows}
        self.edits: dict[str, list[QKeySequenceEdit]] = {}
        self.table = QTableWidget(len(rows), 2 + FIELDS, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Menu"), self.tr("Action"), self.tr("Keys"), self.tr("Alternative")]
        )
        for row, (group, name, action) in enumerate(rows):
            for column, text in enumerate((group, action_name(action))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
            fields = []
            for column in range(FIELDS):
                edit = QKeySequenceEdit(self.table)
                edit.setMaximumSequenceLength(1)  # one chord per field: no two-step keys
                edit.setClearButtonEnabled(True)
                edit.setObjectName(f"{name}/{column}")
                self.table.setCellWidget(row, 2 + column, edit)
                fields.append(edit)
            self.edits[name] = fields
            self._show(name, keymap.live_keys(action))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problem = ""
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults, self,
        )
        self.reset_button = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.reset_button.setText(self.tr("Reset to defaults"))
        self.reset_button.clicked.connect(self.reset)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Click a field and press the keys; the clear button removes a key. Keys with "
            "Alt+Shift, Ctrl+Alt+arrows, Alt+F-keys or the Super key are refused: the keyboard "
            "layout switch or the window manager would take them."), self))
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 620)

    def _show(self, name: str, keys: list[str]) -> None:
        for column, edit in enumerate(self.edits[name]):
            edit.setKeySequence(QKeySequence(keys[column]) if column < len(keys)
                                else QKeySequence())

    def bindings(self) -> dict[str, list[str]]:
        """The keys in the fields, by action name."""
        return {
            name: keymap.portable(edit.keySequence() for edit in fields)
            for name, fields in self.edits.items()
        }

    def overrides(self) -> dict[str, list[str]]:
        """Only the bindings that differ from the action's defaults."""
        return {
            name: keys for name, keys in self.bindings().items()
            if keys != keymap.default_keys(self._actions[name])
        }

    def reset(self) -> None:
        for name, action in self._actions.items():
            self._show(name, keymap.default_keys(action))
        self._say("")

    def refusal(self) -> str:
        """Why these bindings cannot be saved, in words ('' when they can)."""
        bindings = self.bindings()
        for name, keys in bindings.items():
            for key in keys:
                reason = keymap.reserved_reason(key)
                if reason:
                    return self.tr("%1 (%2): %3").replace("%1", self._native(key)).replace(
                        "%2", self._title(name)).replace("%3", reason)
        for key, first, second in keymap.conflicts(bindings):
            return (
                self.tr("%1 is given to both “%2” and “%3”: give one of them another key.")
                .replace("%1", self._native(key)).replace("%2", self._title(first))
                .replace("%3", self._title(second))
            )
        return ""

    def accept(self) -> None:
        reason = self.refusal()
        self._say(reason)
        if not reason:
            super().accept()

    def _say(self, reason: str) -> None:
        self.problem = reason
        self.message.setText(reason and self.tr("Not saved: %1").replace("%1", reason))

    def _title(self, name: str) -> str:
        return action_name(self._actions[name])

    @staticmethod
    def _native(key: str) -> str:
        return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
