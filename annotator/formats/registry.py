"""Which reader handles which format and file extension. Writers register here too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import ImportedDocument
from annotator.core.schema import Schema
from annotator.formats import jsonl, txt


@dataclass(frozen=True)
class ReadOptions:
    encoding: str = "utf-8"
    map_tags: Path | None = None  # CoNLL: a file mapping foreign tags onto the schema's


Reader = Callable[[Path, Schema, ReadOptions], list[ImportedDocument]]

READERS: dict[str, Reader] = {
    "txt": lambda path, schema, opts: [txt.read_txt(path, opts.encoding)],
    "jsonl": lambda path, schema, opts: jsonl.read_jsonl(path, schema, opts.encoding),
}
EXTENSIONS: dict[str, str] = {".txt": "txt", ".jsonl": "jsonl"}
# formats read from a folder of several files (brat: .txt + .ann pairs) list their entry files
FOLDER_GLOBS: dict[str, str] = {"txt": "*.txt", "jsonl": "*.jsonl"}
