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

The source database is never written to: it is copied with SQLite's backup API (consistent even
while its owner has it open in WAL mode) and the copy is upgraded if it is older than ours.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, Text, bindparam, insert, select, type_coerce

from annotator.core.adjudication import DecisionRecord
from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import Relation, Span, text_sha256
from annotator.core.schema import Schema
from annotator.formats.jsonl import read_jsonl
from annotator.storage.adjudication import read_decisions
from annotator.storage.database import (
    create_db_engine,
    current_revision,
    head_revision,
    open_engine,
)
from annotator.storage.merge_decisions import DecisionConflict, DecisionMerge, merge_decisions
from annotator.storage.merge_insert import insert_spans
from annotator.storage.repository import ANN, DOC, REL, SPAN, STATUS, Repository
from annotator.storage.tables import STATUSES, utcnow

CHUNK = 500  # values per IN (...) list: well under SQLite's and PostgreSQL's limits


class SourceSpan(NamedTuple):
    """A span of the other side, kept as a plain tuple: 100,000 of them are read at once."""

    uuid: str
    annotator: str
    layer: str
    label: str
    start: int
    end: int
    attributes: dict[str, Any]
    provenance: dict[str, Any] | None

    @classmethod
    def of(cls, span: Span, provenance: dict[str, Any] | None = None) -> SourceSpan:
        return cls(
            span.uuid,
            span.annotator,
            span.layer,
            span.label,
            span.start,
            span.end,
            dict(span.attributes),
            provenance,
        )

    def as_span(self) -> Span:
        return Span(
            self.start,
            self.end,
            self.layer,
            self.label,
            self.uuid,
            dict(self.attributes),
            self.annotator,
        )


@dataclass
class SourceDocument:
    """A document as the other side has it, with everybody's work on it."""

    name: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    uuid: str | None = None
    spans: list[SourceSpan] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)  # annotator -> status
    decisions: list[DecisionRecord] = field(default_factory=list)  # review_decision rows


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


# --- reading the other side -------------------------------------------------------------------


def read_source(source: str, schema: Schema) -> list[SourceDocument]:
    """A database file or URL, or a JSONL export (by its extension)."""
    if "://" in source:
        return read_database_url(source)
    path = Path(source)
    if not path.exists():
        raise InputError(source, "no such file")
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        return read_export(path, schema)
    return read_database_file(path)


def read_database_file(path: Path) -> list[SourceDocument]:
    """Another SQLite database of ours, read from a private copy (the file is not touched)."""
    with tempfile.TemporaryDirectory(prefix="annotator-merge-") as tmp:
        copy = Path(tmp) / "source.sqlite3"
        try:
            src = sqlite3.connect(_read_only_uri(path), uri=True)
            try:
                with sqlite3.connect(copy) as dst:
                    src.backup(dst)
                dst.close()
            finally:
                src.close()
        except sqlite3.DatabaseError as exc:
            raise InputError(str(path), f"not a database this program can read: {exc}") from exc
        engine = create_db_engine(f"sqlite:///{copy}")
        try:
            _check_ours(engine, str(path), upgrade_copy=True)
            return _read_engine(engine)
        finally:
            engine.dispose()


