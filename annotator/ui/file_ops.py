"""File menu work that needs no window of its own: importing files and the sample document."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import ImportedDocument
from annotator.core.schema import resources_path
from annotator.formats.registry import EXTENSIONS, READERS, ReadOptions
from annotator.formats.txt import read_txt
from annotator.storage.importing import ImportReport, store_documents
from annotator.storage.workspace import Workspace

SAMPLE = "sample/sample_ar.txt"


def import_files(ws: Workspace, paths: list[Path]) -> ImportReport:
    """Read every file first, then store them all in one transaction (all or nothing)."""
    docs: list[ImportedDocument] = []
    for path in paths:
        fmt = EXTENSIONS.get(path.suffix.lower(), "txt")
        docs += READERS[fmt](path, ws.schema, ReadOptions())
    return store_documents(ws.repo, docs)


def import_sample(ws: Workspace) -> int:
    """Store the shipped sample article (once; a second call finds it by hash). Its id."""
    doc = read_txt(resources_path(SAMPLE))
    doc.name = "sample_ar"
    return store_documents(ws.repo, [doc]).doc_ids[0]

