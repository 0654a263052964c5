"""The lower part the import and export dialogs share: progress, a summary, Close and Run."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
)


def job_footer(
    dialog: QDialog, run_text: str, run: Callable[[], None]
) -> tuple[QProgressBar, QPlainTextEdit, QDialogButtonBox, QPushButton]:
    """A progress bar, a read-only summary, and Close (rejects ``dialog``) beside a button
    ``run_text`` that calls ``run``. The caller lays them out."""
    progress = QProgressBar()
    summary = QPlainTextEdit()
    summary.setReadOnly(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    run_button = buttons.addButton(run_text, QDialogButtonBox.ButtonRole.ApplyRole)
    run_button.clicked.connect(run)
    buttons.rejected.connect(dialog.reject)
    return progress, summary, buttons, run_button
