"""The label palette: one action per schema label (colour + shortcut) and buttons for them.

The buttons flow onto a second line when the window is narrow, so every label and its key stays
visible (a scrolling row hid the last ones at 1280 px).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QStyle, QToolButton, QWidget

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
        tip = f"{label.name}: {label.description} ({label.layer})"
        # the schema's definition: what counts as this label, where the annotator looks
        action.setToolTip(f"{tip}\n{label.definition}" if label.definition else tip)
        action.setStatusTip(label.description)
        action.setData(label)
        actions.append(action)
    return actions


def action_label(action: QAction) -> Label:
    label = action.data()
    assert isinstance(label, Label)
    return label


class FlowLayout(QLayout):
    """Items left to right (right to left in RTL chrome), wrapping onto further lines.

    A widget whose ``property("group_start")`` is true gets ``group_gap`` extra room before it
    unless it begins a line, so layers stay apart.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 2, group_gap: int = 10):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._group_gap = group_gap

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        """Place the items in ``rect`` (when ``apply``); the height they need."""
        m: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(m)
        hints = [item.sizeHint() for item in self._items]
        starts = [self._starts_group(item) for item in self._items]
        lines: list[list[tuple[int, int]]] = [[]]  # per line: (item index, x offset)
        x = 0
        for i, hint in enumerate(hints):
            gap = self._spacing + (self._group_gap if starts[i] else 0) if x else 0
            need = hint.width()
            if starts[i] and i + 1 < len(hints):  # a group heading never ends a line alone
                need += self._spacing + hints[i + 1].width()
            if x and x + gap + need > area.width():
                lines.append([])
                x, gap = 0, 0
            lines[-1].append((i, x + gap))
            x += gap + hint.width()
        y = area.y()
        parent = self.parentWidget()
        direction = parent.layoutDirection() if parent else Qt.LayoutDirection.LeftToRight
        for line in lines:
            height = max((hints[i].height() for i, _ in line), default=0)
            if apply:
                for i, offset in line:
                    top = y + (height - hints[i].height()) // 2  # centred on the line
                    placed = QRect(QPoint(area.x() + offset, top), hints[i])
                    self._items[i].setGeometry(QStyle.visualRect(direction, area, placed))
            y += height + self._spacing
        return y - self._spacing - rect.y() + m.bottom()

    @staticmethod
    def _starts_group(item: QLayoutItem) -> bool:
        widget = item.widget()
        return widget is not None and bool(widget.property("group_start"))


class Palette(QWidget):
    """Buttons for the label actions, grouped by layer, each showing its key."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = FlowLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.buttons: dict[str, QToolButton] = {}
        layer = ""
        for action in actions:
            label = action_label(action)
            if label.layer != layer:
                layer = label.layer
                heading = QLabel(f"{layer}:", self)
                heading.setProperty("group_start", True)
                layout.addWidget(heading)
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setText(f"{label.name} [{key}]" if key else label.name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the keyboard in the text
            self.buttons[label.name] = button
            layout.addWidget(button)
