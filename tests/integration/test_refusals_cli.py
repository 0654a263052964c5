"""Faults that ended in a traceback, now one-line refusals through the command line: exit 1,
``annotator: error: FILE[:LINE]: why`` on stderr, no "Traceback" (issue 11, item 7)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ENV = {**os.environ, "ANNOTATOR_NAME": "tester"}
TEXT = "قالَ الرئيسُ بوتين في موسكـــو يوم ١٢ \u200fمع Gazprom 🙂"


def cli(*args: str | bytes, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "annotator.cli", *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True, errors="replace", timeout=120)


def refused(proc: subprocess.CompletedProcess[str], *words: str) -> str:
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("annotator: error: "), proc.stderr[-3000:]
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_json_nested_3000_deep(tmp_path: Path) -> None:
    line = json.dumps({"text": TEXT, "spans": []})[:-1] + ', "meta": ' + "[" * 3000 + "]" * 3000
    (tmp_path / "deep.jsonl").write_text('{"text": "x"}\n' + line + "}\n", encoding="utf-8")
    refused(cli("--db", "a.db", "import", "deep.jsonl", cwd=tmp_path), "deep.jsonl:2:",
            "nested too deeply")


def test_an_integer_of_5000_digits(tmp_path: Path) -> None:
    digits = "7" * 5000
    (tmp_path / "big.jsonl").write_text(
        f'{{"text": "{TEXT}", "spans": [{{"start": {digits}, "end": 3, "label": "PER"}}]}}\n',
        encoding="utf-8")
    refused(cli("--db", "a.db", "import", "big.jsonl", cwd=tmp_path), "big.jsonl:1:",
            "5,000 digits")
    # Label Studio reads the whole file: the line is found all the same
    (tmp_path / "ls.json").write_text('[\n{"data": {"text": "x"},\n "id": %s}]' % ("1" * 5000),
                                      encoding="utf-8")
    refused(cli("--db", "a.db", "import", "--format", "label-studio", "ls.json", cwd=tmp_path),
            "ls.json:3:", "5,000 digits")


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = b"\xd9\x86\xff.txt"  # ن then a byte that starts no UTF-8 character
    with open(os.path.join(os.fsencode(tmp_path), name), "wb") as f:
        f.write(TEXT.encode())
    line = refused(cli("--db", "a.db", "import", os.fsdecode(name), cwd=tmp_path),
                   "not valid UTF-8")
    assert "\\xff" in line, line


def test_a_50_mb_unknown_tag_is_cut_in_the_message(tmp_path: Path) -> None:
    tag = "B-" + "X" * (50 * 1024 * 1024)
    (tmp_path / "big.conll").write_text(f"بوتين\t{tag}\nقال\tO\n", encoding="utf-8")
    line = refused(cli("--db", "a.db", "import", "big.conll", cwd=tmp_path), "big.conll:1:",
                   "tags outside the schema", "cut")
    assert len(line) < 2_000


def test_a_brat_export_of_a_name_over_255_bytes(tmp_path: Path) -> None:
    long = "تقرير_موسكـــو_" * 20  # 30 bytes each, 600 in all
    rows = [{"text": f"{TEXT} {i}", "meta": {"name": long},
             "spans": [{"start": 13, "end": 18, "label": "PER"}]} for i in range(2)]
    (tmp_path / "long.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert cli("--db", "a.db", "import", "long.jsonl", cwd=tmp_path).returncode == 0
    proc = cli("--db", "a.db", "export", "--format", "brat", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.count("shortened") == 2, proc.stderr
    anns = sorted((tmp_path / "out").glob("*.ann"))
    assert len(anns) == 2  # two documents of one name: two files still
    assert all(len(p.name.encode()) <= 255 for p in anns)
    assert all(p.with_suffix(".txt").read_text(encoding="utf-8").startswith(TEXT) for p in anns)


def test_another_programs_sqlite_file_is_not_written(tmp_path: Path) -> None:
    other = tmp_path / "photos.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO album (title) VALUES ('رحلة')")
    conn.close()
    before = other.read_bytes()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    refused(cli("--db", str(other), "import", "a.txt", cwd=tmp_path), "photos.db",
            "another program's database", "nothing was written")
    assert other.read_bytes() == before
    (tmp_path / "notes.db").write_text("not a database at all\n", encoding="utf-8")
    refused(cli("--db", "notes.db", "stats", cwd=tmp_path), "notes.db", "not an SQLite")
    (tmp_path / "empty.db").touch()  # an empty file is ours to fill
    assert cli("--db", "empty.db", "import", "a.txt", cwd=tmp_path).returncode == 0


@pytest.fixture
def read_only_db(tmp_path: Path) -> Iterator[Path]:
    """A database of ours with two annotators' spans, that this user may not write (root
    writes through permission bits: the file is made immutable instead)."""
    db = tmp_path / "ro.sqlite3"
    rows = [{"text": TEXT, "meta": {"name": "d"}, "annotator": who,
             "spans": [{"start": 13, "end": 18, "label": label}]}
            for who, label in (("alice", "PER"), ("bob", "ORG"))]
    (tmp_path / "two.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for who in ("alice", "bob"):
        proc = cli("--db", str(db), "import", "two.jsonl", "--annotator", who, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
    root = os.geteuid() == 0
    if root:
        subprocess.run(["chattr", "+i", str(db)], check=True)
    else:
        db.chmod(0o444)
    yield db
    if root:
        subprocess.run(["chattr", "-i", str(db)], check=True)


def test_a_read_only_database_opens_read_only(read_only_db: Path, tmp_path: Path) -> None:
    before = read_only_db.read_bytes()
    db = str(read_only_db)
    for args in (("stats",), ("check",), ("agree",), ("show", "d"),
                 ("export", "--format", "jsonl", "-o", "out.jsonl")):
        proc = cli("--db", db, *args, cwd=tmp_path)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, (args, proc.stderr)
    assert "بوتين" in (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT + " جديد", encoding="utf-8")
    refused(cli("--db", db, "import", "a.txt", cwd=tmp_path), "read-only")
    refused(cli("--db", db, "merge", "out.jsonl", cwd=tmp_path), "read-only")
    assert read_only_db.read_bytes() == before
