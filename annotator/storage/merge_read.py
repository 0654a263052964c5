"""Reading the other side of a merge from another database of ours (a file or a URL).

The source database is never written to: it is copied with SQLite's backup API (consistent even
while its owner has it open in WAL mode) and the copy is upgraded if it is older than ours.
What is read is merged by ``storage.merge``; a JSONL export is read by ``workspace.merging``
(storage parses no file format).
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.schema import Schema
from annotator.storage.database import (
    create_db_engine,
    current_revision,
    head_revision,
    open_engine,
)
from annotator.storage.merge_rows import read_rows
from annotator.storage.merge_source import SourceCopy, SourceDocument, SourceSpan

__all__ = [
    "SourceDocument",
    "SourceSpan",
    "bulk_spans",
    "json_value",
    "read_database_file",
    "read_database_url",
]


def read_database_file(path: Path, schema: Schema, *, in_sql: bool = True) -> list[SourceDocument]:
    """Another SQLite database of ours, read from a private copy (the file is not touched),
    every row checked against ``schema`` as an import would be (``storage.merge_rows``).

    With ``in_sql`` the plain spans are checked by SQL and stay in the copy (each document's
    ``bulk``), which then lives as long as the documents do; without it (the tests' witness)
    every span is read into ``spans``.
    """
    copy = SourceCopy(Path(tempfile.mkdtemp(prefix="annotator-merge-")))
    try:
        try:
            src = sqlite3.connect(_read_only_uri(path), uri=True)
            try:
                with sqlite3.connect(copy.path) as dst:
                    # the copy is thrown away with the merge: no fsync of it (1M spans: ~0.2 s)
                    dst.execute("PRAGMA synchronous=OFF")
                    src.backup(dst)
                dst.close()
            finally:
                src.close()
        except sqlite3.DatabaseError as exc:
            raise InputError(str(path), f"not a database this program can read: {exc}") from exc
        engine = create_db_engine(f"sqlite:///{copy.path}")
        try:
            _check_ours(engine, str(path), upgrade_copy=True)
            docs = _read_engine(engine, str(path), schema, copy if in_sql else None)
        finally:
            engine.dispose()
    except BaseException:
        copy.remove()
        raise
    if not any(doc.bulk is not None for doc in docs):
        copy.remove()  # nothing left in it
    return docs


def _read_only_uri(path: Path) -> str:
    """A URI that reads the file without writing anything beside it.

    Without a ``-wal`` file nobody has the database open, and ``immutable`` keeps SQLite from
    creating ``-wal``/``-shm`` files next to the colleague's file; with one, it is live and must
    be read through its WAL (which then already exists).
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def read_database_url(url: str, schema: Schema) -> list[SourceDocument]:
    """A team server: read as it is, which needs it to be at our schema revision; every row
    checked as in :func:`read_database_file`."""
    engine = create_db_engine(url)
    try:
        _check_ours(engine, url, upgrade_copy=False)
        return _read_engine(engine, url, schema)
    finally:
        engine.dispose()


def _check_ours(engine: Engine, origin: str, *, upgrade_copy: bool) -> None:
    try:
        revision = current_revision(engine)
    except Exception as exc:  # the driver's own error names neither the file nor the cause
        raise InputError(origin, f"cannot read the database: {exc}") from exc
    if revision is None:
        raise InputError(origin, "not an annotator database (no schema revision)")
    if revision == head_revision():
        return
    if not upgrade_copy:
        raise InputError(
            origin,
            f"its schema revision {revision} differs from ours; open it "
            "with this version of the program first",
        )
    try:
        open_engine(str(engine.url)).dispose()  # upgrades the private copy in place
    except AnnotatorError as exc:
        raise InputError(origin, f"cannot bring its schema up to date: {exc}") from exc


def _read_engine(
    engine: Engine, origin: str, schema: Schema, copy: SourceCopy | None = None
) -> list[SourceDocument]:
    try:
        with engine.connect() as conn:
            return read_rows(conn, origin, schema, copy=copy)
    except SQLAlchemyError as exc:  # a table missing or mistyped beyond what the rows check
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
        raise InputError(origin, f"cannot read the database: {reason}") from exc


def bulk_spans(doc: SourceDocument) -> list[SourceSpan]:
    """All the spans of ``doc``, in the source's order: its ``spans`` and those left in the
    private copy (``doc.bulk``), for a merge into a database that cannot attach the copy."""
    bulk = doc.bulk
    if bulk is None:
        return doc.spans
    read = dict(zip(bulk.ids, doc.spans, strict=True))
    names = bulk.copy.names
    out = []
    con = sqlite3.connect(f"{bulk.copy.path.as_uri()}?mode=ro", uri=True)
    try:
        rows = con.execute(
            'SELECT id, uuid, annotator_id, layer, label, start, "end" FROM span '
            "WHERE document_id = ? ORDER BY id",
            (bulk.source_id,),
        )
        for i, uuid, aid, layer, label, start, end in rows:
            span = read.get(i)
            out.append(
                span
                if span is not None
                else SourceSpan(uuid, names[aid], layer, label, start, end, {}, None)
            )
    finally:
        con.close()
    return out


def json_value(value: Any) -> Any:
    """A JSON column read as text (SQLite) or already decoded (PostgreSQL drivers)."""
    if not isinstance(value, str):
        return value
    if value in ("{}", "null"):
        return {} if value == "{}" else None
    return json.loads(value)
