"""A source database's rows, each checked as an import checks its input (``core.invariants``).

The other side's database may have been edited by hand, by another tool or by an older
version of ours, and SQLite keeps whatever it is given (text in an integer column, a reference
to a deleted row, bytes that are not UTF-8). So every value is read as the driver gives it and
checked before it becomes a ``SourceDocument``: the first row that breaks a rule stops the merge,
before anything is written, with the source, the table, the row and the reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Table,
    Text,
    column,
    select,
    table,
    type_coerce,
)
from sqlalchemy.exc import SQLAlchemyError

from annotator.core.adjudication import DecisionRecord
from annotator.core.errors import InputError
from annotator.core.invariants import (
    DECISION_KEY_MAX,
    DECISION_MAX,
    DOCUMENT_NAME_MAX,
    UUID_MAX,
    annotator_problem,
    decode_json,
    link_problem,
    name_problem,
    offset_problem,
    plain_labels,
    span_problem,
    status_problem,
    text_problem,
    uuid_problem,
)
from annotator.core.model import Relation, text_sha256
from annotator.core.schema import Schema
from annotator.storage.merge_plain import classify, plain_layers
from annotator.storage.merge_source import SourceCopy, SourceDocument, SourceSpan
from annotator.storage.tables import ANN, DECISION, DOC, REL, SPAN, STATUS


class _RowError(Exception):
    """A row breaks a rule: the merge stops, ``check`` notes it and reads on."""


class _SkippedRowError(Exception):
    """A row refers to one already noted as broken (``check``): said once, not again."""


class _Rows:
    """Reads one source table by table; a bad row is refused with its table and row named.

    ``problems`` None (a merge): the first bad row raises :class:`InputError`. A list
    (``check``): each bad row's message is added to it and the row left out.
    """

    def __init__(
        self, conn: Connection, origin: str, schema: Schema, problems: list[str] | None
    ) -> None:
        self.conn = conn
        self.origin = origin
        self.schema = schema
        self.problems = problems
        self.refused: set[tuple[str, Any]] = set()  # (table, id) of rows left out
        self.plain = plain_labels(schema)
        self.names: dict[Any, str] = {}
        self.docs: dict[Any, SourceDocument] = {}
        self.layers: dict[Any, dict[str, str]] = {}  # document id -> span uuid -> layer

    @contextmanager
    def row(self, table: Table, ident: Any, shown: object = None) -> Iterator[None]:
        """One row's reading: a refusal in it names the table and the row."""
        try:
            yield
        except _RowError as exc:
            message = f"table {table.name}, row {ident if shown is None else shown}: {exc}"
            if self.problems is None:
                raise InputError(self.origin, message) from None
            self.problems.append(message)
            self.refused.add((table.name, ident))
        except _SkippedRowError:
            self.refused.add((table.name, ident))

    def fetch(
        self,
        table: Table,
        columns: Sequence[Any],
        key: Sequence[Column[Any]],
        *where: ColumnElement[bool],
    ) -> Iterator[Any]:
        """The rows of ``columns`` (``key`` first, which name a row in messages), in key order.

        A value the driver cannot decode (SQLite text that is not UTF-8) fails the whole
        query; the table is then read row by row, and the rows at fault refused.
        """
        query = select(*key, *columns).where(*where).order_by(*key)
        try:
            yield from self.conn.execute(query).all()
            return
        except SQLAlchemyError as exc:
            reason = _reason(exc)
        try:
            idents = self.conn.execute(select(*key).where(*where).order_by(*key)).all()
        except SQLAlchemyError:
            idents = None
        if idents is None:
            with self.row(table, "*", "(all)"):
                raise _RowError(f"cannot be read ({reason})")
            return
        for ident in idents:
            one = ident[0] if len(ident) == 1 else tuple(ident)
            with self.row(table, one):
                try:
                    found = self.conn.execute(
                        query.where(*(c == v for c, v in zip(key, ident, strict=True)))
                    ).all()
                except SQLAlchemyError as exc:
                    raise _RowError(_reason(exc)) from None
                yield from found

    def reference(self, table: Table, what: str, found: dict[Any, Any], ref: Any) -> Any:
        """The row of ``table`` that ``ref`` names, already read into ``found``."""
        value = found.get(ref)
        if value is None:
            if (table.name, ref) in self.refused:
                raise _SkippedRowError
            raise _RowError(f"it names {what} {ref!r}, which is not in the database")
        return value

    @staticmethod
    def check(problem: str | None) -> None:
        """Refuse the row if ``problem`` says why (callers chain checks with ``or``)."""
        if problem is not None:
            raise _RowError(problem)


