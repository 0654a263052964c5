"""Who may make an edit, and whether it is still based on what is stored: the door's checks.

``Workspace.execute`` asks its policy before running any command. On a laptop database the
annotator owns everything: :class:`OpenPolicy` admits every edit. Team mode (PostgreSQL roles
and row-level security) plugs its permission check in here, and the concurrency check of the
version each span had when the annotator saw it joins it, so both front ends and scripts get
them without a change of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from annotator.core.commands import Command

if TYPE_CHECKING:
    from annotator.workspace.workspace import Workspace


class EditPolicy(Protocol):
    def admit(self, command: Command, ws: Workspace) -> None:
        """Return if ``command`` may run; raise an ``AnnotatorError`` saying why not."""


class OpenPolicy:
    """A single-user database: every edit is admitted (the version checks stay in commands)."""

    def admit(self, command: Command, ws: Workspace) -> None:
        return None
