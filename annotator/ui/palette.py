"""The label palette: one action per schema label (colour + shortcut) and a row of buttons."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from annotator.core.schema import Label, Schema


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def label_actions(schema: Schema, parent: QObject) -> list[QAction]:
    """An action per label, its data the Label; shortcuts come from the schema."""
    actions = []
    for label in schema.labels():
        text = f"{label.name} ({label.description})" if label.description else label.name
        action = QAction(swatch(label.color), text, parent)
        if label.shortcut:
            action.setShortcut(QKeySequence(label.shortcut.upper()))
        action.setToolTip(f"{label.name}: {label.description} ({label.layer})")
        action.setStatusTip(label.description)
        action.setData(label)
        actions.append(action)
    return actions


def action_label(action: QAction) -> Label:
    label = action.data()
    assert isinstance(label, Label)
    return label


class Palette(QWidget):
    """Buttons for the label actions, grouped by layer, each showing its key."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        layer = ""
        for action in actions:
            label = action_label(action)
            if label.layer != layer:
                if layer:
                    layout.addSpacing(10)
                layer = label.layer
                layout.addWidget(QLabel(f"{layer}:"))
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setText(f"{label.name} [{key}]" if key else label.name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the keyboard in the text
            self.buttons[label.name] = button
            layout.addWidget(button)
        layout.addStretch(1)
