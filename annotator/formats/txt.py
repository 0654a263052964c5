"""Plain text import: one document per file; a folder gives one document per ``.txt`` file."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import ImportedDocument
from annotator.formats.decoding import read_text


def read_txt(path: Path, encoding: str = "utf-8") -> ImportedDocument:
    text = read_text(path, encoding)
    return ImportedDocument(name=path.stem, text=text, meta={"source": path.name})


def txt_files(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    if not files:
        raise InputError(str(folder), "the folder holds no .txt file")
    return files
