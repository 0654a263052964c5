"""Arabic text in matplotlib figures: raw when matplotlib shapes it, visual order otherwise.

matplotlib 3.11 lays text out with libraqm (HarfBuzz + FriBidi) and shapes Arabic itself: text
passed through arabic-reshaper and python-bidi would come out reversed. 3.10 and older draw
code points left to right one glyph at a time, so they need exactly that conversion. The test
is made at run time on the installed matplotlib, never on its version number.

matplotlib is optional (the "plot" extra); nothing here imports it at module level.
"""

from __future__ import annotations

from annotator.display.visual import visual

# Latin first (digits, label names), then Arabic faces for the glyphs the first one lacks
FONT_FAMILIES = ("DejaVu Sans", "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri")


def matplotlib_shapes_arabic() -> bool:
    """True when the installed matplotlib lays text out with libraqm."""
    from matplotlib import ft2font

    return hasattr(ft2font, "__libraqm_version__")


def has_rtl(text: str) -> bool:
    return any("\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufeff" for ch in text)


def plot_text(text: str, shapes: bool | None = None) -> str:
    """``text`` as it must be handed to matplotlib to be seen right."""
    if shapes is None:
        shapes = matplotlib_shapes_arabic()
    if shapes or not has_rtl(text):
        return text
    return visual(text)


def font_families() -> list[str]:
    """``font.family`` with an Arabic fallback, keeping only the installed families.

    Where no Arabic face is installed, the Noto Sans Arabic the program ships (the window's
    fallback too, ui/fonts.py) is added to matplotlib's fonts, so names are never boxes.
    """
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    if not installed & set(FONT_FAMILIES[1:]):
        font_manager.fontManager.addfont(bundled_arabic_font())
        installed = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in FONT_FAMILIES if f in installed] or ["sans-serif"]


def bundled_arabic_font() -> str:
    """The OFL Noto Sans Arabic of the ``fontpkg-noto-sans-arabic`` dependency."""
    from importlib.resources import files

    return str(files("fontpkg_noto_sans_arabic") / "files" / "NotoSansArabic[wdth,wght].ttf")
