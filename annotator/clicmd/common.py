"""Helpers the subcommands share: opening the workspace, finding a document."""

from __future__ import annotations

import argparse

from annotator.core.errors import AnnotatorError
from annotator.storage.workspace import Workspace


def open_workspace(args: argparse.Namespace) -> Workspace:
    return Workspace.open(getattr(args, "db", None), getattr(args, "annotator", None))


def find_document(ws: Workspace, name: str) -> int:
    doc_id = ws.repo.find_document(name)
    if doc_id is None:
        names = [d.name for d in ws.repo.list_documents()]
        hint = f"; documents: {', '.join(names[:10])}" if names else "; the database is empty"
        raise AnnotatorError(f"no document named {name!r}{hint}")
    return doc_id
