"""File > Export: the choices of ``annotator export``, run off the GUI thread, with a summary.

The database is read on the GUI thread (the workspace's SQLite connection belongs to it); only
the formatting and writing run in a worker, which touches no database. Both front ends call
the same :func:`annotator.workspace.exporting.write_export`, so they write the same bytes and report
the same splits and drops.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD
from annotator.formats.registry import FORMATS, WRITE_FORMATS
from annotator.formats.tagging import SCHEMES
from annotator.ui.job_dialog import job_footer
from annotator.workspace import Workspace
from annotator.workspace.export_scope import ALL, CURRENT, DONE_DOCS, SELECTED, in_scope
from annotator.workspace.exporting import (
    ExportDocument,
    ExportOptions,
    ExportReport,
    gather_documents,
    write_export,
)


class _WorkerSignals(QObject):
    progress = Signal(int, int)
    done = Signal(object)  # ExportReport
    failed = Signal(str)


class _ExportWorker(QRunnable):
    """Formats and writes already gathered documents; never touches the database."""

    def __init__(
        self, fmt: str, docs: Sequence[ExportDocument], output: Path, options: ExportOptions
    ) -> None:
        super().__init__()
        self.fmt, self.docs, self.output, self.options = fmt, docs, output, options
        self.signals = _WorkerSignals()

    def run(self) -> None:
        try:
            report, _ = write_export(
                self.fmt, self.docs, self.output, self.options, self.signals.progress.emit
            )
        except (AnnotatorError, OSError) as exc:
            self.signals.failed.emit(str(exc))
        else:
            self.signals.done.emit(report)


class ExportDialog(QDialog):
    """Export choices, a progress bar and the report of what the format could not hold.

    Attributes:
        report: the last finished export's report (None before one finishes).
        error: the last failure's message, if any.
    """

    def __init__(
        self, ws: Workspace, parent: QWidget | None = None,
        current: str | None = None, selected: Sequence[str] = (),
    ) -> None:
        """``current``, ``selected``: SHA-256 of the open document and of those selected in
        the document list, for the "which documents" choice."""
        super().__init__(parent)
        self.ws = ws
        self.current, self.selected = current, list(selected)
        self.report: ExportReport | None = None
        self.error: str | None = None
        self._worker: _ExportWorker | None = None
        self.setWindowTitle(self.tr("Export"))
        self.format_box = QComboBox()
        self.format_box.addItems(list(WRITE_FORMATS))
        # what the chosen format cannot hold, said before the export (the registry's word)
        self.format_note = QLabel()
        self.format_note.setWordWrap(True)
        self.annotator_box = QComboBox()
        names = [ws.annotator, *(n for n in ws.annotators() if n != ws.annotator)]
        self.annotator_box.addItems(names if GOLD in names else [*names, GOLD])
        self.layer_checks = {name: QCheckBox(name) for name in ws.schema.layer_names}
        self.scope_box = self._scope_box()
        self.scheme_box = QComboBox()
        self.scheme_box.addItems(list(SCHEMES))
        self.nested_spin = QSpinBox()
        self.nested_spin.setRange(1, 9)
        self.docstart_check = QCheckBox(self.tr("-DOCSTART- line before each document"))
        # off by default, as on the command line: flair and pandas read that line as a token
        self.docstart_check.setChecked(False)
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.progress, self.summary, self.buttons, self.export_button = job_footer(
            self, self.tr("Export"), self.start_export
        )
        self._lay_out(browse)
        self.format_box.currentTextChanged.connect(self._format_changed)
        self._format_changed(self.format_box.currentText())

    def _scope_box(self) -> QComboBox:
        box = QComboBox()
        selected = self.tr("Documents selected in the list")
        choices = (
            (ALL, self.tr("All documents"), True),
            (CURRENT, self.tr("The open document"), self.current is not None),
            (DONE_DOCS, self.tr("Documents marked done"), True),
            (SELECTED, f"{selected} ({len(self.selected)})", bool(self.selected)),
        )
        for scope, text, enabled in choices:
            box.addItem(text, scope)
            item = cast(QStandardItemModel, box.model()).item(box.count() - 1)
            item.setEnabled(enabled)
        return box

    def _lay_out(self, browse: QPushButton) -> None:
        layers = QHBoxLayout()
        for check in self.layer_checks.values():
            layers.addWidget(check)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format_box)
        form.addRow("", self.format_note)
        form.addRow(self.tr("Annotator"), self.annotator_box)
        form.addRow(self.tr("Documents"), self.scope_box)
        form.addRow(self.tr("Layers"), layers)
        form.addRow(self.tr("Tag scheme"), self.scheme_box)
        form.addRow(self.tr("Nested columns per layer"), self.nested_spin)
        form.addRow("", self.docstart_check)
        form.addRow(self.tr("Save to"), path_row)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.progress)
        box.addWidget(self.summary)
        box.addWidget(self.buttons)

    @Slot(str)
    def _format_changed(self, fmt: str) -> None:
        tagged = FORMATS[fmt].tags
        defaults = FORMATS[fmt].default_layers(tuple(self.layer_checks))
        for name, check in self.layer_checks.items():
            check.setChecked(name in defaults)
        self.scheme_box.setEnabled(tagged)
        self.nested_spin.setEnabled(tagged)
        self.docstart_check.setEnabled(fmt == "conll")
        self.format_note.setText(self.holds_note(fmt))

    def holds_note(self, fmt: str) -> str:
        names = {
            "overlaps": self.tr("overlapping spans"),
            "links": self.tr("links"),
            "attributes": self.tr("attributes"),
        }
        missing = [names[c] for c in FORMATS[fmt].cannot_hold()]
        if not missing:
            return self.tr("Holds overlapping spans, links and attributes.")
        # the list separator is translated: Arabic writes "، "
        return self.tr("Cannot hold: %1. What is left out is counted in the summary.").replace(
            "%1", self.tr(", ").join(missing)
        )

    def _browse(self) -> None:
        fmt = self.format_box.currentText()
        if FORMATS[fmt].writes_folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"))
        else:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to file"), f"export.{fmt}"
            )
        if path:
            self.path_edit.setText(path)

    def options(self) -> ExportOptions:
        layers = tuple(name for name, check in self.layer_checks.items() if check.isChecked())
        return ExportOptions(
            layers=layers, scheme=self.scheme_box.currentText(),
            nested=self.nested_spin.value(),
            doc_separator="conll2003" if self.docstart_check.isChecked() else "none",
            schema=self.ws.schema,
        )

    @Slot()
    def start_export(self) -> None:
        """Read the chosen annotations here, then format and write them in a worker."""
        path = self.path_edit.text().strip()
        options = self.options()
        if not path or not options.layers:
            self.summary.setPlainText(self.tr("Choose at least one layer and where to save."))
            return
        try:
            who = self.annotator_box.currentText()
            docs = gather_documents(self.ws, who, layers=options.layers)
            chosen = [self.current] if self.current else []
            if self.scope_box.currentData() == SELECTED:
                chosen = self.selected
            docs = in_scope(docs, self.scope_box.currentData(), who, chosen)
        except AnnotatorError as exc:
            self._failed(str(exc))
            return
        self.report, self.error = None, None
        self.export_button.setEnabled(False)
        self.progress.setRange(0, max(1, len(docs)))
        self.progress.setValue(0)
        self.summary.setPlainText(self.tr("Exporting…"))
        worker = _ExportWorker(self.format_box.currentText(), docs, Path(path), options)
        worker.signals.progress.connect(self._progress)
        worker.signals.done.connect(self._done)
        worker.signals.failed.connect(self._failed)
        self._worker = worker  # keep its signals alive until it reports
        QThreadPool.globalInstance().start(worker)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    @Slot(object)
    def _done(self, report: ExportReport) -> None:
        self.report = report
        self.progress.setValue(self.progress.maximum())
        self.summary.setPlainText("\n".join(report.summary()))
        self.export_button.setEnabled(True)
        self._worker = None

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.error = message
        self.summary.setPlainText(self.tr("Export failed: ") + message)
        self.export_button.setEnabled(True)
        self._worker = None


def run_export_dialog(
    parent: QWidget, ws: Workspace, current: str | None = None, selected: Sequence[str] = ()
) -> None:
    dialog = ExportDialog(ws, parent, current, selected)
    dialog.exec()
