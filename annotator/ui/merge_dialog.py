"""File > Merge colleague's work: pick their database or JSONL export, merge, show the counts."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.storage.merge import MergeReport, merge_documents, read_source
from annotator.storage.workspace import Workspace

FILTER = "Annotator databases and exports (*.sqlite3 *.sqlite *.db *.jsonl);;All files (*)"
MAX_LISTED = 20


def run_merge_dialog(
    parent: QWidget | None, ws: Workspace, path: str | None = None, *, confirm: bool = True
) -> MergeReport | None:
    """Merge ``path`` (asked for when None) into ``ws`` and report the result in a message box.

    ``confirm=False`` shows no message box and lets errors through (the tests use it).
    """
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent, parent.tr("Merge colleague's work") if parent else "Merge", "", FILTER
        )
        if not path:
            return None
    try:
        report = merge_documents(ws.repo, read_source(path, ws.schema))
    except AnnotatorError as exc:
        if not confirm:
            raise
        QMessageBox.warning(parent, "Merge", str(exc))  # nothing was merged: one transaction
        return None
    if confirm:
        box = QMessageBox(QMessageBox.Icon.Information, "Merge", report.summary(), parent=parent)
        if report.conflicts:
            box.setInformativeText(
                f"{len(report.conflicts)} span(s) differ from ours and were left as ours."
            )
            box.setDetailedText(
                "\n".join(c.describe() for c in report.conflicts[:MAX_LISTED])
                + (f"\n… and {len(report.conflicts) - MAX_LISTED} more"
                   if len(report.conflicts) > MAX_LISTED else "")
            )
        box.exec()
    return report
