"""The Suggestions menu: the keys that accept, reject and step through suggestions, the
threshold (View menu) and training, wired to the state, the painter and the trainer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QInputDialog

from annotator.ui import suggestion_painter
from annotator.ui.suggestion_state import SuggestionState
from annotator.ui.suggestion_trainer import SuggestionTrainer

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class SuggestionActions(QObject):
    """Builds the window's suggestion actions (names in ``keymap.DEFAULT_KEYS``).

    Attributes:
        state: what is offered in the open document.
        trainer: the background training.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        c = window.controller
        self.state = SuggestionState(c, self)
        self.trainer = SuggestionTrainer(c, self)
        self.trainer.finished.connect(self._trained)
        suggestion_painter.attach(window.view, self.state)
        a, s = window._action, self.state
        a("suggest_next", self.tr("&Next suggestion"), lambda: self._step(True))
        a("suggest_previous", self.tr("&Previous suggestion"), lambda: self._step(False))
        a("suggest_accept", self.tr("&Accept suggestion"), s.accept_current)
        a("suggest_reject", self.tr("&Reject suggestion"), s.reject_current)
        a("suggest_accept_sentence", self.tr("Accept all in the &sentence"), s.accept_sentence)
        a("suggest_reject_sentence", self.tr("Reject all in the s&entence"), s.reject_sentence)
        a("suggest_train", self.tr("&Train suggestions now"), self.train)
        a("suggest_threshold", self.tr("Suggestion &threshold…"), self.choose_threshold)
        s.changed.connect(self._show_current)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.trainer.stop()  # a closed window leaves no training behind; the next retrains
        return False

    def _step(self, forward: bool) -> None:
        if self.state.step(forward) is None:
            self.window.controller.message.emit(self.tr("No suggestion in this document"))

    def _show_current(self) -> None:
        now = self.state.current_suggestion()
        if now is not None:
            self.window.view.scroll_to(now.start, now.end)

    def train(self) -> None:
        if self.trainer.start():
            self.window.controller.message.emit(self.tr("Training suggestions…"))

    def _trained(self, ok: bool, line: str) -> None:
        # the end of a training arrives whenever it does, maybe in the middle of a key: its
        # suggestions are read a moment later, so that key's answer never waits for them
        self.state.reload_soon()
        self.window.controller.message.emit(
            line if ok else self.tr("Suggestions not trained: %1").replace("%1", line)
        )

    def choose_threshold(self) -> None:
        value, ok = QInputDialog.getDouble(
            self.window, self.tr("Suggestion threshold"),
            self.tr("Hide suggestions scored below (0 shows all, 1 only the surest):"),
            self.state.threshold, 0.0, 1.0, 2,
        )
        if ok:
            self.state.set_threshold(value)
