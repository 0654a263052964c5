"""Reports: agreement between annotators, counts, and the database's integrity check.

The command line prints them (``agree``, ``stats``, ``check``); ``stats --plot`` draws them
(``workspace.stats_plot``); scripts read the same objects.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy import text as sql

from annotator.core.corpus_agreement import AgreementReport, agreement_report
from annotator.core.errors import AnnotatorError
from annotator.core.model import STATUSES
from annotator.core.review import default_annotators
from annotator.storage.annotations import iter_documents
from annotator.storage.merge_rows import read_rows
from annotator.storage.tables import DOC, SPAN
from annotator.workspace.workspace import Workspace


def agreement(
    ws: Workspace,
    annotators: list[str] | None = None,
    layer: str | None = None,
    document: str | None = None,
) -> AgreementReport:
    """Span F1, token κ and α between annotators (default: everybody but gold)."""
    present = ws.annotators()
    names = annotators if annotators is not None else default_annotators(present)
    unknown = [n for n in names if n not in present]
    if unknown:
        raise AnnotatorError(
            f"no work by {', '.join(unknown)} in this database; annotators: "
            f"{', '.join(present) or 'none'}"
        )
    if len(names) < 2:
        raise AnnotatorError(
            f"agreement needs two annotators; this database has {', '.join(present) or 'none'}"
        )
    if layer is not None and layer not in ws.schema.layer_names:
        raise AnnotatorError(
            f"unknown layer {layer!r}; layers: {', '.join(ws.schema.layer_names)}"
        )
    layers = [layer] if layer else list(ws.schema.layer_names)
    doc_ids = [ws.document(document)] if document else None
    # a batch of documents at a time: the counts add up, the tokens are let go
    return agreement_report(iter_documents(ws.repo, names, doc_ids), names, layers)


def stats(ws: Workspace) -> dict[str, Any]:
    """Counts of documents, spans, links, statuses (the current annotator's) and labels."""
    repo = ws.repo
    per_annotator: dict[str, dict[str, int]] = {}
    for name in repo.annotators():
        counts = repo.label_counts(name)
        per_annotator[name] = {
            f"{layer}/{label}": n for (layer, label), n in sorted(counts.items())
        }
    docs = repo.list_documents()
    return {
        **repo.counts(),
        "status": {s: sum(1 for d in docs if d.status == s) for s in STATUSES},
        "labels": per_annotator,
    }


def check(ws: Workspace) -> tuple[list[str], int, int]:
    """Problems found, documents and spans checked.

    Every row is read as a merge reads a colleague's (``storage.merge_rows``, the rules of
    ``core.invariants``): offsets, layers, labels, attributes, links, references, hashes, and
    the text and name invariants both back ends share; on SQLite also its own checks.
    """
    problems: list[str] = []
    with ws.engine.connect() as conn:
        conn.execution_options(annotator_read=True)
        if ws.engine.dialect.name == "sqlite":
            result = conn.execute(sql("PRAGMA integrity_check")).scalar()
            if result != "ok":
                problems.append(f"sqlite integrity_check: {result}")
            for row in conn.execute(sql("PRAGMA foreign_key_check")):
                problems.append(f"broken reference in table {row[0]} row {row[1]}")
        read_rows(conn, ws.engine.url.render_as_string(), ws.schema, problems)
        n_docs = conn.execute(select(func.count()).select_from(DOC)).scalar_one()
        n_spans = conn.execute(select(func.count()).select_from(SPAN)).scalar_one()
    return problems, n_docs, n_spans
