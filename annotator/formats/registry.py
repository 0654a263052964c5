"""The formats: for each, its name, file extensions, reader, writer and what it can hold.

The one owner of per-format policy: the command line's choices, the GUI's import and export
dialogs and the README's format table (checked by a test) all read :data:`FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from annotator.core.errors import InputError
from annotator.core.model import ImportedDocument
from annotator.core.schema import Schema
from annotator.formats import brat, conll, conllu, jsonl, txt
from annotator.formats.exporting import ExportDocument, ExportOptions, ExportReport, Progress


@dataclass(frozen=True)
class ReadOptions:
    encoding: str = "utf-8"
    map_tags: Path | None = None  # CoNLL: a file mapping foreign tags onto the schema's


Reader = Callable[[Path, Schema, ReadOptions], list[ImportedDocument]]
StreamWriter = Callable[
    [Sequence[ExportDocument], TextIO, ExportOptions, ExportReport, Progress | None],
    ExportReport,
]
FolderWriter = Callable[
    [Sequence[ExportDocument], Path, ExportOptions, ExportReport, Progress | None],
    ExportReport,
]


@dataclass(frozen=True)
class Format:
    """One file format.

    Attributes:
        name: what ``--format`` and the dialogs call it.
        description: a line for people (README table, dialogs).
        extensions: the file extensions that name it on import (``auto``).
        folder_suffixes: the files of a folder an import with this format reads.
        reader / stream_writer / folder_writer: None where the format goes one way only.
        tags: a token-per-line tag format: its export writes the entity layer unless asked
            for others, and its reader takes a tag map.
        holds: what the format can carry besides spans, of :data:`CAPABILITIES`; its writer
            reports what it leaves out of the rest (a test holds the two together), and the
            export dialog says so before the export.
    """

    name: str
    description: str
    extensions: tuple[str, ...] = ()
    folder_suffixes: tuple[str, ...] = ()
    reader: Reader | None = None
    stream_writer: StreamWriter | None = None
    folder_writer: FolderWriter | None = None
    tags: bool = False
    holds: frozenset[str] = frozenset()

    @property
    def writes_folder(self) -> bool:
        return self.folder_writer is not None

    def cannot_hold(self) -> tuple[str, ...]:
        return tuple(c for c in CAPABILITIES if c not in self.holds)

    def default_layers(self, layer_names: Sequence[str]) -> tuple[str, ...]:
        """The layers an export writes when none are chosen."""
        return ("entity",) if self.tags else tuple(layer_names)


# what a format may or may not carry besides spans (tag columns: one span per token and column)
CAPABILITIES = ("overlaps", "links", "attributes")

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "txt", "plain text, one document per file",
            extensions=(".txt",), folder_suffixes=(".txt",),
            reader=lambda path, schema, opts: [txt.read_txt(path, opts.encoding)],
        ),
        Format(
            "conll", "token and one IOB2/BIOES tag column per layer",
            extensions=(".conll", ".iob", ".bio", ".bioes", ".tsv"),
            # CoNLL corpora are often shipped as .txt (AQMAR, Wojood): asking for conll on a
            # folder means those too; a single .txt stays plain text unless --format says so
            folder_suffixes=(".conll", ".iob", ".bio", ".bioes", ".tsv", ".txt"),
            reader=lambda path, schema, opts: conll.read_conll(
                path, schema, opts.encoding, opts.map_tags
            ),
            stream_writer=conll.write_conll,
            tags=True,
        ),
        Format(
            "conllu", "CoNLL-U Plus: UD columns and tag columns; the text is rebuilt exactly",
            extensions=(".conllu",), folder_suffixes=(".conllu",),
            reader=lambda path, schema, opts: conllu.read_conllu(
                path, schema, opts.encoding, opts.map_tags
            ),
            stream_writer=conllu.write_conllu,
            tags=True,
        ),
        Format(
            "jsonl", "JSON lines: text, spans, links, attributes, status, provenance",
            extensions=(".jsonl",), folder_suffixes=(".jsonl",),
            reader=lambda path, schema, opts: jsonl.read_jsonl(path, schema, opts.encoding),
            stream_writer=lambda docs, out, options, report, progress: jsonl.write_jsonl(
                docs, out, report, progress
            ),
            holds=frozenset({"overlaps", "links", "attributes"}),
        ),
        Format(
            "brat", "brat standoff: .txt and .ann, spans, links and attributes",
            extensions=(".ann",), folder_suffixes=(".ann",),
            reader=lambda path, schema, opts: brat.read_brat(path, schema, opts.encoding),
            folder_writer=lambda docs, folder, options, report, progress: brat.write_brat(
                docs, folder, report, progress
            ),
            holds=frozenset({"overlaps", "links", "attributes"}),
        ),
    )
}

READERS: dict[str, Reader] = {n: f.reader for n, f in sorted(FORMATS.items()) if f.reader}
READ_FORMATS: tuple[str, ...] = tuple(READERS)
# in the order of FORMATS: --help and the export dialog list conll first
WRITE_FORMATS: tuple[str, ...] = tuple(
    n for n, f in FORMATS.items() if f.stream_writer or f.folder_writer
)
# extension -> format, for ``--format auto``; .txt stays plain text (see conll above)
EXTENSIONS: dict[str, str] = {ext: f.name for f in FORMATS.values() for ext in f.extensions}


def format_of(path: Path) -> str:
    """The format an import without ``--format`` reads ``path`` as; unknown is refused."""
    name = EXTENSIONS.get(path.suffix.lower())
    if name is None:
        known = ", ".join(sorted(EXTENSIONS))
        raise InputError(
            str(path), f"cannot tell the format from the extension (known: {known}); give --format"
        )
    return name
