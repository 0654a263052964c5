"""Scale figure of merge: a database of 1M spans merged into an empty one, beside raw SQL.

The source is the Wojood sample replicated with new names (``bench_scale_data``) until it holds
the number of spans wanted. Ours: ``merging.read_source`` + ``merging.merge`` into a fresh
database, as ``annotator merge`` runs them (every row checked, documents matched by hash, spans
by UUID). The floor: the same rows copied by SQLite itself into a fresh database of the same
schema (``ATTACH`` + ``INSERT ... SELECT`` of annotators, documents and spans, one
transaction, foreign keys on as in every connection of ours), which checks nothing; and
SQLite's page copy of the same tables (foreign keys off, ``SELECT *``: see ``RAW_COPY``).
The three run alternately, so a change of load hits each.
``--quick`` uses 100k spans.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_scale_data import SCHEMA, build, kept_corpus, replicated, seed_documents
from common import emit

from annotator.workspace import Workspace, merging

# the floor: what SQLite alone does to copy the rows (no check, no matching), under the
# settings every connection of ours has (foreign keys on). Named columns, because
# ``INSERT INTO span SELECT * FROM src.span`` into an empty table with foreign keys off is
# SQLite's transfer optimisation: it copies the table's and its indexes' pages without
# inserting a row, which no merge into a database that holds anything can do; that copy is
# measured too (``raw_copy``) to show the distance.
SPAN_COLUMNS = (
    'uuid, document_id, annotator_id, layer, label, start, "end", attributes, created, '
    "updated, version, provenance, updated_by_id"
)
RAW_COPY = f"""
BEGIN;
INSERT INTO annotator SELECT * FROM src.annotator
    WHERE name NOT IN (SELECT name FROM main.annotator);
INSERT INTO document SELECT * FROM src.document;
INSERT INTO span ({SPAN_COLUMNS}) SELECT {SPAN_COLUMNS} FROM src.span ORDER BY id;
COMMIT;
"""


def fresh(folder: Path, name: str) -> Path:
    """An empty database of ours with the benchmark's schema."""
    db = folder / name
    db.unlink(missing_ok=True)
    ws = Workspace.open(str(db), "bench")
    ws.repo.set_project_schema_toml(SCHEMA)
    ws.close()
    return db


def ours(source: Path, dest: Path) -> float:
    t0 = time.perf_counter()
    ws = Workspace.open(str(dest), "bench")
    report = merging.merge(ws, merging.read_source(str(source), ws.schema))
    ws.close()
    elapsed = time.perf_counter() - t0
    if report.conflicts or not report.spans_added:
        raise SystemExit(f"merge went wrong: {report.summary()}")
    return elapsed


def raw_sql(source: Path, dest: Path, *, foreign_keys: bool = True) -> float:
    t0 = time.perf_counter()
    conn = sqlite3.connect(dest, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    conn.execute("PRAGMA cache_size=-65536")  # the page cache a merge gets (merge_insert)
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    script = RAW_COPY if foreign_keys else RAW_COPY.replace(
        f"span ({SPAN_COLUMNS}) SELECT {SPAN_COLUMNS} FROM src.span ORDER BY id",
        "span SELECT * FROM src.span",
    )
    conn.executescript(script)
    conn.close()
    return time.perf_counter() - t0


def main() -> None:
    # the full run merges 100k spans too: two sizes give the growth exponent
    for size in (100_000,) if "--quick" in sys.argv else (100_000, 1_000_000):
        measure(size, rounds=3 if size < 1_000_000 else 2)


def measure(size: int, rounds: int) -> None:
    label = f"{size // 1000}k" if size < 1_000_000 else "1m"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        schema_db = fresh(folder, "schema.sqlite3")
        ws = Workspace.open(str(schema_db), "bench")
        seeds = seed_documents(ws)
        ws.close()
        (folder / "src").mkdir()
        source = kept_corpus(folder / "src", f"wojood-{size}") or build(
            folder / "src", replicated(seeds, size), f"wojood-{size}")
        mine, floor, copy = [], [], []
        for _ in range(rounds):  # alternately, so that a change of load hits all three
            mine.append(ours(source, fresh(folder, "ours.sqlite3")))
            floor.append(raw_sql(source, fresh(folder, "raw.sqlite3")))
            copy.append(raw_sql(source, fresh(folder, "copy.sqlite3"), foreign_keys=False))
        t_ours, t_raw = min(mine), min(floor)
    emit(f"merge.{label}_spans_s", t_ours, "s")
    emit(f"merge.raw_sql_{label}_spans_s", t_raw, "s")
    emit(f"merge.{label}_spans_vs_raw_sql_ratio", t_ours / t_raw, "x")
    emit(f"merge.raw_copy_{label}_spans_s", min(copy), "s")


if __name__ == "__main__":
    main()