def _read_only_uri(path: Path) -> str:
    """A URI that reads the file without writing anything beside it.

    Without a ``-wal`` file nobody has the database open, and ``immutable`` keeps SQLite from
    creating ``-wal``/``-shm`` files next to the colleague's file; with one, it is live and must
    be read through its WAL (which then already exists).
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def read_database_url(url: str) -> list[SourceDocument]:
    """A team server: read as it is, which needs it to be at our schema revision."""
    engine = create_db_engine(url)
    try:
        _check_ours(engine, url, upgrade_copy=False)
        return _read_engine(engine)
    finally:
        engine.dispose()


def _check_ours(engine: Engine, origin: str, *, upgrade_copy: bool) -> None:
    try:
        revision = current_revision(engine)
    except Exception as exc:  # the driver's own error names neither the file nor the cause
        raise InputError(origin, f"cannot read the database: {exc}") from exc
    if revision is None:
        raise InputError(origin, "not an annotator database (no schema revision)")
    if revision == head_revision():
        return
    if not upgrade_copy:
        raise InputError(
            origin,
            f"its schema revision {revision} differs from ours; open it "
            "with this version of the program first",
        )
    try:
        open_engine(str(engine.url)).dispose()  # upgrades the private copy in place
    except AnnotatorError as exc:
        raise InputError(origin, f"cannot bring its schema up to date: {exc}") from exc


def _read_engine(engine: Engine) -> list[SourceDocument]:
    with engine.connect() as conn:
        names = {r.id: r.name for r in conn.execute(select(ANN.c.id, ANN.c.name))}
        docs = {
            r.id: SourceDocument(r.name, r.text, dict(r.meta or {}), r.uuid)
            for r in conn.execute(
                select(DOC.c.id, DOC.c.uuid, DOC.c.name, DOC.c.text, DOC.c.meta).order_by(DOC.c.id)
            )
        }
        rows = conn.execute(
            select(
                SPAN.c.document_id,
                SPAN.c.annotator_id,
                SPAN.c.uuid,
                SPAN.c.layer,
                SPAN.c.label,
                SPAN.c.start,
                SPAN.c.end,
                # decoded below only when not empty: most attributes are {} and provenance null
                type_coerce(SPAN.c.attributes, Text),
                type_coerce(SPAN.c.provenance, Text),
            ).order_by(SPAN.c.id)
        )
        for doc_id, aid, uuid, layer, label, start, end, attributes, provenance in rows:
            docs[doc_id].spans.append(
                SourceSpan(
                    uuid,
                    names[aid],
                    layer,
                    label,
                    start,
                    end,
                    _json(attributes) or {},
                    _json(provenance),
                )
            )
        for doc_id, aid, uuid, kind, head, tail in conn.execute(
            select(
                REL.c.document_id,
                REL.c.annotator_id,
                REL.c.uuid,
                REL.c.kind,
                REL.c.head_uuid,
                REL.c.tail_uuid,
            ).order_by(REL.c.id)
        ):
            docs[doc_id].relations.append(Relation(kind, head, tail, uuid, names[aid]))
        for doc_id, aid, status in conn.execute(
            select(STATUS.c.document_id, STATUS.c.annotator_id, STATUS.c.status)
        ):
            docs[doc_id].statuses[names[aid]] = status
        for doc_id, record in read_decisions(conn):
            docs[doc_id].decisions.append(record)
    return list(docs.values())


def read_export(path: Path, schema: Schema) -> list[SourceDocument]:
    """Our JSONL export: spans without an annotator belong to the line's ``annotator``."""
    out = []
    for doc in read_jsonl(path, schema):
        owner = doc.annotator or ""
        src = SourceDocument(doc.name, doc.text, doc.meta)
        src.spans = [
            SourceSpan.of(s.with_changes(annotator=s.annotator or owner)) for s in doc.spans
        ]
        src.relations = [
            Relation(r.kind, r.head, r.tail, r.uuid, r.annotator or owner) for r in doc.relations
        ]
        if doc.status in STATUSES and owner:
            src.statuses[owner] = doc.status
        out.append(src)
    return out


# --- merging into ours ------------------------------------------------------------------------


def merge_documents(
    repo: Repository,
    docs: Sequence[SourceDocument],
    progress: Callable[[int, int], None] | None = None,
) -> MergeReport:
    """Add the other side's work to ours in one transaction (see the module's rules)."""
    report = MergeReport()
    with repo.transaction() as conn:
        merger = _Merger(repo, conn, report)
        for n, doc in enumerate(docs, start=1):
            merger.document(doc)
            if progress is not None:
                progress(n, len(docs))
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
).where(SPAN.c.uuid.in_(bindparam("uuids", expanding=True)))


