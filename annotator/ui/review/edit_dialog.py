"""Editing a span before it goes into gold: its label, its attributes, and its extent, chosen
by selecting the text itself in a right-to-left view of the document around it.

The dialog changes nothing: it describes the span the curator wants (:meth:`edited_span`); the
review window writes it as one decision only when the dialog is accepted, so Cancel leaves the
disagreement open and gold as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from annotator.core.model import Span
from annotator.core.schema import Schema
from annotator.ui.offsets import OffsetMap

CONTEXT = 300  # code points of document shown on each side of the span
EXTENT_TINT = QColor(255, 213, 79)  # amber: the extent, apart from the selection's blue
_EXCERPT = 60  # code points of the chosen text repeated under the pane


def context_range(text: str, start: int, end: int, reach: int = CONTEXT) -> tuple[int, int]:
    """The part of ``text`` shown around [start, end): ``reach`` code points each side,
    widened to whole words so the pane never opens or closes mid-word."""
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return lo, hi


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the white space at its edges (a drag often takes a space along)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class ExtentPane(QPlainTextEdit):
    """Read-only right-to-left view of ``text[lo:hi]``; the selection is the span's extent.

    Offsets in and out are code points of the whole document; Qt's UTF-16 positions stay here.
    """

    def __init__(self, text: str, lo: int, hi: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lo = lo
        self.excerpt = text[lo:hi]
        self.offsets = OffsetMap(self.excerpt)
        self.setReadOnly(True)
        # selectable with the mouse and the keyboard (Shift+arrows), but never editable
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the content is Arabic
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.setPlainText(self.excerpt)

    def select(self, start: int, end: int) -> None:
        """Select document code points [start, end) and bring them into view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def show_extent(self, start: int, end: int) -> None:
        """Tint [start, end) as the span's extent, apart from the selection.

        Not the selection itself: a press inside a selection starts a drag of its text, so a
        curator dragging across the proposed extent would move words instead of choosing them.
        """
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        tint = QTextEdit.ExtraSelection()
        tint.cursor = cursor
        tint.format.setBackground(EXTENT_TINT)
        self.setExtraSelections([tint])

    def extent_shown(self) -> tuple[int, int] | None:
        """The tinted extent, in document code points (for tests and screen readers)."""
        for tint in self.extraSelections():
            cursor = tint.cursor
            return (
                self.offsets.from_qt(cursor.selectionStart()) + self.lo,
                self.offsets.from_qt(cursor.selectionEnd()) + self.lo,
            )
        return None

    def to_qt(self, cp: int) -> int:
        return self.offsets.to_qt(cp - self.lo)

    def selected(self) -> tuple[int, int] | None:
        """The selection in document code points, white space at its edges left out; None
        when nothing (or only white space) is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = trimmed(
            self.excerpt,
            self.offsets.from_qt(cursor.selectionStart()),
            self.offsets.from_qt(cursor.selectionEnd()),
        )
        return (start + self.lo, end + self.lo) if start < end else None


class GoldSpanEditor(QDialog):
    """Label, attributes and extent of one span; :meth:`edited_span` is the result.

    Attributes:
        span: the span the dialog started from (one annotator's side).
        extent: [start, end) chosen so far, in document code points.
    """

    def __init__(self, span: Span, text: str, schema: Schema, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit the span before it goes into gold"))
        self.span = span
        self.text = text
        self.extent = (span.start, span.end)
        self.label = QComboBox(self)
        for label in schema.labels(span.layer):
            self.label.addItem(label.name)
        self.label.setCurrentText(span.label)
        self.attributes: dict[str, QComboBox] = {}
        for attr in schema.attributes_of(span.layer):
            box = QComboBox(self)
            box.addItems(list(attr.values))
            box.setCurrentText(str(span.attributes.get(attr.name, attr.default)))
            self.attributes[attr.name] = box
        self.pane = ExtentPane(text, *context_range(text, span.start, span.end), parent=self)
        self.pane.setMinimumSize(560, 240)  # a few lines of Arabic at the review's size
        self.covered = QLabel(self)
        self.covered.setTextFormat(Qt.TextFormat.PlainText)
        self.covered.setWordWrap(True)
        hint = QLabel(
            self.tr("Select the words of the span in the text (drag, or Shift+arrows)."), self
        )
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Label"), self.label)
        for name, box in self.attributes.items():
            form.addRow(name, box)
        form.addRow(hint)
        form.addRow(self.pane)
        form.addRow(self.tr("Span"), self.covered)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        # the caret at the span's start: Shift+arrows choose from there; a drag anywhere
        self.pane.select(span.start, span.start)
        self.pane.selectionChanged.connect(self._take_selection)
        self._show_extent()
        self.pane.setFocus()

    def _take_selection(self) -> None:
        # a click that clears the selection (the start of a new drag) keeps the last extent
        chosen = self.pane.selected()
        if chosen is not None:
            self.extent = chosen
            self._show_extent()

    def _show_extent(self) -> None:
        start, end = self.extent
        self.pane.show_extent(start, end)
        words = " ".join(self.text[start:end].split())
        if len(words) > _EXCERPT:
            words = words[: _EXCERPT - 1] + "…"
        # isolated so the numbers stay after the Arabic words whatever the chrome's direction
        self.covered.setText(f"\u2068{words}\u2069 ({start}–{end})")

    def edited_span(self) -> Span:
        """The span as the dialog now describes it (same uuid as :attr:`span`)."""
        start, end = self.extent
        attributes = dict(self.span.attributes)
        attributes.update({name: box.currentText() for name, box in self.attributes.items()})
        return self.span.with_changes(
            start=start, end=end, label=self.label.currentText(), attributes=attributes
        )
