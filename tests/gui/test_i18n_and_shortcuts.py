"""Translations load from the compiled .qm (kept in step with the .ts), and the shortcut table
is built from the actions, so docs/shortcuts.md cannot drift from the program."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.ui.i18n import install_language, translation_file
from annotator.ui.main_window import MainWindow
from annotator.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows, shortcuts_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_qm_is_compiled_from_the_current_ts(tmp_path: Path) -> None:
    ts = ROOT / "resources" / "i18n" / "annotator_ar.ts"
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-lrelease ships with PySide6-Essentials"
    out = tmp_path / "annotator_ar.qm"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(out)], check=True)
    assert out.read_bytes() == translation_file("ar").read_bytes(), (
        "resources/i18n/annotator_ar.qm is stale: run pyside6-lrelease on the .ts"
    )


def test_arabic_translator_translates_and_turns_chrome_right_to_left(qapp: QApplication) -> None:
    translators = install_language(qapp, "ar")
    try:
        assert translators, "the Arabic .qm did not load"
        assert QCoreApplication.translate("MainWindow", "&File") != "&File"
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        install_language(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert isinstance(translators[0], QTranslator)


def test_shortcuts_table_lists_every_key_and_matches_docs(window: MainWindow) -> None:
    rows = shortcut_rows(window.shortcut_groups())
    keys = {k for _g, _a, k in rows}
    for expected in ("Ctrl+Z", "Ctrl+F", "Ctrl+D", "1", "Q", "C", "-", "L", "F1"):
        assert any(expected in k.split(", ") for k in keys), expected
    dialog = ShortcutsDialog(rows, window)
    assert dialog.table.rowCount() == len(rows)
    docs = ROOT / "docs" / "shortcuts.md"
    assert docs.read_text(encoding="utf-8") == shortcuts_markdown(rows), (
        "docs/shortcuts.md is stale: regenerate it with shortcuts_markdown()"
    )
