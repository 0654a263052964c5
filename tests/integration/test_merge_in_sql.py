"""The merge's SQL path (``storage.merge_plain`` + ``merge_insert.BulkInsert``) against the
Python path, on a source that mixes plain spans with every kind of odd one.

From an SQLite file, the plain spans are checked by SQL in the private copy and copied into
ours by ``INSERT ... SELECT``; everything else goes through Python as before. Whatever the mix,
the database it leaves must be the one the Python path leaves, row for row and id for id, and
a damaged row must be refused with the same words, writing nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy import text as sql

from annotator.core.errors import InputError
from annotator.core.model import Relation, Span, text_sha256
from annotator.storage import merge as storage_merge
from annotator.storage import merge_plain
from annotator.storage.merge_read import read_database_file
from annotator.workspace import Workspace
from annotator.workspace.merging import MergeReport, merge

# an emoji (one character, four bytes) before the last word: offsets count characters
TEXT = "قالَ الرئيـــس \u200fبوتين (Putin) في موسكو يوم ١٢ مايو 😀 إنّ المحادثات مثمرة."
OTHER = "وصل الوفد إلى القاهرة صباح الأحد 🙂 واجتمع بالوزير."
THIRD = "غادر الوفد الخرطوم مساءً."
TABLES = ("annotator", "document", "span", "relation", "document_status", "review_decision")
# when a row was written, and the uuid an annotator gets where it is first named
UNSTABLE = {"created", "updated", "edited"}


def at(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Plain spans of three annotators, and among them: attributes, a gold span with
    provenance, links, statuses, a non-ASCII uuid, two spans at one place, a span that ends
    at the text's last character (after an emoji)."""
    path = tmp_path_factory.mktemp("source") / "theirs.sqlite3"
    ws = Workspace.open(str(path), "omar")
    repo = ws.repo
    doc = repo.insert_document("مقال", TEXT, text_sha256(TEXT))
    words = [w for w in TEXT.split() if w.isalpha()]
    for who in ("omar", "huda", "salma"):
        repo.insert_spans(
            doc, [Span(*at(TEXT, w), "entity", "LOC", annotator=who) for w in words[:6]]
        )
    per = repo.insert_span(doc, Span(*at(TEXT, "بوتين"), "entity", "PER", annotator="omar"))
    quote = repo.insert_span(
        doc, Span(0, 20, "quote", "QUOTE", attributes={"direct": "direct"}, annotator="omar")
    )
    repo.insert_relation(doc, Relation("speaker", quote.uuid, per.uuid, annotator="omar"))
    repo.insert_span(doc, Span(0, 4, "entity", "PER", annotator="gold"),
                     provenance={"from": ["omar", "huda"], "decision": "both"})
    repo.insert_span(doc, Span(*at(TEXT, "موسكو"), "entity", "GPE", uuid="موسكو-1",
                               annotator="huda"))
    twice = Span(*at(TEXT, "Putin"), "entity", "PER", annotator="salma")
    repo.insert_spans(doc, [twice, twice.with_changes(uuid="twice-2")])
    end = len(TEXT)
    repo.insert_span(doc, Span(end - 6, end, "entity", "ORG", annotator="huda"))
    repo.set_status(doc, "done", "omar")
    other = repo.insert_document("خبر", OTHER, text_sha256(OTHER))
    repo.insert_spans(
        other, [Span(*at(OTHER, "القاهرة"), "entity", "GPE", annotator=w) for w in ("omar", "huda")]
    )
    repo.set_status(other, "in_progress", "huda")
    # a document deleted between two: the documents' ids have a gap
    repo.insert_document("مسودة", "مسودة حذفت.", text_sha256("مسودة حذفت."))
    third = repo.insert_document("ثالث", THIRD, text_sha256(THIRD))
    repo.insert_spans(third, [Span(*at(THIRD, "الخرطوم"), "entity", "GPE", annotator="salma")])
    ws.close()
    con = sqlite3.connect(path)
    with con:
        con.execute("DELETE FROM document WHERE name = 'مسودة'")
    con.close()
    return path


