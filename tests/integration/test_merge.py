"""Merging a colleague's database or JSONL export: matched by text, never doubled or overwritten."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest
from helpers import review_db
from helpers.paths import SEEDS
from sqlalchemy import select
from sqlalchemy import text as sql
from test_cli import annotator

from annotator.core.adjudication import NEITHER
from annotator.core.errors import InputError
from annotator.core.model import Relation, Span, text_sha256
from annotator.storage import database
from annotator.storage.repository import SPAN
from annotator.workspace import Workspace
from annotator.workspace.merging import merge, read_source
from annotator.workspace.review import ReviewSession

TEXT = SEEDS[0].read_text(encoding="utf-8").replace("\r\n", "\n")
OTHER = SEEDS[1].read_text(encoding="utf-8").replace("\r\n", "\n")


def word(t: str, w: str) -> tuple[int, int]:
    i = t.index(w)
    return i, i + len(w)


def add_doc(ws: Workspace, name: str, text: str) -> int:
    return ws.repo.insert_document(name, text, text_sha256(text))


@pytest.fixture
def theirs(tmp_path: Path) -> tuple[Path, dict[str, Span]]:
    """Omar's database: the shared document, one only he has, a link and a status."""
    path = tmp_path / "omar.sqlite3"
    ws = Workspace.open(str(path), "omar")
    shared, own = add_doc(ws, "مقال", TEXT), add_doc(ws, "آخر", OTHER)
    s, e = word(TEXT, "بوتين")
    per = ws.repo.insert_span(shared, Span(s, e, "entity", "PER", annotator="omar"))
    quote = ws.repo.insert_span(shared, Span(0, 40, "quote", "QUOTE", annotator="omar"))
    ws.repo.insert_relation(shared, Relation("speaker", quote.uuid, per.uuid, annotator="omar"))
    other = ws.repo.insert_span(own, Span(0, 5, "claim", "CLAIM", annotator="omar"))
    ws.repo.set_status(shared, "done", "omar")
    ws.close()
    return path, {"per": per, "quote": quote, "other": other}


def fingerprint(path: Path) -> tuple[str, ...]:
    return tuple(
        hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.parent.glob(path.name + "*"))
    )


def test_merge_database_adds_documents_spans_links_statuses_once(
    workspace: Workspace, theirs: tuple[Path, dict[str, Span]]
) -> None:
    path, spans = theirs
    ours_doc = add_doc(workspace, "مقال محلي", TEXT)
    mine = workspace.repo.insert_span(ours_doc, Span(3, 9, "entity", "ORG"))
    before = fingerprint(path)

    report = merge(workspace, read_source(str(path), workspace.schema))
    assert report.documents_added == ["آخر"] and report.documents_matched == ["مقال"]
    assert (report.spans_added, report.spans_identical, report.conflicts) == (3, 0, [])
    assert (report.relations_added, report.statuses_added) == (1, 1)
    assert report.annotators_added == ["omar"]
    repo = workspace.repo
    assert sorted(s.uuid for s in repo.spans(ours_doc, "omar")) == sorted(
        (spans["per"].uuid, spans["quote"].uuid)
    )
    assert [r.head for r in repo.relations(ours_doc, "omar")] == [spans["quote"].uuid]
    assert repo.status(ours_doc, "omar") == "done"
    assert repo.get_span(mine.uuid) == mine  # ours untouched
    with workspace.engine.connect() as conn:  # rows written on the fast path read back typed
        created, attributes = conn.execute(
            select(SPAN.c.created, SPAN.c.attributes).where(SPAN.c.uuid == spans["per"].uuid)
        ).one()
    assert isinstance(created, datetime) and attributes == {}
    assert fingerprint(path) == before  # the colleague's file was not written to

    again = merge(workspace, read_source(str(path), workspace.schema))
    assert (again.spans_added, again.spans_identical, again.relations_added) == (0, 3, 0)
    assert again.documents_added == [] and again.statuses_added == 0
    assert repo.counts()["spans"] == 4


def test_conflicting_span_is_reported_and_ours_kept(
    workspace: Workspace, theirs: tuple[Path, dict[str, Span]]
) -> None:
    path, spans = theirs
    merge(workspace, read_source(str(path), workspace.schema))
    # we relabel omar's span here; his database still says PER
    uuid = spans["per"].uuid
    workspace.repo.update_span(spans["per"].with_changes(label="ORG"), expected_version=1)
    report = merge(workspace, read_source(str(path), workspace.schema))
    [conflict] = report.conflicts
    assert conflict.differs == ("label",)
    assert (conflict.ours.label, conflict.theirs.label) == ("ORG", "PER")
    assert workspace.repo.get_span(uuid).label == "ORG"
    assert report.spans_identical == 2


