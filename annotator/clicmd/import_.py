"""``annotator import PATH...``: files and folders, all or nothing."""

from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path

from annotator.clicmd import help_of
from annotator.clicmd.common import open_workspace
from annotator.clicmd.progress import progress_printer
from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import ImportedDocument
from annotator.core.schema import Schema
from annotator.formats import txt
from annotator.formats.registry import EXTENSIONS, FOLDER_SUFFIXES, READERS, ReadOptions
from annotator.storage.importing import store_documents


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import", parents=[common], help=help_of("import")
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument(
        "--format",
        default="auto",
        choices=["auto", *sorted(READERS)],
        help="input format (default: from the file extension)",
    )
    p.add_argument("--encoding", default="utf-8", help="text encoding (default utf-8)")
    p.add_argument(
        "--map-tags", metavar="FILE",
        help="CoNLL/CoNLL-U: map foreign tags (lines of FOREIGN<TAB>OURS; OURS may be O)",
    )
    p.set_defaults(run=run)


def _format_of(path: Path, chosen: str) -> str:
    if chosen != "auto":
        return chosen
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(EXTENSIONS))
        raise InputError(
            str(path), f"cannot tell the format from the extension (known: {known}); give --format"
        )
    return fmt


def expand_paths(paths: list[str], chosen: str) -> list[tuple[Path, str]]:
    """Each input file with its format; a folder gives its files of that format (the GUI too)."""
    out: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            if chosen in ("auto", "txt"):
                out += [(p, "txt") for p in txt.txt_files(path)]
            else:
                wanted = FOLDER_SUFFIXES[chosen]
                found = sorted(
                    p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in wanted
                )
                if not found:
                    raise InputError(str(path), f"the folder holds no {chosen} file")
                out += [(p, chosen) for p in found]
        elif path.exists():
            out.append((path, _format_of(path, chosen)))
        else:
            raise InputError(str(path), "no such file or folder")
    return out


def read_all(
    paths: list[str], chosen: str, schema: Schema, args: argparse.Namespace
) -> list[ImportedDocument]:
    """Read every input before anything is stored: one bad file refuses the whole command."""
    try:
        codecs.lookup(args.encoding)
    except LookupError as exc:
        raise AnnotatorError(f"unknown encoding {args.encoding!r}") from exc
    options = ReadOptions(
        encoding=args.encoding, map_tags=Path(args.map_tags) if args.map_tags else None
    )
    docs: list[ImportedDocument] = []
    for path, fmt in expand_paths(paths, chosen):
        docs += READERS[fmt](path, schema, options)
    return docs


def run(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    docs = read_all(args.paths, args.format, ws.schema, args)
    report = store_documents(ws.repo, docs, progress=progress_printer("importing"))
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
