"""File > Import: the choices of ``annotator import``, read off the GUI thread, stored at once.

Reading (finding the files, decoding, parsing) runs in a worker that touches no database.
Storing then runs on the GUI thread, which owns the workspace's SQLite connection, in one
transaction through :func:`annotator.workspace.importing.store`, as the command line does: one
unreadable file and nothing at all is stored. Reading is the same pipeline too
(:func:`annotator.workspace.importing.read_documents`), with the same rule for extensions.
"""

from __future__ import annotations

import codecs
import threading
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import ImportedDocument
from annotator.core.schema import Schema
from annotator.formats.registry import EXTENSIONS, FORMATS, READ_FORMATS
from annotator.ui.job_dialog import job_footer
from annotator.workspace import Workspace
from annotator.workspace.importing import (
    AUTO,
    ImportReport,
    ReadOptions,
    format_of,
    read_documents,
    store,
)

ENCODINGS = ("utf-8", "cp1256")
# the readers that take a tag map (auto: the files may turn out to be CoNLL)
TAG_MAP_FORMATS = (AUTO, *(name for name in READ_FORMATS if FORMATS[name].tags))


class _WorkerSignals(QObject):
    progress = Signal(int, int)
    # each names its worker: a result that arrives after a cancel is told apart and dropped
    # (a queued signal already posted is delivered even after a disconnect)
    done = Signal(object, object)  # _ReadWorker, list[ImportedDocument]
    failed = Signal(object, object)  # _ReadWorker, the exception


class _ReadWorker(QRunnable):
    """Finds and reads every input file; never touches the database."""

    def __init__(
        self, paths: list[str], fmt: str, schema: Schema, options: ReadOptions
    ) -> None:
        super().__init__()
        self.paths, self.fmt, self.schema, self.options = paths, fmt, schema, options
        self.signals = _WorkerSignals()
        self.cancel = threading.Event()

    def run(self) -> None:
        try:
            docs = read_documents(
                self.paths, self.fmt, self.schema, self.options,
                progress=self.signals.progress.emit, cancelled=self.cancel.is_set,
            )
            if self.cancel.is_set():
                return
        # InputError above all; anything else (a reader's bug) is shown too, rather than
        # leaving the dialog busy for ever
        except Exception as exc:
            self.signals.failed.emit(self, exc)
        else:
            self.signals.done.emit(self, docs)


