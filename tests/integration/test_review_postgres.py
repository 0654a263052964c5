"""Review decisions and the 0003 migration on a team's PostgreSQL server."""

from __future__ import annotations

import pytest
from helpers.review_db import check_upgraded, fill_at_0002, reopened_url, seed

from annotator.core.adjudication import NEITHER, DecisionRecord
from annotator.core.errors import ConflictError
from annotator.storage import database
from annotator.workspace import Workspace
from annotator.workspace.review import ReviewSession

pytestmark = pytest.mark.postgres


def test_neither_is_kept_and_undone_on_postgres(pg_db_url: str) -> None:
    ws = Workspace.open(pg_db_url, "cur")
    doc = seed(ws)
    session = ReviewSession(ws, doc, ["A", "B"])
    session.decide(2, NEITHER)
    assert reopened_url(pg_db_url, doc) == [None, None, NEITHER]
    session.decide(2, "accept_a")
    assert reopened_url(pg_db_url, doc) == [None, None, "accept_a"]
    ws.undo()
    assert reopened_url(pg_db_url, doc) == [None, None, NEITHER]
    ws.undo()
    assert reopened_url(pg_db_url, doc) == [None, None, None]
    ws.close()


def test_a_0002_database_is_upgraded_on_postgres(pg_db_url: str) -> None:
    engine = database.create_db_engine(pg_db_url)
    database.upgrade(engine, "0002")
    doc_id = fill_at_0002(engine)
    engine.dispose()
    check_upgraded(pg_db_url, doc_id)


def test_a_disagreement_decided_elsewhere_is_refused_on_postgres(pg_db_url: str) -> None:
    """Two curators on two machines: the second record of one disagreement is a conflict, and
    the transaction it ran in is still usable (a savepoint took the failed insert back)."""
    ws = Workspace.open(pg_db_url, "cur")
    doc = seed(ws)
    session = ReviewSession(ws, doc, ["A", "B"])
    session.decide(0, NEITHER)
    [first] = session.records.decisions(doc)
    again = DecisionRecord(first.key, "entity", 4, 20, first.spans, NEITHER, "other")
    with ws.repo.transaction():
        with pytest.raises(ConflictError, match="decided elsewhere"):
            session.records.insert_decision(doc, again)
        assert session.records.decisions(doc) == [first]
    ws.close()
