"""The QUndoCommand adapter: Qt's undo stack drives core commands.

The controller runs a command's first ``do()`` itself, before pushing, so a command that fails
(EditError, ConflictError) never reaches the stack. Later undo()/redo() calls come from the
stack; if one fails, the adapter marks itself obsolete so Qt drops it instead of leaving a
history entry that no longer matches the database.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.core.commands import Change, Command
from annotator.core.errors import AnnotatorError
from annotator.storage.workspace import Workspace

Applied = Callable[[Change], None]
Failed = Callable[[AnnotatorError], None]


class UndoAdapter(QUndoCommand):
    """One core command on a QUndoStack.

    Attributes:
        command: the core command.
        first_change: the Change of the initial do(), applied when the stack first calls redo().
    """

    def __init__(
        self, ws: Workspace, command: Command, first_change: Change,
        applied: Applied, failed: Failed,
    ) -> None:
        super().__init__(command.text)
        self.ws = ws
        self.command = command
        self.first_change: Change | None = first_change
        self._applied = applied
        self._failed = failed

    def redo(self) -> None:
        if self.first_change is not None:  # QUndoStack.push calls redo(): already done
            change, self.first_change = self.first_change, None
            self._applied(change)
            return
        self._run(self.command.do)

    def undo(self) -> None:
        self._run(self.command.undo)

    def _run(self, step: Callable[..., Change]) -> None:
        try:
            change = step(self.ws.repo, self.ws.schema)
        except AnnotatorError as exc:
            self.setObsolete(True)
            self._failed(exc)
            return
        self._applied(change)
