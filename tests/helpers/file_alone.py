"""What an SQLite database file holds without its write-ahead log: what checkpoints copied."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def count_in_file_alone(db: Path, sql: str) -> int:
    """The count ``sql`` gives on a copy of ``db``'s main file alone (no ``-wal`` beside it)."""
    alone = db.with_name("alone.sqlite3")
    alone.write_bytes(db.read_bytes())
    conn = sqlite3.connect(alone)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()
        alone.unlink()