@pytest.fixture
def source(template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "theirs.sqlite3"
    shutil.copy(template, copy)
    return copy


def ours_with_work(path: Path) -> Path:
    """A database of ours with a document of its own, and the source's first document with
    spans that meet theirs: by uuid (the same, and another label), by place (the same, and
    other attributes)."""
    theirs = sqlite3.connect(path.parent / "theirs.sqlite3")
    uuid, start, end = theirs.execute(
        "SELECT uuid, start, \"end\" FROM span WHERE label = 'LOC' ORDER BY id LIMIT 1"
    ).fetchone()
    other_uuid, o_start, o_end = theirs.execute(
        "SELECT uuid, start, \"end\" FROM span WHERE label = 'LOC' ORDER BY id LIMIT 1 OFFSET 1"
    ).fetchone()
    theirs.close()
    ws = Workspace.open(str(path), "layla")
    repo = ws.repo
    mine = repo.insert_document("لي", "نص لي وحدي.", text_sha256("نص لي وحدي."))
    repo.insert_span(mine, Span(0, 2, "entity", "LOC", annotator="layla"))
    doc = repo.insert_document("مقال", TEXT, text_sha256(TEXT))
    repo.insert_spans(doc, [
        Span(start, end, "entity", "LOC", uuid=uuid, annotator="omar"),
        Span(o_start, o_end, "entity", "ORG", uuid=other_uuid, annotator="omar"),
        Span(*at(TEXT, "يوم"), "entity", "LOC", annotator="omar"),
        Span(0, 20, "quote", "QUOTE", attributes={"direct": "indirect"}, annotator="omar"),
    ])
    ws.close()
    return path


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(path)
    try:
        out = {}
        for table in TABLES:
            columns = [
                r[1] for r in con.execute(f"PRAGMA table_info({table})")
                if r[1] not in UNSTABLE and (table, r[1]) != ("annotator", "uuid")
            ]
            quoted = ", ".join(f'"{c}"' for c in columns)
            out[table] = con.execute(f"SELECT {quoted} FROM {table} ORDER BY 1, 2").fetchall()
        return out
    finally:
        con.close()


@contextmanager
def none(*_: object) -> Iterator[None]:
    """Stands for ``merge_insert.bulk_insert`` as if ours were not SQLite: the spans left in
    the copy then come through Python (``merge_read.bulk_spans``)."""
    yield None


def merged(
    source: Path, ours: Path, way: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[MergeReport, dict[str, Any]]:
    ws = Workspace.open(str(ours), "layla")
    try:
        docs = read_database_file(source, ws.schema, in_sql=way != "python")
        spans = sum(len(d.spans) for d in docs)
        if way == "python":
            assert all(d.bulk is None for d in docs) and spans > 20
        else:  # the SQL path was taken: only the odd spans came into Python
            assert all(d.bulk is not None for d in docs) and spans == 5
        with monkeypatch.context() as patch:
            if way == "through python":
                patch.setattr(storage_merge, "bulk_insert", none)
            report = merge(ws, docs)
        with ws.repo.engine.connect() as conn:  # the copy was detached
            names = {r[1] for r in conn.exec_driver_sql("PRAGMA database_list")}
        assert names <= {"main", "temp"}, names
    finally:
        ws.close()
    return report, dump(ours)


def ours_with_annotators(path: Path) -> Path:
    """A database of ours that knows two of their annotators, in another order: their ids
    are not ours shifted."""
    ws = Workspace.open(str(path), "salma")
    ws.repo.annotator_id("huda")
    ws.close()
    return path


@pytest.mark.parametrize("target", ["empty", "with work", "with annotators"])
def test_the_sql_path_leaves_the_database_the_python_path_leaves(
    source: Path, tmp_path: Path, target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = {}
    make = {"with work": ours_with_work, "with annotators": ours_with_annotators}.get(target)
    base = make(tmp_path / "ours.sqlite3") if make is not None else None
    for way in ("python", "sql", "through python"):
        ours = tmp_path / way / "ours.sqlite3"
        ours.parent.mkdir()
        if base is not None:  # one database (its uuids are random), copied for each way
            shutil.copy(base, ours)
        report, rows = merged(source, ours, way, monkeypatch)
        again, rows_again = merged(source, ours, way, monkeypatch)  # merging twice changes nothing
        assert again.spans_added == again.relations_added == 0 and rows_again == rows
        results[way] = (report.to_json(), rows)
    python = results["python"]
    assert python[0]["spans_added"] > 20 and python[0]["relations_added"] == 1
    if target == "with work":
        assert python[0]["spans_conflicting"] == 2 and python[0]["spans_identical"] == 3
    else:  # the second span at one place is the first's double
        assert python[0]["spans_identical"] == 1 and python[0]["spans_conflicting"] == 0
    assert results["sql"] == python
    assert results["through python"] == python


# the one uuid of the source that is not ASCII, made ASCII
ASCII_UUIDS = "UPDATE span SET uuid = 'moscow-1' WHERE uuid = 'موسكو-1'"
DAMAGE = {
    "uuid with a NUL": "UPDATE span SET uuid = uuid || char(0) WHERE id = 5",
    "uuid not UTF-8": "UPDATE span SET uuid = CAST(X'61D9' AS TEXT) WHERE id = 5",
    "uuid too long": "UPDATE span SET uuid = uuid || uuid WHERE id = 5",
    "end past the text": f"UPDATE span SET \"end\" = {len(TEXT) + 1} WHERE id = 5",
    "start after end": "UPDATE span SET start = \"end\" + 1 WHERE id = 5",
    "offset as text": "UPDATE span SET start = 'abc' WHERE id = 5",
    "offset as a real": "UPDATE span SET start = 1.5 WHERE id = 5",
    "label outside the schema": "UPDATE span SET label = 'WIZARD' WHERE id = 5",
    "attributes not JSON": "UPDATE span SET attributes = '{oops' WHERE id = 5",
    "provenance not an object": "UPDATE span SET provenance = '[1]' WHERE id = 5",
    "unknown annotator": "UPDATE span SET annotator_id = 99 WHERE id = 5",
    "unknown document": "UPDATE span SET document_id = 99 WHERE id = 5",
    "document id not UTF-8": "UPDATE span SET document_id = CAST(X'61D9' AS TEXT) WHERE id = 5",
    "a link to a plain span of another layer": "UPDATE relation SET head_uuid = "
    "(SELECT uuid FROM span WHERE label = 'LOC' LIMIT 1)",
    # every other uuid printable ASCII: the SQL path then tests a uuid by its length alone
    "uuid too long, the others ASCII": f"{ASCII_UUIDS}; UPDATE span SET uuid = uuid || uuid "
    "WHERE id = 5",
    "uuid empty, the others ASCII": f"{ASCII_UUIDS}; UPDATE span SET uuid = '' WHERE id = 5",
    "uuid bytes, the others ASCII": f"{ASCII_UUIDS}; "
    "UPDATE span SET uuid = CAST('5' AS BLOB) WHERE id = 5",
    "uuid with a NUL, the others ASCII": f"{ASCII_UUIDS}; "
    "UPDATE span SET uuid = uuid || char(0) WHERE id = 5",
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_a_damaged_span_is_refused_in_the_same_words(
    case: str, source: Path, tmp_path: Path
) -> None:
    con = sqlite3.connect(source)  # foreign keys off, as in the sqlite3 shell
    with con:
        con.executescript(DAMAGE[case])
    con.close()
    assert_refused_in_the_same_words(source, tmp_path)


def test_null_attributes_where_the_table_takes_them_are_refused_in_the_same_words(
    source: Path, tmp_path: Path
) -> None:
    """A span table edited by another tool: NULL attributes are no plain span's."""
    con = sqlite3.connect(source)
    with con:
        con.execute("PRAGMA writable_schema = ON")
        con.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'attributes JSON NOT NULL', "
            "'attributes JSON') WHERE name = 'span'"
        )
    con.close()
    con = sqlite3.connect(source)  # the table as edited
    with con:
        con.execute("UPDATE span SET attributes = NULL WHERE id = 5")
    con.close()
    assert_refused_in_the_same_words(source, tmp_path)


def assert_refused_in_the_same_words(source: Path, tmp_path: Path) -> None:
    """The merge of ``source`` is refused by both paths, in the same words, writing nothing."""
    messages = []
    for in_sql in (False, True):
        ours = tmp_path / f"ours-{in_sql}.sqlite3"
        ws = Workspace.open(str(ours), "layla")
        try:
            with pytest.raises(InputError) as caught:
                merge(ws, read_database_file(source, ws.schema, in_sql=in_sql))
            with ws.repo.engine.connect() as conn:
                assert conn.execute(sql("SELECT count(*) FROM span")).scalar_one() == 0
        finally:
            ws.close()
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert "table span" in messages[0] or "table relation" in messages[0]


def test_with_every_uuid_ascii_a_span_s_uuid_is_tested_by_its_length(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No Python call per span then (``merge_plain``); the database left is the one the
    Python path leaves."""
    con = sqlite3.connect(source)
    with con:
        con.execute(ASCII_UUIDS)
    con.close()

    def per_span(uuid: object) -> bool:
        raise AssertionError(f"uuid {uuid!r} asked of Python")

    results = []
    for in_sql in (False, True):
        ours = tmp_path / f"ours-{in_sql}.sqlite3"
        ws = Workspace.open(str(ours), "layla")
        try:
            with monkeypatch.context() as patch:
                patch.setattr(merge_plain, "_plain_uuid", per_span)
                docs = read_database_file(source, ws.schema, in_sql=in_sql)
            if in_sql:  # the odd spans came into Python, now but the one with an ASCII uuid
                assert all(d.bulk is not None for d in docs)
                assert sum(len(d.spans) for d in docs) == 4
            report = merge(ws, docs)
        finally:
            ws.close()
        results.append((report.to_json(), dump(ours)))
    assert results[0][0]["spans_added"] > 20
    assert results[1] == results[0]


@pytest.mark.parametrize(("bad", "printable"), [(None, True), (0, False), (4, False), (6, False)])
def test_the_uuids_are_looked_at_a_chunk_at_a_time(
    bad: int | None, printable: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every chunk, the last one too, whatever the gaps between ids."""
    monkeypatch.setattr(merge_plain, "UUID_CHUNK", 2)
    engine = create_engine("sqlite://")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("CREATE TABLE span (id INTEGER PRIMARY KEY, uuid TEXT)")
            ids = [1, 2, 5, 9, 10, 11, 40]
            rows = [(i, f"u{i}" + ("\t" if n == bad else "")) for n, i in enumerate(ids)]
            conn.exec_driver_sql("INSERT INTO span VALUES (?, ?)", rows)
            assert merge_plain._printable_uuids(conn) is printable
    finally:
        engine.dispose()


def test_documents_that_come_twice_in_one_merge_are_merged_once(
    source: Path, tmp_path: Path
) -> None:
    results = []
    for in_sql in (False, True):
        ours = tmp_path / f"ours-{in_sql}.sqlite3"
        ws = Workspace.open(str(ours), "layla")
        try:
            docs = read_database_file(source, ws.schema, in_sql=in_sql)
            report = merge(ws, docs + docs)
        finally:
            ws.close()
        results.append((report.to_json(), dump(ours)))
    assert results[0][0]["spans_identical"] > 20
    assert results[1] == results[0]
