"""Program entry for the window: the QApplication, the workspace, the main window."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import __version__
from annotator.core.schema import resources_path
from annotator.ui.crash import install_exception_hook, quit_on_interrupt, route_qt_messages
from annotator.ui.fonts import ensure_readable_fonts
from annotator.ui.i18n import install_language
from annotator.ui.settings import APPLICATION, ORGANIZATION, Settings
from annotator.ui.startup import Startup
from annotator.workspace.logfile import active_log_file

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow
    from annotator.workspace import Workspace

log = logging.getLogger(__name__)
APP_ID = "io.github.annotator.Annotator"  # packaging/: the .desktop file, metainfo, icons


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists, as under pytest-qt), named for QSettings."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    ensure_readable_fonts(app)  # before any widget picks its font
    app.setWindowIcon(QIcon(str(resources_path(f"icons/{APP_ID}.svg"))))
    # the .desktop file's name: Wayland compositors match the window to its launcher by it
    app.setDesktopFileName(APP_ID)
    return app


def run_gui(db: str | None, annotator: str | None, open_doc: str | None) -> int:
    """Open the window on ``db`` as ``annotator``; the exit status of the event loop.

    The window paints first (a shell of it, Qt only); the workspace opens a moment later
    (``annotator.ui.startup``), so SQLAlchemy and the migrations check are not waited for.
    """
    route_qt_messages()
    app = make_application()
    install_exception_hook(active_log_file())
    interrupt_timer = quit_on_interrupt(app)
    settings = Settings()
    translators = install_language(app, settings.language)
    def open_workspace() -> Workspace:
        from annotator.workspace import Workspace

        # --annotator, else $ANNOTATOR_NAME, else the name set in the window (ui.annotator_name)
        return Workspace.open(db, annotator, remembered=settings.annotator_name or None)

    opened: list[Workspace] = []
    startup = Startup(settings, open_workspace)

    def ready(window: MainWindow) -> None:
        ws = window.controller.ws
        opened.append(ws)
        settings.remember_database(ws.url)
        if open_doc:
            window.open_document_named(open_doc)
        elif window.doc_model.rowCount():
            window.open_document(window.doc_model.doc_row(0).id)
        log.info("window open on %s as %s", ws.url, ws.annotator)

    def failed(text: str) -> None:
        QMessageBox.critical(
            startup.shell,
            QCoreApplication.translate("run_gui", "Cannot open the database"),
            f"{text}\n\n"
            + QCoreApplication.translate(
                "run_gui",
                "Check the path or URL given with --db (or ANNOTATOR_DB), that the "
                "folder is writable, and for PostgreSQL that the server is running.",
            ),
        )
        app.exit(1)

    startup.ready.connect(ready)
    startup.failed.connect(failed)
    startup.start()
    try:
        return app.exec()
    finally:
        interrupt_timer.stop()
        for ws in opened:  # closes too the ones sharing its connections (File > Annotator name)
            ws.close()
        log.info("window closed")
        del translators
