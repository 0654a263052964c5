"""The text and name invariants on the team server: refused in words before PostgreSQL is
asked (never a bare "database:" error), normalised as on SQLite, and found by ``check``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from annotator.cli import main
from annotator.core.model import Span, text_sha256
from annotator.workspace import Workspace
from annotator.workspace.reports import check

pytestmark = pytest.mark.postgres

TEXT = "قالَ الرئيـــس \u200fبوتين (Putin) في موسكو يوم ١٢ مايو 😀."
HEADER = (
    "# global.columns = ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC ANNOTATOR:ENTITY\n"
)


def row(ident: int, form: str, misc: str = "_", tag: str = "O") -> str:
    return f"{ident}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}\t{tag}\n"


def documents(url: str) -> list[str]:
    ws = Workspace.open(url, "tester")
    try:
        return [ws.repo.document_text(d.id) for d in ws.repo.list_documents()]
    finally:
        ws.close()


def test_a_jsonl_nul_escape_is_refused_with_file_and_line(
    pg_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": TEXT}, ensure_ascii=False) + '\n{"text": "قال\\u0000"}\n',
                    encoding="utf-8")
    assert main(["import", "--db", pg_db_url, str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2:" in err and "NUL" in err and "database:" not in err
    assert documents(pg_db_url) == []


def test_conllu_spaces_after_cr_is_stored_with_lf(pg_db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "x.conllu"
    path.write_text(
        HEADER + row(1, "قالَ", "SpacesAfter=\\r\\n") + row(2, "بوتين", tag="B-PER") + row(3, "😀"),
        encoding="utf-8",
    )
    assert main(["import", "--db", pg_db_url, str(path)]) == 0
    [stored] = documents(pg_db_url)
    assert "\r" not in stored and stored.startswith("قالَ\nبوتين")


def test_a_long_annotator_name_is_refused_in_words(
    pg_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["import", "--db", pg_db_url, "--annotator", "ع" * 201, str(path)]) == 1
    err = capsys.readouterr().err
    assert "201 characters" in err and "database:" not in err


def test_check_finds_what_the_server_took_but_must_not_hold(pg_db_url: str) -> None:
    ws = Workspace.open(pg_db_url, "tester")
    try:
        doc = ws.repo.insert_document("مقال", TEXT, text_sha256(TEXT))
        ws.repo.insert_span(doc, Span(0, 4, "quote", "QUOTE", attributes={"direct": "direct"}))
        assert check(ws)[0] == []
        with ws.engine.begin() as conn:  # a hand edit on the server: CR and a bad attribute
            conn.execute(sql("UPDATE document SET text = replace(text, ' ', E'\\r\\n')"))
            conn.execute(sql("UPDATE span SET attributes = '{\"direct\": \"sideways\"}'"))
        problems = check(ws)[0]
        assert any("carriage return" in p for p in problems), problems
        with ws.engine.begin() as conn:
            conn.execute(sql("UPDATE document SET text = :t, sha256 = :h"),
                         {"t": TEXT, "h": text_sha256(TEXT)})
            conn.execute(sql('UPDATE span SET "end" = start'))
        problems = check(ws)[0]
        assert any("end must come after" in p for p in problems), problems
    finally:
        ws.close()
