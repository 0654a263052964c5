"""The pieces both engines read: tokens, with their proclitics split off.

Our spans may start after a proclitic (ل+لوكاشينكو), while other corpora keep it (AQMAR tags
بدمشق whole and splits only و). So a token's proclitic chain (و ف, then ب ل ك; the article
stays with its word) becomes units of its own, and a span covering it or not is simply which
units it holds: an engine learns either habit from the annotator's spans and predicts spans on
unit edges, which may lie inside a token.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.core.text import (
    ARABIC_MARKS,
    TATWEEL,
    SearchOptions,
    normalize,
    proclitic_candidates,
    sentence_tokens,
)

# what the engines compare: the search normaliser (marks, tatweel, bidi marks dropped; hamza
# forms folded) with ta marbuta folded too, a spelling variation common in names
FOLDING = SearchOptions(ta_marbuta=True)
OUTSIDE = "O"


@dataclass(frozen=True, slots=True)
class Unit:
    """A token, or a proclitic split off one. ``norm`` is its normalised, lower-cased text;
    ``rest`` the same of the token from here to its end (the token may have been cut at a
    letter that was part of a name: ب+وتين, and ``rest`` is then بوتين)."""

    start: int
    end: int
    text: str
    norm: str
    clitic: bool  # a proclitic letter (with its marks), not a word
    rest: str = ""


def normal_form(text: str) -> str:
    return normalize(text, FOLDING)[0].lower()


def clitic_cuts(token: str) -> list[int]:
    """Where the proclitic letters of ``token`` end: the conjunction and preposition cuts of
    :func:`proclitic_candidates`, never the one that would take the article from its word."""
    cuts = []
    for cut in proclitic_candidates(token):
        bare = "".join(ch for ch in token[:cut] if ch not in ARABIC_MARKS and ch != TATWEEL)
        if bare.endswith(("ال", "لل")):
            continue
        cuts.append(cut)
    return cuts


def token_units(text: str, start: int, end: int) -> list[Unit]:
    token = text[start:end]
    out: list[Unit] = []
    previous = 0
    for cut in clitic_cuts(token):
        piece = token[previous:cut]
        out.append(Unit(start + previous, start + cut, piece, normal_form(piece), True,
                        normal_form(token[previous:])))
        previous = cut
    rest = token[previous:]
    norm = normal_form(rest)
    out.append(Unit(start + previous, end, rest, norm, False, norm))
    return out


def sentence_units(text: str) -> list[list[Unit]]:
    """The units of each sentence of ``text``, in order."""
    return [
        [unit for a, b in sentence for unit in token_units(text, a, b)]
        for sentence in sentence_tokens(text)
        if sentence
    ]


Labelled = tuple[int, int, str]  # start, end, label


def bio_tags(units: Sequence[Unit], spans: Iterable[Labelled]) -> tuple[list[str], int]:
    """IOB2 tags of ``units`` for ``spans``, and how many spans could not be placed (an edge
    inside a unit, or an overlap with an earlier span: one tag a unit)."""
    tags = [OUTSIDE] * len(units)
    starts = {u.start: i for i, u in enumerate(units)}
    ends = {u.end: i for i, u in enumerate(units)}
    missed = 0
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        first, last = starts.get(start), ends.get(end)
        if first is None or last is None or last < first:
            missed += 1
            continue
        if any(tag != OUTSIDE for tag in tags[first : last + 1]):
            missed += 1
            continue
        tags[first] = f"B-{label}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{label}"
    return tags, missed


def spans_of_tags(
    units: Sequence[Unit], tags: Sequence[str]
) -> list[tuple[int, int, str, int, int]]:
    """Spans of IOB2 tags as (start, end, label, first unit, last unit); a stray I- starts one."""
    out: list[tuple[int, int, str, int, int]] = []
    i = 0
    while i < len(tags):
        tag = tags[i]
        if tag == OUTSIDE:
            i += 1
            continue
        label = tag[2:]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}":
            j += 1
        out.append((units[i].start, units[j - 1].end, label, i, j - 1))
        i = j
    return out
