"""Fuzzing the database merge: 1,000 damaged copies of a colleague's database, seeded.

Each copy has one to three rows changed with plain SQL (offsets, labels, layers, JSON, NUL, CR,
bytes that are not UTF-8, references, deleted rows, wrong types), as a hand edit or another
tool would leave them. Merging it either works or is refused in words (an ``AnnotatorError``):
never a traceback, and after every accepted merge ``check`` finds nothing wrong with ours.
The source is built once; each case is a byte copy of it, merged into one database of ours
that keeps what was accepted (so later cases also meet spans and links already there).
"""

from __future__ import annotations

import random
import sqlite3
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import review_db

from annotator.core.adjudication import NEITHER
from annotator.core.errors import AnnotatorError
from annotator.core.model import Relation, Span, text_sha256
from annotator.workspace import Workspace
from annotator.workspace.merging import merge, read_source
from annotator.workspace.reports import check
from annotator.workspace.review import ReviewSession

CASES = 1000
SEED = 20260511
# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji
TEXT = "قالَ الرئيـــس \u200fبوتين (Putin) في موسكو يوم ١٢ مايو 😀 إنّ المحادثات مثمرة."

COLUMNS = {
    "span": ["document_id", "annotator_id", "uuid", "layer", "label", "start", '"end"',
             "attributes", "provenance"],
    "relation": ["document_id", "annotator_id", "uuid", "kind", "head_uuid", "tail_uuid"],
    "document": ["uuid", "name", "text", "sha256", "meta"],
    "annotator": ["name", "uuid"],
    "document_status": ["status", "document_id", "annotator_id"],
    "review_decision": ["document_id", "key", "layer", "start", '"end"', "spans", "decision",
                        "decided_by_id", "uuid"],
}
VALUES = [
    "-1", "0", "1", "2", "7", "999", "2147483648", "9223372036854775807", "1e30", "1.5",
    "'abc'", "''", "NULL", "'PER'", "'LOC'", "'WIZARD'", "'QUOTE'", "'CLAIM'", "'entity'",
    "'quote'", "'claim'", "'speaker'", "'source'", "'done'", "'half'", "'{}'", "'[]'", "'{bad'",
    "'null'", "'\"x\"'", "'{\"direct\": \"sideways\"}'", "'{\"direct\": \"indirect\"}'",
    "'{\"direct\": true}'", "'{\"note\": \"\\u0000\"}'", "'{\"x\": \"\\ud800\"}'",
    "'{\"x\": NaN}'", "'[\"a\", 1]'", "char(0)", "'قال' || char(0)", "char(13)",
    "'نص' || char(13, 10) || 'آخر'", "CAST(X'D982EDA080' AS TEXT)", "X'00FF'",
    "'" + "ن" * 501 + "'", "'" + "x" * 201 + "'", "'" + "L" * 101 + "'",
    "'" + "[" * 3000 + "]" * 3000 + "'", "start", '"end"', '"end" + 1', "start - 1",
    "length(text)", "id", "'بوتين 😀'",
]


@dataclass(frozen=True)
class Source:
    path: Path
    ids: dict[str, list[int]]
    uuids: list[str]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    """Two annotators' spans in every layer, links, statuses, a gold span and decisions."""
    path = tmp_path_factory.mktemp("fuzz") / "omar.sqlite3"
    ws = Workspace.open(str(path), "omar")
    repo = ws.repo
    doc = repo.insert_document("مقال", TEXT, text_sha256(TEXT))
    i = TEXT.index("بوتين")
    for who in ("omar", "huda"):
        per = repo.insert_span(doc, Span(i, i + 5, "entity", "PER", annotator=who))
        gpe = repo.insert_span(doc, Span(TEXT.index("موسكو"), TEXT.index("موسكو") + 5,
                                         "entity", "GPE", annotator=who))
        quote = repo.insert_span(doc, Span(0, 30, "quote", "QUOTE", annotator=who,
                                           attributes={"direct": "indirect"}))
        claim = repo.insert_span(doc, Span(40, len(TEXT) - 1, "claim", "CLAIM", annotator=who))
        repo.insert_relation(doc, Relation("speaker", quote.uuid, per.uuid, annotator=who))
        repo.insert_relation(doc, Relation("source", claim.uuid, gpe.uuid, annotator=who))
        repo.set_status(doc, "in_progress", who)
    reviewed = review_db.seed(ws)
    session = ReviewSession(ws, reviewed, ["A", "B"])
    session.decide(0, "accept_a")
    session.decide(1, "accept_b")  # a gold span with its provenance
    session.decide(2, NEITHER)
    ws.close()
    con = sqlite3.connect(path)
    ids = {t: [r[0] for r in con.execute(f"SELECT id FROM {t}")]
           for t in COLUMNS if t != "document_status"}
    ids["document_status"] = [r[0] for r in con.execute("SELECT rowid FROM document_status")]
    uuids = [r[0] for r in con.execute("SELECT uuid FROM span")]
    con.close()
    return Source(path, ids, uuids)


