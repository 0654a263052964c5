"""Where a selection or an edge key puts a span: token snapping, proclitics, edge steps.

Pure Python over code-point offsets, so the rules are tested without a window. ``tokens``
arguments are sorted ``(start, end)`` pairs covering at least the neighbourhood of the edit.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from annotator.core.clitics import attested_proclitic_length
from annotator.core.text import proclitic_candidates, snap_to_tokens, tokenize


def span_from_selection(
    text: str, start: int, end: int, *, exact: bool = False,
    attested: Callable[[str], bool] | None = None,
) -> tuple[int, int] | None:
    """The span a selection [start, end) asks for, or None when it holds no token.

    Snaps to token edges unless ``exact``, then drops punctuation tokens at either edge (a
    double-click on مينسك، or «بوتين» means the word, not its comma or quotes; punctuation
    inside stays). Given ``attested`` (the automatic proclitic rule), a selection starting at
    a token start with a proclitic begins after it when ``attested`` vouches for the stem
    (:func:`annotator.core.clitics.attested_proclitic_length`).
    """
    start, end = sorted((start, end))
    if exact:
        return (start, end) if start < end else None
    lo, hi = snap_to_tokens(text, start, end)
    words = [(a + lo, b + lo) for a, b in tokenize(text[lo:hi]) if _is_word(text[a + lo:b + lo])]
    if not words:
        return None
    lo, hi = words[0][0], words[-1][1]
    if attested is not None:
        tok_lo, tok_hi = snap_to_tokens(text, lo, lo + 1)
        cut = attested_proclitic_length(text[tok_lo:tok_hi], attested) if tok_lo == lo else 0
        if cut and lo + cut < hi:
            lo += cut
    return lo, hi


def _is_word(token: str) -> bool:
    """A token holding a letter or a digit; punctuation and symbols (an emoji) are not."""
    return any(ch.isalnum() for ch in token)


def next_proclitic_start(text: str, start: int, end: int) -> int | None:
    """Where the start goes on the next press of the proclitic key, or None (nothing to do).

    Moves past the next proclitic candidate of the token holding ``start``; after the last
    candidate it cycles back to the token start, so every reading is one key away.
    """
    tok_lo, tok_hi = snap_to_tokens(text, start, start + 1)
    if tok_lo >= tok_hi:
        return None
    stops = [tok_lo + c for c in proclitic_candidates(text[tok_lo:tok_hi])]
    stops = [p for p in stops if p < end]
    if not stops:
        return None
    for p in stops:
        if p > start:
            return p
    return tok_lo if tok_lo != start else None


def step_end(tokens: list[tuple[int, int]], start: int, end: int, grow: bool) -> int | None:
    """The span's end moved by one token (grow: to the next token's end), or None."""
    if grow:
        i = bisect_right(tokens, end, key=lambda t: t[1])  # first token ending after end
        return tokens[i][1] if i < len(tokens) else None
    i = bisect_left(tokens, end, key=lambda t: t[1]) - 1  # last token ending before end
    if i >= 0 and tokens[i][1] > start:
        return tokens[i][1]
    return None


def step_start(tokens: list[tuple[int, int]], start: int, end: int, grow: bool) -> int | None:
    """The span's start moved by one token (grow: to the previous token's start), or None."""
    if grow:
        i = bisect_left(tokens, start, key=lambda t: t[0]) - 1  # last token starting before
        return tokens[i][0] if i >= 0 else None
    i = bisect_right(tokens, start, key=lambda t: t[0])  # first token starting after start
    if i < len(tokens) and tokens[i][0] < end:
        return tokens[i][0]
    return None
