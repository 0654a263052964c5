"""Echoes: a name just tagged, suggested at once wherever else it occurs in the document.

A trained model only learns a new name at its next training (after some spans, or when the
document is marked done); until then, an annotator who has tagged الرازي once would tag
every other الرازي of the article by hand. An echo offers those at once, with no training:
the other occurrences of the span's text, found by the rule Find and Annotate all use
(:func:`annotator.core.matching.find_matches`: whole word, clitic-aware, diacritics, tatweel and
hamza folded), so a name tagged as دمشق is echoed as the stem of ودمشق.

Whether an echo then takes that proclitic follows the annotator's habit where one is known
(the trained gazetteer's :meth:`~annotator.core.suggest.gazetteer.Gazetteer.keeps_clitic`:
AQMAR keeps ب and و with the name, our own spans leave them out), else it leaves it out, the
way our spans are stored.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.matching import find_matches
from annotator.core.suggest.units import token_units
from annotator.core.text import remembered_tokens, token_at, tokens_around

KeepsClitic = Callable[[str], bool]  # the normalised proclitic -> whether spans take it
ECHO_WINDOW = 1_000_000  # code points searched each side of the span

__all__ = ["KeepsClitic", "echoes"]


def echoes(text: str, start: int, end: int, keeps_clitic: KeepsClitic | None = None,
           limit: int | None = None) -> list[tuple[int, int]]:
    """The other occurrences of ``text[start:end]`` in ``text``, in order, as [start, end)
    code points; none overlaps the span itself. With ``limit``, only that many, the nearest
    to the span (a word tagged in a large document may recur thousands of times)."""
    # a very large document is searched around the span only (ECHO_WINDOW each side, cut at a
    # line break): what is further is left to the next training, like what is past ``limit``
    lo = max(0, text.rfind("\n", 0, max(0, start - ECHO_WINDOW)))
    hi = text.find("\n", end + ECHO_WINDOW)
    hi = len(text) if hi < 0 else hi
    window = text if (lo, hi) == (0, len(text)) else text[lo:hi]
    hits = [(a + lo, b + lo) for a, b in find_matches(window, text[start:end])
            if not (a + lo < end and start < b + lo)]
    if limit is not None and len(hits) > limit:
        hits = sorted(sorted(hits, key=lambda h: abs(h[0] - start))[:limit])
    if keeps_clitic is None:
        return hits
    return [(_widened(text, a, keeps_clitic), b) for a, b in hits]


def _widened(text: str, start: int, keeps_clitic: KeepsClitic) -> int:
    """``start`` moved back over the proclitics before it that the annotator's spans take
    (nearest first, as the gazetteer does)."""
    tokens = remembered_tokens(text) or tokens_around(text, start, start + 1)
    i = token_at(tokens, start)
    if i is None or tokens[i][0] == start:
        return start
    units = token_units(text, *tokens[i])
    first = next((k for k, u in enumerate(units) if u.start == start), None)
    if first is None:  # the hit starts inside the token's own letters (the article kept)
        return start
    while first > 0 and units[first - 1].clitic and keeps_clitic(units[first - 1].norm):
        first -= 1
    return units[first].start
