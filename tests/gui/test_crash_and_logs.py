"""A window started from a desktop launcher leaves a trace: a log file, an error dialog that
keeps the program alive, Qt's warnings in the log, and Ctrl+C quits it cleanly."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qInstallMessageHandler, qWarning
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.ui.crash import ExceptionHook, install_exception_hook, route_qt_messages
from annotator.workspace.logfile import LOG_NAME, log_path, setup_logging


@pytest.fixture
def log_file() -> Iterator[Path]:
    path = setup_logging()
    assert path is not None
    yield path
    for handler in list(logging.getLogger().handlers):  # leave the root logger as found
        if handler.get_name() == "annotator-log":
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_log_file_is_in_the_platform_log_folder(log_file: Path) -> None:
    assert log_file == log_path()
    assert log_file.name == LOG_NAME
    assert str(log_file).startswith(os.environ["HOME"])  # ~/.local/state/annotator/log
    logging.getLogger("annotator.test").info("وصل الملف ✓")
    assert "وصل الملف ✓" in log_file.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_error_in_a_slot_shows_a_dialog_and_the_program_goes_on(qtbot, log_file: Path) -> None:
    previous = sys.excepthook
    hook = install_exception_hook(log_file)
    try:
        def broken() -> None:
            raise ZeroDivisionError("قسمة على صفر")

        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: hook.dialog is not None)
        dialog = hook.dialog
        assert dialog is not None
        assert str(log_file) in dialog.informativeText()
        assert "ZeroDivisionError: قسمة على صفر" in dialog.informativeText()
        dialog.copy_button.click()
        copied = QApplication.clipboard().text()
        assert "Traceback" in copied and "قسمة على صفر" in copied and str(log_file) in copied
        assert dialog.isVisible()  # copying leaves the dialog open
        assert "ZeroDivisionError: قسمة على صفر" in log_file.read_text(encoding="utf-8")
        # a second error while the dialog is open is logged, not stacked as a second dialog
        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: log_file.read_text(encoding="utf-8").count("قسمة على صفر") >= 2)
        assert hook.dialog is dialog
        dialog.button(QMessageBox.StandardButton.Close).click()
        qtbot.waitUntil(lambda: hook.dialog is None)
        # the event loop still runs: a later timer fires
        fired: list[bool] = []
        QTimer.singleShot(0, lambda: fired.append(True))
        qtbot.waitUntil(lambda: fired == [True])
    finally:
        sys.excepthook = previous


def test_hook_without_a_log_file_says_so(qtbot) -> None:
    hook = ExceptionHook(None)
    try:
        raise ValueError("x")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert hook.dialog is not None
    assert "No log file could be written." in hook.dialog.informativeText()
    hook.dialog.close()


def test_qt_warnings_go_to_the_log(log_file: Path) -> None:
    previous = route_qt_messages()
    try:
        qWarning("QFont::setPointSizeF: Point size <= 0 (test)")
    finally:
        qInstallMessageHandler(previous)
    text = log_file.read_text(encoding="utf-8")
    assert "WARNING qt: QFont::setPointSizeF: Point size <= 0 (test)" in text


def _annotator(*args: str, home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "HOME": str(home), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CONFIG_HOME": str(home / "config"), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "annotator.cli", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_ctrl_c_quits_the_window_cleanly(qtbot, tmp_path: Path) -> None:
    proc = _annotator("gui", "--db", str(tmp_path / "db.sqlite3"), home=tmp_path)
    log = tmp_path / "state" / "annotator" / "log" / LOG_NAME
    try:
        qtbot.waitUntil(lambda: log.exists() and "window open" in log.read_text(), timeout=60000)
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    text = log.read_text()
    assert "interrupted (Ctrl+C): quitting" in text and "window closed" in text


def test_verbose_logs_to_stderr_too(tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite3")
    quiet = _annotator("check", "--db", db, home=tmp_path)
    _out, quiet_err = quiet.communicate(timeout=60)
    loud = _annotator("--verbose", "check", "--db", db, home=tmp_path)
    _out, loud_err = loud.communicate(timeout=60)
    assert quiet.returncode == loud.returncode == 0, quiet_err + loud_err
    assert "annotator.cli" not in quiet_err
    assert "INFO annotator.cli: annotator" in loud_err and "check" in loud_err
    log = (tmp_path / "state" / "annotator" / "log" / LOG_NAME).read_text()
    assert log.count("INFO annotator.cli: annotator") == 2
