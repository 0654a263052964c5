"""The command line as users and scripts call it: real subprocesses, exit codes, no Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.paths import ROOT, SEEDS

NOQT = ROOT / "tests" / "helpers" / "noqt"


def annotator(
    *args: str, env_extra: dict[str, str] | None = None, no_qt: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **(env_extra or {})}
    if no_qt:
        env["PYTHONPATH"] = os.pathsep.join([str(NOQT), env.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "annotator.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_the_blocker_really_blocks_qt() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "import PySide6"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(NOQT)},
    )
    assert proc.returncode != 0 and "blocked: no Qt here" in proc.stderr


def test_import_show_stats_check_work_without_qt(tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite3")
    imp = annotator("import", "--db", db, *map(str, SEEDS), no_qt=True)
    assert imp.returncode == 0, imp.stderr
    assert "imported 2 document(s)" in imp.stdout
    for cmd in (
        ["show", SEEDS[0].stem],
        ["show", SEEDS[0].stem, "--visual"],
        ["stats"],
        ["check"],
        ["stats", "--json"],
    ):
        proc = annotator(*cmd, "--db", db, no_qt=True)
        assert proc.returncode == 0, (cmd, proc.stderr)
    shown = annotator("show", SEEDS[0].stem, "--db", db, no_qt=True).stdout
    assert "ووفقًا لوكالة إنترفاكس" in shown  # logical order, real letters
    visual = annotator("show", SEEDS[0].stem, "--visual", "--db", db, no_qt=True).stdout
    # visual mode: presentation forms, reordered for terminals that cannot shape
    assert any("\ufe70" <= ch <= "\ufeff" for ch in visual)
    assert "ووفقًا لوكالة" not in visual


def test_seeds_are_stored_byte_for_byte(tmp_path: Path) -> None:
    from annotator.workspace import Workspace

    db = str(tmp_path / "db.sqlite3")
    assert annotator("import", "--db", db, *map(str, SEEDS)).returncode == 0
    ws = Workspace.open(db, "tester")
    for seed in SEEDS:
        raw = seed.read_bytes()
        expected = raw.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        doc = ws.repo.find_document(seed.stem)
        assert doc is not None
        assert ws.repo.document_text(doc).encode("utf-8") == expected
    ws.close()


def test_exit_codes(tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite3")
    assert annotator("--version").returncode == 0
    usage = annotator("import", "--db", db)  # no PATH
    assert usage.returncode == 2 and "usage:" in usage.stderr
    assert annotator("frobnicate", "--db", db).returncode == 2
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    proc = annotator("import", "--db", db, str(bad))
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"annotator: error: {bad}: the file is empty"
    missing = annotator("show", "nothing-here", "--db", db)
    assert missing.returncode == 1 and "no document named 'nothing-here'" in missing.stderr


def test_db_and_annotator_from_environment(tmp_path: Path) -> None:
    db = str(tmp_path / "env.sqlite3")
    env = {"ANNOTATOR_DB": db, "ANNOTATOR_NAME": "layla"}
    assert annotator("import", str(SEEDS[0]), env_extra=env).returncode == 0
    assert Path(db).exists()
    stats = annotator("stats", env_extra=env)
    assert "status (layla)" in stats.stdout


def test_importing_cli_does_not_import_qt() -> None:
    code = (
        "import sys, annotator.cli; annotator.cli.build_parser(); print('PySide6' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.strip() == "False", proc.stderr


def test_check_reports_a_corrupted_span(tmp_path: Path) -> None:
    from sqlalchemy import text

    from annotator.workspace import Workspace

    db = str(tmp_path / "db.sqlite3")
    assert annotator("import", "--db", db, str(SEEDS[0])).returncode == 0
    ws = Workspace.open(db, "tester")
    aid = ws.repo.annotator_id()
    with ws.engine.begin() as conn:
        conn.execute(
            text(
                'INSERT INTO span (uuid, document_id, annotator_id, layer, label, start, "end",'
                f" attributes, created, updated, version) VALUES ('bad', 1, {aid}, 'entity', 'PER',"
                " 10, 999999, '{}', '2026-01-01', '2026-01-01', 1)"
            )
        )
    ws.close()
    proc = annotator("check", "--db", db)
    assert proc.returncode == 1 and "span bad" in proc.stderr and "outside the text" in proc.stderr


def test_unit_tests_pass_without_qt() -> None:
    """The non-GUI tests (unit and integration) pass where importing PySide6 fails."""
    env = {**os.environ, "PYTHONPATH": str(NOQT)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-c",
            str(NOQT / "pytest.ini"),
            "--rootdir",
            str(ROOT),
            "--confcutdir",
            str(ROOT),
            "tests/unit",
            "-x",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert " passed" in proc.stdout


def test_gui_is_the_default_command() -> None:
    from annotator.cli import _needs_default_command

    assert _needs_default_command([])
    assert _needs_default_command(["--db", "x.db", "--open", "import"])
    assert _needs_default_command(["--open=doc", "--annotator", "show"])
    assert not _needs_default_command(["--db", "x.db", "import", "a.txt"])
    assert not _needs_default_command(["--version"])


def test_a_database_refusal_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from sqlalchemy.exc import OperationalError

    from annotator import cli
    from annotator.clicmd import stats

    def locked(args: object) -> int:
        raise OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))

    monkeypatch.setattr(stats, "run", locked)
    assert cli.main(["stats", "--db", str(tmp_path / "db.sqlite3")]) == 1
    err = capsys.readouterr().err
    assert err == "annotator: error: database: database is locked; nothing was written\n"


def test_a_name_of_wildcards_is_not_a_sha_prefix(tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite3")
    assert annotator("import", "--db", db, str(SEEDS[0])).returncode == 0
    proc = annotator("show", "______", "--db", db)
    assert proc.returncode == 1 and "no document named '______'" in proc.stderr
    sha_prefix = (
        __import__("hashlib").sha256(SEEDS[0].read_bytes().replace(b"\r\n", b"\n")).hexdigest()[:8]
    )
    assert annotator("show", sha_prefix, "--db", db).returncode == 0


def test_a_folder_of_conll_txt_files_imports_with_format_conll(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("محمد B-PER\nفي O\nبغداد B-GPE\n", encoding="utf-8")
    (folder / "b.conll").write_text("زار O\nعلي B-PER\n", encoding="utf-8")
    db = str(tmp_path / "db.sqlite3")
    proc = annotator("import", "--db", db, "--format", "conll", str(folder))
    assert proc.returncode == 0, proc.stderr
    assert "imported 2 document(s), 3 span(s)" in proc.stdout
