"""Which spans of a source database are plain, asked of SQLite in the merge's private copy.

A merge of 1M spans spent most of its time passing rows through Python one by one (BENCHMARKS.md,
"Merge of 1M spans beside raw SQL"). So, for an SQLite source, the checks that the common span
passes (``merge_rows._spans``' first test) are one SQL scan of the copy: the spans that pass all
of them stay there (``BulkSpans``) and ``storage.merge`` copies them with ``INSERT ... SELECT``.
Every other span (``temp.merge_slow``) is read and checked in Python exactly as before, so a
refusal names the same row with the same words, and nothing is written before it.

A plain span, in SQL: integer document, annotator, start and end, of a document and annotator
read without fault; a (layer, label) of the schema's plain labels; ``0 <= start < end <=`` the
length of the text (as Python counts it); attributes the text ``{}``; no provenance; a uuid of
1 to ``UUID_MAX`` printable ASCII characters; and no other span of the same annotator in the
same document at the same place with the same label (the merge keeps the first of those, so
their order matters: they stay with the Python path).

The uuid's characters are asked of all the copy's uuids at once (:func:`_printable_uuids`):
when every one is printable ASCII, a span's test is its length in SQL; otherwise a Python
function asks it of each span, as before (1M spans: ~0.2 s against ~0.4 s).
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from annotator.core.invariants import UUID_MAX
from annotator.storage.merge_source import BulkSpans, SourceCopy, SourceDocument

# with one of the uuid tests below: never NULL (a NULL value fails its typeof, a document not
# read has no length), so NOT (...) finds every span that is not plain
PLAIN = """
typeof(s.document_id) = 'integer' AND typeof(s.annotator_id) = 'integer'
AND typeof(s.start) = 'integer' AND typeof(s."end") = 'integer'
AND typeof(s.layer) = 'text' AND typeof(s.label) = 'text' AND typeof(s.uuid) = 'text'
AND s.attributes IS '{}' AND s.provenance IS NULL
AND s.annotator_id IN (SELECT id FROM temp.merge_ann)
AND (s.layer, s.label) IN (SELECT layer, label FROM temp.merge_pair)
AND 0 <= s.start AND s.start < s."end" AND s."end" <= coalesce(d.length, -1)
"""
# the attributes need no typeof: only the text '{}' IS '{}' (never NULL; the column's affinity
# leaves the constant text, and never changes the stored value it is compared with)

# a uuid's test when every uuid of the copy is printable ASCII: then SQLite's length counts
# what Python's does (one byte a character, no NUL); else the Python function below
UUID_LENGTH = f"length(s.uuid) BETWEEN 1 AND {UUID_MAX}"
UUID_CALL = "merge_plain_uuid(s.uuid)"
_PRINTABLE = bytes(range(0x20, 0x7F))
UUID_CHUNK = 65536  # spans whose uuids are looked at together (~2.4 MB of them)

# spans sharing (document, annotator, start) are few (474 groups in 1M): the full place is
# compared only there, through the index that starts with those three columns
SAME_PLACE = """
SELECT s.id FROM span s
JOIN (SELECT document_id, annotator_id, start FROM span
      GROUP BY document_id, annotator_id, start HAVING count(*) > 1) g
  ON s.document_id = g.document_id AND s.annotator_id = g.annotator_id AND s.start = g.start
WHERE EXISTS (SELECT 1 FROM span t WHERE t.document_id = s.document_id
              AND t.annotator_id = s.annotator_id AND t.start = s.start AND t."end" = s."end"
              AND t.layer = s.layer AND t.label = s.label AND t.id <> s.id)
"""

# the plain spans that a link names: their layers are needed to check the link
LINKED = """
SELECT s.document_id, s.uuid, s.layer FROM span s
WHERE s.uuid IN (SELECT head_uuid FROM relation UNION SELECT tail_uuid FROM relation)
  AND s.id NOT IN (SELECT id FROM temp.merge_slow)