class _Merger:
    """One merge in progress: caches of annotators and the documents seen so far."""

    def __init__(self, repo: Repository, conn: Connection, report: MergeReport) -> None:
        self.repo = repo
        self.conn = conn
        self.report = report
        self.names = {r.id: r.name for r in conn.execute(select(ANN.c.id, ANN.c.name))}
        self.ids = {name: aid for aid, name in self.names.items()}

    def annotator(self, name: str) -> int:
        name = name or self.repo.annotator  # an export line that names nobody: like an import
        aid = self.ids.get(name)
        if aid is None:
            aid = self.repo.annotator_id(name)
            self.ids[name], self.names[aid] = aid, name
            self.report.annotators_added.append(name)
        return aid

    def document(self, doc: SourceDocument) -> None:
        sha = text_sha256(doc.text)
        doc_id = self.repo.document_by_sha(sha)
        if doc_id is None:
            taken = doc.uuid and self.conn.scalar(select(DOC.c.id).where(DOC.c.uuid == doc.uuid))
            doc_id = self.repo.insert_document(
                doc.name, doc.text, sha, doc.meta, uuid=None if taken else doc.uuid
            )
            self.report.documents_added.append(doc.name)
        else:
            self.report.documents_matched.append(doc.name)
        uuid_map = self.spans(doc_id, doc)
        self.relations(doc_id, doc, uuid_map)
        self.statuses(doc_id, doc)
        merge_decisions(
            self.conn, doc_id, doc.name, doc.decisions, self.annotator, self.report.decisions
        )

    def spans(self, doc_id: int, doc: SourceDocument) -> dict[str, str]:
        """Insert the new spans; returns their UUID -> our UUID for spans we had by content."""
        ours_by_uuid = self._spans_by_uuid(s.uuid for s in doc.spans)
        # (annotator, place, label) -> [(uuid, attributes)]: spans we have by their content
        ours_by_key: dict[tuple[int, int, int, str, str], list[tuple[str, dict[str, Any]]]] = {}
        for r in self.conn.execute(
            select(
                SPAN.c.uuid,
                SPAN.c.annotator_id,
                SPAN.c.start,
                SPAN.c.end,
                SPAN.c.layer,
                SPAN.c.label,
                type_coerce(SPAN.c.attributes, Text),
            ).where(SPAN.c.document_id == doc_id)
        ):
            ours_by_key.setdefault(
                (r.annotator_id, r.start, r.end, r.layer, r.label), []
            ).append((r.uuid, _json(r[6]) or {}))
        uuid_map: dict[str, str] = {}
        rows: list[tuple[SourceSpan, int]] = []
        for span in doc.spans:
            aid = self.annotator(span.annotator)
            ours = ours_by_uuid.get(span.uuid)
            if ours is not None:
                differs = _differences(ours, doc_id, span, aid)
                if differs:
                    self.report.conflicts.append(
                        SpanConflict(doc.name, _as_span(ours, self.names), span.as_span(), differs)
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
        insert_spans(self.conn, doc_id, rows)
        self.report.spans_added += len(rows)
        return uuid_map

    def _spans_by_uuid(self, uuids: Iterable[str]) -> dict[str, Any]:
        wanted = list(uuids)
        found: dict[str, Any] = {}
        for i in range(0, len(wanted), CHUNK):
            rows = self.conn.execute(_OURS_BY_UUID, {"uuids": wanted[i : i + CHUNK]})
            found.update((r.uuid, r) for r in rows)
        return found

    def _existing(self, column: Any, values: Sequence[str], *where: Any) -> set[str]:
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
        for name, status in doc.statuses.items():
            aid = self.annotator(name)
            ours = self.conn.scalar(
                select(STATUS.c.status).where(
                    STATUS.c.document_id == doc_id, STATUS.c.annotator_id == aid
                )
            )
            if ours is None:
                self.conn.execute(
                    insert(STATUS).values(
                        document_id=doc_id, annotator_id=aid, status=status, updated=utcnow()
                    )
                )
                self.report.statuses_added += 1
            elif ours != status:
                self.report.statuses_kept += 1


def _json(value: Any) -> Any:
    """A JSON column read as text (SQLite) or already decoded (PostgreSQL drivers)."""
    if not isinstance(value, str):
        return value
    if value in ("{}", "null"):
        return {} if value == "{}" else None
    return json.loads(value)


def _differences(ours: Any, doc_id: int, theirs: SourceSpan, aid: int) -> tuple[str, ...]:
    checks = (
        ("document", ours.document_id == doc_id),
        ("annotator", ours.annotator_id == aid),
        ("extent", (ours.start, ours.end) == (theirs.start, theirs.end)),
        ("layer", ours.layer == theirs.layer),
        ("label", ours.label == theirs.label),
        ("attributes", dict(ours.attributes or {}) == dict(theirs.attributes)),
    )
    return tuple(name for name, same in checks if not same)


def _as_span(row: Any, names: dict[int, str]) -> Span:
    return Span(
        start=row.start,
        end=row.end,
        layer=row.layer,
        label=row.label,
        uuid=row.uuid,
        attributes=dict(row.attributes or {}),
        annotator=names.get(row.annotator_id, "?"),
    )
