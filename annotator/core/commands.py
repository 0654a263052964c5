"""Edits as commands with ``do()`` and ``undo()``.

Every command runs against a :class:`SpanStore` inside one store transaction, so an edit is
committed the moment it is made and undo is itself a committed edit. Commands are run through
one door, ``workspace.Workspace.execute`` / ``undo`` / ``redo``, which keeps the history; the
GUI's ``QUndoStack`` is a thin adapter over that door.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from annotator.core.conflicts import Seen, seen_version, stale_edit
from annotator.core.errors import ConflictError, EditError
from annotator.core.model import STATUSES, Relation, Span
from annotator.core.schema import Schema


class SpanStore(Protocol):
    """What commands need from storage. ``storage.repository`` implements it.

    ``annotator`` is who edits (named "you" in a refusal).
    """

    annotator: str

    def transaction(self) -> AbstractContextManager[Any]: ...
    def document_length(self, doc_id: int) -> int: ...
    def get_span(self, uuid: str) -> Span: ...
    def last_change(self, uuid: str) -> tuple[str | None, datetime | None]: ...
    def span_document(self, uuid: str) -> int: ...
    def insert_span(self, doc_id: int, span: Span) -> Span: ...
    def delete_span(self, uuid: str, expected_version: int | None = None) -> Span: ...
    def update_span(self, span: Span, expected_version: int) -> Span: ...
    def relations_of(self, span_uuid: str) -> list[Relation]: ...
    def get_relation(self, uuid: str) -> Relation: ...
    def insert_relation(self, doc_id: int, relation: Relation) -> Relation: ...
    def delete_relation(self, uuid: str) -> Relation: ...
    def status(self, doc_id: int, annotator: str | None = None) -> str: ...
    def set_status(self, doc_id: int, status: str, annotator: str | None = None) -> None: ...


@dataclass
class Change:
    """What an edit changed, so a view repaints only that (Anki's OpChanges idea)."""

    doc_id: int
    added: list[Span] = field(default_factory=list)
    removed: list[Span] = field(default_factory=list)
    updated: list[tuple[Span, Span]] = field(default_factory=list)  # (before, after)
    linked: list[Relation] = field(default_factory=list)
    unlinked: list[Relation] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)  # annotator -> their new status

    def merge(self, other: Change) -> None:
        if self.doc_id < 0:
            self.doc_id = other.doc_id
        self.added += other.added
        self.removed += other.removed
        self.updated += other.updated
        self.linked += other.linked
        self.unlinked += other.unlinked
        self.statuses.update(other.statuses)

    def editors(self) -> set[str]:
        """The annotators whose spans or links this change touched."""
        spans = (*self.added, *self.removed, *(after for _, after in self.updated))
        links = (*self.linked, *self.unlinked)
        names = {s.annotator for s in spans} | {r.annotator for r in links}
        return names - {""}

    def touched_ranges(self) -> Iterator[tuple[int, int]]:
        for span in (*self.added, *self.removed):
            yield span.start, span.end
        for before, after in self.updated:
            yield before.start, before.end
            yield after.start, after.end
        # a link changes how its ends are drawn; callers look the ends up when they need them


def validate_span(span: Span, length: int, schema: Schema) -> None:
    if not (0 <= span.start < span.end <= length):
        raise EditError(f"span [{span.start}, {span.end}) lies outside the text (length {length})")
    if span.layer not in schema.layer_names:
        raise EditError(f"unknown layer {span.layer!r}")
    if not schema.has_label(span.layer, span.label):
        raise EditError(f"label {span.label!r} is not in layer {span.layer!r}")


class Command:
    """One undoable edit. Subclasses fill ``_do`` and ``_undo``; ``text`` names it in menus.

    ``doc_id`` is the document it edits (-1 until the first ``do()`` where the command finds
    it out from a span); the history keeps one undo stack per document.
    """

    text = "edit"
    doc_id = -1

    def do(self, store: SpanStore, schema: Schema) -> Change:
        with store.transaction():
            return self._do(store, schema)

    def undo(self, store: SpanStore, schema: Schema) -> Change:
        with store.transaction():
            return self._undo(store, schema)

    def _do(self, store: SpanStore, schema: Schema) -> Change:
        raise NotImplementedError

    def _undo(self, store: SpanStore, schema: Schema) -> Change:
        raise NotImplementedError


class AddSpan(Command):
    def __init__(self, doc_id: int, span: Span) -> None:
        self.doc_id = doc_id
        self.span = span
        self.text = f"tag {span.label}"

    def _do(self, store: SpanStore, schema: Schema) -> Change:
        validate_span(self.span, store.document_length(self.doc_id), schema)
        self.span = store.insert_span(self.doc_id, self.span)
        return Change(self.doc_id, added=[self.span])

    def _undo(self, store: SpanStore, schema: Schema) -> Change:
        gone = _unchanged(store, self.span)
        unlinked = [store.delete_relation(r.uuid) for r in store.relations_of(gone.uuid)]
        store.delete_span(gone.uuid, expected_version=gone.version)
        return Change(self.doc_id, removed=[gone], unlinked=unlinked)


