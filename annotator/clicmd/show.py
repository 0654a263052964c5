"""``annotator show DOCNAME``: a document and its spans in the terminal."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from annotator.clicmd import help_of
from annotator.clicmd.common import open_workspace


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser("show", parents=[common], help=help_of("show"))
    p.add_argument("document", metavar="DOCNAME", help="name, SHA-256 prefix or id")
    p.add_argument(
        "--visual",
        action="store_true",
        help="reshape and reorder Arabic for terminals without bidi support",
    )
    p.add_argument("--all", action="store_true", help="spans of every annotator")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    doc_id = ws.document(args.document)
    info = ws.document_info(doc_id)
    text = ws.document_text(doc_id)
    spans = ws.spans(doc_id, all_annotators=args.all)
    relations = ws.relations(doc_id, all_annotators=args.all)
    conv = _converter(args.visual)
    print(f"# {info.name}  ({info.length} characters, sha256 {info.sha256[:12]})")
    print(conv(text))
    if spans:
        print(f"\n# {len(spans)} span(s)" + ("" if args.all else f" by {ws.annotator}"))
        index = {s.uuid: n for n, s in enumerate(spans, start=1)}
        for n, span in enumerate(spans, start=1):
            who = f" [{span.annotator}]" if args.all else ""
            covered = span.covered(text).replace("\n", " ")
            print(
                f"{n:>4}  {span.start}-{span.end}  {span.layer}/{span.label}{who}  {conv(covered)}"
            )
        for rel in relations:
            print(
                f"      link {rel.kind}: #{index.get(rel.head, '?')} -> #{index.get(rel.tail, '?')}"
            )
    return 0


def _converter(visual: bool) -> Callable[[str], str]:
    if not visual:
        return lambda s: s
    from annotator.display.visual import visual_lines

    return visual_lines
