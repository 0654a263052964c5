"""The program's log: a rotating file in the platform's log folder, stderr with --verbose.

A window started from a desktop launcher has no terminal: without a file, a crash leaves no
trace. The folder is platformdirs' user log folder (``~/.local/state/annotator/log`` on Linux,
``%LOCALAPPDATA%\\annotator\\Logs`` on Windows, ``~/Library/Logs/annotator`` on macOS).
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

LOG_NAME = "annotator.log"
MAX_BYTES = 1_000_000
BACKUPS = 3  # annotator.log.1 .. .3: four files, 4 MB at most
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_HANDLER_NAME = "annotator-log"  # ours, found again (and replaced) on a second call


def log_path() -> Path:
    return user_log_path("annotator", appauthor=False) / LOG_NAME


def setup_logging(verbose: bool = False) -> Path | None:
    """Log to the rotating file (and to stderr when ``verbose``); the file, or None.

    None when the folder cannot be written: the reason then goes to stderr, and the program
    runs on without a file rather than refusing to start.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if verbose:
        _add(root, logging.StreamHandler(sys.stderr), logging.DEBUG)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        print(f"annotator: warning: no log file ({path}: {exc.strerror})", file=sys.stderr)
        return None
    _add(root, file_handler, logging.DEBUG if verbose else logging.INFO)
    return path


def active_log_file() -> Path | None:
    """The file the log goes to now (set up by ``setup_logging``), or None."""
    for handler in logging.getLogger().handlers:
        if handler.get_name() == _HANDLER_NAME and isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def _add(root: logging.Logger, handler: logging.Handler, level: int) -> None:
    handler.set_name(_HANDLER_NAME)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
