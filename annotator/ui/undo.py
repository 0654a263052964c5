"""The QUndoCommand adapter: Qt's undo stack over the workspace's door.

The controller runs a command's first ``do()`` through ``Workspace.execute`` before pushing, so
a command that is refused never reaches the stack. Later undo()/redo() calls come from the
stack and go to ``Workspace.undo`` / ``redo`` for the same scope, which keeps the history;
this stack only mirrors it so Edit > Undo, the undo view and QUndoGroup work the Qt way.

A refused step follows the workspace's one policy (``workspace.history``): it is dropped. The
adapter marks itself obsolete, so Qt drops it from its stack too and the two stay in step.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from annotator.core.commands import Change, Command
from annotator.core.errors import AnnotatorError
from annotator.workspace import Workspace
from annotator.workspace.history import LIMIT

Applied = Callable[[Change], None]
Failed = Callable[[AnnotatorError], None]


def new_stack(group: QUndoGroup) -> QUndoStack:
    """A document's undo stack, as long as the workspace's history of it (no limit)."""
    stack = QUndoStack(group)
    stack.setUndoLimit(LIMIT)
    return stack


class UndoAdapter(QUndoCommand):
    """One command of the workspace's history, on a QUndoStack.

    Attributes:
        command: the core command.
        first_change: the Change of the initial do(), applied when the stack first calls redo().
    """

    def __init__(
        self, ws: Workspace, scope: Hashable, command: Command, first_change: Change,
        applied: Applied, failed: Failed,
    ) -> None:
        super().__init__(command.text)
        self.ws = ws
        self.scope = scope  # the workspace history this stack mirrors
        self.command = command
        self.first_change: Change | None = first_change
        self._applied = applied
        self._failed = failed

    def redo(self) -> None:
        if self.first_change is not None:  # QUndoStack.push calls redo(): already done
            change, self.first_change = self.first_change, None
            self._applied(change)
            return
        self._run(self.ws.redo)

    def undo(self) -> None:
        self._run(self.ws.undo)

    def _run(self, step: Callable[..., Change | None]) -> None:
        try:
            change = step(self.scope, expected=self.command)
        except AnnotatorError as exc:
            self.setObsolete(True)
            self._failed(exc)
            return
        if change is not None:
            self._applied(change)
