"""One set of text and name invariants, kept before writing and found by ``check``.

Stored text holds no NUL, no CR, no lone surrogate; names and labels fit the server's columns.
What one back end would take and the other refuse is refused (file and line) or, for a CR,
normalised as the .txt reader does, whatever the reader.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from annotator.cli import main
from annotator.core import invariants
from annotator.core.errors import InputError
from annotator.core.model import ImportedDocument, Span, text_sha256
from annotator.core.schema import load_schema
from annotator.formats.conllu import parse_conllu
from annotator.storage import tables
from annotator.workspace import Workspace
from annotator.workspace.importing import checked
from annotator.workspace.reports import check

SCHEMA = load_schema()
# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji
TEXT = "قالَ الرئيـــس \u200fبوتين (Putin) في موسكو يوم ١٢ مايو 😀."


def import_(db: Path, *args: str) -> int:
    return main(["import", "--db", str(db), *args])


def counts(db: Path) -> tuple[int, int]:
    ws = Workspace.open(str(db), "tester")
    with ws.engine.connect() as conn:
        found = tuple(
            conn.execute(sql(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("document", "span")
        )
    ws.close()
    return found  # type: ignore[return-value]


def test_the_server_column_lengths_are_the_invariants_limits() -> None:
    """tables.py declares String(n) from core.invariants: one number, two users."""
    declared = {
        ("annotator", "name"): invariants.ANNOTATOR_NAME_MAX,
        ("document", "name"): invariants.DOCUMENT_NAME_MAX,
        ("span", "layer"): invariants.LAYER_MAX,
        ("span", "label"): invariants.LABEL_MAX,
        ("relation", "kind"): invariants.KIND_MAX,
        ("document_status", "status"): invariants.STATUS_MAX,
        ("span", "uuid"): invariants.UUID_MAX,
        ("review_decision", "decision"): invariants.DECISION_MAX,
        ("review_decision", "key"): invariants.DECISION_KEY_MAX,
    }
    for (table, column), limit in declared.items():
        assert tables.metadata.tables[table].c[column].type.length == limit, (table, column)


@pytest.mark.parametrize(
    ("escape", "what"), [("\\u0000", "NUL"), ("\\ud800", "surrogate")]
)
def test_a_jsonl_escape_that_is_not_storable_text_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], escape: str, what: str
) -> None:
    db = tmp_path / "db.sqlite3"
    path = tmp_path / "x.jsonl"
    path.write_text(
        json.dumps({"text": TEXT}, ensure_ascii=False) + "\n"
        + '{"text": "قال' + escape + 'بوتين"}\n',
        encoding="utf-8",
    )
    assert import_(db, str(path)) == 1
    err = capsys.readouterr().err
    assert f"{path}:2:" in err and what in err and "Traceback" not in err
    assert counts(db) == (0, 0)


def test_a_jsonl_name_longer_than_the_server_holds_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite3"
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"name": "ن" * 501, "text": TEXT}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    assert import_(db, str(path)) == 1
    err = capsys.readouterr().err
    assert f"{path}:1:" in err and "501 characters" in err and "500" in err
    assert counts(db) == (0, 0)


def test_an_annotator_name_longer_than_the_server_holds_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite3"
    path = tmp_path / "x.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert import_(db, str(path), "--annotator", "x" * 201) == 1
    err = capsys.readouterr().err
    assert "201 characters" in err and "Traceback" not in err
    assert counts(db) == (0, 0)


HEADER = (
    "# global.columns = ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC ANNOTATOR:ENTITY\n"
)


def row(ident: int, form: str, misc: str = "_", tag: str = "O") -> str:
    return f"{ident}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}\t{tag}\n"


@pytest.mark.parametrize("gap", ["\\r\\n", "\\r", "\\r\\r\\n"])
def test_conllu_spaces_after_with_cr_is_stored_with_lf_as_txt_does(gap: str) -> None:
    content = HEADER + row(1, "قالَ", f"SpacesAfter={gap}") + row(2, "بوتين", tag="B-PER") + row(
        3, "😀"
    )
    [doc] = checked(Path("x.conllu"), parse_conllu(content, "x.conllu", SCHEMA), SCHEMA)
    assert "\r" not in doc.text
    assert doc.text.startswith("قالَ\n")
    [per] = doc.spans
    assert per.covered(doc.text) == "بوتين"


def test_conllu_spaces_after_with_a_nul_escape_is_refused_with_its_line() -> None:
    content = HEADER + row(1, "قال") + row(2, "بوتين", "SpacesAfter=\\u0000") + row(3, "ب")
    with pytest.raises(InputError, match="NUL") as caught:
        checked(Path("x.conllu"), parse_conllu(content, "x.conllu", SCHEMA), SCHEMA)
    assert caught.value.line == 3


def test_any_reader_s_cr_becomes_lf_with_offsets_moved_and_said() -> None:
    raw = "سطر أول\r\nقال بوتين\r\n😀 موسكو"
    doc = ImportedDocument("d", raw)
    i = raw.index("بوتين")
    j = raw.index("موسكو")
    doc.spans = [Span(i, i + 5, "entity", "PER"), Span(j, j + 5, "entity", "GPE")]
    [out] = checked(Path("x.tsv"), [doc], SCHEMA)
    assert out.text == raw.replace("\r\n", "\n")
    assert [s.covered(out.text) for s in out.spans] == ["بوتين", "موسكو"]
    assert any("CR line ends" in w for w in out.warnings)


def test_any_reader_s_nul_is_refused_naming_the_file() -> None:
    doc = ImportedDocument("d", "قال\x00بوتين")
    with pytest.raises(InputError, match=r"x\.json: document 'd': a NUL"):
        checked(Path("x.json"), [doc], SCHEMA)


def test_a_label_studio_text_with_a_nul_escape_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite3"
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([{"id": 1, "data": {"text": "قال\x00بوتين"}, "annotations": []}]),
                    encoding="utf-8")
    assert import_(db, "--format", "label-studio", str(path)) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "NUL" in err and "Traceback" not in err
    assert counts(db) == (0, 0)


def stored(ws: Workspace, statement: str) -> None:
    with ws.engine.begin() as conn:
        conn.execute(sql(statement))


@pytest.mark.parametrize(
    ("statement", "reason"),
    [
        ("UPDATE document SET text = text || char(0)", "NUL"),
        ("UPDATE document SET text = replace(text, ' ', char(13, 10))", "carriage return"),
        ("UPDATE document SET text = CAST(X'D982EDA080' AS TEXT)", "UTF-8"),
        ("UPDATE document SET name = '" + "ن" * 501 + "'", "500"),
        ("UPDATE annotator SET name = '" + "x" * 201 + "'", "200"),
        ("UPDATE span SET label = '" + "L" * 101 + "'", "100"),
        ("UPDATE span SET \"end\" = start", "end must come after"),
        ("UPDATE span SET attributes = '{\"direct\": \"sideways\"}'", "sideways"),
        ("UPDATE span SET attributes = '{oops'", "JSON"),
        ("UPDATE document_status SET status = 'half'", "half"),
    ],
)
def test_check_finds_a_stored_violation(tmp_path: Path, statement: str, reason: str) -> None:
    ws = Workspace.open(str(tmp_path / "db.sqlite3"), "tester")
    try:
        doc = ws.repo.insert_document("مقال", TEXT, text_sha256(TEXT))
        ws.repo.insert_span(doc, Span(0, 4, "quote", "QUOTE", attributes={"direct": "direct"}))
        ws.repo.set_status(doc, "done", "tester")
        assert check(ws)[0] == []
        stored(ws, statement)
        problems = check(ws)[0]
        assert any(reason in p for p in problems), problems
    finally:
        ws.close()


def test_check_of_a_span_with_start_after_end_does_not_crash(tmp_path: Path) -> None:
    ws = Workspace.open(str(tmp_path / "db.sqlite3"), "tester")
    try:
        doc = ws.repo.insert_document("مقال", TEXT, text_sha256(TEXT))
        ws.repo.insert_span(doc, Span(5, 9, "entity", "PER"))
        stored(ws, 'UPDATE span SET start = 9, "end" = 5')
        [problem] = check(ws)[0]
        assert "table span" in problem and "[9, 5)" in problem
    finally:
        ws.close()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (TEXT, None),
        ("plain ASCII\nover two lines", None),
        (TEXT + "\n" + TEXT, None),
        ("ab\ncd\x00", "a NUL character (U+0000) at line 2, column 3"),
        (TEXT + "\r\n", f"a carriage return (U+000D) at line 1, column {len(TEXT) + 1}"),
        ("قال\nهو \ud800", "a lone surrogate (U+D800), which is not text at line 2, column 4"),
        # a pair of surrogates is two code points, neither of them text (not the emoji)
        ("😀\ud83d\ude00", "a lone surrogate (U+D83D), which is not text at line 1, column 2"),
        ("ascii \udfff", "a lone surrogate (U+DFFF), which is not text at line 1, column 7"),
    ],
)
def test_text_problem_names_the_first_character_no_stored_text_holds(
    text: str, reason: str | None
) -> None:
    """The common text passes without the search; any NUL, CR or surrogate is still found
    and named where it is."""
    problem = invariants.text_problem(text)
    if reason is None:
        assert problem is None
    else:
        assert problem == f"{reason} of the text; stored text holds none"
