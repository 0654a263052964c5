"""Interface languages through Qt's translation system.

Strings are wrapped in ``self.tr()``, or outside a class in
``QCoreApplication.translate("Context", "text")`` written out in full (pyside6-lupdate reads
only these two forms; ``parent.tr()`` would be filed under a context named "parent" but
looked up under the parent's class at run time). ``resources/i18n/annotator_ar.ts`` holds
the Arabic translations and ``annotator_ar.qm`` is compiled from it with ``pyside6-lrelease``
(both tools ship with PySide6-Essentials; tests/gui/test_i18n_and_shortcuts.py checks that the
.ts covers every string, all translated, and that the .qm matches it). After changing UI
strings::

    SOURCES=$(find annotator/ui -name '*.py')  # review/ and every other subpackage too
    .venv/bin/pyside6-lupdate -no-obsolete $SOURCES -ts resources/i18n/annotator_ar.ts
    # translate the new entries (Qt Linguist: .venv/bin/pyside6-linguist), then
    .venv/bin/pyside6-lrelease resources/i18n/annotator_ar.ts -qm resources/i18n/annotator_ar.qm

A string that moves to another class changes context: lupdate then lists it as new (copying
the old translation as unfinished) and the old entry as vanished.

The language is read from the settings at start, so a change applies on the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.core.schema import resources_path

LANGUAGES = {"en": "English", "ar": "العربية"}
RTL_LANGUAGES = {"ar"}


def translation_file(lang: str) -> Path:
    return resources_path("i18n") / f"annotator_{lang}.qm"


def install_language(app: QApplication, lang: str) -> list[QTranslator]:
    """Install the translators for ``lang`` and set the chrome's direction from it.

    Returns the translators (keep them alive as long as the application).
    """
    installed: list[QTranslator] = []
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(str(translation_file(lang))):
            app.installTranslator(ours)
            installed.append(ours)
        qt_own = QTranslator(app)  # Qt's own dialogs (buttons of QMessageBox, ...), if shipped
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(QLocale(lang), "qtbase", "_", qt_dir):
            app.installTranslator(qt_own)
            installed.append(qt_own)
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if lang in RTL_LANGUAGES else Qt.LayoutDirection.LeftToRight
    )
    return installed
