"""Bringing a colleague's work in: another database of ours, or our JSONL export.

Rules (DESIGN.md "Storage"):
    * documents are matched by the SHA-256 of their text; one we lack is added;
    * a span is identified by its UUID. Ours is never overwritten: the same UUID with the same
      content is "identical", with a different content (extent, label, layer, attributes,
      owner or document) a *conflict*, reported and left as it is here;
    * a span of the same annotator at the same place with the same label but another UUID (the
      same file imported on two machines) is identical too when its attributes are the same, so
      nothing is ever doubled; with other attributes it is a conflict (ours kept, and the
      colleague's links to it go to ours);
    * relations, annotators and per-annotator statuses come along; a status we already have for
      that annotator and document stays ours;
    * review decisions that wrote no gold span come along by (document, disagreement key), see
      ``storage.merge_decisions``; gold spans travel with their provenance like any span;
    * everything happens in one transaction, so merging twice changes nothing the second time.

Reading the other side is ``storage.merge_read`` for a database (never written to; every row
checked by ``storage.merge_rows``) and
``workspace.merging`` for an export;
the bulk insert of new spans ``storage.merge_insert``; review decisions ``storage.merge_decisions``.

From an SQLite file, the plain spans stay in the source's private copy, checked there by SQL
(``storage.merge_plain``): the loop below decides only the others and those that meet a span
of ours (same uuid, or same place in a document we had), and ``merge_insert.BulkInsert``
writes the rest with the loop's, in the order the loop alone would have written them.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Text, bindparam, insert, select, type_coerce

from annotator.core.model import Span, text_sha256
from annotator.storage.annotations import span_from_row
from annotator.storage.merge_decisions import DecisionConflict, DecisionMerge, merge_decisions
from annotator.storage.merge_insert import BulkInsert, bulk_insert, insert_spans, large_cache
from annotator.storage.merge_read import SourceDocument, SourceSpan, bulk_spans, json_value
from annotator.storage.merge_source import BulkSpans
from annotator.storage.repository import Repository
from annotator.storage.tables import ANN, DOC, REL, SPAN, STATUS, utcnow

__all__ = [
    "DecisionConflict",
    "MergeReport",
    "SourceDocument",
    "SourceSpan",
    "SpanConflict",
    "merge_documents",
]

CHUNK = 500  # values per IN (...) list: well under SQLite's and PostgreSQL's limits


@dataclass(frozen=True)
class SpanConflict:
    document: str
    ours: Span
    theirs: Span
    differs: tuple[str, ...]  # "extent", "label", "layer", "attributes", "annotator", "document"

    def describe(self) -> str:
        o, t = self.ours, self.theirs
        which = o.uuid if o.uuid == t.uuid else f"{t.uuid} (ours {o.uuid}, same place)"
        ours, theirs = f"{o.label} {o.start}-{o.end}", f"{t.label} {t.start}-{t.end}"
        if "attributes" in self.differs:
            ours += f" {json.dumps(o.attributes, ensure_ascii=False, sort_keys=True)}"
            theirs += f" {json.dumps(t.attributes, ensure_ascii=False, sort_keys=True)}"
        return (
            f"{self.document}: span {which} differs in {', '.join(self.differs)} "
            f"(ours {o.annotator} {ours}, theirs {t.annotator} {theirs}); ours kept"
        )


@dataclass
class MergeReport:
    documents_added: list[str] = field(default_factory=list)
    documents_matched: list[str] = field(default_factory=list)
    annotators_added: list[str] = field(default_factory=list)
    spans_added: int = 0
    spans_identical: int = 0
    conflicts: list[SpanConflict] = field(default_factory=list)
    relations_added: int = 0
    relations_identical: int = 0
    relations_skipped: int = 0  # would join spans of two documents after a conflict
    statuses_added: int = 0
    statuses_kept: int = 0  # ours differs and stays
    decisions: DecisionMerge = field(default_factory=DecisionMerge)  # review_decision rows

    @property
    def decision_conflicts(self) -> list[DecisionConflict]:
        return self.decisions.conflicts

    def summary(self) -> str:
        """Two lines for people: the command line and the GUI's merge dialog print this."""
        return (
            f"documents: {len(self.documents_added)} added, "
            f"{len(self.documents_matched)} matched\n"
            f"spans: {self.spans_added} added, {self.spans_identical} identical, "
            f"{len(self.conflicts)} conflicting; links: {self.relations_added} added; "
            f"statuses: {self.statuses_added} added"
            + (
                f"; review decisions: {self.decisions.added} added, "
                f"{len(self.decisions.conflicts)} conflicting"
                if self.decisions.added or self.decisions.identical or self.decisions.conflicts
                else ""
            )
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "documents_added": len(self.documents_added),
            "documents_matched": len(self.documents_matched),
            "annotators_added": self.annotators_added,
            "spans_added": self.spans_added,
            "spans_identical": self.spans_identical,
            "spans_conflicting": len(self.conflicts),
            "conflicts": [c.describe() for c in self.conflicts],
            "relations_added": self.relations_added,
            "relations_identical": self.relations_identical,
            "relations_skipped": self.relations_skipped,
            "statuses_added": self.statuses_added,
            "statuses_kept": self.statuses_kept,
            "decisions_added": self.decisions.added,
            "decisions_identical": self.decisions.identical,
            "decisions_conflicting": len(self.decisions.conflicts),
            "decision_conflicts": [c.describe() for c in self.decisions.conflicts],
        }


