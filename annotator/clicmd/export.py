"""``annotator export``: training data out, written atomically, losses reported on stderr.

The work is ``workspace.exporting``'s, shared with the GUI's export dialog.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from annotator.clicmd import help_of
from annotator.clicmd.common import open_workspace
from annotator.clicmd.progress import progress_printer
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD
from annotator.formats.registry import WRITE_FORMATS
from annotator.formats.tagging import SCHEMES
from annotator.workspace.exporting import (
    DOC_SEPARATORS,
    ExportOptions,
    default_workers,
    export_layers,
    stored_documents,
    write_export,
)


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser(
        "export", parents=[common], help=help_of("export"),
        description="Export one annotator's annotations (the current one, --annotator NAME or "
        "--gold). Tokens cut at span edges, removed sentence breaks and dropped spans are "
        "reported on stderr.",
    )
    p.add_argument("--format", required=True, choices=WRITE_FORMATS)
    p.add_argument("--gold", action="store_true", help="export the adjudicated gold annotator")
    p.add_argument(
        "--layers", metavar="L,L",
        help="layers to write (default: entity for conll/conllu/hf, all for the others)",
    )
    p.add_argument(
        "--scheme", choices=SCHEMES, default="iob2",
        help="tag scheme (conll/conllu); spaCy's ner converter reads iob2 or bilou, not bioes",
    )
    p.add_argument(
        "--nested", type=int, default=1, metavar="N",
        help="tag columns per layer for nested spans, outer first (default 1)",
    )
    p.add_argument(
        "--doc-separator", choices=DOC_SEPARATORS, default="none",
        help="conll, between documents: nothing (default; flair, pandas, seqeval), the "
        "'-DOCSTART- -X- O O' line (conll2003; spaCy's ner converter splits on it), or "
        "-DOCSTART- as a token tagged O (token)",
    )
    # the default now; kept so that scripts written for the old default still run
    p.add_argument("--no-docstart", action="store_true", help=argparse.SUPPRESS)
    p.add_argument(
        "--misc-tags", action="store_true",
        help="conllu: the tag column as NE=TAG in MISC, ten columns (spaCy's conllu converter)",
    )
    p.add_argument("--documents", metavar="NAME,...", help="only these documents")
    p.add_argument(
        "--jobs", type=int, default=default_workers(), metavar="N",
        help="conll: processes that format a large export (default: the cores, at most 4; "
        "1: this process alone); the file is the same",
    )
    p.add_argument(
        "-o", "--output", default="-", metavar="PATH",
        help="output file, - for stdout (default); a folder for brat, webanno and hf",
    )
    p.set_defaults(run=run, parser=p)


def _options(args: argparse.Namespace, layer_names: Sequence[str]) -> tuple[str, ...]:
    chosen = None
    if args.layers is not None:
        chosen = [x.strip() for x in args.layers.split(",") if x.strip()]
    try:
        return export_layers(args.format, layer_names, chosen)
    except AnnotatorError as exc:
        parser: argparse.ArgumentParser = args.parser
        parser.error(str(exc))  # wrong usage: exit 2


def run(args: argparse.Namespace) -> int:
    if args.gold and getattr(args, "annotator", None):
        args.parser.error("give --annotator NAME or --gold, not both")
    if args.nested < 1:
        args.parser.error("--nested must be at least 1")
    if args.jobs < 1:
        args.parser.error("--jobs must be at least 1")
    ws = open_workspace(args)
    try:
        layers = _options(args, ws.schema.layer_names)
        annotator = GOLD if args.gold else ws.annotator
        if args.gold or getattr(args, "annotator", None):
            ws.require_annotator(annotator)  # a named annotator must exist
        names = [n for n in (args.documents or "").split(",") if n] or None
        # each document is read when the writer reaches it, so the database stays open
        # until the writing ends and memory holds one document, not the corpus
        docs = stored_documents(ws, annotator, names, layers)
        if args.no_docstart and args.doc_separator != "none":
            args.parser.error("--no-docstart contradicts --doc-separator " + args.doc_separator)
        try:
            options = ExportOptions(
                layers=layers, scheme=args.scheme, nested=args.nested,
                doc_separator=args.doc_separator, misc_tags=args.misc_tags, schema=ws.schema,
            )
        except ValueError as exc:
            args.parser.error(str(exc))  # wrong usage: exit 2
        output = None if args.output == "-" else Path(args.output)
        # the writing makes no reference cycles (a document's values are freed as the next one
        # is read), so the cycle collector's passes over millions of new objects are pure cost
        # in this short-lived process: an eighth of a large export's time
        gc.disable()
        try:
            report, text = write_export(
                args.format, docs, output, options, progress_printer("exporting"),
                workers=args.jobs,
            )
        finally:
            gc.enable()
    finally:
        ws.close()
    if text is not None:
        sys.stdout.write(text)
        sys.stdout.flush()
    for line in report.summary():
        print(line, file=sys.stderr)
    return 0
