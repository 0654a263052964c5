"""Over-long lines broken for display only, so no paragraph of the view is too long to edit.

A CoNLL corpus imported without blank lines, or a pasted 1 MB line, is one paragraph; Qt lays
out, highlights and measures a paragraph as a whole, so every tag in it would cost the whole
line. The view shows such a line as several paragraphs instead: one space becomes a line break
at a sentence end (or, failing one, at the last space that fits). The swap is one character for
one, so code-point offsets are the same in the stored text and in the view; the stored text is
never changed, and copying from the view gives the stored text back (``DocumentView``).
"""

from __future__ import annotations

from collections.abc import Iterator

MAX_LINE = 2000  # a line longer than this (code points) is not a paragraph a person wrote
MAX_PIECE = 500  # ... and is shown in pieces of at most this: a sentence or a few. A tag
# re-lays out, re-highlights and repaints its piece, so the piece's size is a tag's cost
_ENDS = ".!?؟۔…"  # a space after one of these ends a sentence (Latin and Arabic marks)


def display_text(text: str, limit: int = MAX_LINE, piece: int = MAX_PIECE) -> str:
    """``text`` with each line longer than ``limit`` broken into pieces of at most
    ``min(piece, limit)``, by turning one space into ``\\n`` at a sentence end (or, failing
    one, at the last space that fits).

    The result has the same length as ``text`` and differs from it only where it holds
    ``\\n`` for a space. A stretch of a piece's length with no space stays as it is.
    """
    piece = min(piece, limit)
    breaks = [
        at for start, end in _long_lines(text, limit) for at in _breaks(text, start, end, piece)
    ]
    if not breaks:
        return text
    pieces, last = [], 0
    for at in breaks:
        pieces.append(text[last:at])
        pieces.append("\n")
        last = at + 1
    pieces.append(text[last:])
    return "".join(pieces)


def _long_lines(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """[start, end) of each line longer than ``limit``.

    ``str.find`` from line to line: a regex such as ``[^\n]{2001,}`` retries at every
    character of every shorter line, 2 s for 20 MB of short paragraphs.
    """
    find, start, size = text.find, 0, len(text)
    while start <= size:
        end = find("\n", start)
        if end < 0:
            end = size
        if end - start > limit:
            yield start, end
        start = end + 1


def _breaks(text: str, start: int, end: int, limit: int) -> list[int]:
    """Spaces to break the line [start, end) at, each piece at most ``limit`` when it can."""
    out = []
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
