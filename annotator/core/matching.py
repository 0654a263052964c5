"""What counts as an occurrence of a word: the one rule the find bar and Annotate all share.

Search folds diacritics, tatweel and hamza forms (:func:`annotator.core.text.iter_matches`).
A *whole-word* match must also sit on word edges, Arabic-aware: it starts where a token starts
or right after a proclitic chain of that token (:func:`annotator.core.text.proclitic_candidates`:
و ف then ب ل ك then ال), and it ends where the token ends. So روسيا is found in وروسيا and
لروسيا (the hit being the stem, روسيا) but not inside بيلاروسيا, whose ب is a proclitic reading
that leaves يلاروسيا, not روسيا. Offsets are code points of the stored text, as everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.text import (
    ARABIC_MARKS,
    SearchOptions,
    is_separator,
    iter_matches,
    proclitic_candidates,
    remembered_tokens,
    token_at,
    tokens_around,
)

__all__ = ["MatchOptions", "Occurrence", "find_matches", "occurrence"]


@dataclass(frozen=True)
class MatchOptions:
    """How a needle is matched: the search folding, and whether only whole words count."""

    folding: SearchOptions = field(default_factory=SearchOptions)
    whole_word: bool = True


def find_matches(
    text: str, needle: str, options: MatchOptions = MatchOptions()
) -> list[tuple[int, int]]:
    """Non-overlapping [start, end) code-point matches of ``needle`` in ``text``, in order.

    A needle of separators only (spaces, bidi marks) matches nothing.
    """
    if not needle.strip() or all(is_separator(ch) for ch in needle):
        return []
    matches: list[tuple[int, int]] = []
    whole = remembered_tokens(text) if options.whole_word else None
    for start, end in iter_matches(text, needle, options.folding):
        if matches and start < matches[-1][1]:
            continue
        if options.whole_word:
            if end < len(text) and _in_word(text[end - 1]) and _in_word(text[end]):
                continue  # the word goes on: cheaper to see than to tokenize the text
            # a text too large to keep its tokens: those of the hit's stretch (the same there)
            tokens = whole if whole is not None else tokens_around(text, start, end)
            if not _on_word_edges(text, tokens, start, end):
                continue
        matches.append((start, end))
    return matches


def _in_word(ch: str) -> bool:
    """Two such characters side by side are always in one token (see core.text, Tokens)."""
    return ch.isalnum() or ch in ARABIC_MARKS


def _on_word_edges(text: str, tokens: list[tuple[int, int]], start: int, end: int) -> bool:
    first = token_at(tokens, start)
    last = token_at(tokens, end - 1)
    if first is None or last is None or tokens[last][1] != end:
        return False
    token_start, token_end = tokens[first]
    offset = start - token_start
    return offset == 0 or offset in proclitic_candidates(text[token_start:token_end])


@dataclass(frozen=True)
class Occurrence:
    """A hit with the text around it, for listing hits before acting on them.

    ``line`` counts from 1; ``before`` and ``after`` stay within the hit's line and hold whole
    words only.
    """

    start: int
    end: int
    line: int
    before: str
    hit: str
    after: str


def occurrence(text: str, start: int, end: int, width: int = 30) -> Occurrence:
    """The hit [start, end) of ``text`` with up to ``width`` code points of context each side."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    lo, hi = max(line_start, start - width), min(line_end, end + width)
    # a context never starts or ends inside a word: a cut word is dropped
    if lo > line_start and not text[lo - 1].isspace():
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else start
    if hi < line_end and not text[hi].isspace():
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else end
    before, after = text[lo:start], text[end:hi]
    return Occurrence(start, end, text.count("\n", 0, start) + 1, before, text[start:end], after)
