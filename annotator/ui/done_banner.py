"""The strip above a document marked done: it is read-only until reopened."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class DoneBanner(QFrame):
    """Says the document is done (so edits are refused) and offers to reopen it.

    Signals:
        reopen_requested(): the user asked to edit the document again.
    """

    reopen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doneBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.label = QLabel(self.tr(
            "This document is marked done: it is read-only. Reopen it to edit (Ctrl+D)."
        ), self)
        self.label.setWordWrap(True)
        self.reopen_button = QPushButton(self.tr("&Reopen for editing"), self)
        self.reopen_button.clicked.connect(self.reopen_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.reopen_button)
        self.hide()
