"""Decisions that write no gold span ("neither") are kept in the database, not the session."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from annotator.core.adjudication import NEITHER
from annotator.core.commands import RelabelSpan
from annotator.core.errors import ConflictError
from annotator.core.model import GOLD, Span, text_sha256
from annotator.storage import database
from annotator.storage import models as m
from annotator.storage.adjudication import DecisionTable, ReviewSession
from annotator.storage.workspace import Workspace

TEXT = "قال الرئيس لوكاشينكو في موسكو إن بوتين وافق"
#       0   4     10        20 23   28  33   38


def sp(who: str, start: int, end: int, label: str = "PER") -> Span:
    return Span(start, end, "entity", label, annotator=who)


def seed(ws: Workspace) -> int:
    repo = ws.repo
    doc_id = repo.insert_document("خبر", TEXT, text_sha256(TEXT))
    repo.insert_spans(doc_id, [sp("A", 11, 20), sp("A", 24, 29, "GPE"), sp("A", 33, 38)])
    repo.insert_spans(doc_id, [sp("B", 11, 20), sp("B", 24, 29, "LOC"), sp("B", 4, 20)])
    return doc_id


@pytest.fixture
def doc(workspace: Workspace) -> int:
    return seed(workspace)


def reopened(db_path: Path, doc_id: int) -> list[str | None]:
    """The decisions as a review opened afresh on the file sees them."""
    ws = Workspace.open(str(db_path), "someone else")
    try:
        return ReviewSession(ws, doc_id, ["A", "B"]).decisions()
    finally:
        ws.close()


def test_neither_is_still_decided_after_reopening(
    workspace: Workspace, doc: int, db_path: Path
) -> None:
    session = ReviewSession(workspace, doc, ["A", "B"], curator="cur")
    session.prefill()
    session.decide(2, NEITHER)  # A's بوتين: not an entity after all
    assert reopened(db_path, doc) == [None, None, NEITHER]
    [record] = DecisionTable(workspace.repo).decisions(doc)
    assert (record.decision, record.decided_by, record.layer) == (NEITHER, "cur", "entity")
    assert (record.start, record.end) == (33, 38)
    assert record.key == session.disagreements[2].key()
    assert set(record.spans) == session.disagreements[2].uuids()


def test_neither_is_undone_redone_and_replaced_like_other_decisions(
    workspace: Workspace, doc: int, db_path: Path
) -> None:
    session = ReviewSession(workspace, doc, ["A", "B"])
    session.decide(1, "accept_a")
    session.decide(1, NEITHER)  # replaces the accepted GPE
    assert reopened(db_path, doc) == [None, NEITHER, None]
    assert [s.start for s in workspace.repo.spans(doc, GOLD)] == []
    workspace.history.undo()
    assert reopened(db_path, doc) == [None, "accept_a", None]
    assert DecisionTable(workspace.repo).decisions(doc) == []
    workspace.history.redo()
    assert reopened(db_path, doc) == [None, NEITHER, None]
    # a later decision on it replaces the record, and undo brings the record back
    session.decide(1, "accept_b")
    assert reopened(db_path, doc) == [None, "accept_b", None]
    assert DecisionTable(workspace.repo).decisions(doc) == []
    workspace.history.undo()
    assert reopened(db_path, doc) == [None, NEITHER, None]


def test_a_disagreement_an_annotator_changed_is_open_again(
    workspace: Workspace, doc: int, db_path: Path
) -> None:
    session = ReviewSession(workspace, doc, ["A", "B"])
    session.decide(1, NEITHER)
    session.decide(0, NEITHER)
    [b_loc] = [s for s in workspace.repo.spans(doc, "B") if s.label == "LOC"]
    workspace.do(RelabelSpan(b_loc.uuid, "FAC"))  # B changes their mind about موسكو
    assert reopened(db_path, doc) == [NEITHER, None, None]


def test_a_second_record_for_one_disagreement_is_refused(workspace: Workspace, doc: int) -> None:
    session = ReviewSession(workspace, doc, ["A", "B"])
    session.decide(0, NEITHER)
    [first] = session.records.decisions(doc)
    again = first.__class__(first.key, "entity", 4, 20, first.spans, NEITHER, "other")
    with pytest.raises(ConflictError, match="decided elsewhere"):
        with workspace.repo.transaction():
            session.records.insert_decision(doc, again)
    assert session.records.decisions(doc) == [first]


def test_a_deleted_document_takes_its_decisions_along(workspace: Workspace, doc: int) -> None:
    ReviewSession(workspace, doc, ["A", "B"]).decide(0, NEITHER)
    with workspace.engine.begin() as conn:
        conn.execute(text("DELETE FROM document WHERE id = :d"), {"d": doc})
        assert conn.execute(text("SELECT count(*) FROM review_decision")).scalar() == 0


def test_model_matches_the_migration(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), m.Base.metadata)
    assert [d for d in diffs if "review_decision" in repr(d)] == []


def fill_at_0002(engine: object) -> None:
    """A file as release 0002 wrote it: a reviewed document with a gold span."""
    with engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(text("INSERT INTO project (id, name, created) VALUES (1, 'default', :t)"),
                     {"t": "2026-01-01"})
        for aid, name in ((1, "A"), (2, "B"), (3, GOLD)):
            conn.execute(
                text("INSERT INTO annotator (id, uuid, name, created) VALUES (:i, :u, :n, :t)"),
                {"i": aid, "u": f"u{aid}", "n": name, "t": "2026-01-01"},
            )
        conn.execute(
            text(
                "INSERT INTO document (id, uuid, project_id, name, text, sha256, length, meta,"
                " created) VALUES (1, 'd1', 1, 'خبر', :x, :h, :n, '{}', '2026-01-01')"
            ),
            {"x": TEXT, "h": text_sha256(TEXT), "n": len(TEXT)},
        )
        rows = [("a1", 1, 11, 20, "PER", None), ("b1", 2, 11, 20, "PER", None),
                ("a2", 1, 33, 38, "PER", None),
                ("g1", 3, 11, 20, "PER",
                 '{"decision": "auto_accepted", "source_spans": ["a1", "b1"]}')]
        for uuid, aid, start, end, label, prov in rows:
            conn.execute(
                text(
                    'INSERT INTO span (uuid, document_id, annotator_id, layer, label, start, "end",'
                    " attributes, provenance, created, updated, version) VALUES"
                    " (:u, 1, :a, 'entity', :l, :s, :e, '{}', :p, '2026-01-01', '2026-01-01', 1)"
                ),
                {"u": uuid, "a": aid, "l": label, "s": start, "e": end, "p": prov},
            )
        conn.execute(
            text(
                "INSERT INTO document_status (document_id, annotator_id, status, updated)"
                " VALUES (1, 3, 'in_progress', '2026-01-01')"
            )
        )


def check_upgraded(url: str) -> None:
    ws = Workspace.open(url, "cur")
    try:
        assert database.current_revision(ws.engine) == "0003"
        assert "review_decision" in inspect(ws.engine).get_table_names()
        assert sorted(s.uuid for s in ws.repo.spans(1, all_annotators=True)) == [
            "a1", "a2", "b1", "g1"
        ]
        assert ws.repo.span_provenance("g1") == {
            "decision": "auto_accepted", "source_spans": ["a1", "b1"]
        }
        assert ws.repo.status(1, GOLD) == "in_progress"
        session = ReviewSession(ws, 1, ["A", "B"])
        assert session.prefill() == 0  # the 0002 review goes on, it does not start over
        assert session.decisions() == [None]
        session.decide(0, NEITHER)
    finally:
        ws.close()
    again = Workspace.open(url, "cur")
    try:
        assert ReviewSession(again, 1, ["A", "B"]).decisions() == [NEITHER]
    finally:
        again.close()


def test_a_0002_file_is_upgraded_with_its_review_kept(db_path: Path) -> None:
    url = database.resolve_url(str(db_path))
    engine = database.create_db_engine(url)
    database.upgrade(engine, "0002")
    fill_at_0002(engine)
    engine.dispose()
    check_upgraded(url)


def test_downgrade_to_0002_drops_only_the_decisions(db_path: Path) -> None:
    ws = Workspace.open(str(db_path), "cur")
    doc = seed(ws)
    ReviewSession(ws, doc, ["A", "B"]).decide(0, NEITHER)
    ws.close()
    engine = database.create_db_engine(database.resolve_url(str(db_path)))
    cfg = database.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    assert database.current_revision(engine) == "0002"
    assert "review_decision" not in inspect(engine).get_table_names()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM span")).scalar() == 6
    engine.dispose()
