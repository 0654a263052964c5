"""Which documents an export holds: all, the open one, those marked done, or a selection.

Documents are told apart by their text's SHA-256 (two may share a name). A choice that holds
no document is refused in words: an export of nothing would look like a finished one.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from annotator.core.errors import AnnotatorError
from annotator.core.model import DONE
from annotator.formats.exporting import ExportDocument

ALL = "all"
CURRENT = "current"
DONE_DOCS = "done"
SELECTED = "selected"
SCOPES = (ALL, CURRENT, DONE_DOCS, SELECTED)


def in_scope(
    docs: Sequence[ExportDocument], scope: str, annotator: str,
    chosen: Collection[str] = (),
) -> list[ExportDocument]:
    """The documents of ``docs`` that ``scope`` keeps; ``chosen``: the hashes of the open
    document (``current``) or of the selected ones (``selected``)."""
    if scope == ALL:
        return list(docs)
    if scope == DONE_DOCS:
        kept = [d for d in docs if d.status == DONE]
        if not kept:
            raise AnnotatorError(
                f"no document is marked done by {annotator}; nothing was written")
        return kept
    if scope not in SCOPES:
        raise AnnotatorError(f"unknown choice of documents {scope!r}: {', '.join(SCOPES)}")
    kept = [d for d in docs if d.sha256 in chosen]
    if not kept:
        what = "no document is open" if scope == CURRENT else "no document is selected"
        raise AnnotatorError(f"{what}; nothing was written")
    return kept