# --- merging into ours ------------------------------------------------------------------------


def merge_documents(
    repo: Repository,
    docs: Sequence[SourceDocument],
    progress: Callable[[int, int], None] | None = None,
) -> MergeReport:
    """Add the other side's work to ours in one transaction (see the module's rules)."""
    report = MergeReport()
    with repo.transaction() as conn, large_cache(conn), bulk_insert(conn, docs) as bulk:
        shas = [doc.sha256 or text_sha256(doc.text) for doc in docs]
        merger = _Merger(repo, conn, report, bulk, shas)
        for n, (doc, sha) in enumerate(zip(docs, shas, strict=True), start=1):
            merger.document(doc, sha)
            if progress is not None:
                progress(n, len(docs))
        merger.flush()
    return report


# one statement, its IN list expanded per call: building 500 literals per chunk costs more
_OURS_BY_UUID = select(
    SPAN.c.uuid,
    SPAN.c.document_id,
    SPAN.c.annotator_id,
    SPAN.c.start,
    SPAN.c.end,
    SPAN.c.layer,
    SPAN.c.label,
    SPAN.c.attributes,
    SPAN.c.version,
).where(SPAN.c.uuid.in_(bindparam("uuids", expanding=True)))
# statements of every document, built once (711 documents: building them was ~0.1 s)
_DOC_BY_UUID = select(DOC.c.id).where(DOC.c.uuid == bindparam("uuid"))
_OURS_IN_DOCUMENT = select(
    SPAN.c.uuid,
    SPAN.c.annotator_id,
    SPAN.c.start,
    SPAN.c.end,
    SPAN.c.layer,
    SPAN.c.label,
    type_coerce(SPAN.c.attributes, Text),
).where(SPAN.c.document_id == bindparam("doc"))