"""

# per document, its spans' annotators by their first span, and where its spans lie
FIRST_SPANS = """
SELECT document_id, annotator_id, min(id) AS first, max(id) FROM span
GROUP BY document_id, annotator_id ORDER BY document_id, first
"""


def _printable_uuids(conn: Connection) -> bool:
    """Every uuid of the copy, whatever its type, is printable ASCII: their bytes looked at
    together, ``UUID_CHUNK`` spans at a time (a NUL, a byte of a character beyond ASCII or of
    text that is not UTF-8 is not printable ASCII)."""
    run = conn.exec_driver_sql
    low = run("SELECT min(id) FROM span").scalar()
    while low is not None:
        high = run(
            "SELECT id FROM span WHERE id >= ? ORDER BY id LIMIT 1 OFFSET ?", (low, UUID_CHUNK)
        ).scalar()
        raw = run(
            f"SELECT CAST(group_concat(uuid, '') AS BLOB) FROM span WHERE id >= ?"
            f"{'' if high is None else ' AND id < ?'}",
            (low,) if high is None else (low, high),
        ).scalar()
        if raw is not None and not (
            isinstance(raw, bytes) and raw.isascii() and not raw.translate(None, _PRINTABLE)
        ):
            return False
        low = high
    return True


def _plain_uuid(uuid: object) -> bool:
    """1 to ``UUID_MAX`` printable ASCII characters (as ``merge_rows._spans`` asks). Text that
    is not UTF-8 fails the call, and with it :func:`classify`: the Python path refuses it."""
    return type(uuid) is str and 0 < len(uuid) <= UUID_MAX and uuid.isascii() and uuid.isprintable()


def classify(
    conn: Connection,
    copy: SourceCopy,
    docs: dict[Any, SourceDocument],
    names: dict[Any, str],
    plain: frozenset[tuple[str, str]],
) -> bool:
    """Leave the plain spans in the copy: gives every document its ``BulkSpans`` and fills
    ``temp.merge_slow`` with the ids of the others (to read as before). False, and nothing
    done, when the copy cannot be trusted to hold what this assumes."""
    try:
        if not _trusted(conn, names):
            return False
        _classify(conn, copy, docs, names, plain)
    # a table beyond repair (sqlite3's error: from the index scans' own connection): the rows'
    # own reading says what is wrong
    except (SQLAlchemyError, sqlite3.Error):
        for table in ("merge_doc", "merge_ann", "merge_pair", "merge_slow"):
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{table}")
        for doc in docs.values():
            doc.bulk = None
        return False
    return True


def _classify(
    conn: Connection,
    copy: SourceCopy,
    docs: dict[Any, SourceDocument],
    names: dict[Any, str],
    plain: frozenset[tuple[str, str]],
) -> None:
    raw = conn.connection.dbapi_connection
    assert raw is not None
    raw.create_function("merge_plain_uuid", 1, _plain_uuid, deterministic=True)
    run = conn.exec_driver_sql
    run("CREATE TEMP TABLE merge_doc (id INTEGER PRIMARY KEY, length INTEGER NOT NULL)")
    run("CREATE TEMP TABLE merge_ann (id INTEGER PRIMARY KEY)")
    run("CREATE TEMP TABLE merge_pair (layer TEXT, label TEXT, PRIMARY KEY (layer, label))")
    for table, rows in (
        ("merge_doc (id, length)", [(i, len(d.text)) for i, d in docs.items()]),
        ("merge_ann (id)", [(aid,) for aid in names]),
        ("merge_pair (layer, label)", sorted(plain)),
    ):
        if rows:  # an empty list would run the statement once without parameters
            marks = ", ".join("?" * len(rows[0]))
            run(f"INSERT INTO temp.{table} VALUES ({marks})", rows)
    run("CREATE TEMP TABLE merge_slow (id INTEGER PRIMARY KEY)")
    plain_test = f"{PLAIN} AND {UUID_LENGTH if _printable_uuids(conn) else UUID_CALL}"
    # the two scans of the index meanwhile, on a connection of their own (another core's work:
    # they read what this one's scan of the table does not)
    with ThreadPoolExecutor(max_workers=1) as pool:
        index_scans = pool.submit(_index_scans, copy.path)
        run(
            "INSERT INTO temp.merge_slow SELECT s.id FROM span s "
            f"LEFT JOIN temp.merge_doc d ON d.id = s.document_id WHERE NOT ({plain_test})"
        )
        same_place, first_spans = index_scans.result()
    if same_place:
        run("INSERT OR IGNORE INTO temp.merge_slow VALUES (?)", same_place)
    copy.names.update(names)
    bulks = {doc_id: BulkSpans(copy, doc_id) for doc_id in docs}
    for doc_id, made in bulks.items():
        docs[doc_id].bulk = made
    for doc_id, aid, first, last in first_spans:
        bulk, name = bulks.get(doc_id), names.get(aid)
        if bulk is None:
            continue  # a span of an unknown document is refused when the spans are read
        if name is not None and name not in bulk.annotators:
            bulk.annotators.append(name)
        bulk.first = first if bulk.first is None else min(bulk.first, first)
        bulk.last = last if bulk.last is None else max(bulk.last, last)


def _index_scans(path: Path) -> tuple[list[tuple[int]], list[tuple[Any, ...]]]:
    """The ids of ``SAME_PLACE`` and the rows of ``FIRST_SPANS``. The copy is private and its
    one other connection writes only temporary tables: this reads what that one would."""
    con = sqlite3.connect(path)
    try:
        return con.execute(SAME_PLACE).fetchall(), con.execute(FIRST_SPANS).fetchall()
    finally:
        con.close()


def plain_layers(conn: Connection) -> list[tuple[int, str, str]]:
    """(document id, uuid, layer) of the plain spans a link names (after :func:`classify`)."""
    return [(d, u, layer) for d, u, layer in conn.exec_driver_sql(LINKED)]


def _trusted(conn: Connection, names: dict[Any, str]) -> bool:
    """The copy's span ids and uuids are unique (one row per id, one span per uuid: the
    INSERT ... SELECT and the matching rely on it) and no two annotators share a name (the
    search for spans at the same place compares annotator ids)."""
    if conn.dialect.name != "sqlite" or len(set(names.values())) != len(names):
        return False
    run = conn.exec_driver_sql
    columns = {r[1]: r for r in run("PRAGMA table_info(span)")}
    key = columns.get("id")
    if key is None or key[2].upper() != "INTEGER" or key[5] != 1:
        return False
    if sum(1 for r in columns.values() if r[5]) != 1:
        return False
    for index in run("PRAGMA index_list(span)").all():
        _, name, unique, _, partial = index[:5]
        columns_of = [r[2] for r in run(f"PRAGMA index_info({_quoted(name)})")]
        if unique and not partial and columns_of == ["uuid"]:
            return True
    return False


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
