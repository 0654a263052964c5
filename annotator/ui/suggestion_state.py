"""The open document's suggestions as the window shows them, and the keys that act on them.

Suggestions come from ``workspace.suggestions``; accepting and rejecting go through the
controller (the one door, then the undo stack), so Edit > Undo takes them back like any tag.
A suggestion overlapping one of the annotator's spans of its layer is not shown: once tagged
(or accepted) there, it has nothing left to say; undoing the tag shows it again.

A span tagged in the window is echoed (``workspace.suggestions.echoes_of``): its other
occurrences in the document are offered at once, before any training, and take the place of
the model's suggestions they overlap (the annotator has just said what that text is). Echoes
are held here, not stored: the next training's gazetteer offers the same from the database.
They are worked out once the tag has been painted, and go when the last span of their text
and label does (an undo).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.commands import Change
from annotator.core.model import Span
from annotator.core.suggest.echo import KeepsClitic
from annotator.core.suggest.model import DEFAULT_THRESHOLD, SUGGESTED_LAYER, Suggestion
from annotator.core.suggest.units import normal_form
from annotator.core.text import sentences
from annotator.ui.controller import AnnotationController
from annotator.workspace import suggestions

# echoes wait for the tag to be painted and shown, but no longer than the second figure when
# the view does not paint; both far below the time between an annotator's two keys
ECHO_AFTER_PAINT_MS = 40
ECHO_AT_THE_LATEST_MS = 250
# a training's new suggestions are read this long after it ends (see reload_soon)
RELOAD_AFTER_MS = 40


class SuggestionState(QObject):
    """What is offered in the open document, and which suggestion is current.

    Signals:
        changed(): the shown suggestions or the current one changed (repaint).

    Attributes:
        current: the uuid of the current suggestion ('' for none).
        threshold: suggestions scored below it are hidden (View menu).
    """

    changed = Signal()

    def __init__(self, controller: AnnotationController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.threshold = DEFAULT_THRESHOLD
        self._offered: list[Suggestion] = []
        self._refused: set[tuple[int, int, str, str]] = set()
        # echoes by the (normalised text, label) of the spans they echo
        self._echoes: dict[tuple[str, str], list[Suggestion]] = {}
        self._to_echo: list[Span] = []
        self._echo_timer = QTimer(self, singleShot=True)
        self._echo_timer.timeout.connect(self._echo_pending)
        self._reload_timer = QTimer(self, singleShot=True)
        self._reload_timer.timeout.connect(self.reload)
        self._habit: tuple[int, KeepsClitic | None] = (-1, None)  # model version, its habit
        self._model_version = 0  # the newest, as of the last reload
        self._all: list[Suggestion] = []  # the candidates, by position
        self._starts: list[int] = []
        self._longest = 0
        self._keys: set[tuple[int, int, str, str]] = set()  # the echoes' (start, end, ...)
        self._by_uuid: dict[str, Suggestion] = {}
        self._echo_ids: set[str] = set()
        self._covered: set[str] = set()  # uuids of candidates under one of the annotator's spans
        self._shown: list[Suggestion] | None = []  # None: to be worked out when asked
        self.current = ""
        controller.document_opened.connect(self._opened)
        controller.changed.connect(self._on_change)

    # -- what is shown ---------------------------------------------------------------------

    def _opened(self, _doc_id: int) -> None:
        self._echoes = {}
        self._to_echo = []
        self._echo_timer.stop()
        self._habit = (-1, None)  # another database may have a model of the same version
        self.reload()

    def reload(self) -> None:
        """Read the document's suggestions again (opened, retrained, a rejection)."""
        c = self.controller
        self._refused = set() if c.doc_id < 0 else suggestions.refused(c.ws, c.doc_id)
        self._offered = [] if c.doc_id < 0 else suggestions.offered(
            c.ws, c.doc_id, rejected=self._refused)
        # a new model version only comes with a training, whose end reloads: asked here, not
        # at every echo
        self._model_version = suggestions.model_version(c.ws)
        self._refilter()

    def reload_soon(self) -> None:
        """:meth:`reload` once the event loop has finished what it is doing (a key, a paint):
        after :data:`RELOAD_AFTER_MS`."""
        self._reload_timer.start(RELOAD_AFTER_MS)

    def set_threshold(self, threshold: float) -> None:
        self.threshold = threshold
        self._publish()

    def _on_change(self, change: Change) -> None:
        if change.added or change.removed or change.updated:
            before = [*change.removed, *(old for old, _ in change.updated)]
            after = [*change.added, *(new for _, new in change.updated)]
            if self._forget_echoes(before):
                self._refilter()
            else:  # tags come and go: the overlap filter, from the index, where they did
                self._refilter_near(before + after)
            self._echo_later([s for s in after if s.layer == SUGGESTED_LAYER])
        else:
            self.reload()  # a rejection (or its undo) lives in the database only

    # -- echoes ----------------------------------------------------------------------------

    def _echo_later(self, spans: list[Span]) -> None:
        """Echo once the tag has been painted (:meth:`painted`), so the key's answer never
        waits for a search of the document; a view that does not paint (hidden) gets them a
        little later all the same. One timer: a stale one would fire in a later key's turn."""
        if spans:
            if not self._to_echo:
                self._echo_timer.start(ECHO_AT_THE_LATEST_MS)
            self._to_echo += spans

    def echo_pending(self) -> bool:
        """Whether a span's echoes are still to be worked out (after the next paint)."""
        return bool(self._to_echo)

    def painted(self) -> None:
        """The view has painted (the suggestion painter calls this): pending echoes next,
        once the frame is out (a zero timer would run in the same turn of the event loop)."""
        # never later than already set: paints in a row (scrolling) must not put echoes off
        if self._to_echo and self._echo_timer.remainingTime() > ECHO_AFTER_PAINT_MS:
            self._echo_timer.start(ECHO_AFTER_PAINT_MS)

    def _echo_pending(self) -> None:
        self._echo_timer.stop()
        spans, self._to_echo = self._to_echo, []
        c = self.controller
        if c.doc_id < 0:
            return
        version, keeps = self._clitic_habit()
        fresh: list[Suggestion] = []
        for span in spans:
            if span.uuid not in c.index.spans:
                continue  # undone before its echo was worked out
            key = self._echo_key(span)
            made = [e for e in suggestions.echoes_of(c.text, span, version, keeps)
                    if e.key() not in self._keys]
            for e in made:
                self._keys.add(e.key())
            if made:
                # kept even where rejected: undoing the rejection shows them again
                self._echoes.setdefault(key, []).extend(made)
                fresh += [e for e in made if e.key() not in self._refused]
        if fresh:
            self._add_echoes(fresh)

    def _clitic_habit(self) -> tuple[int, KeepsClitic | None]:
        """The newest model's proclitic habit, read again only when a training saved one."""
        version = self._model_version
        if version != self._habit[0]:
            ws = self.controller.ws
            self._habit = (version, suggestions.clitic_habit(ws) if version else None)
        return self._habit

    def _echo_key(self, span: Span) -> tuple[str, str]:
        return normal_form(self.controller.text[span.start : span.end]), span.label

    def _forget_echoes(self, gone: list[Span]) -> bool:
        """Drop the echoes of a text and label no span of the document has any longer;
        whether any went."""
        keys = {self._echo_key(s) for s in gone if s.layer == SUGGESTED_LAYER} & set(self._echoes)
        if not keys:
            return False
        for span in self.controller.index.spans.values():
            if span.layer == SUGGESTED_LAYER:
                keys.discard(self._echo_key(span))
        for key in keys:
            del self._echoes[key]
        return bool(keys)

    def _candidates(self) -> list[Suggestion]:
        """The stored suggestions and the echoes; an echo replaces what it overlaps."""
        # an echo takes the place of a stored suggestion with its very place and label too (one
        # scored below the threshold would otherwise hide it)
        echoes = [e for group in self._echoes.values() for e in group
                  if e.key() not in self._refused]
        if not echoes:
            return sorted(self._offered, key=_position)
        # the stretches echoes cover, merged: one bisection per stored suggestion
        covered: list[list[int]] = []
        for e in sorted(echoes, key=lambda e: e.start):
            if covered and e.start <= covered[-1][1]:
                covered[-1][1] = max(covered[-1][1], e.end)
            else:
                covered.append([e.start, e.end])
        starts = [a for a, _ in covered]

        def under_echo(s: Suggestion) -> bool:
            i = bisect_right(starts, s.end - 1) - 1  # the last stretch starting before s ends
            return i >= 0 and covered[i][1] > s.start

        kept = [s for s in self._offered if not under_echo(s)]
        return sorted(kept + echoes, key=_position)

    # -- filtering -------------------------------------------------------------------------
    #
    # The candidates are kept by position with their starts, so that what a tag, an echo or a
    # paint touches is found by bisection: a document may hold tens of thousands of them.

    def _refilter(self) -> None:
        """Work out every candidate's overlap with the annotator's spans again."""
        self._index(self._candidates())
        self._covered = self._all_covered()
        self._publish()

    def _all_covered(self) -> set[str]:
        """The candidates under one of the annotator's spans of their layer, in one pass:
        per layer, the furthest end among the spans starting before each point (a training's
        hundreds of new suggestions arrive at once)."""
        by_layer: dict[str, list[tuple[int, int]]] = {}
        for span in self.controller.index.spans.values():
            by_layer.setdefault(span.layer, []).append((span.start, span.end))
        reach: dict[str, tuple[list[int], list[int]]] = {}
        for layer, extents in by_layer.items():
            extents.sort()
            furthest, ends = 0, []
            for _, end in extents:
                furthest = max(furthest, end)
                ends.append(furthest)
            reach[layer] = ([a for a, _ in extents], ends)
        covered = set()
        for s in self._all:
            if s.layer in reach:
                starts, ends = reach[s.layer]
                i = bisect_left(starts, s.end) - 1  # the last span starting before s ends
                if i >= 0 and ends[i] > s.start:
                    covered.add(s.uuid)
        return covered

    def _index(self, candidates: list[Suggestion]) -> None:
        self._all = candidates
        self._starts = [s.start for s in candidates]
        self._longest = max((s.end - s.start for s in candidates), default=0)
        self._by_uuid = {s.uuid: s for s in candidates}
        self._echo_ids = {e.uuid for group in self._echoes.values() for e in group}
        # the echoes made so far, rejected ones included: a span tagged again echoes nothing new
        self._keys = {e.key() for group in self._echoes.values() for e in group}

    def _add_echoes(self, fresh: list[Suggestion]) -> None:
        """Echoes join the candidates, taking the place of stored suggestions they overlap."""
        self._echo_ids.update(e.uuid for e in fresh)
        gone = {s.uuid: s for e in fresh for s in self._around(e.start, e.end)
                if s.uuid not in self._echo_ids}
        kept = [s for s in self._all if s.uuid not in gone] if gone else self._all
        # two sorted runs: Timsort merges them in one pass, in C
        self._all = sorted(kept + fresh, key=_position)
        self._starts = [s.start for s in self._all]
        self._longest = max(self._longest, *(e.end - e.start for e in fresh))
        for s in gone.values():
            del self._by_uuid[s.uuid]
            self._covered.discard(s.uuid)
        self._by_uuid.update((e.uuid, e) for e in fresh)
        self._covered.update(e.uuid for e in fresh if self._under_a_span(e))
        self._publish()

    def _refilter_near(self, spans: list[Span]) -> None:
        """Only the candidates overlapping ``spans`` can have changed: a tag in a document of
        thousands of suggestions looks at a few."""
        moved = False
        for span in spans:
            for s in self._around(span.start, span.end):
                if s.layer != span.layer:
                    continue
                under = self._under_a_span(s)
                if under != (s.uuid in self._covered):
                    if under:
                        self._covered.add(s.uuid)
                    else:
                        self._covered.discard(s.uuid)
                    moved = True
        if moved:  # else nothing drawn changes: a tag away from suggestions repaints its block
            self._publish()

    def _around(self, start: int, end: int) -> list[Suggestion]:
        """The candidates overlapping [start, end)."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [s for s in self._all[lo:hi] if s.end > start]

    def _under_a_span(self, s: Suggestion) -> bool:
        spans = self.controller.index.spans_overlapping(s.start, s.end)
        return any(x.layer == s.layer for x in spans)

    def _visible(self, s: Suggestion) -> bool:
        return s.score >= self.threshold and s.uuid not in self._covered

    def _publish(self) -> None:
        self._shown = None
        if self.current_suggestion() is None:
            self.current = ""
        self.changed.emit()

    @property
    def shown(self) -> list[Suggestion]:
        """The suggestions drawn, by position."""
        if self._shown is None:
            self._shown = [s for s in self._all if self._visible(s)]
        return self._shown

    def has_candidates(self) -> bool:
        """Whether the document has any suggestion at all (shown or not)."""
        return bool(self._all)

    def shown_between(self, start: int, end: int) -> list[Suggestion]:
        """The suggestions drawn that overlap [start, end) (what a paint needs)."""
        return [s for s in self._around(start, end) if self._visible(s)]

    def current_suggestion(self) -> Suggestion | None:
        now = self._by_uuid.get(self.current)
        return now if now is not None and self._visible(now) else None

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


# a candidate's place, read in C: sorting tens of thousands of echoes is a hot path
_position = attrgetter("start", "end")