class _Merger:
    """One merge in progress: caches of annotators and the documents seen so far."""

    def __init__(
        self,
        repo: Repository,
        conn: Connection,
        report: MergeReport,
        bulk: BulkInsert | None,
        shas: Sequence[str],
    ) -> None:
        self.repo = repo
        self.conn = conn
        self.report = report
        self.bulk = bulk
        # our documents by text, asked once for all (a query per document was ~0.1 s at 711),
        # and each one this merge adds
        self.by_sha = repo.documents_by_sha(shas)
        self.names = {r.id: r.name for r in conn.execute(select(ANN.c.id, ANN.c.name))}
        self.ids = {name: aid for aid, name in self.names.items()}
        # UUIDs of the spans this merge added: into a database with no span yet (a fresh copy,
        # the common case at 1M spans), only these can match one of theirs by UUID, and the
        # per-document IN (...) queries for the rest are skipped
        self.added: set[str] | None = (
            None if conn.scalar(select(SPAN.c.id).limit(1)) is not None else set()
        )
        # texts that were ours before their document came: only there can a span of theirs
        # meet one of ours at the same place (a document added here holds what this added)
        self.matched: set[str] = set()
        self.bulks_seen: set[BulkSpans] = set()

    def annotator(self, name: str) -> int:
        name = name or self.repo.annotator  # an export line that names nobody: like an import
        aid = self.ids.get(name)
        if aid is None:
            aid = self.repo.annotator_id(name)
            self.ids[name], self.names[aid] = aid, name
            self.report.annotators_added.append(name)
        return aid

    def document(self, doc: SourceDocument, sha: str) -> None:
        """``sha``: of its text."""
        doc_id = self.by_sha.get(sha)
        if doc_id is not None:
            self.matched.add(sha)
            self.flush()  # its spans are compared with ours: the kept ones must be there
        if doc_id is None:
            taken = doc.uuid and self.conn.scalar(_DOC_BY_UUID, {"uuid": doc.uuid})
            doc_id = self.by_sha[sha] = self.repo.insert_document(
                doc.name, doc.text, sha, doc.meta, uuid=None if taken else doc.uuid
            )
            self.report.documents_added.append(doc.name)
        else:
            self.report.documents_matched.append(doc.name)
        uuid_map = self.spans(doc_id, doc, new=sha not in self.matched)
        if doc.relations:
            self.flush()  # a link is merged when both its spans are here
        self.relations(doc_id, doc, uuid_map)
        self.statuses(doc_id, doc)
        merge_decisions(
            self.conn, doc_id, doc.name, doc.decisions, self.annotator, self.report.decisions
        )

    def spans(self, doc_id: int, doc: SourceDocument, *, new: bool) -> dict[str, str]:
        """Insert the new spans; returns their UUID -> our UUID for spans we had by content.

        ``new``: the document was added by this merge (no span of ours was on it before).
        """
        spans, ids = self._decided_here(doc_id, doc, new=new)
        added = self.added
        ours_by_uuid = self._spans_by_uuid(
            s.uuid for s in spans if added is None or s.uuid in added
        )
        # (annotator, place, label) -> [(uuid, attributes)]: spans we have by their content
        ours_by_key: dict[tuple[int, int, int, str, str], list[tuple[str, dict[str, Any]]]] = {}
        # a document this merge just added holds no span yet: nothing to ask
        for r in [] if new else self.conn.execute(_OURS_IN_DOCUMENT, {"doc": doc_id}):
            ours_by_key.setdefault(
                (r.annotator_id, r.start, r.end, r.layer, r.label), []
            ).append((r.uuid, json_value(r[6]) or {}))
        uuid_map: dict[str, str] = {}
        rows: list[tuple[SourceSpan, int]] = []
        row_ids: list[int] = []  # the source ids of ``rows``, when the copy's spans join them
        known = self.ids.get  # the annotator's id without a call per span
        for n, span in enumerate(spans):
            aid = known(span.annotator) if span.annotator else None
            if aid is None:
                aid = self.annotator(span.annotator)
            ours = ours_by_uuid.get(span.uuid)
            if ours is not None:
                differs = _differences(ours, doc_id, span, aid)
                if differs:
                    self.report.conflicts.append(
                        SpanConflict(doc.name, self._span(ours), span.as_span(), differs)
                    )
                else:
                    self.report.spans_identical += 1
                continue
            key = (aid, span.start, span.end, span.layer, span.label)
            same_place = ours_by_key.setdefault(key, [])
            if same_place:
                same = [u for u, attributes in same_place if attributes == span.attributes]
                if same:
                    self.report.spans_identical += 1
                else:
                    uuid, attributes = same_place[0]
                    mine = span.as_span().with_changes(uuid=uuid, attributes=dict(attributes))
                    self.report.conflicts.append(
                        SpanConflict(doc.name, mine, span.as_span(), ("attributes",))
                    )
                # either way the colleague's links to this span go to ours
                uuid_map[span.uuid] = same[0] if same else same_place[0][0]
                continue
            same_place.append((span.uuid, span.attributes))
            rows.append((span, aid))
            if ids is not None:
                row_ids.append(ids[n])
        if ids is not None and self.bulk is not None and doc.bulk is not None:
            triples = [(i, s, aid) for i, (s, aid) in zip(row_ids, rows, strict=True)]
            self.report.spans_added += self.bulk.add(doc.bulk, doc_id, triples)  # and flush
        else:
            self.flush()  # the kept spans come first, as they were decided first
            insert_spans(self.conn, doc_id, rows)
            self.report.spans_added += len(rows)
        if added is not None:
            added.update(span.uuid for span, _ in rows)
        return uuid_map

    def flush(self) -> None:
        """Write the spans kept for the bulk insert (``merge_insert.BulkInsert``)."""
        if self.bulk is not None:
            self.report.spans_added += self.bulk.flush()

    def _decided_here(
        self, doc_id: int, doc: SourceDocument, *, new: bool
    ) -> tuple[Sequence[SourceSpan], list[int] | None]:
        """The spans of ``doc`` this loop decides, and their source ids when the rest (plain
        spans left in the source's copy, that meet nothing of ours) go by ``INSERT ... SELECT``.

        Those meet nothing the loop sees either: their uuids are the source's own (unique
        there), and no other span of the document is at their place (``merge_plain``).
        """
        bulk = doc.bulk
        if bulk is None:
            return doc.spans, None
        for name in bulk.annotators:  # added in the order the loop would meet them
            if name not in self.ids:
                self.annotator(name)
        again = bulk in self.bulks_seen  # the same document twice in one merge
        self.bulks_seen.add(bulk)
        if self.bulk is None or again:  # ours is not SQLite: every span through the loop
            return bulk_spans(doc), None
        self.bulk.map_annotators(bulk, self.ids)
        # into a database that had no span, only this merge's can share a uuid with theirs,
        # and those are the source's others (its uuids are unique)
        clashing = self.bulk.clashing(bulk, doc_id, by_uuid=self.added is None, by_place=not new)
        self.bulk.exclude(i for i, _ in clashing)
        both = list(heapq.merge(zip(bulk.ids, doc.spans, strict=True), clashing, key=itemgetter(0)))
        return [s for _, s in both], [i for i, _ in both]

    def _span(self, row: Row[*tuple[Any, ...]]) -> Span:
        return span_from_row(row, self.names.get(row.annotator_id, "?"))

    def _spans_by_uuid(self, uuids: Iterable[str]) -> dict[str, Row[*tuple[Any, ...]]]:
        wanted = list(uuids)
        found: dict[str, Row[*tuple[Any, ...]]] = {}
        for i in range(0, len(wanted), CHUNK):
            rows = self.conn.execute(_OURS_BY_UUID, {"uuids": wanted[i : i + CHUNK]})
            found.update((r.uuid, r) for r in rows)
        return found

    def _existing(
        self, column: ColumnElement[str], values: Sequence[str], *where: ColumnElement[bool]
    ) -> set[str]:
        found: set[str] = set()
        query = select(column).where(column.in_(bindparam("values", expanding=True)), *where)
        for i in range(0, len(values), CHUNK):
            found.update(self.conn.scalars(query, {"values": values[i : i + CHUNK]}))
        return found

    def relations(self, doc_id: int, doc: SourceDocument, uuid_map: dict[str, str]) -> None:
        if not doc.relations:
            return
        ours = {
            r.uuid: (r.annotator_id, r.kind, r.head_uuid, r.tail_uuid)
            for r in self.conn.execute(
                select(
                    REL.c.uuid, REL.c.annotator_id, REL.c.kind, REL.c.head_uuid, REL.c.tail_uuid
                ).where(REL.c.document_id == doc_id)
            )
        }
        links = set(ours.values())
        ends = [uuid_map.get(u, u) for r in doc.relations for u in (r.head, r.tail)]
        here = self._existing(SPAN.c.uuid, ends, SPAN.c.document_id == doc_id)
        elsewhere = self._existing(REL.c.uuid, [r.uuid for r in doc.relations])
        rows = []
        now = utcnow()
        for rel in doc.relations:
            aid = self.annotator(rel.annotator)
            head, tail = uuid_map.get(rel.head, rel.head), uuid_map.get(rel.tail, rel.tail)
            link = (aid, rel.kind, head, tail)
            if rel.uuid in ours or rel.uuid in elsewhere or link in links:
                self.report.relations_identical += 1
            elif head not in here or tail not in here:
                self.report.relations_skipped += 1
            else:
                links.add(link)
                rows.append(
                    {
                        "uuid": rel.uuid,
                        "document_id": doc_id,
                        "annotator_id": aid,
                        "kind": rel.kind,
                        "head_uuid": head,
                        "tail_uuid": tail,
                        "created": now,
                    }
                )
        if rows:
            self.conn.execute(insert(REL), rows)
        self.report.relations_added += len(rows)

    def statuses(self, doc_id: int, doc: SourceDocument) -> None:
        if not doc.statuses:
            return
        have = {
            aid: status
            for aid, status in self.conn.execute(
                select(STATUS.c.annotator_id, STATUS.c.status).where(
                    STATUS.c.document_id == doc_id
                )
            )
        }
        for name, status in doc.statuses.items():
            aid = self.annotator(name)
            ours = have.get(aid)
            if ours is None:
                self.conn.execute(
                    insert(STATUS).values(
                        document_id=doc_id, annotator_id=aid, status=status, updated=utcnow()
                    )
                )
                have[aid] = status
                self.report.statuses_added += 1
            elif ours != status:
                self.report.statuses_kept += 1


def _differences(
    ours: Row[*tuple[Any, ...]], doc_id: int, theirs: SourceSpan, aid: int
) -> tuple[str, ...]:
    checks = (
        ("document", ours.document_id == doc_id),
        ("annotator", ours.annotator_id == aid),
        ("extent", (ours.start, ours.end) == (theirs.start, theirs.end)),
        ("layer", ours.layer == theirs.layer),
        ("label", ours.label == theirs.label),
        ("attributes", dict(ours.attributes or {}) == dict(theirs.attributes)),
    )
    return tuple(name for name, same in checks if not same)

