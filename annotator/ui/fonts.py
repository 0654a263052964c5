"""A readable font on any machine: the bundled Noto Sans Arabic where none is installed.

A laptop without an Arabic font shows every Arabic letter as a box, the warning about it
included; a minimal system (a container, a fresh Windows user) may lack even a Latin face, so
the menus are boxes too. The font comes from the ``fontpkg-noto-sans-arabic`` package (OFL,
one variable font with Arabic, Latin and Arabic-Indic digits) and is registered with Qt only
when it is needed, so an installed font the user chose always wins.
"""

from __future__ import annotations

import logging
from importlib.resources import files

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

BUNDLED_PACKAGE = "fontpkg_noto_sans_arabic"
BUNDLED_FILE = "NotoSansArabic[wdth,wght].ttf"
LATIN_PROBE = "A"

log = logging.getLogger(__name__)
# kept here, not in document_view: the start-up checks fonts before the window's heavy imports
ARABIC_FAMILIES = ("Noto Naskh Arabic", "Amiri", "Noto Sans Arabic", "Scheherazade New")


def arabic_family() -> str | None:
    """The first installed font family made for Arabic, or None."""
    installed = set(QFontDatabase.families())
    return next((f for f in ARABIC_FAMILIES if f in installed), None)


def bundled_font_path() -> str:
    return str(files(BUNDLED_PACKAGE) / "files" / BUNDLED_FILE)


def has_glyph(font: QFont, char: str) -> bool:
    """True when ``font`` (or Qt's fallback for it) draws ``char`` as a glyph, not a box."""
    return QFontMetrics(font).inFontUcs4(ord(char))


def ensure_readable_fonts(app: QApplication) -> str | None:
    """Register the bundled font if Arabic or Latin would show as boxes; its family, or None.

    Called once the QApplication exists (Qt's font database needs it).
    """
    if arabic_family() is not None and has_glyph(app.font(), LATIN_PROBE):
        return None
    path = bundled_font_path()
    font_id = QFontDatabase.addApplicationFont(path)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("the bundled font %s could not be loaded; text may show as boxes", path)
        return None
    family = families[0]
    log.info("no Arabic font installed (or no Latin one): using the bundled %s", family)
    if not has_glyph(app.font(), LATIN_PROBE):
        # Qt's default face has no glyphs at all: the interface takes the bundled font too
        app.setFont(QFont(family, app.font().pointSize()))
    return family
