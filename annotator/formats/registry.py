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
from annotator.formats import (
    brat,
    brat_conf,
    conll,
    conllu,
    hf,
    jsonl,
    label_studio,
    txt,
    webanno,
    webanno_read,
)
from annotator.formats.exporting import (
    Blocks,
    ExportDocument,
    ExportOptions,
    ExportReport,
    Progress,
)


@dataclass(frozen=True)
class ReadOptions:
    encoding: str = "utf-8"
    map_tags: Path | None = None  # CoNLL: a file mapping foreign tags onto the schema's
    # JSONL (doccano, Prodigy): a file mapping foreign relation types onto the schema's links
    map_relations: Path | None = None


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
        blocks: the stream writer as document blocks, where its file is nothing else.
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
    # the stream writer's file is one block per document: a large export may format its
    # documents in several processes (workspace.export_parallel)
    blocks: Blocks | None = None
    tags: bool = False
    holds: frozenset[str] = frozenset()
    # the bytes a file of this format starts with (after a BOM): ``auto`` reads such a file
    # as this format whatever its extension says
    signature: bytes = b""

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
            blocks=conll.BLOCKS,
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
            reader=lambda path, schema, opts: jsonl.read_jsonl(
                path, schema, opts.encoding, opts.map_relations
            ),
            stream_writer=lambda docs, out, options, report, progress: jsonl.write_jsonl(
                docs, out, report, progress
            ),
            holds=frozenset({"overlaps", "links", "attributes"}),
        ),
        # doccano's and Prodigy's exports are .jsonl: auto (jsonl) reads each line as its keys
        # say; naming the tool refuses a line of another one
        Format(
            jsonl.DOCCANO, "doccano JSONL export: label or entities and relations, comments",
            folder_suffixes=(".jsonl",),
            reader=lambda path, schema, opts: jsonl.read_jsonl(
                path, schema, opts.encoding, opts.map_relations, jsonl.DOCCANO
            ),
        ),
        Format(
            jsonl.PRODIGY, "Prodigy db-out JSONL: accepted tasks, token spans, relations",
            folder_suffixes=(".jsonl",),
            reader=lambda path, schema, opts: jsonl.read_jsonl(
                path, schema, opts.encoding, opts.map_relations, jsonl.PRODIGY
            ),
        ),
        Format(
            "brat", "brat standoff: .txt and .ann, spans, links and attributes",
            extensions=(".ann",), folder_suffixes=(".ann",),
            reader=lambda path, schema, opts: brat.read_brat(path, schema, opts.encoding),
            # with annotation.conf and visual.conf, so brat's server shows the collection
            folder_writer=brat_conf.write_brat_folder,
            holds=frozenset({"overlaps", "links", "attributes"}),
        ),
        Format(
            label_studio.FULL, "Label Studio JSON export: tasks, each annotator's regions, "
            "relations and per-region choices",
            # either Label Studio export: the reader tells the full one from JSON-MIN
            extensions=(".json",), folder_suffixes=(".json",),
            reader=lambda path, schema, opts: label_studio.read_label_studio(
                path, schema, opts.encoding
            ),
            stream_writer=label_studio.write_label_studio,
            holds=frozenset({"overlaps", "links", "attributes"}),
        ),
        Format(
            label_studio.MIN, "Label Studio JSON-MIN: one record per annotation, regions only",
            folder_suffixes=(".json",),
            reader=lambda path, schema, opts: label_studio.read_label_studio(
                path, schema, opts.encoding, label_studio.MIN
            ),
            stream_writer=label_studio.write_label_studio_min,
            holds=frozenset({"overlaps"}),
        ),
        Format(
            "webanno", "WebAnno TSV 3.3 (INCEpTION): one .tsv per document, spans, links, "
            "attributes",
            # .tsv is CoNLL's too: a .tsv whose first line is WebAnno's header is read as this
            folder_suffixes=(".tsv",),
            reader=lambda path, schema, opts: webanno_read.read_webanno(
                path, schema, opts.encoding
            ),
            folder_writer=webanno.write_webanno,
            holds=frozenset({"overlaps", "links", "attributes"}),
            signature=webanno.FORMAT_PREFIX,
        ),
        Format(
            "hf", "Hugging Face datasets folder (load_from_disk): tokens, ner_tags as ClassLabel, "
            "the document per row; needs the datasets package",
            folder_writer=hf.write_hf,
            tags=True,
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


def _signed(path: Path) -> str | None:
    """The format whose signature the file starts with, if any."""
    signed = [f for f in FORMATS.values() if f.signature]
    try:
        with path.open("rb") as stream:
            head = stream.read(64).removeprefix(b"\xef\xbb\xbf")
    except OSError:
        return None  # the reader says why it cannot read the file
    return next((f.name for f in signed if head.startswith(f.signature)), None)


def format_of(path: Path) -> str:
    """The format an import without ``--format`` reads ``path`` as; unknown is refused."""
    name = _signed(path) or EXTENSIONS.get(path.suffix.lower())
    if name is None:
        known = ", ".join(sorted(EXTENSIONS))
        raise InputError(
            str(path), f"cannot tell the format from the extension (known: {known}); give --format"
        )
    return name


def folder_files(folder: Path) -> list[tuple[Path, str]]:
    """The files an import without ``--format`` reads from ``folder``, each with its format.

    An ``.ann`` file is a brat document: its ``.txt`` beside it is its text, not a document of
    its own (read as plain text, a brat collection gave every document with 0 spans). Every
    other ``.txt`` is plain text: brat shows a text without ``.ann`` as unannotated.
    """
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    anns = [p for p in files if p.suffix.lower() == ".ann"]
    texts_of_anns = {p.with_suffix(".txt") for p in anns}
    found = [(p, "brat") for p in anns] + [
        (p, "txt") for p in files if p.suffix.lower() == ".txt" and p not in texts_of_anns
    ]
    if not found:
        raise InputError(str(folder), "the folder holds no .txt or .ann file")
    return sorted(found)
