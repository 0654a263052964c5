"""What Annotate all is about to tag, listed with context, before anything is tagged."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.matching import occurrence

_RTL = Qt.LayoutDirection.RightToLeft
_CENTER = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft
_RIGHT = Qt.AlignmentFlag.AlignRight
_ABSOLUTE = Qt.AlignmentFlag.AlignAbsolute  # not mirrored by the right-to-left table


class OccurrencesDialog(QDialog):
    """Lists every hit (line, text before, the hit, text after) and asks to tag them all.

    Accepting tags; Cancel, Escape or closing tags nothing. The caller acts on ``accepted``.

    Attributes:
        summary: the question, with the count and the label.
        table: one row per hit, in document order.
    """

    def __init__(
        self, text: str, hits: list[tuple[int, int]], label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotate all occurrences"))
        self.summary = QLabel(
            self.tr("Tag %1 occurrences as %2? One undo step removes them all.")
            .replace("%1", str(len(hits))).replace("%2", label), self,
        )
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(hits), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Before"), self.tr("Occurrence"), self.tr("After")]
        )
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, (start, end) in enumerate(hits):
            hit = occurrence(text, start, end)
            cells = [str(hit.line), hit.before.strip(), hit.hit, hit.after.strip()]
            # Before sits right of the hit and After left of it (the columns run right to
            # left, as the text does); each hugs the hit so a row reads as one line
            aligns = [_CENTER, _LEFT | _ABSOLUTE, _CENTER, _RIGHT | _ABSOLUTE]
            for column, (value, align) in enumerate(zip(cells, aligns, strict=True)):
                item = QTableWidgetItem(value)
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column == 2:
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        # the columns run right to left like the text: Before | Occurrence | After reads on
        self.table.setLayoutDirection(_RTL)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(self)
        tag = buttons.addButton(
            self.tr("Tag %n", "", len(hits)), QDialogButtonBox.ButtonRole.AcceptRole
        )
        tag.setDefault(True)  # Enter tags; Escape cancels
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 420)
