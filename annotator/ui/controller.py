"""The annotation controller: the open workspace, the current document and its undo stack.

Widgets ask it for edits and repaint from the ``changed`` signal; every edit goes through the
workspace's door (``Workspace.execute``), the undo stack only adapts it (git-cola's command
idea, Anki's change descriptions).
"""

from __future__ import annotations

import gc
from collections.abc import Hashable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from annotator.core.clitics import occurs_as_word
from annotator.core.commands import (
    AddSpan,
    Batch,
    Change,
    Command,
    Link,
    RelabelSpan,
    RemoveSpan,
    ResizeSpan,
    SetSpanAttribute,
    SetStatus,
    Unlink,
)
from annotator.core.errors import AnnotatorError, ConflictError
from annotator.core.matching import MatchOptions, find_matches
from annotator.core.model import DONE, IN_PROGRESS, NEW, Relation, Span
from annotator.core.schema import AttributeDef, Label
from annotator.core.text import tokenize
from annotator.ui import tagging
from annotator.ui.display_lines import display_text
from annotator.ui.offsets import OffsetMap
from annotator.ui.span_index import SpanIndex
from annotator.ui.undo import UndoAdapter, new_stack
from annotator.workspace import Workspace

# how long one wait for a busy database lasts, and how long an edit waits in all
BUSY_STEP_MS = 200
BUSY_PATIENCE_S = 10.0
# a pause in the work: SQLite's log is copied back into the database file then, not inside a
# key's commit (Workspace.checkpoint_when_idle)
CHECKPOINT_AFTER_IDLE_MS = 1500