def mutation(rng: random.Random, src: Source) -> str:
    table = rng.choice(sorted(COLUMNS))
    key = "rowid" if table == "document_status" else "id"
    row = rng.choice(src.ids[table])
    roll = rng.random()
    if roll < 0.12:
        return f"DELETE FROM {table} WHERE {key} = {row}"
    if roll < 0.18 and table in ("span", "review_decision"):
        return f'UPDATE {table} SET start = "end", "end" = start WHERE id = {row}'
    if roll < 0.25 and table == "document":
        # a change the hash follows, so the checks behind the hash are reached too
        change = rng.choice(["text || char(0)", "replace(text, ' ', char(13, 10))",
                             "replace(text, 'ق', char(13))", "substr(text, 1, 10)"])
        return f"UPDATE document SET text = {change}, sha256 = sha({change}) WHERE id = {row}"
    if roll < 0.32 and table in ("relation", "review_decision"):
        column = "head_uuid" if table == "relation" else "spans"
        value = rng.choice(src.uuids)
        value = f"'[\"{value}\"]'" if table == "review_decision" else f"'{value}'"
        return f"UPDATE {table} SET {column} = {value} WHERE id = {row}"
    if roll < 0.34:
        return rng.choice(["DELETE FROM alembic_version",
                           "UPDATE alembic_version SET version_num = '9999'"])
    column = rng.choice(COLUMNS[table])
    return f"UPDATE {table} SET {column} = {rng.choice(VALUES)} WHERE {key} = {row}"


def damaged_copies(src: Source, folder: Path) -> Iterator[tuple[int, Path, list[str]]]:
    template = src.path.read_bytes()
    for case in range(CASES):
        rng = random.Random(SEED + case)
        path = folder / f"case{case % 2}.sqlite3"
        path.write_bytes(template)
        con = sqlite3.connect(path)  # foreign keys off, as in the sqlite3 shell
        con.create_function("sha", 1, lambda t: text_sha256(t) if isinstance(t, str) else "")
        applied = []
        for _ in range(rng.randint(1, 3)):
            statement = mutation(rng, src)
            try:
                with con:
                    con.execute(statement)
                applied.append(statement[:160])
            except sqlite3.Error:
                pass  # a constraint the database itself keeps (NOT NULL, UNIQUE): no mutation
        con.close()
        yield case, path, applied


def test_damaged_databases_merge_cleanly_or_are_refused_in_words(
    source: Source, tmp_path: Path
) -> None:
    ws = Workspace.open(str(tmp_path / "ours.sqlite3"), "layla")
    accepted = refused = 0
    try:
        for case, path, applied in damaged_copies(source, tmp_path):
            try:
                docs = read_source(str(path), ws.schema)
                merge(ws, docs)
            except AnnotatorError as exc:
                refused += 1
                assert str(path) in str(exc), (case, applied, str(exc))
                continue
            except Exception:
                pytest.fail(f"case {case} {applied}: traceback\n{traceback.format_exc()}")
            accepted += 1
            problems = check(ws)[0]
            assert problems == [], (case, applied, problems)
    finally:
        ws.close()
    assert accepted + refused == CASES
    # neither side may be vacuous: both outcomes are common
    assert accepted > CASES // 10 and refused > CASES // 5, (accepted, refused)
