"""Editing a gold span during review: its label and its extent, shown as the text it covers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from annotator.core.commands import Batch, Command, RelabelSpan, ResizeSpan
from annotator.core.model import Span
from annotator.core.schema import Schema


class GoldSpanEditor(QDialog):
    """Label and [start, end) of one span; :meth:`command` turns the result into one edit."""

    def __init__(self, span: Span, text: str, schema: Schema, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit gold span"))
        self.span = span
        self.text = text
        self.label = QComboBox(self)
        for label in schema.labels(span.layer):
            self.label.addItem(label.name)
        self.label.setCurrentText(span.label)
        self.start = QSpinBox(self)
        self.end = QSpinBox(self)
        for box, value in ((self.start, span.start), (self.end, span.end)):
            box.setRange(0, len(text))
            box.setValue(value)
            box.valueChanged.connect(self._preview)
        self.covered = QLabel(self)
        self.covered.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # Arabic content
        self.covered.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout(self)
        form.addRow(self.tr("Label"), self.label)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("End"), self.end)
        form.addRow(self.tr("Text"), self.covered)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._preview()

    def _preview(self) -> None:
        start, end = self.start.value(), self.end.value()
        self.covered.setText(self.text[start:end] if start < end else self.tr("(empty)"))

    def command(self) -> Command | None:
        """The edit the dialog describes, or None when nothing changed."""
        steps: list[Command] = []
        start, end = self.start.value(), self.end.value()
        if (start, end) != (self.span.start, self.span.end):
            steps.append(ResizeSpan(self.span.uuid, start, end))
        if self.label.currentText() != self.span.label:
            steps.append(RelabelSpan(self.span.uuid, self.label.currentText()))
        if not steps:
            return None
        return steps[0] if len(steps) == 1 else Batch(steps, "edit gold span")