def test_merge_of_a_jsonl_export_via_the_cli(
    tmp_path: Path, theirs: tuple[Path, dict[str, Span]]
) -> None:
    path, spans = theirs
    export = tmp_path / "omar.jsonl"
    done = annotator("export", "--db", str(path), "--annotator", "omar", "--format", "jsonl",
                     "-o", str(export))
    assert done.returncode == 0, done.stderr
    ours = str(tmp_path / "ours.sqlite3")
    first = annotator("merge", "--db", ours, str(export), "--json")
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    assert (data["documents_added"], data["spans_added"], data["relations_added"]) == (2, 3, 1)
    second = json.loads(annotator("merge", "--db", ours, str(export), "--json").stdout)
    assert (second["spans_added"], second["spans_identical"]) == (0, 3)
    assert second["documents_matched"] == 2
    ws = Workspace.open(ours, "layla")
    doc = ws.repo.document_by_sha(text_sha256(TEXT))
    assert doc is not None
    assert {s.uuid for s in ws.repo.spans(doc, "omar")} == {spans["per"].uuid,
                                                           spans["quote"].uuid}
    ws.close()


def test_merge_cli_prints_counts_and_conflicts(
    tmp_path: Path, theirs: tuple[Path, dict[str, Span]]
) -> None:
    path, spans = theirs
    ours = tmp_path / "ours.sqlite3"
    first = annotator("merge", "--db", str(ours), str(path))
    assert first.returncode == 0, first.stderr
    assert "documents: 2 added, 0 matched" in first.stdout
    assert "spans: 3 added, 0 identical, 0 conflicting" in first.stdout
    ws = Workspace.open(str(ours), "layla")
    ws.repo.update_span(spans["quote"].with_changes(end=30), expected_version=1)
    ws.close()
    second = annotator("merge", "--db", str(ours), str(path))
    assert second.returncode == 0
    assert "1 conflicting" in second.stdout
    assert "conflict:" in second.stderr and "extent" in second.stderr


