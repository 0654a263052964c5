"""A merge validates every row it reads exactly as an import does, and is all or nothing.

Each case damages one row of a colleague's database with plain SQL (as a bad tool, a bad
migration or a hand edit would), merges it, and expects a refusal that names the source, the
table and row, and the reason, with our database left exactly as it was.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from annotator.core.errors import InputError
from annotator.core.model import Relation, Span, text_sha256
from annotator.workspace import Workspace
from annotator.workspace.merging import merge, read_source
from annotator.workspace.reports import check

# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji
TEXT = "قالَ الرئيـــس \u200fبوتين (Putin) في موسكو يوم ١٢ مايو 😀 إنّ المحادثات مثمرة."


def word(w: str) -> tuple[int, int]:
    i = TEXT.index(w)
    return i, i + len(w)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Omar's database: an entity, a quote linked to it, a status."""
    path = tmp_path_factory.mktemp("omar") / "omar.sqlite3"
    ws = Workspace.open(str(path), "omar")
    doc = ws.repo.insert_document("مقال", TEXT, text_sha256(TEXT))
    per = ws.repo.insert_span(doc, Span(*word("بوتين"), "entity", "PER", annotator="omar"))
    quote = ws.repo.insert_span(
        doc, Span(0, 20, "quote", "QUOTE", attributes={"direct": "direct"}, annotator="omar")
    )
    ws.repo.insert_relation(doc, Relation("speaker", quote.uuid, per.uuid, annotator="omar"))
    ws.repo.set_status(doc, "done", "omar")
    ws.close()
    return path


