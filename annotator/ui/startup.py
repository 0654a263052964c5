"""The window's first paint before the database: a shell first, the workbench a moment later.

Opening a workspace imports SQLAlchemy and checks the schema's migrations; building the
workbench imports the whole ``ui`` package. Together they are most of a start-up. So the
program first shows a shell of the window (same place and size, a document list that says
"Opening the database…"), which needs nothing but Qt, and only once the shell has painted
opens the workspace and puts the workbench in its place. This module imports nothing that
imports SQLAlchemy; the workbench's modules are imported when the shell has painted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QPlainTextEdit, QSplitter

from annotator.core.errors import AnnotatorError
from annotator.ui.screen_fit import fit_to_screen
from annotator.ui.settings import Settings

if TYPE_CHECKING:
    from annotator.workspace import Workspace

log = logging.getLogger(__name__)
# in case the shell is never painted (started minimised, a compositor that does not draw
# hidden windows): the workspace opens anyway after this long
PAINT_FALLBACK_MS = 500


class StartupShell(QMainWindow):
    """The window as it looks before the workspace is open.

    Signals:
        first_painted: once, after the shell's first paint (the user sees a window).
    Attributes:
        documents: the document list's place, with the placeholder (or the failure) in words.
    """

    first_painted = Signal()

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setWindowTitle("Annotator")
        self.documents = QLabel(self.tr("Opening the database…"), self)
        self.documents.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.documents.setWordWrap(True)
        self.documents.setMargin(12)
        self.documents.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        page = QPlainTextEdit(self)
        page.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.documents)
        splitter.addWidget(page)
        splitter.setSizes([420, 860])  # as the workbench's, so nothing jumps when it comes
        self.setCentralWidget(splitter)
        self.statusBar()
        # where the workbench will open: it restores the same geometry
        if not settings.geometry.isEmpty():
            self.restoreGeometry(settings.geometry)
        else:
            fit_to_screen(self, 1280, 800)
        self._painted = False
        self.documents.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # the placeholder's own paint: the QMainWindow paints nothing of itself
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    def show_failure(self, text: str) -> None:
        self.documents.setText(self.tr("Cannot open the database:") + "\n\n" + text)


class Startup(QObject):
    """Shows the shell, then opens the workspace and the workbench in its place.

    Signals:
        ready(MainWindow): the workbench is shown and the shell closed.
        failed(str): the workspace could not be opened; why, in words. The shell stays, saying
            so, until whoever listens closes it.
    """

    ready = Signal(object)
    failed = Signal(str)

    def __init__(
        self, settings: Settings, open_workspace: Callable[[], Workspace],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._open_workspace = open_workspace
        self.shell = StartupShell(settings)
        self._started = False
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(PAINT_FALLBACK_MS)
        self._fallback.timeout.connect(self._open)

    def start(self) -> None:
        # queued: the workspace opens on a later event-loop turn, once the frame is drawn
        self.shell.first_painted.connect(self._open, Qt.ConnectionType.QueuedConnection)
        self.shell.show()
        self._fallback.start()

    def _open(self) -> None:
        if self._started:
            return
        self._started = True
        self._fallback.stop()
        ws: Workspace | None = None
        try:
            ws = self._open_workspace()
            from annotator.ui.main_window import MainWindow  # SQLAlchemy and the ui, now

            window = MainWindow(ws, self.settings)
        except Exception as exc:
            if ws is not None:
                ws.close()
            if isinstance(exc, AnnotatorError):
                self._fail(str(exc))
            else:  # a bug, not bad input: logged in full, said in words, the shell not left
                log.exception("opening the database failed")  # saying "Opening…" for ever
                self._fail(QCoreApplication.translate(
                    "Startup", "unexpected error ({0}): {1}; the details are in the log file"
                ).format(type(exc).__name__, exc))
            return
        window.show()
        self.shell.hide()
        self.shell.deleteLater()
        self.ready.emit(window)

    def _fail(self, text: str) -> None:
        log.error("cannot open the database: %s", text)
        self.shell.show_failure(text)
        self.failed.emit(text)

