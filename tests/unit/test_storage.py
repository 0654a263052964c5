"""SQLite storage: migrations on open, pragmas, indexes, the default location, two writers."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from annotator.core.model import Span
from annotator.storage import database
from annotator.storage.repository import Repository
from annotator.workspace import Workspace


def test_schema_head_constant_matches_the_migrations() -> None:
    assert database.head_revision() == database.SCHEMA_HEAD


def test_new_file_is_migrated_to_head(db_path: Path) -> None:
    engine = database.open_engine(str(db_path))
    assert database.current_revision(engine) == database.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"project", "annotator", "document", "span", "relation", "document_status"} <= tables
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_older_file_is_upgraded_in_place_not_rebuilt(db_path: Path) -> None:
    engine = database.create_db_engine(database.resolve_url(str(db_path)))
    database.upgrade(engine, "0001")  # the file as the first release wrote it
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO project (id, name, created) VALUES (1, 'default', '2026-01-01')")
        )
        conn.execute(
            text(
                "INSERT INTO annotator (id, uuid, name, created)"
                " VALUES (1, 'u1', 'old', '2026-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO document (id, uuid, project_id, name, text, sha256, length, meta,"
                " created)"
                " VALUES (1, 'd1', 1, 'قديم', 'نص قديم', 'abc', 7, '{}', '2026-01-01')"
            )
        )
        conn.execute(
            text(
                'INSERT INTO span (uuid, document_id, annotator_id, layer, label, start, "end",'
                " attributes, created, updated, version)"
                " VALUES ('s1', 1, 1, 'entity', 'LOC', 0, 2, '{}', '2026-01-01', '2026-01-01', 1)"
            )
        )
    engine.dispose()
    assert "provenance" not in {c["name"] for c in inspect(engine).get_columns("span")}

    ws = Workspace.open(str(db_path), "old")
    assert database.current_revision(ws.engine) == database.head_revision()
    assert [(s.uuid, s.label) for s in ws.repo.spans(1)] == [("s1", "LOC")]
    assert ws.repo.document_text(1) == "نص قديم"
    assert ws.repo.span_provenance("s1") is None
    ws.close()


def test_spans_of_a_document_use_the_index(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT * FROM span WHERE document_id = 1 "
                "AND annotator_id = 1 ORDER BY start"
            )
        )
    assert "ix_span_doc_annotator_start" in plan, plan


def test_default_database_lives_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    assert (
        database.resolve_url()
        == f"sqlite:///{tmp_path / 'data' / 'annotator' / 'annotator.sqlite3'}"
    )
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "env.db"))
    assert database.resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert database.resolve_url(str(tmp_path / "flag.db")).endswith("flag.db")
    assert database.resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_foreign_keys_cascade_relations_with_spans(workspace: Workspace) -> None:
    from annotator.core.model import Relation

    repo = workspace.repo
    doc = repo.insert_document("d", "abc def", "sha")
    q = repo.insert_span(doc, Span(0, 3, "quote", "QUOTE"))
    e = repo.insert_span(doc, Span(4, 7, "entity", "PER"))
    repo.insert_relation(doc, Relation("speaker", q.uuid, e.uuid))
    with workspace.engine.begin() as conn:
        conn.execute(text("DELETE FROM span WHERE uuid = :u"), {"u": e.uuid})
    assert repo.relations(doc) == []


def test_two_writers_wait_instead_of_failing(db_path: Path) -> None:
    """Two processes' worth of engines writing at once: BEGIN IMMEDIATE + busy timeout."""
    Workspace.open(str(db_path), "a").close()
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            engine = database.open_engine(str(db_path))
            repo = Repository(engine, name)
            doc = repo.document_by_sha("shared") or 0
            for i in range(40):
                with repo.transaction():
                    # read-then-write: a deferred transaction would fail with "locked" here
                    found = repo.document_by_sha("shared")
                    if found is None:
                        doc = repo.insert_document("shared", "x" * 100, "shared")
                    else:
                        doc = found
                    repo.insert_span(doc, Span(i, i + 1, "entity", "PER"))
            engine.dispose()
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    check = create_engine(database.resolve_url(str(db_path)))
    with check.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM span")).scalar() == 80
        assert conn.execute(text("SELECT count(*) FROM document")).scalar() == 1


def test_a_rolled_back_annotator_is_not_remembered(db_path: Path) -> None:
    """An import that fails after creating its annotator must not leave a stale cached id that
    the next new annotator's rows would then be filed under."""
    ws = Workspace.open(str(db_path), "first")
    repo = ws.repo
    doc = repo.insert_document("d", "نص قصير جدا", "sha")
    with pytest.raises(RuntimeError, match=r"^the import failed half way$"), repo.transaction():
        repo.insert_span(doc, Span(0, 2, "entity", "PER", annotator="bob"))
        raise RuntimeError("the import failed half way")
    other = Repository(ws.engine, "carol")
    carol_id = other.annotator_id("carol")  # SQLite may reuse bob's rolled-back id
    repo.insert_span(doc, Span(3, 7, "entity", "LOC", annotator="bob"))
    assert [s.label for s in repo.spans(doc, "carol")] == []
    assert [s.label for s in repo.spans(doc, "bob")] == ["LOC"]
    assert repo.annotator_id("bob") != carol_id
    ws.close()


def test_reading_creates_nothing(db_path: Path) -> None:
    ws = Workspace.open(str(db_path), "reader")
    doc = ws.repo.insert_document("d", "نص", "sha")
    assert ws.repo.list_documents("nobody")[0].span_count == 0
    assert ws.repo.spans(doc, "nobody") == []
    assert ws.repo.status(doc, "nobody") == "new"
    with ws.engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM annotator"))]
    assert "nobody" not in names
    ws.close()


def test_reads_do_not_wait_for_a_writer_in_another_process(db_path: Path) -> None:
    """A long import holds the write lock; `annotator show` in another process still works."""
    import subprocess
    import sys

    ws = Workspace.open(str(db_path), "writer")
    ws.repo.insert_document("shown", "نص يقرأ أثناء الكتابة", "sha-shown")
    with ws.repo.transaction():
        ws.repo.insert_document("pending", "نص لم يحفظ بعد", "sha-pending")  # write lock held
        proc = subprocess.run(
            [sys.executable, "-m", "annotator.cli", "show", "shown", "--db", str(db_path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 0, proc.stderr
    assert "نص يقرأ أثناء الكتابة" in proc.stdout
    ws.close()