@pytest.fixture
def source(template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "omar.sqlite3"
    shutil.copy(template, copy)
    return copy


@pytest.fixture
def ours(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(str(tmp_path / "ours.sqlite3"), "layla")
    yield ws
    ws.close()


def damage(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)  # foreign keys off, as in the sqlite3 shell
    with con:
        for statement in statements:
            con.execute(statement)
    con.close()


def rows(ws: Workspace) -> dict[str, int]:
    with ws.engine.connect() as conn:
        return {
            t: conn.execute(sql(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("document", "span", "relation", "document_status", "annotator")
        }


PER = "label = 'PER'"
QUOTE = "layer = 'quote'"

CASES = {
    "start after end": (f"UPDATE span SET start = 9, \"end\" = 4 WHERE {PER}", "span", "end"),
    "start equals end": (f"UPDATE span SET \"end\" = start WHERE {PER}", "span", "end"),
    "offset past the text": (
        f"UPDATE span SET \"end\" = {len(TEXT) + 3} WHERE {PER}", "span", "outside the text"
    ),
    "negative offset": (f"UPDATE span SET start = -2 WHERE {PER}", "span", "outside the text"),
    "offset as text": (f"UPDATE span SET start = 'abc' WHERE {PER}", "span", "start"),
    "label outside the schema": (f"UPDATE span SET label = 'WIZARD' WHERE {PER}", "span",
                                 "WIZARD"),
    "entity in the quote layer": (f"UPDATE span SET layer = 'quote' WHERE {PER}", "span",
                                  "PER"),
    "unknown layer": (f"UPDATE span SET layer = 'sentiment' WHERE {PER}", "span", "sentiment"),
    "attribute value outside the schema": (
        f"UPDATE span SET attributes = '{{\"direct\": \"sideways\"}}' WHERE {QUOTE}", "span",
        "sideways",
    ),
    "attributes not JSON": (f"UPDATE span SET attributes = '{{oops' WHERE {QUOTE}", "span",
                            "JSON"),
    "attributes not an object": (f"UPDATE span SET attributes = '[1, 2]' WHERE {QUOTE}", "span",
                                 "object"),
    "provenance not JSON": (f"UPDATE span SET provenance = 'nope{{' WHERE {PER}", "span", "JSON"),
    "span of an unknown annotator": (f"UPDATE span SET annotator_id = 99 WHERE {PER}", "span",
                                     "annotator"),
    "span of an unknown document": (f"UPDATE span SET document_id = 99 WHERE {PER}", "span",
                                    "document"),
    "annotator deleted": ("DELETE FROM annotator", "span", "annotator"),
    "link to a deleted span": (f"DELETE FROM span WHERE {PER}", "relation", "span"),
    "link between the wrong layers": (
        "UPDATE relation SET head_uuid = tail_uuid", "relation", "speaker"
    ),
    "link of an unknown kind": ("UPDATE relation SET kind = 'cousin'", "relation", "cousin"),
    "status outside the list": ("UPDATE document_status SET status = 'half'", "document_status",
                                "half"),
    "NUL in the text": ("UPDATE document SET text = 'قال' || char(0) || 'بوتين'", "document",
                        "NUL"),
    "CR in the text": ("UPDATE document SET text = replace(text, ' ', char(13, 10))", "document",
                       "carriage return"),
    "text not UTF-8": ("UPDATE document SET text = CAST(X'D982EDA080' AS TEXT)", "document",
                       "UTF-8"),
    "hash of another text": ("UPDATE document SET sha256 = 'abc'", "document", "SHA-256"),
    "name over the server's length": (
        f"UPDATE document SET name = '{'ن' * 501}'", "document", "500"
    ),
    "annotator name over the server's length": (
        f"UPDATE annotator SET name = '{'x' * 201}'", "annotator", "200"
    ),
    "empty annotator name": ("UPDATE annotator SET name = ''", "annotator", "empty"),
    "meta not JSON": ("UPDATE document SET meta = '{'", "document", "JSON"),
    "label over the server's length": (
        f"UPDATE span SET label = '{'L' * 101}' WHERE {PER}", "span", "100"
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_damaged_row_refuses_the_whole_merge_in_words(
    case: str, source: Path, ours: Workspace
) -> None:
    statement, table, reason = CASES[case]
    damage(source, statement)
    before = rows(ours)
    with pytest.raises(InputError) as caught:
        merge(ours, read_source(str(source), ours.schema))
    message = str(caught.value)
    assert str(source) in message and f"table {table}" in message, message
    assert reason in message, message
    assert rows(ours) == before, "a refused merge must write nothing"
    assert check(ours)[0] == []


def test_an_intact_database_still_merges_and_checks(source: Path, ours: Workspace) -> None:
    report = merge(ours, read_source(str(source), ours.schema))
    assert (report.spans_added, report.relations_added, report.statuses_added) == (2, 1, 1)
    assert check(ours)[0] == []


def test_a_jsonl_export_line_is_validated_like_an_import(tmp_path: Path, ours: Workspace) -> None:
    line = {
        "name": "مقال", "text": TEXT, "annotator": "omar",
        "spans": [{"start": 9, "end": 4, "label": "PER", "layer": "entity"}],
    }
    path = tmp_path / "omar.jsonl"
    path.write_text(
        json.dumps({"name": "أول", "text": "نص أول."}, ensure_ascii=False) + "\n"
        + json.dumps(line, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    before = rows(ours)
    with pytest.raises(InputError) as caught:
        merge(ours, read_source(str(path), ours.schema))
    assert caught.value.path == str(path) and caught.value.line == 2
    assert rows(ours) == before


def test_a_jsonl_export_with_a_nul_escape_is_refused_with_its_line(
    tmp_path: Path, ours: Workspace
) -> None:
    path = tmp_path / "omar.jsonl"
    path.write_text('{"name": "a", "text": "نص"}\n{"name": "b", "text": "قال\\u0000بوتين"}\n',
                    encoding="utf-8")
    with pytest.raises(InputError, match="NUL") as caught:
        read_source(str(path), ours.schema)
    assert caught.value.line == 2


@pytest.mark.postgres
def test_a_damaged_database_is_refused_in_words_by_the_server(
    pg_db_url: str, source: Path
) -> None:
    damage(source, "UPDATE document SET text = 'قال' || char(0) || 'بوتين'")
    ws = Workspace.open(pg_db_url, "layla")
    try:
        with pytest.raises(InputError, match=r"table document.*NUL"):
            merge(ws, read_source(str(source), ws.schema))
        assert rows(ws)["document"] == 0
    finally:
        ws.close()


@pytest.mark.postgres
def test_a_laptop_database_with_a_long_name_is_refused_before_the_server_is_asked(
    pg_db_url: str, source: Path
) -> None:
    damage(source, f"UPDATE document SET name = '{'ن' * 600}'")
    ws = Workspace.open(pg_db_url, "layla")
    try:
        with pytest.raises(InputError, match=r"table document.*500"):
            merge(ws, read_source(str(source), ws.schema))
        assert rows(ws)["document"] == 0
    finally:
        ws.close()