def read_rows(
    conn: Connection,
    origin: str,
    schema: Schema,
    problems: list[str] | None = None,
    copy: SourceCopy | None = None,
) -> list[SourceDocument]:
    """Every document of the source with everybody's work on it, each row checked.

    Without ``problems`` the first bad row raises :class:`InputError` naming ``origin``;
    with it (``check``), every bad row is described there and left out of the result.
    ``conn`` on ``copy`` (a merge's private copy of an SQLite file): the plain spans are
    checked by SQL and left there (``storage.merge_plain``), the others read as always.
    """
    r = _Rows(conn, origin, schema, problems)
    _annotators(r)
    _documents(r)
    in_sql = (
        copy is not None and problems is None and classify(conn, copy, r.docs, r.names, r.plain)
    )
    _spans(r, in_sql)
    if in_sql:
        for doc_id, uuid, layer in plain_layers(conn):
            r.layers[doc_id][uuid] = layer
    _relations(r)
    _statuses(r)
    _decisions(r)
    return list(r.docs.values())


def _annotators(r: _Rows) -> None:
    for aid, name in r.fetch(ANN, [ANN.c.name], [ANN.c.id]):
        with r.row(ANN, aid):
            r.check(annotator_problem(name))
            r.names[aid] = name


def _documents(r: _Rows) -> None:
    columns = [DOC.c.uuid, DOC.c.name, DOC.c.text, DOC.c.sha256, type_coerce(DOC.c.meta, Text)]
    for doc_id, uuid, name, text, sha, raw_meta in r.fetch(DOC, columns, [DOC.c.id]):
        with r.row(DOC, doc_id):
            meta, meta_problem = decode_json("the meta", raw_meta)
            r.check(
                uuid_problem(uuid)
                or name_problem("the document name", name, DOCUMENT_NAME_MAX)
                or text_problem(text)
                or meta_problem
                or (None if sha == text_sha256(text) else "its text does not match its SHA-256")
            )
            r.docs[doc_id] = SourceDocument(name, text, dict(meta), uuid, sha256=sha)
            r.layers[doc_id] = {}


def _spans(r: _Rows, in_sql: bool) -> None:
    columns = [
        SPAN.c.document_id,
        SPAN.c.annotator_id,
        SPAN.c.uuid,
        SPAN.c.layer,
        SPAN.c.label,
        SPAN.c.start,
        SPAN.c.end,
        type_coerce(SPAN.c.attributes, Text),
        type_coerce(SPAN.c.provenance, Text),
    ]
    docs, names, plain, layers = r.docs, r.names, r.plain, r.layers
    # with the plain spans left in the copy, only the others (merge_plain.classify)
    slow = table("merge_slow", column("id"), schema="temp")
    where = [SPAN.c.id.in_(select(slow.c.id))] if in_sql else []
    for row in r.fetch(SPAN, columns, [SPAN.c.id], *where):
        span_id, doc_id, aid, uuid, layer, label, start, end, raw_attributes, raw_prov = row
        doc, name = docs.get(doc_id), names.get(aid)
        # the common span (no attributes, no provenance, a plain label) passes in a few
        # comparisons on the values as read: no JSON decoded, no per-row context (1M spans:
        # those were half the merge). Anything else takes the full check below.
        if (
            doc is not None
            and name is not None
            and raw_attributes == "{}"
            and raw_prov is None
            and type(start) is int
            and type(end) is int
            and 0 <= start < end <= len(doc.text)
            and (layer, label) in plain
            and type(uuid) is str
            and 0 < len(uuid) <= UUID_MAX
            and uuid.isascii()
            and uuid.isprintable()
        ):
            doc.spans.append(SourceSpan(uuid, name, layer, label, start, end, {}, None))
            layers[doc_id][uuid] = layer
            if doc.bulk is not None:
                doc.bulk.ids.append(span_id)
            continue
        with r.row(SPAN, span_id, f"{span_id} (span {uuid})"):
            doc = r.reference(DOC, "document", r.docs, doc_id)
            name = r.reference(ANN, "annotator", r.names, aid)
            attributes, attributes_problem = decode_json("the attributes", raw_attributes)
            provenance, provenance_problem = decode_json(
                "the provenance", raw_prov, nullable=True
            )
            if not (  # the common span passes in a few comparisons (100k spans: ~0.1 s)
                type(start) is int
                and type(end) is int
                and 0 <= start < end <= len(doc.text)
                and (layer, label) in r.plain
                and attributes == {}
                and provenance_problem is None
                and type(uuid) is str
                and 0 < len(uuid) <= UUID_MAX
                and uuid.isascii()
                and uuid.isprintable()
            ):
                r.check(
                    uuid_problem(uuid)
                    or attributes_problem
                    or provenance_problem
                    or span_problem(start, end, layer, label, attributes, len(doc.text), r.schema)
                )
            doc.spans.append(
                SourceSpan(uuid, name, layer, label, start, end, dict(attributes), provenance)
            )
            r.layers[doc_id][uuid] = layer
            if doc.bulk is not None:
                doc.bulk.ids.append(span_id)


