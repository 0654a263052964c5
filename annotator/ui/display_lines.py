"""Over-long lines broken for display only, so no paragraph of the view is too long to edit.

A CoNLL corpus imported without blank lines, or a pasted 1 MB line, is one paragraph; Qt lays
out, highlights and measures a paragraph as a whole, so every tag in it would cost the whole
line. The view shows such a line as several paragraphs instead: one space becomes a line break
at a sentence end (or, failing one, at the last space that fits). The swap is one character for
one, so code-point offsets are the same in the stored text and in the view; the stored text is
never changed, and copying from the view gives the stored text back (``DocumentView``).
"""

from __future__ import annotations

import re

MAX_LINE = 2000  # code points of a paragraph as shown; a 2,000-character paragraph lays out
# and re-highlights in well under a frame
_ENDS = ".!?؟۔…"  # a space after one of these ends a sentence (Latin and Arabic marks)


def display_text(text: str, limit: int = MAX_LINE) -> str:
    """``text`` with one space turned into ``\\n`` wherever a line would pass ``limit``.

    The result has the same length as ``text`` and differs from it only where it holds
    ``\\n`` for a space. A stretch of ``limit`` characters with no space stays as it is.
    """
    breaks = [at for m in _long_lines(limit).finditer(text) for at in _breaks(text, m, limit)]
    if not breaks:
        return text
    pieces, last = [], 0
    for at in breaks:
        pieces.append(text[last:at])
        pieces.append("\n")
        last = at + 1
    pieces.append(text[last:])
    return "".join(pieces)


def _long_lines(limit: int) -> re.Pattern[str]:
    return re.compile(f"[^\\n]{{{limit + 1},}}")


def _breaks(text: str, line: re.Match[str], limit: int) -> list[int]:
    """Positions of the spaces to break ``line`` at, each line at most ``limit`` when it can."""
    out = []
    start, end = line.start(), line.end()
    while end - start > limit:
        lo, hi = start + limit // 2, start + limit  # a break in the second half of the window
        at = max(text.rfind(mark + " ", lo, hi + 1) for mark in _ENDS)
        at = at + 1 if at >= 0 else text.rfind(" ", start + 1, hi + 1)
        if at < 0:  # no space in the window: the first one after it
            at = text.find(" ", hi + 1, end)
            if at < 0:
                break
        out.append(at)
        start = at + 1
    return out
