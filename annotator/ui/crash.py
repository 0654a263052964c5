"""What the window does with an error nobody caught, with Qt's own messages and with Ctrl+C.

An exception raised in a slot or an event handler reaches ``sys.excepthook`` and Qt's event
loop goes on: the hook logs it, shows a dialog with the error, the log file and a "Copy
details" button, and the program stays alive so that nothing else is lost (every edit is
already committed). Qt's warnings go to the same log instead of a terminal nobody sees.
"""

from __future__ import annotations

import logging
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("annotator.crash")
qt_log = logging.getLogger("qt")

# Python runs a signal handler only between bytecodes; while Qt's C++ loop waits, nothing
# runs, so a timer wakes the interpreter this often to let Ctrl+C through
SIGNAL_POLL_MS = 250

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def details_text(exc_info: ExcInfo, log_file: Path | None) -> str:
    """The traceback and where the log is: what "Copy details" puts on the clipboard."""
    lines = traceback.format_exception(*exc_info)
    where = f"log file: {log_file}" if log_file else "no log file could be written"
    return "".join(lines) + "\n" + where + "\n"


class ErrorDialog(QMessageBox):
    """The error, in words, with the log file and a button that copies every detail."""

    def __init__(self, exc_info: ExcInfo, log_file: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details_text(exc_info, log_file)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Something went wrong"))
        error = traceback.format_exception_only(exc_info[0], exc_info[1])[-1].strip()
        self.setText(self.tr(
            "The program hit an error it did not expect. Your saved work is safe: every "
            "edit was stored when it was made."
        ))
        where = (self.tr("Details are in the log file:\n%1").replace("%1", str(log_file))
                 if log_file else self.tr("No log file could be written."))
        self.setInformativeText(f"{error}\n\n{where}")
        self.setDetailedText(self.details)
        self.copy_button = self.addButton(self.tr("Copy details"),
                                          QMessageBox.ButtonRole.ActionRole)
        # an action button would close the box; copying should leave it open
        self.copy_button.clicked.disconnect()
        self.copy_button.clicked.connect(self.copy_details)
        self.addButton(QMessageBox.StandardButton.Close)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)


class ExceptionHook:
    """``sys.excepthook`` for the window: log, then show one dialog at a time.

    Attributes:
        dialog: the dialog on screen, if any (a second error while it is open is only logged).
    """

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self.dialog: ErrorDialog | None = None

    def __call__(self, kind: type[BaseException], value: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        log.critical("uncaught error", exc_info=(kind, value, tb))
        if QApplication.instance() is None or self.dialog is not None:
            return
        parent = QApplication.activeWindow()
        self.dialog = ErrorDialog((kind, value, tb), self.log_file, parent)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()  # not exec(): the hook returns and the event loop goes on

    def _closed(self) -> None:
        self.dialog = None


def install_exception_hook(log_file: Path | None) -> ExceptionHook:
    hook = ExceptionHook(log_file)
    sys.excepthook = hook
    return hook


def route_qt_messages() -> Callable[..., object] | None:
    """Send Qt's messages to the log; the handler they went to before."""

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)

    return qInstallMessageHandler(handler)


def quit_on_interrupt(app: QApplication) -> QTimer:
    """Ctrl+C in the terminal closes the windows (which save their state) and quits."""

    def interrupted(_signum: int, _frame: object) -> None:
        log.info("interrupted (Ctrl+C): quitting")
        app.closeAllWindows()
        app.quit()

    signal.signal(signal.SIGINT, interrupted)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(SIGNAL_POLL_MS)
    return timer
