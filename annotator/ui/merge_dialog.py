"""File > Merge colleague's work: pick their database or JSONL export, merge, show the counts.

Strings are translated in the ``MergeDialog`` context, spelled out in full each time
(``QCoreApplication.translate``): these are functions, not methods of a QObject, and
``parent.tr`` would be looked up under the parent's class at run time but filed by
pyside6-lupdate under a context named "parent".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.workspace import Workspace
from annotator.workspace.merging import MergeReport, merge, read_source

MAX_LISTED = 20


def describe(report: MergeReport) -> str:
    """The counts of a merge, for people."""
    return "\n".join((
        QCoreApplication.translate("MergeDialog", "Documents: %1 added, %2 matched")
        .replace("%1", str(len(report.documents_added)))
        .replace("%2", str(len(report.documents_matched))),
        QCoreApplication.translate("MergeDialog", "Spans: %1 added, %2 identical, %3 conflicting")
        .replace("%1", str(report.spans_added)).replace("%2", str(report.spans_identical))
        .replace("%3", str(len(report.conflicts))),
        QCoreApplication.translate("MergeDialog", "Links added: %1; statuses added: %2")
        .replace("%1", str(report.relations_added)).replace("%2", str(report.statuses_added)),
        *_decision_lines(report),
    ))


def _decision_lines(report: MergeReport) -> list[str]:
    """Curators' review decisions, when the source carried any."""
    merged = report.decisions
    if not (merged.added or merged.identical or merged.conflicts):
        return []
    return [
        QCoreApplication.translate(
            "MergeDialog", "Review decisions: %1 added, %2 identical, %3 conflicting"
        )
        .replace("%1", str(merged.added)).replace("%2", str(merged.identical))
        .replace("%3", str(len(merged.conflicts)))
    ]


def run_merge_dialog(
    parent: QWidget | None, ws: Workspace, path: str | None = None, *, confirm: bool = True
) -> MergeReport | None:
    """Merge ``path`` (asked for when None) into ``ws`` and report the result in a message box.

    ``confirm=False`` shows no message box and lets errors through (the tests use it).
    """
    title = QCoreApplication.translate("MergeDialog", "Merge colleague's work")
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent, title, "", QCoreApplication.translate(
                "MergeDialog",
                "Annotator databases and exports (*.sqlite3 *.sqlite *.db *.jsonl);;All files (*)",
            ),
        )
        if not path:
            return None
    try:
        report = merge(ws, read_source(path, ws.schema))
    except AnnotatorError as exc:
        if not confirm:
            raise
        message = QCoreApplication.translate("MergeDialog", "Nothing was merged: %1")
        QMessageBox.warning(parent, title, message.replace("%1", str(exc)))  # one transaction
        return None
    if confirm:
        box = QMessageBox(QMessageBox.Icon.Information, title, describe(report), parent=parent)
        conflicts = [c.describe() for c in report.conflicts]
        conflicts += [c.describe() for c in report.decisions.conflicts]
        if conflicts:
            box.setInformativeText(
                QCoreApplication.translate(
                    "MergeDialog", "%1 item(s) differ from ours and were left as ours."
                ).replace("%1", str(len(conflicts)))
            )
            more = len(conflicts) - MAX_LISTED
            box.setDetailedText(
                "\n".join(conflicts[:MAX_LISTED])
                + ("\n" + QCoreApplication.translate("MergeDialog", "… and %1 more")
                   .replace("%1", str(more)) if more > 0 else "")
            )
        box.exec()
    return report