def test_an_older_database_is_read_from_an_upgraded_copy(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = database.create_db_engine(f"sqlite:///{path}")
    database.upgrade(engine, "0001")  # before statuses and provenance existed
    with engine.begin() as conn:
        conn.execute(sql("INSERT INTO project (id, name, created) VALUES (1, 'default', "
                         "CURRENT_TIMESTAMP)"))
        conn.execute(sql("INSERT INTO annotator (id, uuid, name, created) VALUES "
                         "(1, 'a-1', 'huda', CURRENT_TIMESTAMP)"))
        conn.execute(
            sql("INSERT INTO document (id, uuid, project_id, name, text, sha256, length, meta, "
                "created) VALUES (1, 'd-1', 1, 'قديم', :t, :h, :n, '{}', CURRENT_TIMESTAMP)"),
            {"t": OTHER, "h": text_sha256(OTHER), "n": len(OTHER)},
        )
        conn.execute(sql("INSERT INTO span (uuid, document_id, annotator_id, layer, label, "
                         "start, \"end\", attributes, created, updated, version) VALUES "
                         "('s-1', 1, 1, 'entity', 'LOC', 0, 4, '{}', CURRENT_TIMESTAMP, "
                         "CURRENT_TIMESTAMP, 1)"))
    engine.dispose()
    before = fingerprint(path)
    ws = Workspace.open(str(tmp_path / "ours.sqlite3"), "layla")
    report = merge(ws, read_source(str(path), ws.schema))
    assert (len(report.documents_added), report.spans_added) == (1, 1)
    assert ws.repo.get_span("s-1").annotator == "huda"
    assert fingerprint(path) == before
    check = database.create_db_engine(f"sqlite:///{path}")
    assert database.current_revision(check) == "0001"
    check.dispose()
    ws.close()


def test_something_else_is_refused_with_its_name(workspace: Workspace, tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes\.db"):
        read_source(str(junk), workspace.schema)
    proc = annotator("merge", "--db", str(tmp_path / "x.sqlite3"), str(junk))
    assert proc.returncode == 1 and "notes.db" in proc.stderr


@pytest.mark.postgres
def test_merge_into_postgres(pg_db_url: str, theirs: tuple[Path, dict[str, Span]]) -> None:
    path, spans = theirs
    ws = Workspace.open(pg_db_url, "layla")
    report = merge(ws, read_source(str(path), ws.schema))
    assert (report.spans_added, report.relations_added, report.statuses_added) == (3, 1, 1)
    again = merge(ws, read_source(str(path), ws.schema))
    assert (again.spans_added, again.spans_identical) == (0, 3)
    assert ws.repo.get_span(spans["per"].uuid).label == "PER"
    ws.close()


@pytest.mark.postgres
def test_review_decisions_merge_into_postgres(pg_db_url: str, curated: Path) -> None:
    ws = Workspace.open(pg_db_url, "layla")
    report = merge(ws, read_source(str(curated), ws.schema))
    assert (report.decisions.added, report.conflicts) == (2, [])
    doc = ws.repo.document_by_sha(text_sha256(review_db.TEXT))
    assert doc is not None
    assert ReviewSession(ws, doc, ["A", "B"]).decisions() == ["accept_a", "accept_b", NEITHER]
    again = merge(ws, read_source(str(curated), ws.schema))
    assert (again.decisions.added, again.decisions.identical) == (0, 2)
    ws.close()


def test_same_place_with_other_attributes_is_a_conflict_and_ours_kept(
    workspace: Workspace, theirs: tuple[Path, dict[str, Span]]
) -> None:
    path, spans = theirs
    doc = add_doc(workspace, "مقال", TEXT)
    per = spans["per"]
    # the same span of omar's, imported here under another uuid, with an attribute set
    mine = workspace.repo.insert_span(
        doc, per.with_changes(uuid="local-per", attributes={"certain": "no"})
    )
    report = merge(workspace, read_source(str(path), workspace.schema))
    [conflict] = report.conflicts
    assert conflict.differs == ("attributes",)
    assert (conflict.ours.uuid, conflict.theirs.uuid) == ("local-per", per.uuid)
    assert (conflict.ours.attributes, conflict.theirs.attributes) == ({"certain": "no"}, {})
    assert "attributes" in conflict.describe() and "local-per" in conflict.describe()
    assert workspace.repo.get_span("local-per") == mine  # ours kept, theirs not added
    assert {s.uuid for s in workspace.repo.spans(doc, "omar")} == {"local-per",
                                                                  spans["quote"].uuid}
    # omar's link to his span goes to ours
    assert [r.tail for r in workspace.repo.relations(doc, "omar")] == ["local-per"]
    assert (report.spans_added, report.spans_identical) == (2, 0)
    again = merge(workspace, read_source(str(path), workspace.schema))
    assert (again.spans_added, len(again.conflicts), again.relations_added) == (0, 1, 0)


def test_same_place_with_the_same_attributes_is_identical(
    workspace: Workspace, theirs: tuple[Path, dict[str, Span]]
) -> None:
    path, spans = theirs
    doc = add_doc(workspace, "مقال", TEXT)
    workspace.repo.insert_span(doc, spans["per"].with_changes(uuid="local-per"))
    report = merge(workspace, read_source(str(path), workspace.schema))
    assert (report.conflicts, report.spans_identical, report.spans_added) == ([], 1, 2)
    assert [r.tail for r in workspace.repo.relations(doc, "omar")] == ["local-per"]


@pytest.fixture
def curated(tmp_path: Path) -> Path:
    """A curator's database: two decisions that wrote no gold span, one that wrote one."""
    path = tmp_path / "curator.sqlite3"
    ws = Workspace.open(str(path), "huda")
    doc = review_db.seed(ws)
    session = ReviewSession(ws, doc, ["A", "B"])
    session.decide(0, "accept_a")  # only B drew 4-20: A was right, nothing there
    session.decide(1, "accept_b")  # LOC, a gold span
    session.decide(2, NEITHER)
    assert session.decisions() == ["accept_a", "accept_b", NEITHER]
    ws.close()
    return path


def test_review_decisions_are_merged_once(workspace: Workspace, curated: Path) -> None:
    report = merge(workspace, read_source(str(curated), workspace.schema))
    assert (report.decisions.added, report.decisions.identical) == (2, 0)
    assert "review decisions: 2 added, 0 conflicting" in report.summary()
    doc = workspace.repo.document_by_sha(text_sha256(review_db.TEXT))
    assert doc is not None
    session = ReviewSession(workspace, doc, ["A", "B"])
    assert session.decisions() == ["accept_a", "accept_b", NEITHER]
    assert {r.decided_by for r in session.records.decisions(doc)} == {"huda"}
    again = merge(workspace, read_source(str(curated), workspace.schema))
    assert (again.decisions.added, again.decisions.identical, again.decision_conflicts) == (
        0, 2, [],
    )
    assert len(session.records.decisions(doc)) == 2


def test_a_disagreement_decided_otherwise_here_is_a_conflict_and_ours_kept(
    workspace: Workspace, curated: Path
) -> None:
    merge(workspace, read_source(str(curated), workspace.schema))
    doc = workspace.repo.document_by_sha(text_sha256(review_db.TEXT))
    assert doc is not None
    session = ReviewSession(workspace, doc, ["A", "B"])
    session.decide(2, "accept_b")  # B drew nothing at بوتين: same outcome, another decision
    report = merge(workspace, read_source(str(curated), workspace.schema))
    [conflict] = report.decision_conflicts
    assert (conflict.ours.decision, conflict.theirs.decision) == ("accept_b", NEITHER)
    assert "ours kept" in conflict.describe()
    assert report.to_json()["decisions_conflicting"] == 1
    assert (report.decisions.added, report.decisions.identical) == (0, 1)
    assert session.decisions() == ["accept_a", "accept_b", "accept_b"]


def test_merge_cli_lists_decision_conflicts(tmp_path: Path, curated: Path) -> None:
    ours = tmp_path / "ours.sqlite3"
    assert annotator("merge", "--db", str(ours), str(curated)).returncode == 0
    ws = Workspace.open(str(ours), "layla")
    doc = ws.repo.document_by_sha(text_sha256(review_db.TEXT))
    assert doc is not None
    ReviewSession(ws, doc, ["A", "B"]).decide(0, NEITHER)
    ws.close()
    proc = annotator("merge", "--db", str(ours), str(curated))
    assert proc.returncode == 0
    assert "review decisions: 0 added, 1 conflicting" in proc.stdout
    assert "conflict:" in proc.stderr and "review decision" in proc.stderr
