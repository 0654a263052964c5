"""What a SQLite file given to ``--db`` is, asked before our engine touches it: empty, ours,
another program's, or one we may only read.

Asked with Python's own sqlite3 in read-only mode, because opening it our way already writes:
``PRAGMA journal_mode=WAL`` changes the file, and the migrations would add our tables to
whatever database the path names.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from annotator.core.errors import AnnotatorError

VERSIONS = Path(__file__).with_name("migrations") / "versions"


def our_revisions() -> set[str]:
    """The revisions of our migrations (files are named ``NNNN_what.py``, revision NNNN):
    read from the folder, without importing Alembic."""
    return {p.name.split("_", 1)[0] for p in VERSIONS.glob("[0-9]*_*.py")}


def read_only(path: Path) -> bool:
    """The file exists and we may not write it (or not create the journal beside it)."""
    if not path.exists():
        return False
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK)


def check_ours(path: Path) -> None:
    """Refuse, in words, a file that is not an empty database nor one of ours."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise AnnotatorError(f"{path}: cannot open it to see what it is ({exc})") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise AnnotatorError(
            f"{path}: not an SQLite database ({exc}); --db needs an annotator database, or a "
            "new file name for a new one; nothing was written"
        ) from None
    finally:
        conn.close()
    if not tables:
        return
    if revision is None:
        shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
        raise AnnotatorError(
            f"{path}: another program's database (its tables: {shown}), not an annotator "
            "database; nothing was written to it. Give --db a new file name, or one of ours"
        )
    if revision[0] not in our_revisions():
        raise AnnotatorError(
            f"{path}: its schema revision {revision[0]!r} is not one of this annotator's "
            "(another program's database, or one made by a newer annotator); nothing was "
            "written to it"
        )
