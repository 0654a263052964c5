"""Undo and redo: one pair of stacks per scope, behind ``Workspace.undo`` / ``redo``.

A scope is a document by default: undo in one document never reaches into another. A window
that keeps an undo stack of its own over the same documents (the review window, beside the
workbench) asks for a scope of its own, so the two never take each other's steps.

The policy for a refused step, the same for every front end (the GUI's ``QUndoStack`` adapter
drops the step too, by marking it obsolete): when undoing or redoing a step is refused because
the spans it touches were changed elsewhere since (a ``ConflictError``: another window, another
machine), no longer fit (an ``EditError``) or the edit policy says no, that step is **dropped**
from the history and the reason is raised. Keeping it would block every earlier step behind
one that keeps failing, while each earlier step still guards itself (it is refused in turn if
its own spans changed). Nothing else in either stack moves.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from itertools import count

from annotator.core.commands import Command

# steps kept per scope, 0 for all of them (the GUI's QUndoStack keeps as many: Qt's 0 too);
# a step is a few small objects, and a day of annotation is a few thousand of them
LIMIT = 0
_clock = count(1)  # orders steps across scopes, so an undo without a scope takes the last


@dataclass
class _Step:
    command: Command
    stamp: int = field(default_factory=lambda: next(_clock))


@dataclass
class _Stacks:
    done: list[_Step] = field(default_factory=list)
    undone: list[_Step] = field(default_factory=list)


class History:
    """Every scope's steps; the workspace moves them, the commands do the work."""

    def __init__(self, limit: int = LIMIT) -> None:
        """``limit``: the steps kept per scope, 0 for no limit."""
        self.limit = limit
        self._scopes: dict[Hashable, _Stacks] = {}

    def push(self, scope: Hashable, command: Command) -> None:
        stacks = self._scopes.setdefault(scope, _Stacks())
        stacks.done.append(_Step(command))
        if self.limit:
            del stacks.done[: -self.limit]
        stacks.undone.clear()

    def _next(
        self, scope: Hashable | None, pick: Callable[[_Stacks], list[_Step]]
    ) -> tuple[Hashable, Command] | None:
        """The top step of ``pick`` (done or undone) in ``scope``; without a scope, in the
        scope whose top step of that kind moved last."""
        if scope is None:
            tops = [(pick(s)[-1].stamp, key) for key, s in self._scopes.items() if pick(s)]
            if not tops:
                return None
            scope = max(tops, key=lambda t: t[0])[1]
        stacks = self._scopes.get(scope)
        return (scope, pick(stacks)[-1].command) if stacks and pick(stacks) else None

    def next_undo(self, scope: Hashable | None = None) -> tuple[Hashable, Command] | None:
        """The step an undo in ``scope`` (default: wherever the last step was made) takes."""
        return self._next(scope, lambda s: s.done)

    def next_redo(self, scope: Hashable | None = None) -> tuple[Hashable, Command] | None:
        return self._next(scope, lambda s: s.undone)

    def undone(self, scope: Hashable) -> None:
        """The top done step of ``scope`` was undone: it can be redone."""
        stacks = self._scopes[scope]
        step = stacks.done.pop()
        step.stamp = next(_clock)
        stacks.undone.append(step)

    def redone(self, scope: Hashable) -> None:
        stacks = self._scopes[scope]
        step = stacks.undone.pop()
        step.stamp = next(_clock)
        stacks.done.append(step)

    def drop(self, scope: Hashable, *, undoing: bool) -> None:
        """A refused step leaves the history (see the module's policy)."""
        stacks = self._scopes[scope]
        (stacks.done if undoing else stacks.undone).pop()

    def forget(self, scope: Hashable | None = None) -> None:
        """Clear one scope's steps, or every scope's."""
        if scope is None:
            self._scopes.clear()
        else:
            self._scopes.pop(scope, None)
