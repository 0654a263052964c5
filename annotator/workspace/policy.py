"""Who may make an edit, and whether it is still based on what is stored: the door's checks.

``Workspace.execute`` asks its policy before running any command. On a laptop database the
annotator owns everything: :class:`OpenPolicy` admits every edit. Team mode (PostgreSQL roles
and row-level security) plugs its permission check in here, and the concurrency check of the
version each span had when the annotator saw it joins it, so both front ends and scripts get
them without a change of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Protocol

from annotator.core.commands import (
    AddSpan,
    Batch,
    Command,
    Link,
    RelabelSpan,
    RemoveSpan,
    ResizeSpan,
    SetSpanAttribute,
    SetStatus,
    Unlink,
)
from annotator.core.errors import AnnotatorError, EditError
from annotator.core.model import GOLD
from annotator.storage.team import ADMIN, CURATOR, TeamLogin

if TYPE_CHECKING:
    from annotator.workspace.workspace import Workspace


class EditPolicy(Protocol):
    def admit(self, command: Command, ws: Workspace) -> None:
        """Return if ``command`` may run; raise an ``AnnotatorError`` saying why not."""


class OpenPolicy:
    """A single-user database: every edit is admitted (the version checks stay in commands)."""

    def admit(self, command: Command, ws: Workspace) -> None:
        return None


class TeamPolicy:
    """Team mode: the login may change its own rows; curators also gold; admins everything.

    The database enforces the same rules (``storage.team``); asking here first turns what
    would be a bare "row-level security" error, or an UPDATE that quietly matches no row,
    into a sentence naming whose span it is.

    Attributes:
        who: the database login and its role.
    """

    def __init__(self, who: TeamLogin) -> None:
        self.who = who

    def admit(self, command: Command, ws: Workspace) -> None:
        needed = getattr(command, "required_role", None)
        if needed == CURATOR and not self.who.curates:
            raise EditError(f"{command.text} is for curators; {self._you()}")
        if needed == ADMIN and self.who.role != ADMIN:
            raise EditError(f"{command.text} is for admins; {self._you()}")
        if self.who.role == ADMIN:
            return
        for what, owner in _owners(command, ws):
            if owner == self.who.login:
                continue
            if owner == GOLD:
                if not self.who.curates:
                    raise EditError(f"only a curator may change the gold layer; {self._you()}")
                continue
            if what == "status" and self.who.curates:
                continue  # a curator may reopen or close someone's document
            if what == "span":
                raise EditError(f"this span is {owner}'s; you can copy it to your own layer")
            raise EditError(f"this {what} is {owner}'s; only {owner} (or an admin) may change it")

    def _you(self) -> str:
        role = self.who.role or "not a member of this database's team"
        return f"you ({self.who.login}) are {'an' if role[0] in 'aeiou' else 'a'} {role}"


def _owners(command: Command, ws: Workspace) -> Iterator[tuple[str, str]]:
    """(what, whose) for every annotator-owned row ``command`` writes. A span or link that
    is gone yields nothing: the command itself then says so."""
    if isinstance(command, Batch):
        for part in command.commands:
            yield from _owners(part, ws)
    elif isinstance(command, AddSpan):
        yield "span", command.span.annotator or ws.annotator
    elif isinstance(command, RemoveSpan | ResizeSpan | RelabelSpan | SetSpanAttribute):
        owner = _stored_owner(lambda: ws.repo.get_span(command.uuid).annotator)
        if owner is not None:
            yield "span", owner
    elif isinstance(command, Link):
        yield "link", command.relation.annotator or ws.annotator
    elif isinstance(command, Unlink):
        owner = _stored_owner(lambda: ws.repo.get_relation(command.uuid).annotator)
        if owner is not None:
            yield "link", owner
    elif isinstance(command, SetStatus):
        yield "status", command.annotator


def _stored_owner(read: Callable[[], str]) -> str | None:
    try:
        return read()
    except AnnotatorError:  # deleted meanwhile: the command refuses that in its own words
        return None
