"""Team mode: the same code against a real PostgreSQL server (started by the fixtures)."""

from __future__ import annotations

import pytest
from helpers.paths import SEEDS
from sqlalchemy import inspect

from annotator.core.commands import (
    AddSpan,
    Link,
    RelabelSpan,
    RemoveSpan,
    ResizeSpan,
    SetSpanAttribute,
)
from annotator.core.errors import ConflictError
from annotator.core.model import Relation, Span
from annotator.formats.txt import read_txt
from annotator.storage import database
from annotator.workspace import Workspace
from annotator.workspace.importing import store

pytestmark = pytest.mark.postgres


def test_migrations_and_edits_on_postgres(pg_db_url: str) -> None:
    ws = Workspace.open(pg_db_url, "layla")
    assert ws.engine.dialect.name == "postgresql"
    assert database.current_revision(ws.engine) == database.head_revision()
    assert "document_status" in inspect(ws.engine).get_table_names()
    report = store(ws, [read_txt(p) for p in SEEDS])
    assert len(report.added) == 2
    doc = report.doc_ids[0]
    text = ws.repo.document_text(doc)
    assert text.encode() == SEEDS[0].read_bytes().replace(b"\r\n", b"\n")
    p0 = text.index("بوتين")
    person = ws.execute(AddSpan(doc, Span(p0, p0 + 5, "entity", "PER"))).added[0]
    q0 = text.index("“")
    q1 = text.index("“", q0 + 1) + 1
    quote = ws.execute(AddSpan(doc, Span(q0, q1, "quote", "QUOTE"))).added[0]
    ws.execute(Link(doc, Relation("speaker", quote.uuid, person.uuid)))
    ws.execute(SetSpanAttribute(quote.uuid, {"direct": "indirect"}))
    assert ws.repo.get_span(quote.uuid).attributes == {"direct": "indirect"}
    ws.execute(ResizeSpan(person.uuid, p0 - 1, p0 + 5))
    ws.execute(RelabelSpan(person.uuid, "ORG"))
    ws.execute(RemoveSpan(person.uuid))
    assert ws.repo.relations(doc) == []
    for _ in range(3):
        ws.undo()
    assert ws.repo.get_span(quote.uuid).attributes == {"direct": "indirect"}
    assert [(s.label, s.start) for s in ws.repo.spans(doc) if s.layer == "entity"] == [("PER", p0)]
    assert len(ws.repo.relations(doc)) == 1
    ws.repo.set_status(doc, "done")
    ws.close()
    again = Workspace.open(pg_db_url, "layla")
    assert again.repo.status(doc) == "done"
    assert len(again.repo.spans(doc)) == 2
    again.close()


def test_two_machines_never_silently_overwrite(pg_db_url: str) -> None:
    """Two workspaces (two laptops) edit the same span: the second edit is refused, not lost."""
    a = Workspace.open(pg_db_url, "shared")
    doc = a.repo.insert_document("d", "قال الوزير في بغداد", "sha-d")
    span = a.execute(AddSpan(doc, Span(0, 3, "entity", "PER"))).added[0]
    b = Workspace.open(pg_db_url, "shared")
    b_view = b.repo.get_span(span.uuid)  # B reads version 1
    a.execute(RelabelSpan(span.uuid, "ORG"))  # A writes version 2
    with pytest.raises(ConflictError, match="changed elsewhere"):
        b.repo.update_span(b_view.with_changes(label="LOC"), expected_version=b_view.version)
    assert a.repo.get_span(span.uuid).label == "ORG"
    # B's command path re-reads first, so a fresh edit succeeds on top of A's
    b.execute(RelabelSpan(span.uuid, "GPE"))
    assert a.repo.get_span(span.uuid).label == "GPE"
    assert a.repo.get_span(span.uuid).version == 3
    a.close()
    b.close()


def test_bulk_insert_keeps_attributes_provenance_and_times(pg_db_url: str) -> None:
    """The bulk path hands pre-converted values to the driver: check they land typed."""
    ws = Workspace.open(pg_db_url, "bulk")
    doc = ws.repo.insert_document("d", "قال الوزير في بغداد إن الاتفاق قريب", "sha-bulk")
    spans = [
        Span(0, 3, "quote", "QUOTE", attributes={"direct": "indirect"}),
        Span(4, 10, "entity", "PER"),
        Span(14, 19, "entity", "GPE", annotator="other"),
    ]
    assert ws.repo.insert_spans(doc, spans, provenance={"decided_by": "bulk"}) == 3
    got = {s.label: s for s in ws.repo.spans(doc, all_annotators=True)}
    assert got["QUOTE"].attributes == {"direct": "indirect"}
    assert got["PER"].attributes == {} and got["PER"].annotator == "bulk"
    assert got["GPE"].annotator == "other"
    assert ws.repo.span_provenance(got["PER"].uuid) == {"decided_by": "bulk"}
    with ws.engine.connect() as conn:
        kinds = conn.exec_driver_sql(
            "SELECT jsonb_typeof(attributes::jsonb), pg_typeof(created)::text FROM span LIMIT 1"
        ).one()
    assert kinds == ("object", "timestamp with time zone")
    ws.close()
