"""Which reader handles which format and file extension. Writers register here too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from annotator.core.model import ImportedDocument
from annotator.core.schema import Schema
from annotator.formats import brat, conll, conllu, jsonl, txt
from annotator.formats.exporting import ExportDocument, ExportOptions, ExportReport, Progress


@dataclass(frozen=True)
class ReadOptions:
    encoding: str = "utf-8"
    map_tags: Path | None = None  # CoNLL: a file mapping foreign tags onto the schema's


Reader = Callable[[Path, Schema, ReadOptions], list[ImportedDocument]]

READERS: dict[str, Reader] = {
    "txt": lambda path, schema, opts: [txt.read_txt(path, opts.encoding)],
    "jsonl": lambda path, schema, opts: jsonl.read_jsonl(path, schema, opts.encoding),
    "conll": lambda path, schema, opts: conll.read_conll(
        path, schema, opts.encoding, opts.map_tags
    ),
    "conllu": lambda path, schema, opts: conllu.read_conllu(
        path, schema, opts.encoding, opts.map_tags
    ),
    "brat": lambda path, schema, opts: brat.read_brat(path, schema, opts.encoding),
}
# .txt stays plain text: CoNLL files named .txt (AQMAR, Wojood) need --format conll
EXTENSIONS: dict[str, str] = {
    ".txt": "txt", ".jsonl": "jsonl",
    ".conll": "conll", ".iob": "conll", ".bio": "conll", ".bioes": "conll", ".tsv": "conll",
    ".conllu": "conllu", ".ann": "brat",
}
# The files of a folder that an import with an explicit --format reads. CoNLL corpora are
# often shipped as .txt (AQMAR, Wojood): asking for conll on a folder means those too.
FOLDER_SUFFIXES: dict[str, tuple[str, ...]] = {
    "txt": (".txt",),
    "jsonl": (".jsonl",),
    "conll": (".conll", ".iob", ".bio", ".bioes", ".tsv", ".txt"),
    "conllu": (".conllu",),
    "brat": (".ann",),
}

StreamWriter = Callable[
    [Sequence[ExportDocument], TextIO, ExportOptions, ExportReport, Progress | None],
    ExportReport,
]
FolderWriter = Callable[
    [Sequence[ExportDocument], Path, ExportOptions, ExportReport, Progress | None],
    ExportReport,
]

# formats written as one stream (a file or stdout)
STREAM_WRITERS: dict[str, StreamWriter] = {
    "conll": conll.write_conll,
    "conllu": conllu.write_conllu,
    "jsonl": lambda docs, out, options, report, progress: jsonl.write_jsonl(
        docs, out, report, progress
    ),
}
# formats written as files in a folder
FOLDER_WRITERS: dict[str, FolderWriter] = {
    "brat": lambda docs, folder, options, report, progress: brat.write_brat(
        docs, folder, report, progress
    ),
}
WRITE_FORMATS: tuple[str, ...] = (*STREAM_WRITERS, *FOLDER_WRITERS)
