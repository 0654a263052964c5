"""The workspace: one open database, as one annotator, with its schema; the one door for edits.

Like Anki's ``Collection``, this object is the application: the GUI, the command line, scripts
and tests all open one and call it. Every change of a span, link, attribute, status or gold
decision goes through :meth:`Workspace.execute` (and :meth:`undo` / :meth:`redo`), where the
policy check (permissions, seen versions) runs and the rule "the first edit of a document puts
it in progress" lives. Bulk work (import, merge, the review's pre-fill) goes through the same
door as commands that are not kept for undo.

Reading needs no door: the read methods below ask the repository and change nothing. The use
cases are functions of their own modules that take the workspace (``importing.import_paths``,
``exporting.export``, ``merging.merge``, ``review.ReviewSession``, ``reports``): this module
imports none of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from annotator.core.commands import (
    AddSpan,
    Change,
    Command,
    Link,
    RelabelSpan,
    RemoveSpan,
    ResizeSpan,
    SetSpanAttribute,
    SetStatus,
    SpanStore,
    Unlink,
)
from annotator.core.errors import AnnotatorError, DatabaseBusyError, DatabaseError, EditError
from annotator.core.model import (
    DONE,
    GOLD,
    IN_PROGRESS,
    NEW,
    DocumentInfo,
    DocumentRow,
    Relation,
    Span,
)
from annotator.core.schema import Schema, load_schema, parse_schema
from annotator.storage import database
from annotator.storage.database import (
    default_annotator,
    is_read_only,
    open_engine,
    resolve_url,
)
from annotator.storage.repository import Repository
from annotator.storage.team import team_login
from annotator.workspace.errors import database_refusal, is_busy
from annotator.workspace.history import History
from annotator.workspace.policy import EditPolicy, OpenPolicy, TeamPolicy

R = TypeVar("R")


class Workspace:
    """An open database as one annotator.

    Attributes:
        engine: the SQLAlchemy engine (reports read SQLite's own integrity check through it).
        repo: the repository; only the workspace package uses it.
        schema: the label schema (the project's own, else the shipped default).
        url: the database URL.
        history: undo/redo steps, one stack per document.
        policy: what the door asks before every edit.
    """

    def __init__(
        self,
        engine: Engine,
        repo: Repository,
        schema: Schema,
        url: str,
        policy: EditPolicy | None = None,
    ) -> None:
        self.engine = engine
        self.repo = repo
        self.schema = schema
        self.url = url
        self.history = History()
        self.policy: EditPolicy = policy or OpenPolicy()
        # asked when SQLite stays locked by another writer past the busy timeout, with the
        # seconds waited so far: True to try again (a window shows a note and paints), False
        # to refuse. None (the command line): refuse after the one busy timeout.
        self.on_busy: Callable[[float], bool] | None = None

    @classmethod
    def open(
        cls,
        db: str | None = None,
        annotator: str | None = None,
        schema_path: str | Path | None = None,
        *,
        remembered: str | None = None,
    ) -> Workspace:
        """Open (creating or upgrading) the database ``db`` (a path or URL; default: the user's
        own file) as ``annotator`` (default: $ANNOTATOR_NAME, then ``remembered`` — the name
        last set in the window — then the login name).

        On a team server (``annotator team init``) the annotator is the database login:
        naming someone else is refused (a remembered name is not a naming: it is ignored), and
        the team's policy guards the door."""
        url = resolve_url(db)
        engine = open_engine(url)
        who = team_login(engine)
        policy: EditPolicy | None = None
        if who is not None:
            if annotator is not None and annotator != who.login:
                engine.dispose()
                raise AnnotatorError(
                    f"on this team server you work as your database login {who.login!r}; "
                    f"--annotator {annotator!r} names someone else (connect as that login "
                    "instead)"
                )
            annotator, policy = who.login, TeamPolicy(who)
        repo = Repository(engine, annotator or default_annotator(remembered))
        schema = load_schema(schema_path) if schema_path is not None else project_schema(repo)
        return cls(engine, repo, schema, url, policy)

    def as_annotator(self, name: str) -> Workspace:
        """The same database, schema and policy, working as ``name``, with a history of its
        own. It shares this workspace's connections: close only one of the two. On a team
        server the policy and the database still judge every edit by the login (a curator
        writes gold this way; an annotator cannot write as someone else)."""
        return Workspace(self.engine, Repository(self.engine, name), self.schema, self.url,
                         self.policy)

    @property
    def on_team_server(self) -> bool:
        """Whether who may do what is the team server's (``annotator team init``): the
        annotator is the database login."""
        return isinstance(self.policy, TeamPolicy)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def annotator(self) -> str:
        return self.repo.annotator

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    # -- the door --------------------------------------------------------------------------

    def execute(
        self, command: Command, *, undoable: bool = True, scope: Hashable | None = None
    ) -> Change:
        """Run ``command`` now, committed; keep it for undo unless ``undoable`` is False.

        The step goes to the history of ``scope`` (default: the document it edits). A refused
        edit raises an ``AnnotatorError`` (``EditError``, ``ConflictError``) and changes
        nothing.
        """
        self._refuse_if_read_only()
        self.policy.admit(command, self)
        change = self._in_transaction(lambda: command.do(self.repo, self.schema))
        if undoable:
            self.history.push(change.doc_id if scope is None else scope, command)
        return change

    def undo(
        self, scope: Hashable | None = None, *, expected: Command | None = None
    ) -> Change | None:
        """Undo the last step of ``scope`` (a document id, or the scope given to
        :meth:`execute`; default: the last step made anywhere).

        None when there is nothing to undo. A refused undo drops the step and raises (the
        policy: ``workspace.history``). ``expected`` is the step the caller believes is next
        (the GUI's undo stack): a different one means the two histories disagree, a bug.
        """
        return self._replay(scope, expected, undoing=True)

    def redo(
        self, scope: Hashable | None = None, *, expected: Command | None = None
    ) -> Change | None:
        """Redo the last undone step of ``scope`` (default: the last one undone anywhere)."""
        return self._replay(scope, expected, undoing=False)

    def _replay(
        self, scope: Hashable | None, expected: Command | None, *, undoing: bool
    ) -> Change | None:
        """Undo or redo one step through the door; a refusal drops it (``workspace.history``)."""
        step = (self.history.next_undo if undoing else self.history.next_redo)(scope)
        if expected is not None and (step is None or step[1] is not expected):
            raise RuntimeError("the undo stack and the workspace's history disagree")
        if step is None:
            return None
        key, command = step
        try:
            self._refuse_if_read_only()
            self.policy.admit(command, self)
            run = command.undo if undoing else command.do
            change = self._in_transaction(lambda: run(self.repo, self.schema))
        except AnnotatorError:
            self.history.drop(key, undoing=undoing)
            raise
        (self.history.undone if undoing else self.history.redone)(key)
        return change

    @property
    def read_only(self) -> bool:
        """Opened from an SQLite file we may not write: reading, export and agreement work,
        every edit is refused."""
        return is_read_only(self.engine)

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise EditError(
                f"{self.display_url} is read-only (you may not write the file): browse, export "
                "and agree work; edits, imports and merges are refused; nothing was written"
            )

    def _in_transaction(self, run: Callable[[], Change]) -> Change:
        """One transaction of the door: ``run`` and the document statuses it implies.

        While another program holds SQLite's write lock (a long import), ``on_busy`` decides
        whether to wait on; the command did nothing yet (``BEGIN IMMEDIATE`` is what waits).
        """
        started = time.monotonic()
        while True:
            try:
                with _database_refusal(), self.repo.transaction():
                    change = run()
                    self._start_documents(change)
                    return change
            except DatabaseBusyError:
                if self.on_busy is None or not self.on_busy(time.monotonic() - started):
                    raise

    def wait_when_busy(self, step_ms: int) -> None:
        """Wait at most ``step_ms`` for a busy SQLite database before asking ``on_busy`` (a
        window: short steps, so it can paint a note between them; default: 5 s)."""
        self.repo.engine = self.repo.engine.execution_options(annotator_busy_ms=step_ms)

    def checkpoint_when_idle(self) -> None:
        """SQLite: copy the write-ahead log back into the database file only when
        :meth:`checkpoint` asks (a window: when its user pauses), not inside an edit's commit.
        """
        database.checkpoint_when_idle(self.engine)

    def checkpoint(self) -> bool:
        """Copy the log back now, as far as no reader needs it; never waits. Whether it ran."""
        return database.checkpoint(self.engine)

    def write_in_bulk(self, text: str, write: Callable[[Repository], R]) -> R:
        """Run a bulk write (an import, a merge) through the door as one transaction; it is
        not kept for undo. ``text`` names it for the policy and in messages."""
        command = _BulkWrite(text, write)
        self.execute(command, undoable=False)
        return command.result

    def can_undo(self, scope: Hashable | None = None) -> bool:
        return self.history.next_undo(scope) is not None

    def can_redo(self, scope: Hashable | None = None) -> bool:
        return self.history.next_redo(scope) is not None

    def _start_documents(self, change: Change) -> None:
        """An edit is made on work in progress: a document marked done is read-only for that
        annotator until reopened, and the first edit of a new one puts it in progress.

        Asked of the database in the edit's own transaction every time (one indexed read):
        an import, an undone status or another machine may have changed it since.
        """
        for name in change.editors():
            if name in change.statuses:
                continue  # the change sets this annotator's status itself
            status = self.repo.status(change.doc_id, name)
            if status == DONE:
                doc = self.repo.document_info(change.doc_id).name
                raise EditError(
                    f"{doc} is marked done for {name}: reopen it to edit (Ctrl+D in the "
                    f"window, or set its status to {IN_PROGRESS})"
                )
            if status == NEW:
                self.repo.set_status(change.doc_id, IN_PROGRESS, name)
                change.statuses[name] = IN_PROGRESS
            self.repo.touch_edited(change.doc_id, name)

    # -- edits, for scripts (the GUI builds the same commands) ------------------------------

    def add_span(
        self,
        doc_id: int,
        start: int,
        end: int,
        label: str,
        layer: str | None = None,
        attributes: dict[str, Any] | None = None,
    ) -> Span:
        """Tag ``[start, end)`` (code points) with ``label``; the schema's defaults fill the
        attributes not given. Returns the stored span."""
        layer = layer or self.schema.layer_of_label(label)
        if layer is None:
            raise EditError(f"label {label!r} is in no layer of the schema")
        span = Span(
            start, end, layer, label,
            attributes={**self.schema.default_attributes(layer), **(attributes or {})},
            annotator=self.annotator,
        )
        return self.execute(AddSpan(doc_id, span)).added[0]

    # The four edits below change a span that exists. ``seen_version`` is the span's version
    # as the script last saw it (``Span.version``): if the stored span has changed since,
    # the edit is refused with a ConflictError saying what changed, by whom and when, instead
    # of overwriting that change. Default (None): the version stored now, read in the edit's
    # own transaction, i.e. "apply my edit to whatever is there" (a one-off command).

    def relabel_span(
        self, span: Span | str, label: str, *, seen_version: int | None = None
    ) -> Span:
        uuid = _uuid(span)
        current = self.repo.get_span(uuid)
        layer = self.schema.layer_of_label(label)
        moved = layer if layer is not None and layer != current.layer else None
        command = RelabelSpan(uuid, label, moved, seen=seen_version)
        return self.execute(command).updated[0][1]

    def resize_span(
        self, span: Span | str, start: int, end: int, *, seen_version: int | None = None
    ) -> Span:
        command = ResizeSpan(_uuid(span), start, end, seen=seen_version)
        return self.execute(command).updated[0][1]

    def set_attributes(
        self, span: Span | str, attributes: dict[str, Any], *, seen_version: int | None = None
    ) -> Span:
        command = SetSpanAttribute(_uuid(span), attributes, seen=seen_version)
        return self.execute(command).updated[0][1]

    def remove_span(self, span: Span | str, *, seen_version: int | None = None) -> None:
        self.execute(RemoveSpan(_uuid(span), seen=seen_version))

    def link(self, head: Span | str, tail: Span | str, kind: str | None = None) -> Relation:
        """Link a quote to its speaker or a claim to its source (the kind follows the layers)."""
        h, t = self.repo.get_span(_uuid(head)), self.repo.get_span(_uuid(tail))
        if kind is None:
            rtype = self.schema.relation_between(h.layer, t.layer)
            if rtype is None:
                raise EditError(f"a {h.layer} cannot be linked to a {t.layer}")
            kind = rtype.name
        doc_id = self.repo.span_document(h.uuid)
        rel = Relation(kind, h.uuid, t.uuid, annotator=self.annotator)
        return self.execute(Link(doc_id, rel)).linked[0]

    def unlink(self, relation: Relation | str) -> None:
        uuid = relation if isinstance(relation, str) else relation.uuid
        self.execute(Unlink(uuid))

    def set_status(
        self, doc_id: int, status: str, annotator: str | None = None, *, undoable: bool = False
    ) -> Change:
        """Mark an annotator's progress (default: the current annotator's)."""
        return self.execute(SetStatus(doc_id, status, annotator or self.annotator),
                            undoable=undoable)

    def set_project_schema(self, toml_text: str | None) -> None:
        """Give the project its own label schema (TOML, the shape of resources/schema.toml),
        or None for the shipped default. Checked before it is stored; open windows pick it up
        when they are opened again."""
        self._refuse_if_read_only()
        schema = (
            parse_schema(toml_text, "the project's label schema") if toml_text else load_schema()
        )
        self.repo.set_project_schema_toml(toml_text)
        self.schema = schema

    # -- reading ---------------------------------------------------------------------------

    def list_documents(self, annotator: str | None = None) -> list[DocumentRow]:
        """Every document with the annotator's status and span count, by name; the documents
        a curator assigned to them come first (marked ``assigned``)."""
        rows = self.repo.list_documents(annotator)
        mine = self.repo.assigned_documents(annotator)
        if not mine:
            return rows
        marked = [replace(r, assigned=r.id in mine) for r in rows]
        return sorted(marked, key=lambda r: not r.assigned)  # stable: names stay in order

    def find_document(self, name_or_id: str) -> int | None:
        """A document by exact name, then by SHA-256 prefix, then by id."""
        return self.repo.find_document(name_or_id)

    def document(self, name_or_id: str) -> int:
        """Like :meth:`find_document`, but a missing document is an error that lists some."""
        doc_id = self.repo.find_document(name_or_id)
        if doc_id is None:
            names = [d.name for d in self.repo.list_documents()]
            hint = f"; documents: {', '.join(names[:10])}" if names else "; the database is empty"
            raise AnnotatorError(f"no document named {name_or_id!r}{hint}")
        return doc_id

    def gold_out_of_date(self, doc_id: int | None = None) -> dict[int, list[str]]:
        """Documents whose gold layer is older than an annotator's edit, with those
        annotators: that gold no longer reflects their work. One query for all documents
        (the review's list), or for ``doc_id``; a document without gold is never listed."""
        out: dict[int, list[str]] = {}
        for doc, times in self.repo.edited_times(doc_id).items():
            gold = times.pop(GOLD, None)
            later = sorted(name for name, when in times.items() if gold and when > gold)
            if later:
                out[doc] = later
        return out

    def document_info(self, doc_id: int) -> DocumentInfo:
        return self.repo.document_info(doc_id)

    def document_text(self, doc_id: int) -> str:
        return self.repo.document_text(doc_id)

    def spans(
        self, doc_id: int, annotator: str | None = None, *, all_annotators: bool = False
    ) -> list[Span]:
        return self.repo.spans(doc_id, annotator, all_annotators=all_annotators)

    def relations(
        self, doc_id: int, annotator: str | None = None, *, all_annotators: bool = False
    ) -> list[Relation]:
        return self.repo.relations(doc_id, annotator, all_annotators=all_annotators)

    def get_span(self, uuid: str) -> Span:
        return self.repo.get_span(uuid)

    def status(self, doc_id: int, annotator: str | None = None) -> str:
        return self.repo.status(doc_id, annotator)

    def annotators(self) -> list[str]:
        """Annotators that own at least one span or status, in name order."""
        return self.repo.annotators()

    def require_annotator(self, name: str) -> None:
        """Refuse a name that is not an annotator of this database (a typo), in words."""
        self.repo.annotator_id(name, create=False)


class _BulkWrite(Command, Generic[R]):
    """Many rows at once through the repository's bulk paths; what ``write`` returns is kept
    (the import's or the merge's report)."""

    def __init__(self, text: str, write: Callable[[Repository], R]) -> None:
        self.text = text
        self.write = write

    def _do(self, store: SpanStore, schema: Schema) -> Change:
        self.result = self.write(cast(Repository, store))
        return Change(-1)

    def _undo(self, store: SpanStore, schema: Schema) -> Change:
        raise EditError(f"{self.text} is not undone")


def project_schema(repo: Repository) -> Schema:
    """The project's own schema when it carries one, else the shipped default."""
    text = repo.project_schema_toml()
    if text:
        return parse_schema(text, "the project's label schema (stored in the database)")
    return load_schema()


def _uuid(span: Span | str) -> str:
    return span if isinstance(span, str) else span.uuid


@contextmanager
def _database_refusal() -> Iterator[None]:
    """The database refusing an edit (locked past the busy timeout, a constraint) is a refusal
    like any other, in words; the edit's transaction has rolled back."""
    try:
        yield
    except SQLAlchemyError as exc:
        if is_busy(exc):
            raise DatabaseBusyError from exc
        raise DatabaseError(database_refusal(exc) or str(exc)) from exc
