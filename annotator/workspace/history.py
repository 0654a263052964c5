"""Undo and redo: one pair of stacks per document, behind ``Workspace.undo`` / ``redo``.

The policy for a refused step, the same for every front end (the GUI's ``QUndoStack`` adapter
drops the step too, by marking it obsolete): when undoing or redoing a step is refused because
the spans it touches were changed elsewhere since (a ``ConflictError``: another window, another
machine) or no longer fit (an ``EditError``), that step is **dropped** from the history and the
reason is raised. Keeping it would block every earlier step behind one that keeps failing,
while each earlier step still guards itself (it is refused in turn if its own spans changed).
Nothing else in either stack moves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count

from annotator.core.commands import Command

LIMIT = 1000  # steps kept per document; the GUI's QUndoStack keeps as many
_clock = count(1)  # orders steps across documents, so an undo without a document is the last


@dataclass
class _Step:
    command: Command
    stamp: int = field(default_factory=lambda: next(_clock))


@dataclass
class DocumentHistory:
    """The done and undone steps of one document."""

    done: list[_Step] = field(default_factory=list)
    undone: list[_Step] = field(default_factory=list)

    def push(self, command: Command, limit: int = LIMIT) -> None:
        self.done.append(_Step(command))
        del self.done[:-limit]
        self.undone.clear()


class History:
    """Every document's history; the workspace moves steps, the commands do the work."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._docs: dict[int, DocumentHistory] = {}

    def push(self, command: Command) -> None:
        self._docs.setdefault(command.doc_id, DocumentHistory()).push(command, self.limit)

    def _scope(self, doc_id: int | None, stack: str) -> DocumentHistory | None:
        if doc_id is not None:
            return self._docs.get(doc_id)
        # no document named: the one whose top step was made (or undone) last
        tops = [(getattr(h, stack)[-1].stamp, h) for h in self._docs.values() if getattr(h, stack)]
        return max(tops, key=lambda t: t[0])[1] if tops else None

    def next_undo(self, doc_id: int | None = None) -> Command | None:
        scope = self._scope(doc_id, "done")
        return scope.done[-1].command if scope and scope.done else None

    def next_redo(self, doc_id: int | None = None) -> Command | None:
        scope = self._scope(doc_id, "undone")
        return scope.undone[-1].command if scope and scope.undone else None

    def undone(self, command: Command) -> None:
        """``command``, the top done step of its document, was undone: it can be redone."""
        scope = self._docs[command.doc_id]
        step = scope.done.pop()
        step.stamp = next(_clock)
        scope.undone.append(step)

    def redone(self, command: Command) -> None:
        scope = self._docs[command.doc_id]
        step = scope.undone.pop()
        step.stamp = next(_clock)
        scope.done.append(step)

    def drop(self, command: Command, *, undoing: bool) -> None:
        """A refused step leaves the history (see the module's policy)."""
        scope = self._docs[command.doc_id]
        (scope.done if undoing else scope.undone).pop()

    def can_undo(self, doc_id: int | None = None) -> bool:
        return self.next_undo(doc_id) is not None

    def can_redo(self, doc_id: int | None = None) -> bool:
        return self.next_redo(doc_id) is not None

    def forget(self, doc_id: int | None = None) -> None:
        """Clear one document's history, or every one."""
        if doc_id is None:
            self._docs.clear()
        else:
            self._docs.pop(doc_id, None)
