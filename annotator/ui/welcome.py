"""The first-run panel: what the program is for, Import, and a sample document to try."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePanel(QWidget):
    """Signals:
    import_requested(): the user wants to import files.
    sample_requested(): the user wants the shipped sample document.
    """

    import_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("<h2>Arabic annotation workbench</h2>"), self)
        text = QLabel(
            self.tr(
                "This database holds no document yet. Import plain text or JSONL files, or "
                "open the sample news article and tag your first span: select a word, then "
                "press 1 for a person, Q for a quote. F1 lists every shortcut."
            ),
            self,
        )
        text.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import documents…"), self)
        self.sample_button = QPushButton(self.tr("Open sample document"), self)
        self.import_button.clicked.connect(self.import_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        for widget in (title, text, self.import_button, self.sample_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        text.setMaximumWidth(520)
        layout.addStretch(2)
