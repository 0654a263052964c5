"""The find bar: Arabic-aware search (diacritics, tatweel, hamza forms) over the open document."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.core.text import SearchOptions, find_all
from annotator.ui.controller import AnnotationController

MAX_MARKED = 2000  # ExtraSelections get slow past a few thousand


class FindBar(QWidget):
    """Signals:
    matches_changed(list): code-point (start, end) matches to highlight.
    match_chosen(int, int): the match to select and show.
    """

    matches_changed = Signal(list)
    match_chosen = Signal(int, int)

    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in document"))
        self.edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.edit.setClearButtonEnabled(True)
        self.diacritics = QCheckBox(self.tr("Ignore diacritics"), self)
        self.tatweel = QCheckBox(self.tr("Ignore tatweel"), self)
        self.hamza = QCheckBox(self.tr("Fold hamza/alef forms"), self)
        for box in (self.diacritics, self.tatweel, self.hamza):
            box.setChecked(True)
            box.toggled.connect(self.search)
        self.previous_button = QToolButton(self)
        self.previous_button.setText(self.tr("Previous"))
        self.next_button = QToolButton(self)
        self.next_button.setText(self.tr("Next"))
        self.count = QLabel(self)
        close = QToolButton(self)
        close.setText("✕")
        for widget in (self.edit, self.diacritics, self.tatweel, self.hamza,
                       self.previous_button, self.next_button, self.count, close):
            layout.addWidget(widget)
        layout.setStretch(0, 1)
        self.edit.textChanged.connect(self.search)
        self.edit.returnPressed.connect(self.next)
        self.next_button.clicked.connect(self.next)
        self.previous_button.clicked.connect(self.previous)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Shift+Return"), self, self.previous,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        controller.document_opened.connect(lambda _doc: self.search())

    def options(self) -> SearchOptions:
        return SearchOptions(
            diacritics=self.diacritics.isChecked(),
            tatweel=self.tatweel.isChecked(),
            hamza=self.hamza.isChecked(),
        )

    def open_bar(self, seed: str = "") -> None:
        self.show()
        if seed:
            self.edit.setText(seed)
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.matches_changed.emit([])

    def search(self) -> None:
        needle = self.edit.text()
        text = self.controller.text
        self.matches = find_all(text, needle, self.options()) if needle.strip() else []
        self.current = -1
        self._update_count()
        self.matches_changed.emit(self.matches[:MAX_MARKED])

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + delta) % len(self.matches)
        self._update_count()
        self.match_chosen.emit(*self.matches[self.current])

    def _update_count(self) -> None:
        if not self.edit.text().strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("no match"))
        else:
            shown = self.current + 1 if self.current >= 0 else 0
            template = self.tr("%1 of %2")
            self.count.setText(
                template.replace("%1", str(shown)).replace("%2", str(len(self.matches)))
            )
