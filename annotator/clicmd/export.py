"""``annotator export``: training data out, written atomically, losses reported on stderr.

The GUI's export dialog uses :func:`gather_documents` and :func:`write_export` too, so both
front ends write the same bytes and the same report.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator.clicmd import help_of
from annotator.clicmd.common import open_workspace
from annotator.clicmd.progress import progress_printer
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, Relation
from annotator.formats.exporting import ExportDocument, ExportOptions, ExportReport, Progress
from annotator.formats.registry import FOLDER_WRITERS, STREAM_WRITERS, WRITE_FORMATS
from annotator.formats.tagging import SCHEMES
from annotator.storage.repository import Repository

TAG_FORMATS = ("conll", "conllu")  # formats whose --layers default is entity only


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
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
        help="layers to write (default: entity for conll/conllu, all for jsonl/brat)",
    )
    p.add_argument("--scheme", choices=SCHEMES, default="iob2", help="tag scheme (conll/conllu)")
    p.add_argument(
        "--nested", type=int, default=1, metavar="N",
        help="tag columns per layer for nested spans, outer first (default 1)",
    )
    p.add_argument("--no-docstart", action="store_true", help="conll: no -DOCSTART- lines")
    p.add_argument("--documents", metavar="NAME,...", help="only these documents")
    p.add_argument(
        "-o", "--output", default="-", metavar="PATH",
        help="output file, - for stdout (default); a folder for brat",
    )
    p.set_defaults(run=run, parser=p)


def gather_documents(
    repo: Repository,
    annotator: str,
    names: Sequence[str] | None = None,
    layers: Sequence[str] | None = None,
) -> list[ExportDocument]:
    """One annotator's spans and links on the chosen documents (all, by name, by default)."""
    rows = repo.list_documents(annotator)
    if names:
        wanted = []
        for name in names:
            doc_id = repo.find_document(name)
            if doc_id is None:
                raise AnnotatorError(f"no document named {name!r}")
            wanted.append(doc_id)
        by_id = {row.id: row for row in rows}
        rows = [by_id[doc_id] for doc_id in dict.fromkeys(wanted)]
    docs = []
    for row in rows:
        spans = repo.spans(row.id, annotator)
        if layers is not None:
            spans = [s for s in spans if s.layer in layers]
        kept = {s.uuid for s in spans}
        relations: list[Relation] = []
        provenance: dict[str, dict[str, Any]] = {}
        if kept:  # links and provenance hang on spans: without spans there are none to ask for
            relations = [
                r for r in repo.relations(row.id, annotator) if r.head in kept and r.tail in kept
            ]
            provenance = {
                uuid: prov
                for uuid, prov in repo.span_provenances(row.id, annotator).items()
                if uuid in kept
            }
        docs.append(
            ExportDocument(
                name=row.name, text=repo.document_text(row.id), sha256=row.sha256,
                spans=spans, relations=relations, meta=repo.document_meta(row.id),
                annotator=annotator, status=row.status, provenance=provenance,
            )
        )
    return docs


def write_export(
    fmt: str,
    docs: Sequence[ExportDocument],
    output: Path | None,
    options: ExportOptions,
    progress: Progress | None = None,
) -> tuple[ExportReport, str | None]:
    """Write ``docs``; ``output`` None means return the text instead (for stdout).

    Nothing partial is left behind: a file is written beside its target and renamed over it;
    brat files are written into a fresh folder whose files are then moved into place.
    """
    report = ExportReport()
    if fmt in FOLDER_WRITERS:
        if output is None:
            raise AnnotatorError(f"{fmt} writes a folder of files: give -o DIR")
        _write_folder(fmt, docs, output, options, report, progress)
        return report, None
    writer = STREAM_WRITERS[fmt]
    if output is None:
        buffer = io.StringIO()
        writer(docs, buffer, options, report, progress)
        return report, buffer.getvalue()
    target = output.resolve()
    if not target.parent.is_dir():
        raise AnnotatorError(f"{output}: the folder {target.parent} does not exist")
    if target.is_dir():
        raise AnnotatorError(f"{output} is a folder; {fmt} writes one file")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            writer(docs, out, options, report, progress)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return report, None


def _write_folder(
    fmt: str,
    docs: Sequence[ExportDocument],
    folder: Path,
    options: ExportOptions,
    report: ExportReport,
    progress: Progress | None,
) -> None:
    if folder.exists() and not folder.is_dir():
        raise AnnotatorError(f"{folder} is a file; {fmt} writes a folder")
    folder = folder.resolve()
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        FOLDER_WRITERS[fmt](docs, staging, options, report, progress)
        if not folder.exists():
            staging.rename(folder)
            return
        for path in sorted(staging.iterdir()):
            os.replace(path, folder / path.name)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _options(args: argparse.Namespace, layer_names: Sequence[str]) -> tuple[str, ...]:
    if args.layers is None:
        return ("entity",) if args.format in TAG_FORMATS else tuple(layer_names)
    layers = tuple(dict.fromkeys(x.strip() for x in args.layers.split(",") if x.strip()))
    unknown = [x for x in layers if x not in layer_names]
    if unknown or not layers:
        args.parser.error(
            f"unknown layer(s) {', '.join(unknown) or '(none given)'}; "
            f"the schema has {', '.join(layer_names)}"
        )
    return layers


def run(args: argparse.Namespace) -> int:
    if args.gold and getattr(args, "annotator", None):
        args.parser.error("give --annotator NAME or --gold, not both")
    if args.nested < 1:
        args.parser.error("--nested must be at least 1")
    ws = open_workspace(args)
    try:
        layers = _options(args, ws.schema.layer_names)
        annotator = GOLD if args.gold else ws.annotator
        if args.gold or getattr(args, "annotator", None):
            ws.repo.annotator_id(annotator, create=False)  # a named annotator must exist
        names = [n for n in (args.documents or "").split(",") if n] or None
        docs = gather_documents(ws.repo, annotator, names, layers)
    finally:
        ws.close()
    options = ExportOptions(
        layers=layers, scheme=args.scheme, nested=args.nested, docstart=not args.no_docstart
    )
    output = None if args.output == "-" else Path(args.output)
    report, text = write_export(
        args.format, docs, output, options, progress_printer("exporting")
    )
    if text is not None:
        sys.stdout.write(text)
        sys.stdout.flush()
    for line in report.summary():
        print(line, file=sys.stderr)
    return 0