class ImportDialog(QDialog):
    """Files or folders, their format, encoding and tag map; progress; what was imported.

    Signals:
        imported(ImportReport, int): documents were stored; the id to open (-1: none).
        folder_chosen(str): the user picked files or a folder there (remember it).

    Attributes:
        paths: the chosen files and folders, in the order added.
        report: the last finished import's report (None before one finishes).
        error: the last failure's message, if any (then nothing was stored).
        new_ids: ids of the documents the last import added.
        last_dir: the folder the user last picked from.
    """

    imported = Signal(object, int)
    folder_chosen = Signal(str)

    def __init__(self, ws: Workspace, start_dir: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.paths: list[str] = []
        self.report: ImportReport | None = None
        self.error: str | None = None
        self.new_ids: list[int] = []
        self.last_dir = start_dir
        self._worker: _ReadWorker | None = None
        self.setWindowTitle(self.tr("Import documents"))
        self.file_list = QListWidget()
        self.file_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        # paths read left to right whatever the interface language (a leading / stays first)
        self.file_list.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.format_box = QComboBox()
        self.format_box.addItem(self.tr("automatic (from the file extension)"), AUTO)
        for fmt in READ_FORMATS:
            self.format_box.addItem(fmt, fmt)
        self.encoding_box = QComboBox()
        self.encoding_box.setEditable(True)  # any codec Python knows
        self.encoding_box.addItems(list(ENCODINGS))
        self.tag_map_edit = QLineEdit()
        self.tag_map_edit.setPlaceholderText(self.tr("optional: FOREIGN<TAB>OURS per line"))
        self.tag_map_browse = QPushButton(self.tr("Browse…"))
        self.tag_map_browse.clicked.connect(self._browse_tag_map)
        self.progress, self.summary, self.buttons, self.import_button = job_footer(
            self, self.tr("Import"), self.start_import
        )
        self.progress.setFormat(self.tr("%v of %m files read"))
        self._lay_out()
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def _lay_out(self) -> None:
        add_files = QPushButton(self.tr("Add files…"))
        add_files.clicked.connect(self._browse_files)
        add_folder = QPushButton(self.tr("Add folder…"))
        add_folder.clicked.connect(self._browse_folder)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_selected)
        file_buttons = QVBoxLayout()
        for button in (add_files, add_folder, remove):
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)
        files_row = QHBoxLayout()
        files_row.addWidget(self.file_list, 1)
        files_row.addLayout(file_buttons)
        tag_map_row = QHBoxLayout()
        tag_map_row.addWidget(self.tag_map_edit, 1)
        tag_map_row.addWidget(self.tag_map_browse)
        form = QFormLayout()
        form.addRow(self.tr("Files and folders"), files_row)
        form.addRow(self.tr("Format"), self.format_box)
        form.addRow(self.tr("Encoding"), self.encoding_box)
        form.addRow(self.tr("Tag map (CoNLL)"), tag_map_row)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.progress)
        box.addWidget(self.summary, 1)
        box.addWidget(self.buttons)
        self.resize(640, 520)

    # -- choices -------------------------------------------------------------------------

    def add_paths(self, paths: Iterable[str | Path]) -> None:
        """Add files or folders to import (each once)."""
        for path in map(str, paths):
            if path not in self.paths:
                self.paths.append(path)
                self.file_list.addItem(path)

    def chosen_format(self) -> str:
        return str(self.format_box.currentData())

    @Slot()
    def _format_changed(self) -> None:
        takes_map = self.chosen_format() in TAG_MAP_FORMATS
        self.tag_map_edit.setEnabled(takes_map)
        self.tag_map_browse.setEnabled(takes_map)

    def _browse_files(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in sorted(EXTENSIONS))
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import documents"), self.last_dir,
            self.tr("Documents (%1);;All files (*)").replace("%1", patterns),
        )
        if paths:
            self._chose(str(Path(paths[0]).parent))
            self.add_paths(paths)

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"), self.last_dir)
        if path:
            self._chose(path)
            self.add_paths([path])

    def _chose(self, folder: str) -> None:
        self.last_dir = folder
        self.folder_chosen.emit(folder)

    def _browse_tag_map(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Tag map"), self.last_dir)
        if path:
            self.tag_map_edit.setText(path)

    def remove_selected(self) -> None:
        for item in self.file_list.selectedItems():
            self.paths.remove(item.text())
            self.file_list.takeItem(self.file_list.row(item))

    def _problem(self) -> str | None:
        """Why the import cannot start, checked before any file is read."""
        if not self.paths:
            return self.tr("Add the files or folders to import.")
        encoding = self.encoding_box.currentText().strip()
        try:
            codecs.lookup(encoding)
        except LookupError:
            return self.tr("Unknown encoding: %1").replace("%1", encoding)
        if self.chosen_format() == AUTO:
            for path in map(Path, self.paths):
                if path.is_dir():
                    continue
                try:
                    format_of(path)
                except InputError:
                    return self.tr(
                        "The format of %1 cannot be told from its extension: choose a format."
                    ).replace("%1", path.name)
        tag_map = self.tag_map_edit.text().strip()
        if tag_map and self.tag_map_edit.isEnabled() and not Path(tag_map).is_file():
            return self.tr("No such tag map file: %1").replace("%1", tag_map)
        return None

    def options(self) -> ReadOptions:
        tag_map = self.tag_map_edit.text().strip()
        use_map = bool(tag_map) and self.chosen_format() in TAG_MAP_FORMATS
        return ReadOptions(
            encoding=self.encoding_box.currentText().strip(),
            map_tags=Path(tag_map) if use_map else None,
        )

    # -- reading, then storing -----------------------------------------------------------

    @Slot()
    def start_import(self) -> None:
        """Read the chosen files in a worker; :meth:`_read_done` stores them."""
        self.report, self.error, self.new_ids = None, None, []
        problem = self._problem()
        if problem is not None:  # refused before anything is read: said, nothing stored
            self.error = problem
            self.summary.setPlainText(problem)
            return
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)  # until the folders are listed
        self.summary.setPlainText(self.tr("Reading…"))
        worker = _ReadWorker(list(self.paths), self.chosen_format(), self.ws.schema,
                             self.options())
        worker.signals.progress.connect(self._progress)
        worker.signals.done.connect(self._read_done)
        worker.signals.failed.connect(self._read_failed)
        self._worker = worker  # keep its signals alive until it reports
        QThreadPool.globalInstance().start(worker)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot(object, object)
    def _read_done(self, worker: _ReadWorker, docs: list[ImportedDocument]) -> None:
        if worker is not self._worker:  # cancelled
            return
        self._worker = None
        self.summary.setPlainText(self.tr("Storing %1 documents…").replace("%1", str(len(docs))))
        self.summary.repaint()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = store(self.ws, docs)
        except AnnotatorError as exc:
            self._failed(exc)
            return
        finally:
            QApplication.restoreOverrideCursor()
            self.import_button.setEnabled(True)
        self.report = report
        self.new_ids = report.added_ids
        self.summary.setPlainText(self.describe(report))
        first = self.new_ids[0] if self.new_ids else (report.doc_ids or [-1])[0]
        self.imported.emit(report, first)

    @Slot(object, object)
    def _read_failed(self, worker: _ReadWorker, exc: Exception) -> None:
        if worker is self._worker:
            self._worker = None
            self._failed(exc)

    def _failed(self, exc: Exception) -> None:
        self.error = str(exc)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        lines = [self.tr("Import failed: nothing was imported."), ""]
        if isinstance(exc, InputError):
            lines.append(self.tr("File: %1").replace("%1", exc.path))
            if exc.line is not None:
                lines.append(self.tr("Line: %1").replace("%1", str(exc.line)))
            elif exc.byte_offset is not None:
                lines.append(self.tr("Byte: %1").replace("%1", str(exc.byte_offset)))
            lines.append(self.tr("Reason: %1").replace("%1", exc.reason))
        else:
            lines.append(str(exc))
        self.summary.setPlainText("\n".join(lines))
        self.import_button.setEnabled(True)

    def describe(self, report: ImportReport) -> str:
        """The summary shown when an import has been stored."""
        lines = [
            self.tr("Documents added: %1").replace("%1", str(len(report.added))),
            self.tr("Already present (same text): %1")
            .replace("%1", str(len(report.already_present))),
            self.tr("Spans added: %1").replace("%1", str(report.spans_added)),
            self.tr("Links added: %1").replace("%1", str(report.relations_added)),
        ]
        if report.spans_skipped:
            lines.append(
                self.tr("Spans already stored: %1").replace("%1", str(report.spans_skipped))
            )
        if report.already_present:
            lines += ["", self.tr("Already present:"), *report.already_present]
        lines += ["", self.tr("Warnings: %1").replace("%1", str(len(report.warnings)))]
        lines += report.warnings
        return "\n".join(lines)

    def reject(self) -> None:
        """Closing while files are read cancels: nothing is stored."""
        if self._worker is not None:
            self._worker.cancel.set()
            self._worker = None  # what it still reports is dropped
            self.import_button.setEnabled(True)
            self.summary.setPlainText(self.tr("Cancelled: nothing was imported."))
        super().reject()

