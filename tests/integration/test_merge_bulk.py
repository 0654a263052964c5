"""A merge of thousands of spans into an empty database brings every row over unchanged.

Guards the merge's fast paths (``storage.merge_rows``: common rows checked without building a
message; ``storage.merge``: bulk insert): whatever they skip, the merged database must hold the
same documents and spans, field for field, as the source, and merging again must change nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers.paths import DATA, ROOT
from sqlalchemy import text as sql

from annotator.core.model import Span, text_sha256
from annotator.formats.conll import parse_conll
from annotator.storage.merge_insert import MERGE_CACHE_KIB, large_cache
from annotator.workspace import Workspace
from annotator.workspace.merging import merge, read_source

# diacritics, tatweel, a right-to-left mark, a Latin run, Arabic-Indic digits and an emoji
EDGE = "قالَ الرئيـــسُ \u200fبوتين 🙂 في Moscow يوم ١٢ مارس: «سنفعل»."

ROWS = """
SELECT d.sha256, d.name, d.text, d.meta, s.uuid, a.name, s.layer, s.label, s.start, s."end",
       s.attributes, s.provenance, s.version
FROM span s JOIN document d ON d.id = s.document_id JOIN annotator a ON a.id = s.annotator_id
ORDER BY s.uuid
"""


def rows(path: Path) -> list[tuple[Any, ...]]:
    ws = Workspace.open(str(path), "reader")
    try:
        with ws.repo.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sql(ROWS))]
    finally:
        ws.close()


def source(tmp_path: Path) -> Path:
    """Two annotators' work on real text (AQMAR Wikipedia articles) and one edge-case document."""
    path = tmp_path / "theirs.sqlite3"
    ws = Workspace.open(str(path), "omar")
    docs = [
        doc
        for article in sorted((DATA / "aqmar").glob("*.txt"))[:12]
        for doc in parse_conll(article.read_text(encoding="utf-8"), article.name, ws.schema,
                               ROOT / "resources" / "tagmaps" / "aqmar.map")
    ]
    labels = {label.name for label in ws.schema.labels("entity")}
    total = 0
    for n, doc in enumerate(docs):
        # one span per place and label: two alike would rightly merge as one
        kept = {(s.start, s.end, s.label): s for s in doc.spans if s.label in labels}
        if not kept:
            continue
        doc_id = ws.repo.insert_document(doc.name, doc.text, text_sha256(doc.text))
        who = "omar" if n % 2 else "layla"
        ws.repo.insert_spans(doc_id, [s.with_changes(annotator=who) for s in kept.values()])
        total += len(kept)
        if total > 3000:
            break
    doc_id = ws.repo.insert_document("حافة", EDGE, text_sha256(EDGE), {"مصدر": "اختبار"})
    quote = EDGE.index("«"), EDGE.index("»") + 1
    ws.repo.insert_spans(doc_id, [
        Span(EDGE.index("بوتين"), EDGE.index("بوتين") + 5, "entity", "PER"),
        Span(EDGE.index("Moscow"), EDGE.index("Moscow") + 6, "entity", "GPE"),
        Span(*quote, "quote", "QUOTE", attributes={"direct": "indirect"}),
        Span(EDGE.index("١٢"), EDGE.index("١٢") + 2, "claim", "CLAIM"),
    ])
    ws.repo.insert_spans(doc_id, [Span(0, 4, "entity", "PER", annotator="gold")],
                         provenance={"from": ["omar", "layla"], "decision": "both"})
    ws.close()
    return path


def test_merge_into_an_empty_database_keeps_every_field(tmp_path: Path) -> None:
    theirs = source(tmp_path)
    expected = rows(theirs)
    assert len(expected) > 2000
    ours = tmp_path / "ours.sqlite3"
    ws = Workspace.open(str(ours), "me")
    report = merge(ws, read_source(str(theirs), ws.schema))
    ws.close()
    assert report.spans_added == len(expected) and not report.conflicts
    assert rows(ours) == expected

    ws = Workspace.open(str(ours), "me")
    again = merge(ws, read_source(str(theirs), ws.schema))
    ws.close()
    assert again.spans_added == 0 and again.spans_identical == len(expected)
    assert rows(ours) == expected


def test_the_merge_page_cache_is_given_back(tmp_path: Path) -> None:
    """The merge's larger SQLite page cache lasts as long as the merge (the connection is
    pooled and serves every later edit)."""
    ws = Workspace.open(str(tmp_path / "ours.sqlite3"), "me")
    try:
        with ws.repo.engine.connect() as conn:
            before = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
            with large_cache(conn):
                during = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
            after = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    finally:
        ws.close()
    assert during == -MERGE_CACHE_KIB != before
    assert after == before
