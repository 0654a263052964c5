"""Translations load from the compiled .qm (kept in step with the .ts), and the shortcut table
is built from the actions, so docs/shortcuts.md cannot drift from the program."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
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


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or ""): msg.find("translation")
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


def test_ts_covers_every_ui_string_and_all_are_translated(tmp_path: Path) -> None:
    ts = ROOT / "resources" / "i18n" / "annotator_ar.ts"
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate ships with PySide6-Essentials"
    fresh = tmp_path / "annotator_ar.ts"
    shutil.copy(ts, fresh)
    sources = sorted(str(p) for p in (ROOT / "annotator" / "ui").rglob("*.py"))
    assert any("review" in Path(p).parts for p in sources)  # the subpackages are scanned too
    subprocess.run([lupdate, "-silent", "-no-obsolete", *sources, "-ts", str(fresh)], check=True)
    kept, wanted = _messages(ts), _messages(fresh)
    assert set(wanted) == set(kept), "run pyside6-lupdate (see annotator/ui/i18n.py)"
    assert [key for key, tr in kept.items() if not _translated(tr)] == []


def _translated(tr: ET.Element | None) -> bool:
    """Finished, with text (or, for a %n message, text in every plural form)."""
    if tr is None or tr.get("type"):
        return False
    forms = list(tr.iter("numerusform"))
    return all(f.text for f in forms) if forms else bool(tr.text)


def test_arabic_translator_translates_and_turns_chrome_right_to_left(qapp: QApplication) -> None:
    translators = install_language(qapp, "ar")
    try:
        assert translators, "the Arabic .qm did not load"
        assert QCoreApplication.translate("MainWindow", "&File") != "&File"
        assert QCoreApplication.translate("ExportDialog", "Layers") == "الطبقات"
        assert QCoreApplication.translate("ImportDialog", "Encoding") == "الترميز"
        # contexts of the review window and of the merge dialog (translated outside a class)
        assert QCoreApplication.translate("ReviewWindow", "Both") == "كلاهما"
        assert QCoreApplication.translate("MergedPane", "label, extent or attribute differ") != (
            "label, extent or attribute differ"
        )
        assert QCoreApplication.translate("GoldSpanEditor", "Span") == "المقطع"
        assert QCoreApplication.translate("MergeDialog", "Merge colleague's work") == (
            "دمج عمل زميل"
        )
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
