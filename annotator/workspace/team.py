"""Team mode's use cases: set up a server's roles, add logins, assign documents, progress.

The rules themselves live in the database (``storage.team``); the door's ``TeamPolicy``
(``workspace.policy``) asks the same questions first so refusals come in words. Assignment is
an edit like any other: it goes through ``Workspace.execute``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from annotator.core.commands import Change, Command, SpanStore
from annotator.core.errors import AnnotatorError, EditError
from annotator.core.schema import Schema
from annotator.storage import team as storage_team
from annotator.storage.repository import Repository
from annotator.storage.team import ADMIN, ANNOTATOR, CURATOR, ProgressRow
from annotator.workspace.workspace import Workspace

__all__ = ["ADMIN", "ANNOTATOR", "CURATOR", "ProgressRow", "add", "assign", "init",
           "login_exists", "progress"]


def _require_server(ws: Workspace) -> None:
    if not storage_team.is_postgres(ws.engine):
        raise AnnotatorError(
            f"team mode needs a PostgreSQL server; {ws.display_url} is a single-user SQLite "
            "file, where you own every row (nothing was changed)"
        )


def init(ws: Workspace, *, private: bool = False) -> list[str]:
    """Create the roles, grants and row-level-security policies (run as the database owner);
    returns the group roles. Running it again after an upgrade refreshes the policies."""
    _require_server(ws)
    with ws.repo.transaction() as conn:
        owner = conn.exec_driver_sql("SELECT tableowner = current_user FROM pg_tables "
                                     "WHERE tablename = 'span'").scalar()
        if not owner:
            raise AnnotatorError(
                "team init must run as the owner of the database's tables (the login that "
                "created it); nothing was changed"
            )
        return storage_team.install(conn, private=private)


def login_exists(ws: Workspace, name: str) -> bool:
    """Whether the server has a login ``name`` already (then ``add`` needs no password)."""
    _require_server(ws)
    with ws.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT 1 FROM pg_roles WHERE rolname = %(n)s", {"n": name}
        ).scalar() is not None


def add(ws: Workspace, name: str, role: str, password: str | None) -> bool:
    """Create the login ``name`` with ``role`` and its annotator row; True when the login is
    new (False: it existed on the server, its password is unchanged)."""
    _require_server(ws)
    if role not in storage_team.ROLES:
        raise AnnotatorError(f"unknown role {role!r}; roles: {', '.join(storage_team.ROLES)}")
    who = storage_team.team_login(ws.engine)
    if who is None:
        raise AnnotatorError("this database has no team roles yet: run `annotator team init` "
                             "first, as the database owner")
    try:
        with ws.repo.transaction() as conn:
            return storage_team.add_login(conn, name, role, password)
    except AnnotatorError:
        raise
    except Exception as exc:  # CREATE ROLE needs CREATEROLE: say who may run this
        from annotator.workspace.errors import database_refusal

        reason = database_refusal(exc)
        if reason is None:
            raise
        raise AnnotatorError(
            f"cannot add {name!r}: {reason} (team add runs as the database owner or a login "
            "with CREATEROLE); nothing was changed"
        ) from exc


class Assign(Command):
    """Give documents to an annotator: their list shows them first (and, on a private server,
    only them). Not undoable: an assignment is taken back by assigning again elsewhere."""

    required_role = CURATOR  # the team policy asks for it

    def __init__(self, doc_ids: Sequence[int], to: str, by: str) -> None:
        self.doc_ids = list(doc_ids)
        self.doc_id = self.doc_ids[0] if self.doc_ids else -1
        self.to = to
        self.by = by
        self.added = 0
        self.text = f"assign {len(self.doc_ids)} document(s) to {to}"

    def _do(self, store: SpanStore, schema: Schema) -> Change:
        repo = cast(Repository, store)
        target = repo.annotator_id(self.to, create=False)
        by = repo.annotator_id(self.by)
        with repo.transaction() as conn:
            self.added = storage_team.assign(conn, self.doc_ids, target, by)
        return Change(self.doc_id)

    def _undo(self, store: SpanStore, schema: Schema) -> Change:
        raise EditError("an assignment is not undone")


def assign(ws: Workspace, documents: Sequence[str], to: str) -> tuple[int, int]:
    """Assign the documents (names, hash prefixes or ids) to ``to``: (newly assigned, asked).
    Every name is resolved before anything is written."""
    doc_ids = [ws.document(d) for d in documents]
    command = Assign(doc_ids, to, ws.annotator)
    ws.execute(command, undoable=False)
    return command.added, len(doc_ids)


def progress(ws: Workspace) -> list[ProgressRow]:
    """Annotator × document: assigned or not, status, span count, last edit."""
    with ws.engine.connect() as conn:
        conn.execution_options(annotator_read=True)  # a read: no write lock on SQLite
        with conn.begin():
            return storage_team.progress(conn)
