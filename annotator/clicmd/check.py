"""``annotator check``: integrity of the database (offsets, labels, links, hashes)."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import text as sql

from annotator.clicmd import help_of
from annotator.clicmd.common import open_workspace
from annotator.core.commands import validate_span
from annotator.core.errors import EditError
from annotator.core.model import text_sha256
from annotator.storage.workspace import Workspace


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("check", parents=[common], help=help_of("check"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    try:
        problems, n_docs, n_spans = _problems(ws)
    finally:
        ws.close()
    for p in problems:
        print(f"annotator: problem: {p}", file=sys.stderr)
    print(
        f"checked {n_docs} document(s), {n_spans} span(s): "
        + ("ok" if not problems else f"{len(problems)} problem(s)")
    )
    return 1 if problems else 0


def _problems(ws: Workspace) -> tuple[list[str], int, int]:
    problems: list[str] = []
    if ws.engine.dialect.name == "sqlite":
        with ws.engine.connect() as conn:
            conn.execution_options(annotator_read=True)
            result = conn.execute(sql("PRAGMA integrity_check")).scalar()
            if result != "ok":
                problems.append(f"sqlite integrity_check: {result}")
            for row in conn.execute(sql("PRAGMA foreign_key_check")):
                problems.append(f"broken reference in table {row[0]} row {row[1]}")
    docs = ws.repo.list_documents()
    n_spans = 0
    for doc in docs:
        text = ws.repo.document_text(doc.id)
        if text_sha256(text) != doc.sha256:
            problems.append(f"{doc.name}: text does not match its SHA-256")
        spans = ws.repo.spans(doc.id, all_annotators=True)
        n_spans += len(spans)
        by_uuid = {s.uuid: s for s in spans}
        for span in spans:
            try:
                validate_span(span, len(text), ws.schema)
            except EditError as exc:
                problems.append(f"{doc.name}: span {span.uuid}: {exc}")
        for rel in ws.repo.relations(doc.id, all_annotators=True):
            rtype = ws.schema.relation(rel.kind)
            head, tail = by_uuid.get(rel.head), by_uuid.get(rel.tail)
            if rtype is None or head is None or tail is None:
                problems.append(f"{doc.name}: link {rel.uuid} is dangling or of unknown kind")
            elif (head.layer, tail.layer) != (rtype.from_layer, rtype.to_layer):
                problems.append(f"{doc.name}: link {rel.uuid} joins the wrong layers")
    return problems, len(docs), n_spans