def _relations(r: _Rows) -> None:
    columns = [REL.c.document_id, REL.c.annotator_id, REL.c.uuid, REL.c.kind, REL.c.head_uuid,
               REL.c.tail_uuid]
    for rel_id, doc_id, aid, uuid, kind, head, tail in r.fetch(REL, columns, [REL.c.id]):
        with r.row(REL, rel_id, f"{rel_id} (link {uuid})"):
            doc = r.reference(DOC, "document", r.docs, doc_id)
            name = r.reference(ANN, "annotator", r.names, aid)
            layers = r.layers[doc_id]
            if (head not in layers and ("span", head) in r.refused) or (
                tail not in layers and ("span", tail) in r.refused
            ):
                raise _SkippedRowError
            r.check(
                uuid_problem(uuid)
                or link_problem(kind, layers.get(head), layers.get(tail), r.schema)
            )
            doc.relations.append(Relation(kind, head, tail, uuid, name))


def _statuses(r: _Rows) -> None:
    key = [STATUS.c.document_id, STATUS.c.annotator_id]
    for doc_id, aid, status in r.fetch(STATUS, [STATUS.c.status], key):
        with r.row(STATUS, (doc_id, aid), f"(document {doc_id}, annotator {aid})"):
            doc = r.reference(DOC, "document", r.docs, doc_id)
            name = r.reference(ANN, "annotator", r.names, aid)
            r.check(status_problem(status))
            doc.statuses[name] = status


def _decisions(r: _Rows) -> None:
    columns = [
        DECISION.c.document_id,
        DECISION.c.decided_by_id,
        DECISION.c.uuid,
        DECISION.c.key,
        DECISION.c.layer,
        DECISION.c.start,
        DECISION.c.end,
        type_coerce(DECISION.c.spans, Text),
        DECISION.c.decision,
    ]
    for row in r.fetch(DECISION, columns, [DECISION.c.id]):
        dec_id, doc_id, aid, uuid, key, layer, start, end, raw_spans, decision = row
        with r.row(DECISION, dec_id):
            doc = r.reference(DOC, "document", r.docs, doc_id)
            curator = r.reference(ANN, "annotator", r.names, aid)
            spans, spans_problem = _uuid_list(raw_spans)
            r.check(
                uuid_problem(uuid)
                or name_problem("the disagreement key", key, DECISION_KEY_MAX)
                or name_problem("the decision", decision, DECISION_MAX)
                or (None if layer in r.schema.layer_names else f"unknown layer {layer!r}")
                or offset_problem(start, end, len(doc.text))
                or spans_problem
            )
            doc.decisions.append(
                DecisionRecord(key, layer, start, end, tuple(spans), decision, curator, uuid)
            )


def _uuid_list(raw: object) -> tuple[list[str], str | None]:
    """The ``spans`` column of a decision: a JSON list of span uuids."""
    value: Any = raw
    if isinstance(raw, str | bytes):
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError):
            return [], "its spans are not valid JSON"
    if not isinstance(value, list) or any(uuid_problem(u) for u in value):
        return [], "its spans are not a list of span uuids"
    return value, None


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).splitlines()[0]
    if "decode" in text and "UTF-8" in text:
        return "it holds text that is not valid UTF-8"
    return text[:200]
