"""The open document's suggestions as the window shows them, and the keys that act on them.

Suggestions come from ``workspace.suggestions``; accepting and rejecting go through the
controller (the one door, then the undo stack), so Edit > Undo takes them back like any tag.
A suggestion overlapping one of the annotator's spans of its layer is not shown: once tagged
(or accepted) there, it has nothing left to say; undoing the tag shows it again.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QObject, Signal

from annotator.core.commands import Change
from annotator.core.suggest.model import DEFAULT_THRESHOLD, Suggestion
from annotator.core.text import sentences
from annotator.ui.controller import AnnotationController
from annotator.workspace import suggestions


class SuggestionState(QObject):
    """What is offered in the open document, and which suggestion is current.

    Signals:
        changed(): the shown suggestions or the current one changed (repaint).

    Attributes:
        shown: the suggestions drawn, by position.
        current: the uuid of the current suggestion ('' for none).
        threshold: suggestions scored below it are hidden (View menu).
    """

    changed = Signal()

    def __init__(self, controller: AnnotationController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.threshold = DEFAULT_THRESHOLD
        self._offered: list[Suggestion] = []
        self.shown: list[Suggestion] = []
        self.current = ""
        controller.document_opened.connect(lambda _doc: self.reload())
        controller.changed.connect(self._on_change)

    # -- what is shown ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read the document's suggestions again (opened, retrained, a rejection)."""
        c = self.controller
        self._offered = [] if c.doc_id < 0 else suggestions.offered(c.ws, c.doc_id)
        self._refilter()

    def set_threshold(self, threshold: float) -> None:
        self.threshold = threshold
        self._refilter()

    def _on_change(self, change: Change) -> None:
        if change.added or change.removed or change.updated:
            self._refilter()  # tags come and go: the overlap filter, from the index
        else:
            self.reload()  # a rejection (or its undo) lives in the database only

    def _refilter(self) -> None:
        index = self.controller.index
        self.shown = [
            s for s in self._offered
            if s.score >= self.threshold
            and not any(x.layer == s.layer for x in index.spans_overlapping(s.start, s.end))
        ]
        if self.current not in {s.uuid for s in self.shown}:
            self.current = ""
        self.changed.emit()

    def current_suggestion(self) -> Suggestion | None:
        return next((s for s in self.shown if s.uuid == self.current), None)

    def step(self, forward: bool = True, pos: int | None = None) -> Suggestion | None:
        """Make the next (or previous) suggestion current, after the current one or ``pos``;
        wraps around."""
        if not self.shown:
            return None
        now = self.current_suggestion()
        at = now.start if now is not None else (pos if pos is not None else -1)
        starts = [s.start for s in self.shown]
        if forward:
            i = bisect_right(starts, at) if now is not None or at >= 0 else 0
            chosen = self.shown[i % len(self.shown)]
        else:
            i = bisect_right(starts, at - 1) - 1 if now is not None else len(starts) - 1
            chosen = self.shown[i % len(self.shown)]
        self.current = chosen.uuid
        self.changed.emit()
        return chosen

    def in_sentence(self) -> list[Suggestion]:
        """The shown suggestions in the current suggestion's sentence."""
        now = self.current_suggestion()
        if now is None:
            return []
        for a, b in sentences(self.controller.text):
            if a <= now.start < b:
                return [s for s in self.shown if a <= s.start < b]
        return [now]

    # -- acting on them (through the door, onto the undo stack) -------------------------------

    def accept(self, chosen: list[Suggestion]) -> bool:
        c = self.controller
        if not chosen:
            return False
        schema = c.ws.schema
        commands = [suggestions.AcceptSuggestion(c.doc_id, s, c.annotator,
                                                 schema.default_attributes(s.layer))
                    for s in chosen]
        if len(commands) == 1:
            return c.execute(commands[0])
        from annotator.core.commands import Batch

        batch = Batch(commands, f"accept {len(commands)} suggestions")
        batch.doc_id = c.doc_id
        return c.execute(batch)

    def reject(self, chosen: list[Suggestion]) -> bool:
        c = self.controller
        if not chosen:
            return False
        return c.execute(suggestions.RejectSuggestions(c.doc_id, chosen, c.annotator))

    def accept_current(self) -> bool:
        now = self.current_suggestion()
        return self._then_next(now, self.accept([now] if now else []))

    def reject_current(self) -> bool:
        now = self.current_suggestion()
        return self._then_next(now, self.reject([now] if now else []))

    def accept_sentence(self) -> bool:
        return self.accept(self.in_sentence())

    def reject_sentence(self) -> bool:
        return self.reject(self.in_sentence())

    def _then_next(self, done: Suggestion | None, ok: bool) -> bool:
        """After acting on the current suggestion, the next one after it becomes current."""
        if ok and done is not None and self.shown:
            later = [s for s in self.shown if s.start >= done.start]
            self.current = (later[0] if later else self.shown[0]).uuid
            self.changed.emit()
        return ok
