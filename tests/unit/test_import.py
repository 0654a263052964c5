"""`annotator import`: every refusal names file, line or byte, and leaves the database as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from annotator.cli import main
from annotator.workspace import Workspace

ARABIC = "قال الرئيس فلاديمير بوتين في موسكو إن المحادثات كانت مثمرة.\nوأضاف أن بيلاروسيا شريك."


def snapshot(db: Path) -> dict[str, int]:
    ws = Workspace.open(str(db), "tester")
    with ws.engine.connect() as conn:
        counts = {
            t: conn.execute(sql(f"SELECT count(*) FROM {t}")).scalar() or 0
            for t in ("document", "span", "relation")
        }
    ws.close()
    return counts


def run(db: Path, *args: str) -> int:
    return main(["import", "--db", str(db), *args])


@pytest.fixture
def db_with_one_doc(tmp_path: Path) -> Path:
    db = tmp_path / "db.sqlite3"
    good = tmp_path / "good.txt"
    good.write_text("نص موجود من قبل.", encoding="utf-8")
    assert run(db, str(good)) == 0
    return db


def refused(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    before = snapshot(db)
    assert run(db, *args) == 1
    assert snapshot(db) == before, "a refused import must leave the database as it was"
    return capsys.readouterr().err


def test_windows_1256_is_refused_with_a_hint(
    tmp_path: Path, db_with_one_doc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "cp.txt"
    f.write_bytes(ARABIC.encode("cp1256"))
    err = refused(db_with_one_doc, capsys, str(f))
    assert f"{f}:1: invalid UTF-8" in err and "--encoding cp1256" in err and "(byte 0)" in err
    assert run(db_with_one_doc, "--encoding", "cp1256", str(f)) == 0
    ws = Workspace.open(str(db_with_one_doc), "tester")
    doc = ws.repo.find_document("cp")
    assert doc is not None and ws.repo.document_text(doc) == ARABIC


@pytest.mark.parametrize(
    ("content", "offset", "reason"),
    [
        ("كلمة".encode() + "ب".encode()[:1], 8, "truncated UTF-8"),
        (b"abc\x00def", 3, "NUL byte"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 0, "PNG image"),
    ],
)
def test_broken_bytes_are_refused_with_the_offset(
    tmp_path: Path,
    db_with_one_doc: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    offset: int,
    reason: str,
) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    err = refused(db_with_one_doc, capsys, str(f))
    assert f"{f}:1: " in err and f"(byte {offset})" in err and reason in err


def test_offsets_count_the_bom_and_lines_are_named(
    tmp_path: Path, db_with_one_doc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "nul.txt"
    f.write_bytes(b"\xef\xbb\xbf" + "سطر أول\nسطر ثان\n".encode() + b"ab\x00")
    err = refused(db_with_one_doc, capsys, str(f))
    nul_at = f.read_bytes().index(b"\x00")
    assert f"{f}:3: NUL byte" in err and f"(byte {nul_at})" in err


def test_a_stray_byte_in_utf8_arabic_gets_no_cp1256_hint(
    tmp_path: Path, db_with_one_doc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "stray.txt"
    f.write_bytes((ARABIC + "\n").encode() + b"\xff\xfe")
    err = refused(db_with_one_doc, capsys, str(f))
    assert f"{f}:3: invalid UTF-8" in err
    assert "cp1256" not in err and "give the right --encoding" in err


def test_bom_and_crlf_are_normalised_before_offsets(tmp_path: Path, db_with_one_doc: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + ARABIC.replace("\n", "\r\n").encode())
    assert run(db_with_one_doc, str(f)) == 0
    ws = Workspace.open(str(db_with_one_doc), "tester")
    doc = ws.repo.find_document("bom")
    assert doc is not None and ws.repo.document_text(doc) == ARABIC


def test_empty_file_is_refused_by_name(
    tmp_path: Path, db_with_one_doc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert f"{f}: the file is empty" in refused(db_with_one_doc, capsys, str(f))


def test_one_bad_file_refuses_the_whole_command(
    tmp_path: Path, db_with_one_doc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok = tmp_path / "ok.txt"
    ok.write_text(ARABIC, encoding="utf-8")
    bad = tmp_path / "zz.txt"
    bad.write_bytes(b"")
    refused(db_with_one_doc, capsys, str(ok), str(bad))


def rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to tell "exactly as before" from "as many rows as before"."""
    ws = Workspace.open(str(db), "tester")
    with ws.engine.connect() as conn:
        tables = [
            name for (name,) in conn.execute(
                sql("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            )
        ]
        out = {t: sorted(map(tuple, conn.execute(sql(f'SELECT * FROM "{t}"'))), key=repr)
               for t in tables}
    ws.close()
    return out


def test_a_store_failing_part_way_writes_nothing(
    tmp_path: Path, db_with_one_doc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every file reads fine; the database refuses the second document's span after the first
    document, its spans, link, status and a new annotator were written: none of it may stay."""
    p0 = ARABIC.index("فلاديمير")
    first = {
        "text": ARABIC, "name": "first", "annotator": "newcomer", "status": "done",
        "spans": [
            {"start": p0, "end": p0 + 14, "label": "PER"},
            {"start": 0, "end": ARABIC.index("\n"), "label": "QUOTE", "layer": "quote"},
        ],
        "relations": [{"kind": "speaker", "head": 1, "tail": 0}],
    }
    second = {"text": "زار وزير الخارجية القاهرة أمس.", "name": "second",
              "spans": [{"start": 18, "end": 25, "label": "GPE"}]}
    paths = []
    for obj in (first, second):
        path = tmp_path / f"{obj['name']}.jsonl"
        path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
        paths.append(str(path))
    ws = Workspace.open(str(db_with_one_doc), "tester")
    with ws.engine.begin() as conn:  # a constraint only the second document's span breaks
        conn.execute(sql(
            "CREATE TRIGGER refuse_second BEFORE INSERT ON span "
            "WHEN (SELECT name FROM document WHERE id = NEW.document_id) = 'second' "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        ))
    ws.close()
    before = rows(db_with_one_doc)
    capsys.readouterr()
    assert run(db_with_one_doc, "--annotator", "importer", *paths) == 1
    err = capsys.readouterr().err
    assert "database: refused by the test; nothing was written" in err, err
    assert rows(db_with_one_doc) == before
    # without the trigger the same command stores both documents: the refusal was the store's
    ws = Workspace.open(str(db_with_one_doc), "tester")
    with ws.engine.begin() as conn:
        conn.execute(sql("DROP TRIGGER refuse_second"))
    ws.close()
    assert run(db_with_one_doc, "--annotator", "importer", *paths) == 0
    after = snapshot(db_with_one_doc)
    assert (after["document"], after["span"], after["relation"]) == (3, 3, 1)


def test_same_text_twice_is_one_document(
    tmp_path: Path, db_with_one_doc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARABIC, encoding="utf-8")
    b.write_text(ARABIC, encoding="utf-8")
    capsys.readouterr()
    assert run(db_with_one_doc, str(a), str(b)) == 0
    out = capsys.readouterr()
    assert "b: already present" in out.err
    assert snapshot(db_with_one_doc)["document"] == 2
    assert run(db_with_one_doc, str(a)) == 0
    assert snapshot(db_with_one_doc)["document"] == 2


JSONL_BAD = [
    ('{"text": "abc", "spans": [', "malformed JSON"),
    ('{"spans": []}', "no 'text'"),
    ('{"text": "abc", "spans": [{"start": 0, "end": 9, "label": "PER"}]}', "outside the text"),
    ('{"text": "abc", "spans": [{"start": 2, "end": 2, "label": "PER"}]}', "not before end"),
    ('{"text": "abc", "spans": [{"start": "0", "end": 2, "label": "PER"}]}', "must be an integer"),
    ('{"text": "abc", "spans": [{"start": 0.5, "end": 2, "label": "PER"}]}', "must be an integer"),
    ('{"text": "abc", "spans": [{"start": 0, "end": 2, "label": "HERO"}]}', "unknown label 'HERO'"),
]


@pytest.mark.parametrize(("line", "reason"), JSONL_BAD)
def test_bad_jsonl_names_the_line(
    tmp_path: Path,
    db_with_one_doc: Path,
    capsys: pytest.CaptureFixture[str],
    line: str,
    reason: str,
) -> None:
    f = tmp_path / "in.jsonl"
    good = json.dumps(
        {"text": ARABIC, "spans": [{"start": 4, "end": 10, "label": "PER"}]}, ensure_ascii=False
    )
    f.write_text(good + "\n\n" + line + "\n", encoding="utf-8")
    err = refused(db_with_one_doc, capsys, str(f))
    assert f"{f}:3:" in err and reason in err, err


def test_jsonl_and_doccano_forms_import_spans_and_links(
    tmp_path: Path, db_with_one_doc: Path
) -> None:
    p0 = ARABIC.index("فلاديمير")
    ours = {
        "text": ARABIC,
        "name": "ours",
        "spans": [
            {"start": p0, "end": p0 + 14, "label": "PER"},
            {
                "start": 0,
                "end": ARABIC.index("\n"),
                "label": "QUOTE",
                "layer": "quote",
                "attributes": {"direct": "indirect"},
            },
        ],
        "relations": [{"kind": "speaker", "head": 1, "tail": 0}],
    }
    doccano = {"text": "زار وزير الخارجية القاهرة أمس.", "label": [[18, 25, "GPE"]]}
    f = tmp_path / "in.jsonl"
    f.write_text(
        "\n".join(json.dumps(o, ensure_ascii=False) for o in (ours, doccano)), encoding="utf-8"
    )
    assert run(db_with_one_doc, str(f)) == 0
    ws = Workspace.open(str(db_with_one_doc), "tester")
    doc = ws.repo.find_document("ours")
    assert doc is not None
    spans = ws.repo.spans(doc)
    assert [(s.covered(ARABIC), s.label) for s in spans] == [
        (ARABIC[: ARABIC.index("\n")], "QUOTE"),
        ("فلاديمير بوتين", "PER"),
    ]
    [rel] = ws.repo.relations(doc)
    assert (rel.head, rel.tail) == (spans[0].uuid, spans[1].uuid)
    dd = ws.repo.find_document("in-2")
    assert dd is not None
    [gpe] = ws.repo.spans(dd)
    assert gpe.covered(ws.repo.document_text(dd)) == "القاهرة"
    # importing the same file again adds no document and no span
    before = snapshot(db_with_one_doc)
    assert run(db_with_one_doc, str(f)) == 0
    assert snapshot(db_with_one_doc) == before


def test_folder_import_and_missing_path(
    tmp_path: Path, db_with_one_doc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"doc{i}.txt").write_text(f"{ARABIC} {i}", encoding="utf-8")
    assert run(db_with_one_doc, str(folder)) == 0
    assert snapshot(db_with_one_doc)["document"] == 4
    err = refused(db_with_one_doc, capsys, str(tmp_path / "nope.txt"))
    assert "no such file" in err


def test_a_span_uuid_in_two_files_is_kept_once_and_reported(
    tmp_path: Path, db_with_one_doc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = "6f1d3c1e-8a57-4c55-9a51-0b7c2b8d1f00"
    for name, text in (("one", ARABIC), ("two", ARABIC + " ثانية")):
        line = {
            "text": text,
            "name": name,
            "spans": [{"start": 4, "end": 10, "label": "PER", "uuid": shared}],
        }
        (tmp_path / f"{name}.jsonl").write_text(
            json.dumps(line, ensure_ascii=False), encoding="utf-8"
        )
    capsys.readouterr()
    assert run(db_with_one_doc, str(tmp_path / "one.jsonl"), str(tmp_path / "two.jsonl")) == 0
    assert "1 span UUID(s) already used by another file" in capsys.readouterr().err
    assert snapshot(db_with_one_doc)["span"] == 1