class AnnotationController(QObject):
    """Owns what is open and turns requests into core commands.

    Signals:
        document_opened(int): a document is shown (its id; -1 when none).
        changed(object): a core ``Change`` was applied to the open document's index.
        current_changed(str): the selected span's uuid ('' for none).
        message(str): a short line for the status bar.
        failed(str): an edit was refused; the reason, for the user.
        documents_changed(): the document list changed (import, status, counts).
        link_mode_changed(bool): waiting for the other end of a link.

    Attributes:
        ws: the open workspace.
        doc_id: the open document, or -1.
        text: its stored text; ``offsets`` and ``index`` belong to it.
        shown: the text as the view shows it: ``text`` with a space turned into a line break
            where a line is too long (``display_lines``), the same length and offsets.
        undo_group: one QUndoStack per document; the open one is active.
        busy_patience: seconds an edit waits for another program's write (an import) to
            finish before it is refused.
    """

    document_opened = Signal(int)
    changed = Signal(object)
    current_changed = Signal(str)
    message = Signal(str)
    failed = Signal(str)
    documents_changed = Signal()
    link_mode_changed = Signal(bool)

    def __init__(
        self, ws: Workspace, parent: QObject | None = None, annotator: str | None = None
    ) -> None:
        super().__init__(parent)
        self.busy_patience = BUSY_PATIENCE_S
        self.ws = ws
        self._checkpoint_timer = QTimer(self)
        self._checkpoint_timer.setSingleShot(True)
        self._checkpoint_timer.setInterval(CHECKPOINT_AFTER_IDLE_MS)
        self._checkpoint_timer.timeout.connect(lambda: self.ws.checkpoint())
        self._work_interactively(ws)
        # whose spans are shown and edited: the workspace's annotator, or (review) another
        self.annotator = ws.annotator if annotator is None else annotator
        # the workspace history this controller's undo stacks mirror: per document (None), or
        # a scope of its own for a window beside the workbench (review)
        self.undo_scope: Hashable | None = None
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self.doc_id = -1
        self.doc_name = ""
        self.status = NEW
        self.text = ""
        self.shown = ""
        self.offsets = OffsetMap("")
        self.index = SpanIndex("")
        self.current = ""
        self.link_head = ""
        self._block_tokens: dict[int, list[tuple[int, int]]] = {}

    # -- documents -----------------------------------------------------------------------

    def open_document(self, doc_id: int) -> None:
        ws, who = self.ws, self.annotator
        info = ws.document_info(doc_id)
        # tens of thousands of new objects would trigger collections of the whole heap while
        # loading (each one tens of ms); they hold no cycles, so the collector can wait
        collecting = gc.isenabled()
        gc.disable()
        try:
            self.text = ws.document_text(doc_id)
            self.offsets = OffsetMap(self.text)
            # the index's paragraphs are the view's: over-long lines broken for display
            self.shown = display_text(self.text)
            self.index = SpanIndex(self.shown, ws.spans(doc_id, who), ws.relations(doc_id, who))
        finally:
            if collecting:
                gc.enable()
        self.doc_id, self.doc_name = doc_id, info.name
        self.status = ws.status(doc_id, who)
        self._block_tokens.clear()
        self.current = self.link_head = ""
        if doc_id not in self._stacks:
            self._stacks[doc_id] = new_stack(self.undo_group)
        self._activate_undo()
        # tens of thousands of long-lived span objects make every full cyclic-GC pass cost
        # tens of ms, landing on random key presses; they hold no cycles, so exempt them.
        # Only the young generations are collected first: a full pass over the whole heap
        # (~80 ms) before the first paint is what opening must not cost; cyclic garbage that
        # already reached the old generation stays frozen (none found, measured when opening).
        gc.collect(1)
        gc.freeze()
        self.document_opened.emit(doc_id)
        self.current_changed.emit("")

    def set_workspace(self, ws: Workspace) -> None:
        """Switch to another database: histories of the old one no longer apply."""
        for stack in self._stacks.values():
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._stacks.clear()
        self.ws = ws
        self._work_interactively(ws)
        self.annotator = ws.annotator
        self.doc_id = -1
        self.text = ""
        self.shown = ""
        self.offsets = OffsetMap("")
        self.index = SpanIndex("")
        self.current = self.link_head = ""
        self.document_opened.emit(-1)
        self.documents_changed.emit()

    def set_status(self, status: str) -> None:
        """Mark the shown annotator's progress; not an undo step (as in the document list)."""
        if self.doc_id < 0:
            return
        try:
            change = self.ws.execute(SetStatus(self.doc_id, status, self.annotator),
                                     undoable=False)
        except AnnotatorError as exc:
            self._report(exc)
            return
        self._apply(change)

    def _activate_undo(self) -> None:
        """The document's undo stack, or none while it is done: a done document is read-only
        (the workspace refuses its edits), so undo and redo wait, kept, until it is reopened."""
        stack = self._stacks.get(self.doc_id)
        if stack is not None:  # (a review pane keeps one stack of its own, always active)
            # Qt takes a null stack (no active one); PySide's stub does not say so
            active = None if self.status == DONE else stack
            self.undo_group.setActiveStack(active)  # type: ignore[arg-type]

    def toggle_done(self) -> None:
        self.set_status(IN_PROGRESS if self.status == DONE else DONE)

    # -- running commands ----------------------------------------------------------------

    def execute(self, command: Command) -> bool:
        """Run ``command`` through the workspace's door and push it on the undo stack;
        False (and ``failed``) if refused."""
        # the document's stack even while it is done and the group has none active
        stack = self._stacks.get(self.doc_id) or self.undo_group.activeStack()
        if stack is None or self.doc_id < 0:
            return False
        scope = self.doc_id if self.undo_scope is None else self.undo_scope
        try:
            change = self.ws.execute(command, scope=scope)
        except AnnotatorError as exc:
            self._report(exc)
            return False
        stack.push(UndoAdapter(self.ws, scope, command, change, self._apply, self._report))
        return True

    def _work_interactively(self, ws: Workspace) -> None:
        # SQLite's 5 s busy timeout would freeze the window without a word: wait in short
        # steps instead, saying so and painting between them
        ws.wait_when_busy(BUSY_STEP_MS)
        ws.on_busy = self._busy
        # and no key waits for the log's copy-back: it happens in a pause (_checkpoint_timer)
        ws.checkpoint_when_idle()

    def _busy(self, waited: float) -> bool:
        """Another program holds the database's write lock: note it, let the window paint
        (keys and clicks wait, so no second edit starts inside this one), and try again
        until ``busy_patience`` is spent."""
        if waited >= self.busy_patience:
            return False
        self.message.emit(
            self.tr("Database busy: another program is writing to it; your edit waits (%d s)…")
            % int(waited)
        )
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        return True

    def _report(self, exc: AnnotatorError) -> None:
        if isinstance(exc, ConflictError):
            self.refresh_spans(exc.uuids)  # the view must not keep showing what is not stored
        self.failed.emit(str(exc))

    def refresh_spans(self, uuids: tuple[str, ...]) -> None:
        """Show ``uuids`` as the database holds them now (changed or deleted elsewhere)."""
        change = Change(self.doc_id)
        for uuid in uuids:
            shown = self.index.spans.get(uuid)
            if shown is None:
                continue
            try:
                stored = self.ws.get_span(uuid)
            except ConflictError:
                change.unlinked += self.index.links_of(uuid)
                change.removed.append(shown)
                continue
            change.updated.append((shown, stored))
        if change.removed or change.updated:
            self._apply(change)

    def _apply(self, change: Change) -> None:
        if change.doc_id != self.doc_id:
            self.documents_changed.emit()
            return
        status = change.statuses.get(self.annotator)
        if status is not None and status != self.status:
            self.status = status
            self._activate_undo()
            self.documents_changed.emit()
        index = self.index
        for rel in change.unlinked:
            index.unlink(rel.uuid)
        for span in change.removed:
            index.remove(span.uuid)
        for _before, after in change.updated:
            index.replace(after)
        for span in change.added:
            index.add(span)
        for rel in change.linked:
            index.link(rel)
        if self.current and self.current not in index.spans:
            self.set_current("")
        self._checkpoint_timer.start()
        self.changed.emit(change)

    # -- selection of spans --------------------------------------------------------------

    def set_current(self, uuid: str) -> None:
        if uuid != self.current:
            self.current = uuid
            self.current_changed.emit(uuid)

    def current_span(self) -> Span | None:
        return self.index.spans.get(self.current)

    def select_at(self, pos: int) -> Span | None:
        """Make the innermost span at ``pos`` current (or none)."""
        hits = self.index.spans_at(pos)
        self.set_current(hits[0].uuid if hits else "")
        return hits[0] if hits else None

    def step_current(self, forward: bool) -> Span | None:
        """Select the next (or previous) span in document order."""
        span = self.index.step(self.current_span(), forward)
        if span is not None:
            self.set_current(span.uuid)
        return span

    # -- tagging -------------------------------------------------------------------------

    def span_for_selection(
        self, start: int, end: int, label: Label, exact: bool, strip: bool
    ) -> tuple[int, int] | None:
        strips = strip and self.ws.schema.strips_proclitics(label.layer)
        return tagging.span_from_selection(
            self.text, start, end, exact=exact, attested=self.attested if strips else None,
        )

    def attested(self, word: str) -> bool:
        """Whether the open document vouches for ``word`` as a word: it stands alone in the
        text, or a span already covers exactly it (the automatic proclitic rule asks)."""
        return occurs_as_word(self.text, word) or any(
            s.end - s.start == len(word) and s.covered(self.text) == word
            for s in self.index.spans.values()
        )

    def apply_label(self, label: Label, selection: tuple[int, int] | None) -> bool:
        """Tag ``selection`` (code points, already snapped) with ``label``, or relabel.

        The same extent already tagged in the layer is relabelled; with no selection, the
        current span is relabelled.
        """
        if selection is not None:
            existing = self.index.find(selection[0], selection[1], label.layer)
            if existing is None:
                # the schema's defaults are stored, not implied: exports and a colleague's
                # database then read "direct" without knowing this schema
                span = Span(selection[0], selection[1], label.layer, label.name,
                            attributes=self.ws.schema.default_attributes(label.layer),
                            annotator=self.annotator)
                if self.execute(AddSpan(self.doc_id, span)):
                    self.set_current(span.uuid)
                    return True
                return False
            target = existing
        else:
            current = self.current_span()
            if current is None:
                self.message.emit(self.tr("Select some text first"))
                return False
            target = current
        if (target.layer, target.label) == (label.layer, label.name):
            self.set_current(target.uuid)
            self.message.emit(self.tr("Already tagged %s") % label.name)
            return False
        layer = label.layer if label.layer != target.layer else None
        # every edit names the span as this window shows it: if it changed since, the edit
        # is refused in words instead of overwriting that change (issue 11)
        ok = self.execute(RelabelSpan(target.uuid, label.name, layer, seen=target))
        if target.uuid in self.index.spans:  # (not when it turned out deleted elsewhere)
            self.set_current(target.uuid)
        return ok

    def remove_current(self) -> bool:
        """Delete the current span; afterwards no span is current (never a neighbour)."""
        span = self.current_span()
        if span is None:
            self.message.emit(self.tr("No span is selected: click one first"))
            return False
        if not self.execute(RemoveSpan(span.uuid, seen=span)):
            return False
        self.set_current("")
        self.message.emit(self.tr("Deleted %s; no span is selected") % span.label)
        return True

    def resize_current(self, start: int, end: int) -> bool:
        span = self.current_span()
        if span is None or (start, end) == (span.start, span.end) or start >= end:
            return False
        return self.execute(ResizeSpan(span.uuid, start, end, seen=span))

    def tokens_near(self, pos: int) -> list[tuple[int, int]]:
        """Tokens of the paragraphs around ``pos`` (cached; the text never changes)."""
        b = self.index.block_of(pos)
        out: list[tuple[int, int]] = []
        for block in range(max(b - 1, 0), min(b + 2, len(self.index.starts))):
            toks = self._block_tokens.get(block)
            if toks is None:
                lo, hi = self.index.block_range(block)
                toks = [(s + lo, e + lo) for s, e in tokenize(self.text[lo:hi])]
                self._block_tokens[block] = toks
            out += toks
        return out

    def step_edge(self, edge: str, grow: bool) -> bool:
        """Move the current span's start or end by one token."""
        span = self.current_span()
        if span is None:
            return False
        if edge == "end":
            new = tagging.step_end(self.tokens_near(span.end), span.start, span.end, grow)
            return new is not None and self.resize_current(span.start, new)
        new = tagging.step_start(self.tokens_near(span.start), span.start, span.end, grow)
        return new is not None and self.resize_current(new, span.end)

    def cycle_proclitic(self) -> bool:
        """Move the current span's start past the next proclitic of its first token."""
        span = self.current_span()
        if span is None:
            return False
        new = tagging.next_proclitic_start(self.text, span.start, span.end)
        return new is not None and self.resize_current(new, span.end)

    # -- attributes ----------------------------------------------------------------------

    def attribute_defs(self, layer: str) -> tuple[AttributeDef, ...]:
        return self.ws.schema.attributes_of(layer)

    def attribute_values(self, span: Span) -> list[str]:
        """The span's value of each attribute its layer declares (the default when unset)."""
        defs = self.attribute_defs(span.layer)
        return [str(span.attributes.get(a.name, a.default)) for a in defs]

    def set_attribute(self, uuid: str, name: str, value: str) -> bool:
        """Give span ``uuid``'s attribute ``name`` the value ``value`` (one undo step)."""
        span = self.index.spans.get(uuid)
        if span is None or span.attributes.get(name) == value:
            return False
        return self.execute(SetSpanAttribute(uuid, {**span.attributes, name: value}, seen=span))

    def cycle_attribute(self) -> bool:
        """Give the current span's first attribute its next value: a quote direct <-> indirect."""
        span = self.current_span()
        defs = self.attribute_defs(span.layer) if span else ()
        if span is None or not defs:
            self.message.emit(self.tr("Select a quote first"))
            return False
        attr = defs[0]
        value = span.attributes.get(attr.name, attr.default)
        values = list(attr.values)
        new = values[(values.index(value) + 1) % len(values)] if value in values else attr.default
        ok = self.execute(
            SetSpanAttribute(span.uuid, {**span.attributes, attr.name: new}, seen=span)
        )
        if ok:
            self.message.emit(f"{span.label}: {new}")
        return ok

    # -- links ---------------------------------------------------------------------------

    def relation_kind(self, head: Span, tail: Span) -> str | None:
        rtype = self.ws.schema.relation_between(head.layer, tail.layer)
        return rtype.name if rtype is not None else None

    def start_link(self) -> bool:
        span = self.current_span()
        if span is None or not self.ws.schema.links_from(span.layer):
            self.message.emit(self.tr("Select a quote or a claim to link"))
            return False
        self.link_head = span.uuid
        self.link_mode_changed.emit(True)
        self.message.emit(
            self.tr("Link: select the speaker or source (click it, or ] and [), then Enter")
        )
        return True

    def cancel_link(self) -> None:
        if self.link_head:
            self.link_head = ""
            self.link_mode_changed.emit(False)

    def finish_link(self) -> bool:
        head = self.index.spans.get(self.link_head)
        tail = self.current_span()
        self.cancel_link()
        if head is None or tail is None or head.uuid == tail.uuid:
            return False
        kind = self.relation_kind(head, tail)
        if kind is None:
            self.failed.emit(self.tr("A %s cannot be linked to a %s") % (head.layer, tail.layer))
            return False
        rel = Relation(kind, head.uuid, tail.uuid, annotator=self.annotator)
        ok = self.execute(Link(self.doc_id, rel))
        self.set_current(head.uuid)
        if ok:
            self.message.emit(self.tr("Linked: %s") % kind)
        return ok

    def unlink(self, rel_uuid: str) -> bool:
        """Remove one link (the context menu names which)."""
        return self.execute(Unlink(rel_uuid))

    def unlink_current(self) -> bool:
        span = self.current_span()
        links = self.index.links_of(span.uuid) if span else []
        if not links:
            return False
        commands: list[Command] = [Unlink(r.uuid) for r in links]
        return self.execute(commands[0] if len(commands) == 1 else Batch(commands, "unlink"))

    # -- annotate all --------------------------------------------------------------------

    def occurrences_to_tag(self, span: Span, options: MatchOptions) -> list[tuple[int, int]]:
        """Matches of ``span``'s text not yet tagged with its label: the find bar's matches
        (same rule, same options) minus those already tagged."""
        needle = span.covered(self.text)
        return [
            (s, e) for s, e in find_matches(self.text, needle, options)
            if not any(
                o.label == span.label and o.layer == span.layer
                for o in self.index.spans_overlapping(s, e)
            )
        ]

    def tag_occurrences(self, span: Span, hits: list[tuple[int, int]]) -> int:
        """Tag ``hits`` like ``span`` (label, layer, attributes) as one undo step; the count
        tagged, 0 if refused."""
        if not hits:
            return 0
        commands: list[Command] = [
            AddSpan(self.doc_id, Span(s, e, span.layer, span.label,
                                      attributes=dict(span.attributes),
                                      annotator=self.annotator))
            for s, e in hits
        ]
        text = self.tr("tag %n occurrences", "", len(commands))
        return len(commands) if self.execute(Batch(commands, text)) else 0
