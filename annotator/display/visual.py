"""Visual-order, presentation-form text for renderers without shaping or bidi.

``arabic_reshaper`` turns letters into their contextual presentation forms and
``python-bidi`` reorders a logical line into display order. The result is for the eye only:
it must never reach the database, an export or a Qt widget, which shape text themselves.
"""

from __future__ import annotations

import arabic_reshaper
from bidi import get_display

# Keep harakat: the default configuration deletes them, and annotators read diacritised text.
_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "support_ligatures": True}
)


def visual(text: str) -> str:
    """One logical line to display order with joined letter forms (no newlines inside)."""
    shown: str = get_display(_RESHAPER.reshape(text))  # python-bidi ships no type hints
    return shown


def visual_lines(text: str) -> str:
    """Every line of ``text`` converted on its own, since bidi reordering is per paragraph."""
    return "\n".join(visual(line) for line in text.split("\n"))
