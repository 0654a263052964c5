"""``annotator import PATH...``: files and folders, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.clicmd import help_of
from annotator.clicmd.common import open_workspace
from annotator.clicmd.progress import progress_printer
from annotator.core.model import ImportedDocument
from annotator.formats.registry import READ_FORMATS
from annotator.workspace import Workspace, importing, suggestions


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser(
        "import", parents=[common], help=help_of("import")
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument(
        "--format",
        default="auto",
        choices=[importing.AUTO, *READ_FORMATS],
        help="input format (default: from the file extension)",
    )
    p.add_argument("--encoding", default="utf-8", help="text encoding (default utf-8)")
    p.add_argument(
        "--map-tags", metavar="FILE",
        help="CoNLL/CoNLL-U: map foreign tags (lines of FOREIGN<TAB>OURS; OURS may be O)",
    )
    p.add_argument(
        "--map-relations", metavar="FILE",
        help="JSONL (doccano, Prodigy): map foreign relation types onto link kinds (lines of "
        "FOREIGN<TAB>OURS [reverse]; OURS may be - to leave them out)",
    )
    p.add_argument(
        "--as-suggestions", action="store_true",
        help="read the files' spans as suggestions (a model run elsewhere), not annotations",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    options = importing.read_options(args.encoding, args.map_tags, args.map_relations)
    # the workspace is closed on a refusal too (a server connection); the cycle collector
    # waits while the input is read and stored (importing.paused_gc)
    with open_workspace(args) as ws, importing.paused_gc():
        return _import(ws, args, options)


def _import(ws: Workspace, args: argparse.Namespace, options: importing.ReadOptions) -> int:
    docs = importing.read_documents(args.paths, args.format, ws.schema, options)
    if args.as_suggestions:
        return _as_suggestions(ws, docs, args.paths)
    report = importing.store(ws, docs, progress=progress_printer("importing"))
    for name in report.already_present:
        print(f"{name}: already present (same text), not added again", file=sys.stderr)
    for warning in report.warnings:
        print(f"annotator: warning: {warning}", file=sys.stderr)
    print(
        f"imported {len(report.added)} document(s), {report.spans_added} span(s), "
        f"{report.relations_added} link(s); {len(report.already_present)} already present"
        + (f", {report.spans_skipped} span(s) already there" if report.spans_skipped else "")
    )
    return 0


def _as_suggestions(ws: Workspace, docs: list[ImportedDocument], paths: list[str]) -> int:
    source = ",".join(Path(p).name for p in paths)
    report = suggestions.import_as_suggestions(ws, docs, source)
    if report.relations_left_out:
        print(f"annotator: warning: {report.relations_left_out} link(s) left out: a link "
              "cannot be a suggestion", file=sys.stderr)
    print(
        f"imported {report.suggestions} suggestion(s) on {len(docs)} document(s) "
        f"({len(report.documents_added)} new, {len(report.documents_matched)} already "
        "present); no span was added"
    )
    return 0
