"""The repository: documents, spans and relations through SQLAlchemy Core.

It implements ``core.commands.SpanStore``. Reads of whole documents use Core selects (20k spans
load in ~30 ms, against ~270 ms as ORM objects); bulk writes use executemany.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Row,
    Text,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    type_coerce,
    update,
)

from annotator.core.conflicts import stale_edit
from annotator.core.errors import ConflictError, EditError
from annotator.core.invariants import (
    DOCUMENT_NAME_MAX,
    annotator_problem,
    name_problem,
    text_problem,
)
from annotator.core.model import NEW, STATUSES, DocumentInfo, DocumentRow, Relation, Span, new_uuid
from annotator.storage.tables import (
    ANN,
    ASSIGN,
    DOC,
    PROJECT,
    REL,
    SPAN,
    STATUS,
    attributes_from_raw,
    bind_processor,
    bound,
    insert_span_rows,
    to_json,
    utcnow,
)

DEFAULT_PROJECT = "default"


def _is_hex(text: str) -> bool:
    return all(ch in "0123456789abcdefABCDEF" for ch in text)


class Repository:
    """Data access for one database and one current annotator."""

    def __init__(self, engine: Engine, annotator: str) -> None:
        self.engine = engine
        self.annotator = annotator
        self._conn: Connection | None = None
        self._reading = False  # the open transaction is a read (deferred on SQLite)
        self._annotator_ids: dict[str, int] = {}
        self._annotator_names: dict[int, str] = {}
        # annotators created by the open write transaction: cached only once it commits, or a
        # rolled-back id could be handed to the next new annotator and mislabel their spans
        self._pending_ids: dict[str, int] = {}
        self._lengths: dict[int, int] = {}
        self.project_id = self._project_id(DEFAULT_PROJECT)

    # -- transactions ----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction (SQLite: ``BEGIN IMMEDIATE``); nested calls join the outer one.

        Commits on leaving, or rolls back on an exception.
        """
        if self._conn is not None:
            yield self._conn
            return
        committed = False
        try:
            with self.engine.begin() as conn:
                self._conn = conn
                try:
                    yield conn
                finally:
                    self._conn = None
            committed = True
        finally:
            if committed:
                for name, aid in self._pending_ids.items():
                    self._annotator_ids[name] = aid
                    self._annotator_names[aid] = name
            self._pending_ids.clear()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A read transaction: one snapshot, without taking SQLite's write lock, so reading
        commands never wait for (or block) a long import in another process."""
        if self._conn is not None:
            yield self._conn
            return
        with self.engine.connect() as conn:
            conn.execution_options(annotator_read=True)  # see database._sqlite_begin
            with conn.begin():
                self._conn, self._reading = conn, True
                try:
                    yield conn
                finally:
                    self._conn, self._reading = None, False

    # -- projects and annotators -----------------------------------------------------------

    def _project_id(self, name: str) -> int:
        with self._read() as conn:
            pid = conn.scalar(select(PROJECT.c.id).where(PROJECT.c.name == name))
        if pid is None:  # a new database: the one write that opening it makes
            with self.transaction() as conn:
                pid = conn.scalar(select(PROJECT.c.id).where(PROJECT.c.name == name))
                if pid is None:
                    pid = conn.execute(
                        insert(PROJECT).values(name=name, created=utcnow())
                    ).inserted_primary_key[0]  # type: ignore[index]  # Optional in stubs
        return int(pid)

    def project_schema_toml(self) -> str | None:
        with self._read() as conn:
            return conn.scalar(select(PROJECT.c.schema_toml).where(PROJECT.c.id == self.project_id))

    def set_project_schema_toml(self, text: str | None) -> None:
        with self.transaction() as conn:
            conn.execute(
                update(PROJECT).where(PROJECT.c.id == self.project_id).values(schema_toml=text)
            )

    def known_annotator_id(self, name: str | None = None) -> int | None:
        """The annotator's id, or None when there is no such annotator (creates nothing)."""
        name = name or self.annotator
        cached = self._annotator_ids.get(name) or self._pending_ids.get(name)
        if cached is not None:
            return cached
        with self._read() as conn:
            aid = conn.scalar(select(ANN.c.id).where(ANN.c.name == name))
        if aid is None:
            return None
        if self._conn is None or self._reading:  # committed: safe to remember
            self._annotator_ids[name] = int(aid)
            self._annotator_names[int(aid)] = name
        return int(aid)

    def _reading_id(self, name: str | None = None) -> int:
        """For queries: the annotator's id, or -1 (matches no row) when they do not exist yet;
        reading never creates an annotator."""
        aid = self.known_annotator_id(name)
        return -1 if aid is None else aid

    def annotator_id(self, name: str | None = None, *, create: bool = True) -> int:
        """The annotator's id; created (in a write transaction) unless ``create`` is False."""
        name = name or self.annotator
        aid = self.known_annotator_id(name)
        if aid is not None:
            return aid
        if not create:
            with self._read() as conn:
                every = conn.scalars(select(ANN.c.name).order_by(ANN.c.name)).all()
            known = ", ".join(every) or "none yet"
            raise EditError(f"no annotator named {name!r} in this database (annotators: {known})")
        # kept here, before any back end sees it: what SQLite takes the server must take too
        problem = annotator_problem(name)
        if problem is not None:
            raise EditError(f"cannot record this annotator: {problem}")
        with self.transaction() as conn:
            aid = conn.scalar(select(ANN.c.id).where(ANN.c.name == name))
            if aid is None:
                aid = conn.execute(
                    insert(ANN).values(uuid=new_uuid(), name=name, created=utcnow())
                ).inserted_primary_key[0]  # type: ignore[index]  # Optional in stubs
            self._pending_ids[name] = int(aid)
        return int(aid)

    def annotator_name(self, aid: int) -> str:
        name = self._annotator_names.get(aid)
        if name is None:
            for pending, pid in self._pending_ids.items():
                if pid == aid:
                    return pending
            with self._read() as conn:
                name = conn.scalar(select(ANN.c.name).where(ANN.c.id == aid))
            if name is None:
                raise KeyError(aid)
            if self._conn is None or self._reading:  # committed: safe to remember
                self._annotator_names[aid] = name
                self._annotator_ids[name] = aid
        return name

    def annotators(self) -> list[str]:
        """Annotators that own at least one span or status, in name order."""
        with self._read() as conn:
            used = select(SPAN.c.annotator_id).union(select(STATUS.c.annotator_id))
            rows = conn.execute(select(ANN.c.name).where(ANN.c.id.in_(used)).order_by(ANN.c.name))
            return [r[0] for r in rows]

    # -- documents -------------------------------------------------------------------------

    def list_documents(self, annotator: str | None = None) -> list[DocumentRow]:
        aid = self._reading_id(annotator)
        with self._read() as conn:
            counts = (
                select(SPAN.c.document_id, func.count().label("n"))
                .where(SPAN.c.annotator_id == aid)
                .group_by(SPAN.c.document_id)
                .subquery()
            )
            stat = (
                select(STATUS.c.document_id, STATUS.c.status)
                .where(STATUS.c.annotator_id == aid)
                .subquery()
            )
            rows = conn.execute(
                select(
                    DOC.c.id,
                    DOC.c.name,
                    DOC.c.sha256,
                    DOC.c.length,
                    stat.c.status,
                    counts.c.n,
                )
                .outerjoin(counts, counts.c.document_id == DOC.c.id)
                .outerjoin(stat, stat.c.document_id == DOC.c.id)
                .where(DOC.c.project_id == self.project_id)
                .order_by(DOC.c.name, DOC.c.id)
            )
            return [
                DocumentRow(r.id, r.name, r.sha256, r.length, r.status or "new", r.n or 0)
                for r in rows
            ]

    def assigned_documents(self, annotator: str | None = None) -> set[int]:
        """Ids of the documents assigned to the annotator (team mode; empty when none)."""
        aid = self._reading_id(annotator)
        with self._read() as conn:
            return set(conn.scalars(select(ASSIGN.c.document_id)
                                    .where(ASSIGN.c.annotator_id == aid)).all())

    def document_info(self, doc_id: int) -> DocumentInfo:
        with self._read() as conn:
            r = conn.execute(
                select(DOC.c.id, DOC.c.name, DOC.c.sha256, DOC.c.length, DOC.c.uuid).where(
                    DOC.c.id == doc_id
                )
            ).first()
        if r is None:
            raise EditError(f"no document with id {doc_id}")
        return DocumentInfo(r.id, r.name, r.sha256, r.length, r.uuid)

    def document_text(self, doc_id: int) -> str:
        with self._read() as conn:
            text = conn.scalar(select(DOC.c.text).where(DOC.c.id == doc_id))
        if text is None:
            raise EditError(f"no document with id {doc_id}")
        return str(text)

    def document_meta(self, doc_id: int) -> dict[str, Any]:
        with self._read() as conn:
            return dict(conn.scalar(select(DOC.c.meta).where(DOC.c.id == doc_id)) or {})

    def find_document(self, name_or_id: str) -> int | None:
        """A document by exact name, then by SHA-256 prefix, then by id."""
        with self._read() as conn:
            base = select(DOC.c.id).where(DOC.c.project_id == self.project_id)
            hit = conn.scalar(base.where(DOC.c.name == name_or_id).order_by(DOC.c.id))
            if hit is None and len(name_or_id) >= 6 and _is_hex(name_or_id):
                hit = conn.scalar(base.where(DOC.c.sha256.startswith(name_or_id.lower())))
            if hit is None and name_or_id.isdigit():
                hit = conn.scalar(base.where(DOC.c.id == int(name_or_id)))
            return int(hit) if hit is not None else None

    def document_by_sha(self, sha256: str) -> int | None:
        with self._read() as conn:
            hit = conn.scalar(
                select(DOC.c.id).where(DOC.c.project_id == self.project_id, DOC.c.sha256 == sha256)
            )
            return int(hit) if hit is not None else None

    def documents_by_sha(self, shas: Iterable[str]) -> dict[str, int]:
        """``document_by_sha`` for many texts in a few queries (an import of 10,000 files)."""
        wanted = list(dict.fromkeys(shas))
        found: dict[str, int] = {}
        with self._read() as conn:
            for i in range(0, len(wanted), 5000):
                query = select(DOC.c.sha256, DOC.c.id).where(
                    DOC.c.project_id == self.project_id, DOC.c.sha256.in_(wanted[i : i + 5000])
                )
                found.update((sha, int(doc_id)) for sha, doc_id in conn.execute(query))
        return found

    def insert_document(
        self,
        name: str,
        text: str,
        sha256: str,
        meta: dict[str, Any] | None = None,
        uuid: str | None = None,
    ) -> int:
        problem = name_problem("the document name", name, DOCUMENT_NAME_MAX) or text_problem(text)
        if problem is not None:  # every path's last check before either back end
            raise EditError(f"cannot store document {name[:60]!r}: {problem}")
        with self.transaction() as conn:
            # the statement without values, its parameters apart: SQLAlchemy compiles it once
            # (building .values() per document was half of a 10,000-document import's store)
            doc_id = conn.execute(
                _INSERT_DOC,
                {
                    "uuid": uuid or new_uuid(),
                    "project_id": self.project_id,
                    "name": name,
                    "text": text,
                    "sha256": sha256,
                    "length": len(text),
                    "meta": meta or {},
                    "created": utcnow(),
                },
            ).inserted_primary_key[0]  # type: ignore[index]  # Optional in stubs
        return int(doc_id)

    def document_length(self, doc_id: int) -> int:
        cached = self._lengths.get(doc_id)
        if cached is None:
            with self._read() as conn:
                cached = conn.scalar(select(DOC.c.length).where(DOC.c.id == doc_id))
            if cached is None:
                raise EditError(f"no document with id {doc_id}")
            self._lengths[doc_id] = int(cached)
        return cached

    # built once: every edit asks it (the first-edit rule), and building a select costs more
    # than SQLite answering it
    _STATUS_OF = select(STATUS.c.status).where(
        STATUS.c.document_id == bindparam("doc"), STATUS.c.annotator_id == bindparam("who")
    )

    def status(self, doc_id: int, annotator: str | None = None) -> str:
        aid = self._reading_id(annotator)
        with self._read() as conn:
            s = conn.scalar(self._STATUS_OF, {"doc": doc_id, "who": aid})
        return s or NEW

    def set_status(self, doc_id: int, status: str, annotator: str | None = None) -> None:
        if status not in STATUSES:
            raise EditError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
        aid = self.annotator_id(annotator)
        now = utcnow()
        with self.transaction() as conn:
            # one statement that inserts or updates: two writers' first edits of a document at
            # the same moment (two PostgreSQL sessions) would otherwise both insert the row
            row = {"document_id": doc_id, "annotator_id": aid, "status": status, "updated": now}
            keys = [STATUS.c.document_id, STATUS.c.annotator_id]
            change = {"status": status, "updated": now}
            # each dialect's insert imported here: the PostgreSQL dialect's modules cost every
            # command ~40 ms at start-up (an export reads, it never sets a status)
            if conn.dialect.name == "postgresql":
                from sqlalchemy.dialects.postgresql import insert as pg_insert

                conn.execute(pg_insert(STATUS).values(**row).on_conflict_do_update(
                    index_elements=keys, set_=change))
            else:
                from sqlalchemy.dialects.sqlite import insert as sqlite_insert

                conn.execute(sqlite_insert(STATUS).values(**row).on_conflict_do_update(
                    index_elements=keys, set_=change))

    _TOUCH = (
        update(STATUS)
        .where(STATUS.c.document_id == bindparam("doc"), STATUS.c.annotator_id == bindparam("who"))
        .values(edited=bindparam("now"))
    )

    def touch_edited(self, doc_id: int, annotator: str) -> None:
        """Record that ``annotator`` changed the document's spans or links now (its status row
        exists: the first edit put the document in progress)."""
        with self.transaction() as conn:
            conn.execute(self._TOUCH, {"doc": doc_id, "who": self.annotator_id(annotator),
                                       "now": utcnow()})

    def edited_times(self, doc_id: int | None = None) -> dict[int, dict[str, datetime]]:
        """When each annotator last changed each document's spans or links (those who did),
        by document id; one document's only when ``doc_id`` is given."""
        query = (
            select(STATUS.c.document_id, ANN.c.name, STATUS.c.edited)
            .join(ANN, ANN.c.id == STATUS.c.annotator_id)
            .where(STATUS.c.edited.is_not(None))
        )
        if doc_id is not None:
            query = query.where(STATUS.c.document_id == doc_id)
        out: dict[int, dict[str, datetime]] = {}
        with self._read() as conn:
            # naive on SQLite, aware on PostgreSQL: compared only with each other
            for doc, name, when in conn.execute(query):
                out.setdefault(int(doc), {})[name] = when
        return out

    # -- spans (SpanStore) -----------------------------------------------------------------

    def _span_from_row(self, row: Row[*tuple[Any, ...]]) -> Span:
        """A Span from a row of ``_SPAN_COLS``, unpacked by position: ``r.start`` name lookups
        cost more than the query (20k spans: ~300 ms -> ~120 ms)."""
        uuid, start, end, layer, label, attrs, aid, version = row
        return Span(
            start,
            end,
            layer,
            label,
            uuid,
            attributes_from_raw(attrs),
            self.annotator_name(aid),
            version,
        )

    _SPAN_COLS = (
        SPAN.c.uuid,
        SPAN.c.start,
        SPAN.c.end,
        SPAN.c.layer,
        SPAN.c.label,
        # raw JSON text: most spans have no attributes, and decoding 20k "{}" costs ~100 ms
        type_coerce(SPAN.c.attributes, Text).label("attributes"),
        SPAN.c.annotator_id,
        SPAN.c.version,
    )

    def spans(
        self, doc_id: int, annotator: str | None = None, *, all_annotators: bool = False
    ) -> list[Span]:
        """Spans of a document for one annotator (default: the current one), by position."""
        query = select(*self._SPAN_COLS).where(SPAN.c.document_id == doc_id)
        if not all_annotators:
            query = query.where(SPAN.c.annotator_id == self._reading_id(annotator))
        with self._read() as conn:
            # all rows in one fetch: iterating the result fetched them one call each, a third
            # of an export's reading
            rows = conn.execute(query.order_by(SPAN.c.start, SPAN.c.end.desc(), SPAN.c.id)).all()
        return [self._span_from_row(r) for r in rows]

    def span_provenance(self, uuid: str) -> dict[str, Any] | None:
        with self._read() as conn:
            return conn.scalar(select(SPAN.c.provenance).where(SPAN.c.uuid == uuid))

    def span_provenances(
        self, doc_id: int, annotator: str | None = None
    ) -> dict[str, dict[str, Any]]:
        """uuid -> provenance of one annotator's spans in a document, for those that have one."""
        query = select(SPAN.c.uuid, SPAN.c.provenance).where(
            SPAN.c.document_id == doc_id, SPAN.c.annotator_id == self._reading_id(annotator)
        )
        with self._read() as conn:
            # a JSON column may hold SQL NULL or JSON null: both read as None
            return {uuid: prov for uuid, prov in conn.execute(query) if prov is not None}

    def get_span(self, uuid: str) -> Span:
        with self._read() as conn:
            r = conn.execute(select(*self._SPAN_COLS).where(SPAN.c.uuid == uuid)).first()
        if r is None:
            raise _deleted_elsewhere(uuid)
        return self._span_from_row(r)

    def span_document(self, uuid: str) -> int:
        with self._read() as conn:
            doc = conn.scalar(select(SPAN.c.document_id).where(SPAN.c.uuid == uuid))
        if doc is None:
            raise _deleted_elsewhere(uuid)
        return int(doc)

    def insert_span(
        self, doc_id: int, span: Span, provenance: dict[str, Any] | None = None
    ) -> Span:
        """One span, through the same driver-level insert as a bulk import."""
        self.insert_spans(doc_id, [span], provenance)
        return span.with_changes(annotator=self.annotator_name(self.annotator_id(span.annotator)))

    def insert_spans(
        self,
        doc_id: int,
        spans: Iterable[Span],
        provenance: dict[str, Any] | None = None,
        annotator: str | None = None,
    ) -> int:
        """Bulk insert through Core executemany (100k rows ~0.8 s; ORM add_all ~8 s).

        Values are converted for the driver once per batch where they are shared (timestamps,
        empty attributes, provenance) and written through untyped columns, so SQLAlchemy does
        no per-row type processing: that was two thirds of a CoNLL import's time. A span
        without an annotator belongs to ``annotator`` (default: the current one).
        """
        with self.transaction() as conn:
            rows = self.span_rows(doc_id, spans, provenance, annotator)
            if rows:
                insert_span_rows(conn, rows)
        return len(rows)

    def span_rows(
        self,
        doc_id: int,
        spans: Iterable[Span],
        provenance: dict[str, Any] | None = None,
        annotator: str | None = None,
    ) -> list[tuple[Any, ...]]:
        """The rows :meth:`insert_spans` writes, in the driver's form, for a caller that
        writes many documents' rows in one executemany (``tables.insert_span_rows``, in the
        open write transaction: an annotator named here may be created in it)."""
        with self.transaction() as conn:
            dialect = conn.dialect
            stamp = bound(SPAN.c.created.type, dialect, utcnow())
            # SQLite's JSON type serialises in Python; psycopg's leaves it to the driver, which
            # cannot adapt a bare dict: a JSON string goes into a json column on both
            serialise = bind_processor(SPAN.c.attributes.type, dialect) or to_json
            empty = serialise({})
            prov = serialise(provenance) if provenance is not None else None
            default_aid = self.annotator_id(annotator)
            return [
                (
                    s.uuid,
                    doc_id,
                    self.annotator_id(s.annotator) if s.annotator else default_aid,
                    s.layer,
                    s.label,
                    s.start,
                    s.end,
                    serialise(s.attributes) if s.attributes else empty,
                    prov,
                    stamp,
                    stamp,
                    s.version,
                )
                for s in spans
            ]

    def delete_span(self, uuid: str, expected_version: int | None = None) -> Span:
        """Delete a span; with ``expected_version``, only if nobody changed it since then."""
        span = self.get_span(uuid)
        query = delete(SPAN).where(SPAN.c.uuid == uuid)
        if expected_version is not None:
            query = query.where(SPAN.c.version == expected_version)
        with self.transaction() as conn:
            if conn.execute(query).rowcount != 1:
                raise self._changed_elsewhere(span, expected_version)
        return span

    def update_span(self, span: Span, expected_version: int) -> Span:
        """Write a changed span only if nobody changed it since ``expected_version`` was read."""
        with self.transaction() as conn:
            done = conn.execute(
                update(SPAN)
                .where(SPAN.c.uuid == span.uuid, SPAN.c.version == expected_version)
                .values(
                    start=span.start,
                    end=span.end,
                    layer=span.layer,
                    label=span.label,
                    attributes=dict(span.attributes),
                    updated=utcnow(),
                    updated_by_id=self.annotator_id(),
                    version=expected_version + 1,
                )
            )
            if done.rowcount != 1:
                raise self._changed_elsewhere(span, expected_version)
        # the row is now exactly ``span`` at the next version: no need to read it back
        return span.with_changes(version=expected_version + 1)

    def _changed_elsewhere(self, wanted: Span, expected_version: int | None) -> ConflictError:
        """Why an edit was refused, in words: what the span is now, who changed it, when."""
        try:
            now = self.get_span(wanted.uuid)
            by, when = self.last_change(wanted.uuid)
        except ConflictError as gone:
            return gone
        seen = expected_version if expected_version is not None else now.version
        return stale_edit(seen, now, by, when, self.annotator)

    def last_change(self, uuid: str) -> tuple[str | None, datetime | None]:
        """Who changed the span last (its own annotator when nobody has since it was made)
        and when. A span deleted meanwhile (another process, between two reads) is refused
        as deleted elsewhere, the refusal its edit gets."""
        editor = func.coalesce(SPAN.c.updated_by_id, SPAN.c.annotator_id)
        with self._read() as conn:
            row = conn.execute(
                select(ANN.c.name, SPAN.c.updated)
                .select_from(SPAN.join(ANN, ANN.c.id == editor))
                .where(SPAN.c.uuid == uuid)
            ).first()
        if row is None:
            raise _deleted_elsewhere(uuid)
        return row[0], row[1]

    # -- relations -------------------------------------------------------------------------

    _REL_COLS = (REL.c.uuid, REL.c.kind, REL.c.head_uuid, REL.c.tail_uuid, REL.c.annotator_id)

    def _rel_from_row(self, r: Row[*tuple[Any, ...]]) -> Relation:
        return Relation(
            kind=r.kind,
            head=r.head_uuid,
            tail=r.tail_uuid,
            uuid=r.uuid,
            annotator=self.annotator_name(r.annotator_id),
        )

    def relations(
        self, doc_id: int, annotator: str | None = None, *, all_annotators: bool = False
    ) -> list[Relation]:
        query = select(*self._REL_COLS).where(REL.c.document_id == doc_id)
        if not all_annotators:
            query = query.where(REL.c.annotator_id == self._reading_id(annotator))
        with self._read() as conn:
            return [self._rel_from_row(r) for r in conn.execute(query.order_by(REL.c.id))]

    def relations_of(self, span_uuid: str) -> list[Relation]:
        with self._read() as conn:
            rows = conn.execute(
                select(*self._REL_COLS)
                .where(or_(REL.c.head_uuid == span_uuid, REL.c.tail_uuid == span_uuid))
                .order_by(REL.c.id)
            )
            return [self._rel_from_row(r) for r in rows]

    def get_relation(self, uuid: str) -> Relation:
        with self._read() as conn:
            r = conn.execute(select(*self._REL_COLS).where(REL.c.uuid == uuid)).first()
        if r is None:
            raise EditError(f"link {uuid} no longer exists")
        return self._rel_from_row(r)

    def insert_relation(self, doc_id: int, relation: Relation) -> Relation:
        aid = self.annotator_id(relation.annotator or None)
        with self.transaction() as conn:
            conn.execute(
                insert(REL).values(
                    uuid=relation.uuid,
                    document_id=doc_id,
                    annotator_id=aid,
                    kind=relation.kind,
                    head_uuid=relation.head,
                    tail_uuid=relation.tail,
                    created=utcnow(),
                )
            )
        return Relation(
            relation.kind, relation.head, relation.tail, relation.uuid, self.annotator_name(aid)
        )

    def insert_relations(self, doc_id: int, relations: Iterable[Relation]) -> int:
        now = utcnow()
        rows = [
            {
                "uuid": r.uuid,
                "document_id": doc_id,
                "annotator_id": self.annotator_id(r.annotator or None),
                "kind": r.kind,
                "head_uuid": r.head,
                "tail_uuid": r.tail,
                "created": now,
            }
            for r in relations
        ]
        if rows:
            with self.transaction() as conn:
                conn.execute(insert(REL), rows)
        return len(rows)

    def delete_relation(self, uuid: str) -> Relation:
        rel = self.get_relation(uuid)
        with self.transaction() as conn:
            conn.execute(delete(REL).where(REL.c.uuid == uuid))
        return rel

    # -- whole-database figures ------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with self._read() as conn:
            return {
                "documents": conn.scalar(select(func.count()).select_from(DOC)) or 0,
                "spans": conn.scalar(select(func.count()).select_from(SPAN)) or 0,
                "relations": conn.scalar(select(func.count()).select_from(REL)) or 0,
                "annotators": len(self.annotators()),
            }

    def label_counts(self, annotator: str | None = None) -> dict[tuple[str, str], int]:
        query = select(SPAN.c.layer, SPAN.c.label, func.count()).group_by(
            SPAN.c.layer, SPAN.c.label
        )
        if annotator is not None:
            query = query.where(SPAN.c.annotator_id == self._reading_id(annotator))
        with self._read() as conn:
            return {(r[0], r[1]): int(r[2]) for r in conn.execute(query)}

    def existing_span_keys(self, doc_id: int) -> dict[tuple[str, int, int, str, str], str]:
        """(annotator, start, end, layer, label) of every span, with its uuid: a re-import adds
        no duplicate, and its links to such a span go to the stored one."""
        with self._read() as conn:
            rows = conn.execute(
                select(
                    SPAN.c.annotator_id, SPAN.c.start, SPAN.c.end, SPAN.c.layer, SPAN.c.label,
                    SPAN.c.uuid,
                ).where(SPAN.c.document_id == doc_id)
            )
            # a name looked up once per annotator, not per span: inside a write transaction
            # annotator_name does not cache (a rolled-back annotator must not linger)
            names: dict[int, str] = {}
            out = {}
            for aid, start, end, layer, label, uuid in rows:
                if aid not in names:
                    names[aid] = self.annotator_name(aid)
                out[(names[aid], start, end, layer, label)] = uuid
            return out

    def existing_relation_keys(self, doc_id: int) -> set[tuple[str, str, str] | str]:
        """(kind, head, tail) and the uuid of every link of the document: a re-import doubles
        none."""
        out: set[tuple[str, str, str] | str] = set()
        with self._read() as conn:
            rows = conn.execute(
                select(REL.c.kind, REL.c.head_uuid, REL.c.tail_uuid, REL.c.uuid)
                .where(REL.c.document_id == doc_id)
            )
            for kind, head, tail, uuid in rows:
                out.update(((kind, head, tail), uuid))
        return out

    def existing_uuids(self, uuids: Iterable[str]) -> set[str]:
        wanted = list(uuids)
        found: set[str] = set()
        with self._read() as conn:
            # driver SQL: an expanding IN of thousands of values costs SQLAlchemy more than
            # the query itself
            mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
            for i in range(0, len(wanted), 5000):
                chunk = tuple(wanted[i : i + 5000])
                sql = f"SELECT uuid FROM span WHERE uuid IN ({', '.join([mark] * len(chunk))})"
                found.update(r[0] for r in conn.exec_driver_sql(sql, chunk))
        return found


_INSERT_DOC = insert(DOC)


def _deleted_elsewhere(uuid: str) -> ConflictError:
    return ConflictError(
        "this span was deleted elsewhere (another window or machine), or never existed",
        uuids=(uuid,),
    )
