"""The merge's bulk insert of new spans (see ``storage.merge``).

The same driver-level path as ``Repository.insert_spans`` (its statement, converted once per
batch), which cannot serve itself: a merged span brings its own provenance (gold spans), and
the merge already holds our annotator ids. The plain spans of an SQLite source, which never
came into Python (``storage.merge_plain``), go by ``INSERT ... SELECT`` from its private copy
(:class:`BulkInsert`).
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.pool import ConnectionPoolEntry

from annotator.storage.merge_source import BulkSpans, SourceCopy, SourceDocument, SourceSpan
from annotator.storage.tables import (
    SPAN,
    bind_processor,
    bound,
    insert_span_rows,
    to_json,
    utcnow,
)


def span_values(s: SourceSpan, doc_id: int, aid: int, serialise: Callable[[Any], Any],
                empty: Any) -> tuple[Any, ...]:
    """A span's columns as the driver takes them, uuid to provenance (the order of
    ``_COLUMNS``): for :func:`insert_spans` and the merge's temporary rows alike."""
    return (
        s.uuid, doc_id, aid, s.layer, s.label, s.start, s.end,
        serialise(s.attributes) if s.attributes else empty,
        None if s.provenance is None else serialise(s.provenance),
    )


def insert_spans(conn: Connection, doc_id: int, rows: Sequence[tuple[SourceSpan, int]]) -> None:
    """Bulk insert straight to the driver: SQLAlchemy's per-row JSON and DateTime processing
    cost more than the insert itself (100k spans: ~3 s against ~1 s)."""
    if not rows:
        return
    dialect = conn.dialect
    stamp = bound(SPAN.c.created.type, dialect, utcnow())
    serialise = bind_processor(SPAN.c.attributes.type, dialect) or to_json
    empty = serialise({})
    values = [(*span_values(s, doc_id, aid, serialise, empty), stamp, stamp, 1)
              for s, aid in rows]
    insert_span_rows(conn, values)


# SQLite's page cache during a merge: 64 MiB instead of the default 2 MiB. New span UUIDs land
# at random places of the uuid index; past ~100k spans its pages no longer fit the default
# cache and every insert reads some back (1M spans: 13.5 s of inserts against 8.4 s with it)
MERGE_CACHE_KIB = 65536