class RemoveSpan(Command):
    """Removes a span and the links that touch it; undo puts both back with their UUIDs.

    ``seen`` is the span as the editor last saw it (or its version): a span changed since is
    not removed (None: remove it as stored now).
    """

    def __init__(self, uuid: str, *, seen: Seen = None) -> None:
        self.uuid = uuid
        self.seen = seen
        self.doc_id = -1
        self.span: Span | None = None
        self.relations: list[Relation] = []
        self.text = "remove span"

    def _do(self, store: SpanStore, schema: Schema) -> Change:
        if self.doc_id < 0:  # a span never changes document: look it up once, not per redo
            self.doc_id = store.span_document(self.uuid)
        # on redo, the span must still be as our undo put it back
        current = _unchanged(store, self.span) if self.span else _as_seen(store, self.uuid,
                                                                          self.seen)
        self.relations = [store.delete_relation(r.uuid) for r in store.relations_of(self.uuid)]
        with _said_against(store, current):
            self.span = store.delete_span(self.uuid, expected_version=current.version)
        self.text = f"remove {self.span.label}"
        return Change(self.doc_id, removed=[self.span], unlinked=list(self.relations))

    def _undo(self, store: SpanStore, schema: Schema) -> Change:
        assert self.span is not None
        restored = store.insert_span(self.doc_id, self.span)
        relinked = [store.insert_relation(self.doc_id, r) for r in self.relations]
        return Change(self.doc_id, added=[restored], linked=relinked)


class _UpdateSpan(Command):
    """Shared by resize, relabel and attribute edits: swap one version of a span for another.

    ``seen`` is the span as the editor last saw it (or its version): the edit is refused if
    the stored span has changed since (None: edit it as stored now).
    """

    def __init__(self, uuid: str, seen: Seen = None, **changes: Any) -> None:
        self.uuid = uuid
        self.seen = seen
        self.changes = changes
        self.doc_id = -1
        self.before: Span | None = None
        self.after: Span | None = None

    def _do(self, store: SpanStore, schema: Schema) -> Change:
        if self.doc_id < 0:  # a span never changes document: look it up once, not per redo
            self.doc_id = store.span_document(self.uuid)
        # on redo, the span must still be as our undo left it
        self.before = (
            _unchanged(store, self.before) if self.before
            else _as_seen(store, self.uuid, self.seen)
        )
        wanted = self.before.with_changes(**self.changes)
        validate_span(wanted, store.document_length(self.doc_id), schema)
        with _said_against(store, self.before):
            self.after = store.update_span(wanted, expected_version=self.before.version)
        return Change(self.doc_id, updated=[(self.before, self.after)])

    def _undo(self, store: SpanStore, schema: Schema) -> Change:
        assert self.before is not None and self.after is not None
        current = _unchanged(store, self.after)
        restored = store.update_span(
            self.before.with_changes(version=current.version), expected_version=current.version
        )
        return Change(self.doc_id, updated=[(current, restored)])


class ResizeSpan(_UpdateSpan):
    def __init__(self, uuid: str, start: int, end: int, *, seen: Seen = None) -> None:
        if start >= end:
            raise EditError(f"a span cannot be empty or reversed: [{start}, {end})")
        super().__init__(uuid, seen, start=start, end=end)
        self.text = "resize span"


class RelabelSpan(_UpdateSpan):
    def __init__(
        self, uuid: str, label: str, layer: str | None = None, *, seen: Seen = None
    ) -> None:
        changes: dict[str, Any] = {"label": label}
        if layer is not None:
            changes["layer"] = layer
        super().__init__(uuid, seen, **changes)
        self.text = f"relabel as {label}"

    def _do(self, store: SpanStore, schema: Schema) -> Change:
        change = super()._do(store, schema)
        # a relabel that moves the span to another layer may leave links of the wrong type
        assert self.before is not None and self.after is not None
        if self.before.layer != self.after.layer:
            for rel in store.relations_of(self.uuid):
                _check_relation(rel, store, schema)
        return change


class SetSpanAttribute(_UpdateSpan):
    def __init__(self, uuid: str, attributes: dict[str, Any], *, seen: Seen = None) -> None:
        super().__init__(uuid, seen, attributes=dict(attributes))
        self.text = "set attribute"


def _as_seen(store: SpanStore, uuid: str, seen: Seen) -> Span:
    """The span as stored now, provided it is the version the editor last saw.

    Read inside the edit's transaction; the write that follows names the version read, so a
    change committed in between is refused by the database too (``update_span``).
    """
    current = store.get_span(uuid)
    if seen is not None and seen_version(seen) != current.version:
        by, when = store.last_change(uuid)
        raise stale_edit(seen, current, by, when, store.annotator)
    return current


