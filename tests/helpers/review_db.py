"""A small reviewed document, and a database as schema 0002 left it, for the review tests.

Shared by tests/unit (SQLite) and tests/integration (PostgreSQL).
"""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

from annotator.core.adjudication import NEITHER
from annotator.core.model import GOLD, Span, text_sha256
from annotator.storage import database
from annotator.workspace import Workspace
from annotator.workspace.review import ReviewSession

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


def reopened_url(url: str, doc_id: int) -> list[str | None]:
    ws = Workspace.open(url, "someone else")
    try:
        return ReviewSession(ws, doc_id, ["A", "B"]).decisions()
    finally:
        ws.close()


def fill_at_0002(engine: Engine) -> int:
    """A database as release 0002 wrote it: a document under review with a gold span.

    Ids come from the database (explicit ones would leave PostgreSQL's sequences behind).
    Returns the document's id.
    """
    ann = "(SELECT id FROM annotator WHERE name = :who)"
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO project (name, created) VALUES ('default', :t)"),
                     {"t": "2026-01-01"})
        for name in ("A", "B", GOLD):
            conn.execute(
                text("INSERT INTO annotator (uuid, name, created) VALUES (:u, :n, :t)"),
                {"u": f"u-{name}", "n": name, "t": "2026-01-01"},
            )
        conn.execute(
            text(
                "INSERT INTO document (uuid, project_id, name, text, sha256, length, meta,"
                " created) SELECT 'd1', id, 'خبر', :x, :h, :n, '{}', '2026-01-01' FROM project"
            ),
            {"x": TEXT, "h": text_sha256(TEXT), "n": len(TEXT)},
        )
        doc_id = int(conn.execute(text("SELECT id FROM document WHERE uuid = 'd1'")).scalar_one())
        rows = [("a1", "A", 11, 20, None), ("b1", "B", 11, 20, None), ("a2", "A", 33, 38, None),
                ("g1", GOLD, 11, 20,
                 '{"decision": "auto_accepted", "source_spans": ["a1", "b1"]}')]
        for uuid, who, start, end, prov in rows:
            conn.execute(
                text(
                    'INSERT INTO span (uuid, document_id, annotator_id, layer, label, start, "end",'
                    " attributes, provenance, created, updated, version) VALUES"
                    f" (:u, :d, {ann}, 'entity', 'PER', :s, :e, '{{}}', :p, '2026-01-01',"
                    " '2026-01-01', 1)"
                ),
                {"u": uuid, "d": doc_id, "who": who, "s": start, "e": end, "p": prov},
            )
        conn.execute(
            text(
                "INSERT INTO document_status (document_id, annotator_id, status, updated)"
                f" VALUES (:d, {ann}, 'in_progress', '2026-01-01')"
            ),
            {"d": doc_id, "who": GOLD},
        )
    return doc_id


def check_upgraded(url: str, doc_id: int) -> None:
    """Opening at head kept the 0002 data, and the review goes on from where it was."""
    ws = Workspace.open(url, "cur")
    try:
        assert database.current_revision(ws.engine) == database.SCHEMA_HEAD
        assert "review_decision" in inspect(ws.engine).get_table_names()
        assert sorted(s.uuid for s in ws.repo.spans(doc_id, all_annotators=True)) == [
            "a1", "a2", "b1", "g1"
        ]
        assert ws.repo.span_provenance("g1") == {
            "decision": "auto_accepted", "source_spans": ["a1", "b1"]
        }
        assert ws.repo.status(doc_id, GOLD) == "in_progress"
        session = ReviewSession(ws, doc_id, ["A", "B"])
        assert session.prefill() == 0  # the 0002 review goes on, it does not start over
        assert session.decisions() == [None]
        session.decide(0, NEITHER)
    finally:
        ws.close()
    again = Workspace.open(url, "cur")
    try:
        assert ReviewSession(again, doc_id, ["A", "B"]).decisions() == [NEITHER]
    finally:
        again.close()