@contextmanager
def large_cache(conn: Connection) -> Iterator[None]:
    """A larger SQLite page cache on ``conn`` while the block runs (nothing elsewhere)."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
    conn.exec_driver_sql(f"PRAGMA cache_size=-{MERGE_CACHE_KIB}")
    try:
        yield
    finally:  # the pooled connection goes back as it was
        conn.exec_driver_sql(f"PRAGMA cache_size={before}")


# --- the plain spans of an SQLite source, copied by SQLite (storage.merge_plain) -------------

_ATTACHED = "annotator.merge_attached"  # the connection's info: aliases to detach on checkin
_COLUMNS = 'uuid, document_id, annotator_id, layer, label, start, "end", attributes, provenance'
_TEMPORARY = ("merge_slow_ids", "merge_aids", "merge_docs", "merge_rows")


class BulkInsert:
    """The source's private copy attached to the merge's SQLite connection: the plain spans
    left there (``SourceDocument.bulk``) go into ours by ``INSERT ... SELECT``.

    The spans a merge decides to add are kept (:meth:`add`) and written together by
    :meth:`flush`, in the order one by one would write them (document by document, each in the
    source's order), so they get the same ids. One statement for all: SQLite keeps a
    statement journal of every page an ``INSERT ... SELECT`` changes that existed before it
    (foreign keys make one necessary), and 711 statements at 1M spans took twice as long as
    one. ``storage.merge`` flushes before anything that reads spans of ours the kept ones
    could be among.
    """

    def __init__(self, conn: Connection, docs: Sequence[SourceDocument]) -> None:
        self.conn = conn
        self.aliases: dict[SourceCopy, str] = {}
        run = conn.exec_driver_sql
        for table in _TEMPORARY:
            run(f"DROP TABLE IF EXISTS temp.{table}")
        run("CREATE TEMP TABLE merge_slow_ids (id INTEGER PRIMARY KEY)")
        self._plain_only = ""  # the test that leaves those out, once there are any
        run("CREATE TEMP TABLE merge_aids (src INTEGER PRIMARY KEY, aid INTEGER NOT NULL)")
        # the documents whose plain spans are kept, in the merge's order (seq), by copy
        run(
            "CREATE TEMP TABLE merge_docs (copy TEXT, src INTEGER, seq INTEGER NOT NULL, "
            "doc INTEGER NOT NULL, PRIMARY KEY (copy, src)) WITHOUT ROWID"
        )
        # the spans decided in Python that are kept, by document (seq) and source id
        run(f"CREATE TEMP TABLE merge_rows (seq INTEGER, id INTEGER, {_COLUMNS})")
        for doc in docs:
            if doc.bulk is not None:
                self._alias(doc.bulk.copy)
                self.exclude(doc.bulk.ids)
        self.stamp = bound(SPAN.c.created.type, conn.dialect, utcnow())
        self.serialise = bind_processor(SPAN.c.attributes.type, conn.dialect) or to_json
        self.empty = self.serialise({})
        # what is kept: (copy, source document id), their copies' aliases, whether rows
        # decided in Python are among them, whether the source's order is the merge's (see
        # add), and the lowest and highest span id of their documents
        self.pending: set[tuple[SourceCopy, int]] = set()
        self.copies: set[str] = set()
        self.decided = False
        self.in_order = True
        self.lo: int | None = None
        self.hi: int | None = None

    def _alias(self, copy: SourceCopy) -> str:
        alias = self.aliases.get(copy)
        if alias is None:
            alias = self.aliases[copy] = f"merge_src_{secrets.token_hex(4)}"
            self.conn.exec_driver_sql(f"ATTACH DATABASE ? AS {alias}", (str(copy.path),))
            _detach_on_checkin(self.conn, alias)
        return alias

    def exclude(self, ids: Iterable[int]) -> None:
        """These source spans are decided in Python (merge's loop), not copied by SQL."""
        values = [(i,) for i in ids]
        if values:  # an empty list would run the statement once without parameters
            self._plain_only = "AND s.id NOT IN (SELECT id FROM temp.merge_slow_ids)"
            self.conn.exec_driver_sql(
                "INSERT OR IGNORE INTO temp.merge_slow_ids VALUES (?)", values
            )

    def map_annotators(self, bulk: BulkSpans, ours: dict[str, int]) -> None:
        """Our annotator ids of the document's annotators (all in ``ours`` by now)."""
        theirs = {name: aid for aid, name in bulk.copy.names.items()}
        values = [(theirs[name], ours[name]) for name in bulk.annotators]
        if values:
            self.conn.exec_driver_sql(
                "INSERT OR REPLACE INTO temp.merge_aids VALUES (?, ?)", values
            )

    def clashing(
        self, bulk: BulkSpans, doc_id: int, *, by_uuid: bool, by_place: bool
    ) -> list[tuple[int, SourceSpan]]:
        """The plain spans that meet one of ours (same uuid, or same annotator, place and
        label in this document): the merge decides these in Python, as any other."""
        tests, params = [], [bulk.source_id]
        if by_uuid:
            tests.append("EXISTS (SELECT 1 FROM main.span o WHERE o.uuid = s.uuid)")
        if by_place:
            tests.append(
                "EXISTS (SELECT 1 FROM main.span o WHERE o.document_id = ? "
                'AND o.annotator_id = m.aid AND o.start = s.start AND o."end" = s."end" '
                "AND o.layer = s.layer AND o.label = s.label)"
            )
            params.append(doc_id)
        if not tests:
            return []
        rows = self.conn.exec_driver_sql(
            'SELECT s.id, s.uuid, s.annotator_id, s.layer, s.label, s.start, s."end" '
            f"FROM {self._alias(bulk.copy)}.span s "
            "JOIN temp.merge_aids m ON m.src = s.annotator_id WHERE s.document_id = ? "
            f"AND s.id NOT IN (SELECT id FROM temp.merge_slow_ids) AND ({' OR '.join(tests)}) "
            "ORDER BY s.id",
            tuple(params),
        )
        names = bulk.copy.names
        return [
            (i, SourceSpan(uuid, names[aid], layer, label, start, end, {}, None))
            for i, uuid, aid, layer, label, start, end in rows
        ]

    def add(self, bulk: BulkSpans, doc_id: int, rows: Sequence[tuple[int, SourceSpan, int]]) -> int:
        """Keep the document's plain spans and ``rows`` (source id, span, our annotator id)
        for :meth:`flush`; returns how many spans were written meanwhile (a flush, when the
        same source document comes twice)."""
        written = self.flush() if (bulk.copy, bulk.source_id) in self.pending else 0
        run = self.conn.exec_driver_sql
        alias = self._alias(bulk.copy)
        seq = len(self.pending)
        run(
            "INSERT INTO temp.merge_docs (copy, src, seq, doc) VALUES (?, ?, ?, ?)",
            (alias, bulk.source_id, seq, doc_id),
        )
        self.pending.add((bulk.copy, bulk.source_id))
        self.copies.add(alias)
        if bulk.first is not None and bulk.last is not None:
            # the source's order is the merge's while each document's spans follow the last's
            self.in_order = self.in_order and (self.hi is None or bulk.first > self.hi)
            self.lo = bulk.first if self.lo is None else min(self.lo, bulk.first)
            self.hi = bulk.last if self.hi is None else max(self.hi, bulk.last)
        serialise, empty = self.serialise, self.empty
        values = [(seq, i, *span_values(s, doc_id, aid, serialise, empty))
                  for i, s, aid in rows]
        if values:
            marks = ", ".join("?" * 11)
            run(f"INSERT INTO temp.merge_rows (seq, id, {_COLUMNS}) VALUES ({marks})", values)
            self.decided = True
        return written

    @property
    def kept(self) -> bool:
        return bool(self.pending)

    def flush(self) -> int:
        """Write what :meth:`add` kept; returns how many spans."""
        if not self.pending:
            return 0
        run = self.conn.exec_driver_sql
        if self.in_order and not self.decided and len(self.copies) == 1:
            # the common case: one range of the copy read in its own order, nothing to sort
            (alias,) = self.copies
            doc, ann, joins, where = self._mapped(alias)
            added = run(
                f"INSERT INTO main.span ({_COLUMNS}, created, updated, version) "
                f'SELECT s.uuid, {doc}, {ann}, s.layer, s.label, s.start, s."end", ?, NULL, '
                f"?, ?, 1 FROM {alias}.span s {joins}"
                f"WHERE s.id BETWEEN ? AND ? {where} {self._plain_only} ORDER BY s.id",
                (self.empty, self.stamp, self.stamp, self.lo, self.hi),
            ).rowcount
        else:
            added = run(
                f"INSERT INTO main.span ({_COLUMNS}, created, updated, version) "
                f"SELECT {_COLUMNS}, ?, ?, 1 FROM ({self._kept_plain()} "
                f"UNION ALL SELECT seq, id, {_COLUMNS} FROM temp.merge_rows) ORDER BY seq, id",
                (self.stamp, self.stamp, *[self.empty] * len(self.copies)),
            ).rowcount
        run("DELETE FROM temp.merge_docs")
        run("DELETE FROM temp.merge_rows")
        self._start()
        return int(added)

    def _mapped(self, alias: str) -> tuple[str, str, str, str]:
        """Our document and annotator ids of a span ``s`` of the copy, the joins they need and
        the test that keeps the kept documents' spans. Where the kept documents are a run of
        the copy's ids and ours are theirs shifted (a merge into a database that had none of
        them), and so are the annotators, arithmetic does it: a join per span cost ~10%."""
        run = self.conn.exec_driver_sql
        low, high, count, shift, shifts = run(
            "SELECT min(src), max(src), count(*), min(doc - src), count(DISTINCT doc - src) "
            "FROM temp.merge_docs WHERE copy = ?",
            (alias,),
        ).one()
        # CROSS JOIN: SQLite then reads the copy in the outer loop (its rowid order)
        if shifts == 1 and high - low + 1 == count:
            doc, joins, where = (
                f"s.document_id + {int(shift)}",
                "",
                f"AND s.document_id BETWEEN {int(low)} AND {int(high)}",
            )
        else:
            doc, where = "d.doc", ""
            joins = f"CROSS JOIN temp.merge_docs d ON d.copy = '{alias}' AND d.src = s.document_id "
        shift, shifts = run(
            "SELECT min(aid - src), count(DISTINCT aid - src) FROM temp.merge_aids"
        ).one()
        if shifts == 1:
            ann = f"s.annotator_id + {int(shift)}"
        else:
            ann = "m.aid"
            joins += "CROSS JOIN temp.merge_aids m ON m.src = s.annotator_id "
        return doc, ann, joins, where

    def _kept_plain(self) -> str:
        """The kept documents' plain spans of each copy, with their (seq, id)."""
        return " UNION ALL ".join(
            "SELECT d.seq AS seq, s.id AS id, s.uuid AS uuid, d.doc AS document_id, "
            "m.aid AS annotator_id, s.layer AS layer, s.label AS label, s.start AS start, "
            's."end" AS "end", ? AS attributes, NULL AS provenance '
            f"FROM temp.merge_docs d JOIN {alias}.span s ON s.document_id = d.src "
            "JOIN temp.merge_aids m ON m.src = s.annotator_id "
            f"WHERE d.copy = '{alias}' {self._plain_only}"
            for alias in sorted(self.copies)
        )

    def _start(self) -> None:
        """Nothing kept."""
        self.pending = set()
        self.copies = set()
        self.decided = False
        self.in_order = True
        self.lo = self.hi = None

    def close(self) -> None:
        for table in _TEMPORARY:
            self.conn.exec_driver_sql(f"DROP TABLE temp.{table}")


@contextmanager
def bulk_insert(conn: Connection, docs: Sequence[SourceDocument]) -> Iterator[BulkInsert | None]:
    """A :class:`BulkInsert` while the block runs when ours is SQLite and a document has
    spans left in its copy; None otherwise (they are then read from the copy, see
    ``merge_read.bulk_spans``)."""
    if conn.dialect.name != "sqlite" or all(doc.bulk is None for doc in docs):
        yield None
        return
    bulk = BulkInsert(conn, docs)
    yield bulk
    if bulk.kept:
        raise RuntimeError("merge: spans kept for the bulk insert were never written")
    bulk.close()  # on an exception the rollback drops the temporary tables


def _detach_on_checkin(conn: Connection, alias: str) -> None:
    """DETACH is refused in the transaction that read the database, and ours may be the
    caller's (the workspace's door): it is done when the connection goes back to its pool."""
    conn.connection.info.setdefault(_ATTACHED, []).append(alias)
    pool = conn.engine.pool
    if not event.contains(pool, "checkin", _detach):
        event.listen(pool, "checkin", _detach)


def _detach(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
    for alias in record.info.pop(_ATTACHED, ()):
        # should it fail, the merge is over: the copy stays attached (under a name of its
        # own) until the connection closes, rather than the merge failing after its commit
        with suppress(sqlite3.Error):
            dbapi_connection.execute(f"DETACH DATABASE {alias}")
