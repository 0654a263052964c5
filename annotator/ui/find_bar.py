"""The find bar: Arabic-aware search (diacritics, tatweel, hamza forms) over the open document.

It matches with :func:`annotator.core.matching.find_matches`, the rule Annotate all uses too, so
what Find shows is what Annotate all would tag. Its highlights exist only while it is open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.core.matching import MatchOptions, find_matches
from annotator.core.text import SearchOptions
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
        self.whole_word = QCheckBox(self.tr("Whole word"), self)
        self.whole_word.setToolTip(self.tr(
            "Only whole words, also behind a proclitic (و ف ب ل ك): "
            "روسيا finds وروسيا and لروسيا, not بيلاروسيا. Annotate all tags what this finds."
        ))
        for box in (self.whole_word, self.diacritics, self.tatweel, self.hamza):
            box.setChecked(True)
            box.toggled.connect(self.search)
        self.previous_button = QToolButton(self)
        self.previous_button.setText(self.tr("Previous"))
        self.next_button = QToolButton(self)
        self.next_button.setText(self.tr("Next"))
        self.count = QLabel(self)
        close = QToolButton(self)
        close.setText("✕")
        for widget in (self.edit, self.whole_word, self.diacritics, self.tatweel, self.hamza,
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
        # another document: search it only while the bar is open, so closed stays clear
        controller.document_opened.connect(lambda _doc: self.search())

    def options(self) -> MatchOptions:
        folding = SearchOptions(
            diacritics=self.diacritics.isChecked(),
            tatweel=self.tatweel.isChecked(),
            hamza=self.hamza.isChecked(),
        )
        return MatchOptions(folding, whole_word=self.whole_word.isChecked())

    def open_bar(self, seed: str = "") -> None:
        self.show()
        if seed and seed != self.edit.text():
            self.edit.setText(seed)  # searches
        else:  # the same needle again, perhaps in another document since the bar was closed
            self.search()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.search()  # hidden: no matches, no highlights

    def search(self) -> None:
        needle = "" if self.isHidden() else self.edit.text()
        self.matches = find_matches(self.controller.text, needle, self.options())
        self.current = -1
        self._update_count()
        self.matches_changed.emit(self.matches[:MAX_MARKED])

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.isHidden():  # F3 after closing: the bar, its highlights and the last needle
            self.show()
            self.search()
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