@contextmanager
def _said_against(store: SpanStore, read: Span) -> Iterator[None]:
    """A write refused because the span changed between our read and our write (another
    process committed in between; PostgreSQL lets that happen) says what changed since
    ``read``, like a refusal found by the read itself."""
    try:
        yield
    except ConflictError:
        try:
            now = store.get_span(read.uuid)
            by, when = store.last_change(read.uuid)
        except ConflictError as gone:
            raise gone from None
        raise stale_edit(read, now, by, when, store.annotator) from None


def _unchanged(store: SpanStore, expected: Span) -> Span:
    """The span as stored now, provided its content is what this history left there.

    Versions are not compared: our own undo and redo bump them too. A difference in content
    means someone else (another machine, another window) edited it: undoing over that edit
    would silently overwrite it, so it is refused.
    """
    current = store.get_span(expected.uuid)
    if _content(current) != _content(expected):
        raise ConflictError(
            f"the {current.label} span was changed elsewhere after this edit; "
            "it cannot be undone without overwriting that change",
            uuids=(current.uuid,),
        )
    return current


def _content(span: Span) -> tuple[Any, ...]:
    return (span.start, span.end, span.layer, span.label, span.attributes)


def _check_relation(rel: Relation, store: SpanStore, schema: Schema) -> None:
    head, tail = store.get_span(rel.head), store.get_span(rel.tail)
    why = schema.link_error(rel.kind, head.layer, tail.layer)
    if why is not None:
        raise EditError(why)
    if store.span_document(rel.head) != store.span_document(rel.tail):
        raise EditError("a link cannot join spans of two documents")


class Link(Command):
    def __init__(self, doc_id: int, relation: Relation) -> None:
        self.doc_id = doc_id
        self.relation = relation
        self.text = f"link {relation.kind}"

    def _do(self, store: SpanStore, schema: Schema) -> Change:
        _check_relation(self.relation, store, schema)
        for rel in store.relations_of(self.relation.head):
            if (rel.kind, rel.head, rel.tail) == (
                self.relation.kind,
                self.relation.head,
                self.relation.tail,
            ):
                raise EditError("these spans are already linked")
        self.relation = store.insert_relation(self.doc_id, self.relation)
        return Change(self.doc_id, linked=[self.relation])

    def _undo(self, store: SpanStore, schema: Schema) -> Change:
        return Change(self.doc_id, unlinked=[store.delete_relation(self.relation.uuid)])


class Unlink(Command):
    def __init__(self, uuid: str) -> None:
        self.uuid = uuid
        self.doc_id = -1
        self.relation: Relation | None = None
        self.text = "unlink"

    def _do(self, store: SpanStore, schema: Schema) -> Change:
        rel = store.get_relation(self.uuid)
        self.doc_id = store.span_document(rel.head)
        self.relation = store.delete_relation(self.uuid)
        return Change(self.doc_id, unlinked=[self.relation])

    def _undo(self, store: SpanStore, schema: Schema) -> Change:
        assert self.relation is not None
        return Change(self.doc_id, linked=[store.insert_relation(self.doc_id, self.relation)])


class Batch(Command):
    """Several commands as one undo step and one transaction (annotate all occurrences)."""

    def __init__(self, commands: Sequence[Command], text: str) -> None:
        self.commands = list(commands)
        self.text = text

    def _do(self, store: SpanStore, schema: Schema) -> Change:
        change: Change | None = None
        for cmd in self.commands:
            part = cmd._do(store, schema)
            if change is None:
                change = part
            else:
                change.merge(part)
        if change is None:
            return Change(self.doc_id)
        self.doc_id = change.doc_id
        return change

    def _undo(self, store: SpanStore, schema: Schema) -> Change:
        change: Change | None = None
        for cmd in reversed(self.commands):
            part = cmd._undo(store, schema)
            if change is None:
                change = part
            else:
                change.merge(part)
        return change if change is not None else Change(-1)


class SetStatus(Command):
    """An annotator's progress on a document (new, in progress, done)."""

    def __init__(self, doc_id: int, status: str, annotator: str) -> None:
        if status not in STATUSES:
            raise EditError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
        self.doc_id = doc_id
        self.status = status
        self.annotator = annotator
        self.before: str | None = None
        self.text = f"mark {status.replace('_', ' ')}"

    def _do(self, store: SpanStore, schema: Schema) -> Change:
        self.before = store.status(self.doc_id, self.annotator)
        store.set_status(self.doc_id, self.status, self.annotator)
        return Change(self.doc_id, statuses={self.annotator: self.status})

    def _undo(self, store: SpanStore, schema: Schema) -> Change:
        assert self.before is not None
        store.set_status(self.doc_id, self.before, self.annotator)
        return Change(self.doc_id, statuses={self.annotator: self.before})
