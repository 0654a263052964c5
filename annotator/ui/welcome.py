"""The first-run panel: what the program is for, Import, the sample, and who is annotating."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

COLUMN_WIDTH = 560


class WelcomePanel(QWidget):
    """Signals:
    import_requested(): the user wants to import files.
    sample_requested(): the user wants the shipped sample document.
    name_requested(): the user wants to set the annotator name.
    """

    import_requested = Signal()
    sample_requested = Signal()
    name_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("<h2>Arabic annotation workbench</h2>"), self)
        self.text = QLabel(
            self.tr(
                "This database holds no document yet.<br>"
                "1. Import your texts (plain text, JSONL, CoNLL, brat…) or open the sample "
                "news article.<br>"
                "2. Select a word and press a label key: 1 for a person, 4 for a place, "
                "Q for a quote.<br>"
                "3. Every edit is saved at once; F1 lists every shortcut."
            ),
            self,
        )
        self.text.setWordWrap(True)
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import documents…"), self)
        self.sample_button = QPushButton(self.tr("Open sample document"), self)
        self.name_button = QPushButton(self.tr("Set annotator name…"), self)
        self.import_button.clicked.connect(self.import_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.name_button.clicked.connect(self.name_requested)
        buttons = QHBoxLayout()
        for button in (self.import_button, self.sample_button, self.name_button):
            buttons.addWidget(button)
        # a word-wrapped label gets its height for its width only when the layout, not an
        # alignment flag, sets its width: the column has a fixed width and is centred by
        # stretches on both sides
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(self.text)
        column.addWidget(self.who)
        column.addLayout(buttons)
        column.addStretch(2)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(COLUMN_WIDTH)
        row = QHBoxLayout(self)
        row.addStretch(1)
        row.addWidget(holder, 4)
        row.addStretch(1)

    def show_annotator(self, name: str) -> None:
        self.who.setText(self.tr("You annotate as <b>%1</b>.").replace("%1", _escape(name)))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
