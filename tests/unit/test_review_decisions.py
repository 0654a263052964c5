"""Decisions that write no gold span ("neither") are kept in the database, not the session."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from helpers.review_db import check_upgraded, fill_at_0002, reopened_url, seed
from sqlalchemy import inspect, text

from annotator.core.adjudication import NEITHER, DecisionRecord
from annotator.core.commands import RelabelSpan
from annotator.core.errors import ConflictError
from annotator.core.model import GOLD
from annotator.storage import database, tables
from annotator.storage.adjudication import DecisionTable
from annotator.workspace import Workspace
from annotator.workspace.review import ReviewSession


@pytest.fixture
def doc(workspace: Workspace) -> int:
    return seed(workspace)


def reopened(db_path: Path, doc_id: int) -> list[str | None]:
    """The decisions as a review opened afresh on the file sees them."""
    return reopened_url(str(db_path), doc_id)


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
    workspace.undo()
    assert reopened(db_path, doc) == [None, "accept_a", None]
    assert DecisionTable(workspace.repo).decisions(doc) == []
    workspace.redo()
    assert reopened(db_path, doc) == [None, NEITHER, None]
    # a later decision on it replaces the record, and undo brings the record back
    session.decide(1, "accept_b")
    assert reopened(db_path, doc) == [None, "accept_b", None]
    assert DecisionTable(workspace.repo).decisions(doc) == []
    workspace.undo()
    assert reopened(db_path, doc) == [None, NEITHER, None]


def test_a_disagreement_an_annotator_changed_is_open_again(
    workspace: Workspace, doc: int, db_path: Path
) -> None:
    session = ReviewSession(workspace, doc, ["A", "B"])
    session.decide(1, NEITHER)
    session.decide(0, NEITHER)
    [b_loc] = [s for s in workspace.repo.spans(doc, "B") if s.label == "LOC"]
    workspace.execute(RelabelSpan(b_loc.uuid, "FAC"))  # B changes their mind about موسكو
    assert reopened(db_path, doc) == [NEITHER, None, None]


def test_a_second_record_for_one_disagreement_is_refused(workspace: Workspace, doc: int) -> None:
    session = ReviewSession(workspace, doc, ["A", "B"])
    session.decide(0, NEITHER)
    [first] = session.records.decisions(doc)
    again = DecisionRecord(first.key, "entity", 4, 20, first.spans, NEITHER, "other")
    with pytest.raises(ConflictError, match="decided elsewhere"), workspace.repo.transaction():
        session.records.insert_decision(doc, again)
    assert session.records.decisions(doc) == [first]


def test_a_deleted_document_takes_its_decisions_along(workspace: Workspace, doc: int) -> None:
    ReviewSession(workspace, doc, ["A", "B"]).decide(0, NEITHER)
    with workspace.engine.begin() as conn:
        conn.execute(text("DELETE FROM document WHERE id = :d"), {"d": doc})
        assert conn.execute(text("SELECT count(*) FROM review_decision")).scalar() == 0


def test_model_matches_the_migration(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), tables.metadata)
    assert diffs == []  # the Core tables and the migrations declare the same schema


def test_a_0002_file_is_upgraded_with_its_review_kept(db_path: Path) -> None:
    url = database.resolve_url(str(db_path))
    engine = database.create_db_engine(url)
    database.upgrade(engine, "0002")
    doc_id = fill_at_0002(engine)
    engine.dispose()
    check_upgraded(url, doc_id)


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


def test_accepting_the_side_that_drew_nothing_stays_decided(
    workspace: Workspace, doc: int, db_path: Path
) -> None:
    session = ReviewSession(workspace, doc, ["A", "B"], curator="cur")
    assert session.disagreements[0].of("A") == ()  # only B drew 4-20
    session.decide(0, "accept_b")
    assert [s.start for s in workspace.repo.spans(doc, GOLD)] == [4]
    session.decide(0, "accept_a")  # A was right: nothing there
    assert session.decision_of(session.disagreements[0]) == "accept_a"
    assert workspace.repo.spans(doc, GOLD) == []
    assert reopened(db_path, doc) == ["accept_a", None, None]
    [record] = DecisionTable(workspace.repo).decisions(doc)
    assert (record.decision, record.decided_by) == ("accept_a", "cur")
    # undo brings back B's span and drops the record; redo decides it again
    workspace.undo()
    assert reopened(db_path, doc) == ["accept_b", None, None]
    assert DecisionTable(workspace.repo).decisions(doc) == []
    workspace.redo()
    assert reopened(db_path, doc) == ["accept_a", None, None]
    # and a later decision that writes a span replaces the record
    session.decide(0, "both")
    assert reopened(db_path, doc) == ["both", None, None]
    assert DecisionTable(workspace.repo).decisions(doc) == []
