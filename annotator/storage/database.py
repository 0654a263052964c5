"""Opening a database: URL resolution, SQLite pragmas, migrations applied on open."""

from __future__ import annotations

import getpass
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from platformdirs import user_data_path
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from annotator.core.errors import AnnotatorError
from annotator.storage.sqlite_file import check_ours, read_only

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.pool import ConnectionPoolEntry

# The newest migration. Opening an up-to-date database compares against this constant instead
# of importing Alembic (~0.45 s of start-up); tests/unit/test_storage.py checks it equals the
# head of migrations/versions, so a new migration cannot be forgotten here.
SCHEMA_HEAD = "0007"

MIGRATIONS = Path(__file__).with_name("migrations")
APP_NAME = "annotator"


def default_db_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / "annotator.sqlite3"


def resolve_url(db: str | None = None) -> str:
    """``--db`` value, else ``ANNOTATOR_DB``, else the default SQLite file; paths become URLs."""
    value = db or os.environ.get("ANNOTATOR_DB") or str(default_db_path())
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    return f"sqlite:///{path}"


def default_annotator(remembered: str | None = None) -> str:
    """Who annotates when no name is given: $ANNOTATOR_NAME, then ``remembered`` (the name
    last set in the window), then the login name."""
    name = os.environ.get("ANNOTATOR_NAME") or remembered
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "annotator"


def _sqlite_pragmas(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy, not pysqlite, decide when transactions start (see _sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # two writers (GUI + a CLI import) wait for each other instead of failing at once
    cur.execute("PRAGMA busy_timeout=5000")
    # NORMAL in WAL loses no committed row on a process kill (only on power loss)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


# SQLite copies the write-ahead log back into the database file (a checkpoint: a copy and an
# fsync, ~10 ms) at the commit that takes the log past 1,000 pages: every ~250 tags a key
# waits for it. A window leaves that to its user's pauses (:func:`checkpoint`); past this many
# pages (~40 MB) SQLite still does it at a commit, so the log cannot grow without end.
IDLE_CHECKPOINT_PAGES = 10_000


def checkpoint_when_idle(engine: Engine) -> None:
    """Leave the log's copy-back of this engine's SQLite connections to :func:`checkpoint`.

    Nothing is less durable: a commit is in the log, and a killed process loses none of it.
    """
    if engine.dialect.name != "sqlite" or event.contains(engine, "connect", _idle_checkpoints):
        return
    event.listen(engine, "connect", _idle_checkpoints)
    engine.dispose()  # the pooled connections were made without it; new ones get it


def _idle_checkpoints(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
    dbapi_conn.execute(f"PRAGMA wal_autocheckpoint={IDLE_CHECKPOINT_PAGES}")


def checkpoint(engine: Engine) -> bool:
    """Copy SQLite's log back into the database file as far as no reader needs it, without
    waiting for anyone (``PASSIVE``); whether it could run. Other databases: nothing to do."""
    if engine.dialect.name != "sqlite":
        return True
    # a window asks from a timer, where an exception would be a crash dialog: the file gone,
    # unreadable or damaged is said in words by the next edit, not here
    try:
        conn = engine.raw_connection()
    except (SQLAlchemyError, sqlite3.Error):
        return False
    try:
        cursor = conn.cursor()
        cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
        row = cursor.fetchone()
        cursor.close()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return row is not None and not row[0]  # (busy, pages in the log, pages copied back)


def _sqlite_read_only(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
    dbapi_conn.isolation_level = None
    dbapi_conn.execute("PRAGMA busy_timeout=5000")


def _sqlite_begin(conn: Connection) -> None:
    # A deferred transaction that reads then writes fails with "database is locked" when a
    # second writer is active, whatever the timeout; IMMEDIATE takes the write lock up front.
    # Pure reads (Repository._read marks them) stay deferred: they must not queue behind, or
    # block, a long import in another process.
    options = conn.get_execution_options()
    busy_ms = options.get("annotator_busy_ms")
    if busy_ms is not None:  # a window waits in short steps, painting between them
        conn.exec_driver_sql(f"PRAGMA busy_timeout={int(busy_ms)}")
    if options.get("annotator_read"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_db_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        ro = parsed.query.get("mode") == "ro"
        if parsed.database and parsed.database != ":memory:" and not ro:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        # setting the journal mode is a write: a read-only file keeps the one it has
        event.listen(engine, "connect", _sqlite_read_only if ro else _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The head according to the migration scripts themselves (imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, read without importing Alembic."""
    with engine.connect() as conn:
        conn.execution_options(annotator_read=True)  # a read: no write lock (_sqlite_begin)
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision``: an older file is upgraded in place, never rebuilt."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def open_engine(db: str | None = None) -> Engine:
    """Open (creating if needed) the database and apply pending migrations.

    An SQLite file that is neither empty nor ours is refused before anything is written to
    it; one we may not write is opened read-only (``is_read_only``)."""
    url = resolve_url(db)
    try:
        url = _sqlite_checked(url)
        engine = create_db_engine(url)
        if current_revision(engine) != SCHEMA_HEAD:
            if is_read_only(engine):
                raise AnnotatorError(
                    f"{_safe(url)} is read-only and was made by an older annotator: it needs "
                    "an upgrade this program cannot write; open it once where it is writable"
                )
            upgrade(engine)
    except AnnotatorError:
        raise
    except Exception as exc:  # driver errors carry no file name; add it
        raise AnnotatorError(f"cannot open database {_safe(url)}: {exc}") from exc
    return engine


def _sqlite_checked(url: str) -> str:
    """``url``, read-only when the file is (``mode=ro``); refused when it is not ours."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return url
    if parsed.query.get("mode") == "ro":
        return url
    path = Path(parsed.database)
    check_ours(path)
    if read_only(path):
        return f"sqlite:///file:{quote(str(path))}?mode=ro&uri=true"
    return url


def is_read_only(engine: Engine) -> bool:
    """The database was opened read-only (an SQLite file we may not write)."""
    return engine.url.query.get("mode") == "ro"


def _safe(url: str) -> str:
    """The URL without a password, for messages."""
    return make_url(url).render_as_string(hide_password=True)
