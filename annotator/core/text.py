"""Arabic text handling: tokens, sentences, proclitics and normalisation for search.

Every offset here is a Unicode code point index into the document text (a Python ``str``
index), as fixed by DESIGN.md "Text and offsets". Nothing in this module changes the text:
tokenizing, splitting and searching only report spans of it.

Tokens
    * A word is a run of letters and digits (``\\w`` without ``_``) together with the combining
      marks Python's ``\\w`` misses (Arabic harakat, U+0670, Quranic marks, Latin combining
      accents, variation selectors). Tatweel is a letter (category Lm), so ``كـتاب`` is one
      token. ZWNJ, ZWJ, the soft hyphen and the word joiner stay in a word when they sit between
      two word characters.
    * A number keeps its inner separators ``. , ٫ ٬`` when a digit stands on both sides
      (``3.5``, ``1,000``, ``٣٫٥``).
    * ``C++``, ``C#``, ``F#``, ``Notepad++``: a Latin word directly followed by ``++`` or ``#`` is
      one token.
    * Punctuation and symbols are one token per character, except runs of the same character
      among ``. ! ? ؟ … - _``, which are one token each (``...``, ``!!``, ``؟؟``, ``--``). A mixed
      run such as ``?!`` is two tokens.
    * Emoji are one token each, keeping their variation selectors, skin-tone modifiers, keycap
      mark and ZWJ sequences; a pair of regional indicators (a flag) is one token.
    * Separators (see :func:`is_separator`) are never part of a token, joiners inside a word
      apart: whitespace, bidi controls (:data:`BIDI_MARKS`), other invisible format
      characters (ZWSP, BOM, ...) and C0/C1 control characters. Every other character belongs
      to exactly one token.

Proclitics
    :func:`proclitic_candidates` reads the chain ``[و|ف] [ب|ل|ك] [ال]`` orthographically (there
    is no lexicon: ``بيلاروسيا`` yields ``[1]`` just like ``بموسكو``, so callers offer the result
    as a suggestion or on a user gesture, never silently). :func:`proclitic_length` is the
    shortest candidate, which keeps the article with the stem: و+القاهرة, ب+المدينة,
    ل+لوكاشينكو. A bare leading ``ال`` is part of the word, as in the Penn Arabic Treebank
    tokenization, so ``القاهرة`` has no candidates.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, pairwise, repeat
from operator import itemgetter
from typing import NamedTuple

__all__ = [
    "ARABIC_MARKS",
    "ARTICLE",
    "BIDI_MARKS",
    "CLOSING_QUOTES",
    "CONJUNCTIONS",
    "PREPOSITIONS",
    "PROCLITICS",
    "SENTENCE_TERMINALS",
    "TATWEEL",
    "SearchOptions",
    "TokenArrays",
    "find_all",
    "is_arabic_letter",
    "is_separator",
    "iter_matches",
    "normalize",
    "proclitic_candidates",
    "proclitic_length",
    "remembered_tokens",
    "sentence_tokens",
    "sentences",
    "snap_to_tokens",
    "token_arrays",
    "token_at",
    "token_texts",
    "tokenize",
    "tokens_around",
]


def _chars(*ranges: tuple[int, int]) -> frozenset[str]:
    return frozenset(chr(c) for lo, hi in ranges for c in range(lo, hi + 1))


ARABIC_MARKS: frozenset[str] = _chars(
    (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED)
)
TATWEEL = "\u0640"
BIDI_MARKS: frozenset[str] = _chars(
    (0x200E, 0x200F), (0x061C, 0x061C), (0x202A, 0x202E), (0x2066, 0x2069)
)

CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
ARTICLE = "ال"
PROCLITICS: frozenset[str] = frozenset(CONJUNCTIONS + PREPOSITIONS)

SENTENCE_TERMINALS = ".!?؟…۔"
# Closing quotes and brackets that stay with the sentence a terminal ends.
CLOSING_QUOTES = "»”’›\"')]}"

_ALEF_FORMS = "اٱ"  # the article's alef, plain or wasla
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines() splits at

# --- character classes, as regex class bodies ----------------------------------------------

# Combining marks that Python's \w does not match but that belong to the preceding letter.
_MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"  # ARABIC_MARKS
    "\u0898-\u089f\u08ca-\u08e1\u08e3-\u08ff"  # Arabic Extended-A/B marks
    "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"  # generic combining
    "\ufe00-\ufe0f"  # variation selectors
)
# Joiners stay inside a word only between two word characters.
_JOINERS = "\u200c\u200d\u00ad\u2060"
_BIDI = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
# Never part of a token. \s covers Unicode whitespace (NBSP, U+2028/2029, ...).
_SEPARATORS = (
    r"\s" + _BIDI + "\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff\u00ad\u180e"
    "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
)
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_NUMBER_INNER = ".,\u066b\u066c"  # . , ٫ ٬
# Attached to an emoji or a symbol: marks, skin tones, keycap.
_SYMBOL_EXT = _MARKS + "\U0001f3fb-\U0001f3ff"


def _token_pattern(word: str) -> re.Pattern[str]:
    number_inner = rf"(?<=[{_DIGITS}])[{_NUMBER_INNER}](?=[{_DIGITS}])"
    return re.compile(
        "|".join(
            (
                r"[A-Za-z][A-Za-z0-9]*(?:\+\+|#)(?!\w)",  # C++, C#, F#
                rf"{word}(?:(?:{number_inner}|[{_JOINERS}]+){word})*",
                r"\.+|!+|\?+|؟+|…+|-+|_+",
                r"[\U0001f1e6-\U0001f1ff]{2}",  # flag
                rf"[^\w{_SEPARATORS}](?:[{_SYMBOL_EXT}]|\u200d[^\w{_SEPARATORS}])*",
            )
        )
    )


# \w minus "_" (a punctuation token) plus marks. The set difference costs an alternation in
# the word loop, so text without "_" (nearly all of it) uses the plain class: ~25% faster.
_TOKEN_RE = _token_pattern(rf"(?:[^\W_]+|[{_MARKS}]+)+")
_TOKEN_RE_NO_UNDERSCORE = _token_pattern(rf"[\w{_MARKS}]+")
# The same patterns as one group: ``split`` then gives the text between tokens and the tokens,
# alternately, in one pass of the regex engine with no Match object per token (an export
# tokenizes whole corpora: a third less time than ``finditer`` and ``span()``).
# Two shortcuts in front, which change no token (the tests hold the split to ``finditer``):
# no token starts with a separator, so a separator fails at once instead of through every
# alternative (most of the text between tokens is a space); and a run of letters and digits
# that nothing can continue (no mark, joiner, number separator, "_", "+" or "#" after it) is
# the word alternative's whole match, and C++'s alternative cannot match there.
_PLAIN_WORD = rf"[^\W_]+(?![\w{_MARKS}{_JOINERS}{_NUMBER_INNER}+#])"
_TOKEN_SPLIT = {
    p: re.compile(f"((?![{_SEPARATORS}])(?:{_PLAIN_WORD}|{p.pattern}))")
    for p in (_TOKEN_RE, _TOKEN_RE_NO_UNDERSCORE)
}
_SEPARATOR_RE = re.compile(f"[{_SEPARATORS}]")
# A separator that is never inside a token (joiners can be): a safe edge for local tokenizing.
_HARD_SEPARATOR_RE = re.compile(
    rf"[\s{_BIDI}\u200b\u2061-\u2064\u206a-\u206f\ufeff\u180e"
    "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]"
)
_LINE_BREAK_RE = re.compile(f"[{_LINE_BREAKS}]")
_SENTENCE_END_RE = re.compile(
    rf"[{re.escape(SENTENCE_TERMINALS)}]+"
    rf"(?:[{re.escape(CLOSING_QUOTES)}]+|(?=[{_SEPARATORS}]|\Z))"
)
_ARABIC_LETTER_RE = re.compile(
    "[\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc"
    "\u06ff\u0750-\u077f\u0870-\u0887\u0889-\u088e\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefe]"
)

_START = itemgetter(0)
_END = itemgetter(1)
_MATCH_START = re.Match.start
_MATCH_END = re.Match.end


# --- characters -----------------------------------------------------------------------------


def is_arabic_letter(ch: str) -> bool:
    """True for one Arabic letter, presentation forms (U+FB50–FDFF, U+FE70–FEFE) included.

    Tatweel, marks, digits and punctuation are not letters.
    """
    return len(ch) == 1 and ch.isalpha() and _ARABIC_LETTER_RE.match(ch) is not None


def is_separator(ch: str) -> bool:
    """True for a character that never belongs to a token.

    These are whitespace, bidi controls, other invisible format characters (ZWSP, BOM, ...)
    and C0/C1 controls. ZWNJ, ZWJ, the soft hyphen and the word joiner are separators too,
    except between two word characters, where they are part of the word.
    """
    return len(ch) == 1 and _SEPARATOR_RE.match(ch) is not None


# --- tokens ---------------------------------------------------------------------------------


def tokenize(text: str) -> list[tuple[int, int]]:
    """Code-point [start, end) pairs of tokens, in order."""
    return [m.span() for m in _token_re(text).finditer(text)]


# the open document is searched again at every Find key and every echo: its folding is
# remembered, up to this size (its offset map costs ~36 bytes a code point)
_REMEMBERED_UP_TO = 2_000_000


@lru_cache(maxsize=2)
def _normalized_cached(text: str, options: SearchOptions) -> tuple[str, list[int]]:
    return normalize(text, options)


def _normalized(text: str, options: SearchOptions) -> tuple[str, list[int]]:
    if len(text) <= _REMEMBERED_UP_TO:
        return _normalized_cached(text, options)
    return normalize(text, options)


@lru_cache(maxsize=2)
def _tokens_cached(text: str) -> list[tuple[int, int]]:
    return tokenize(text)


def remembered_tokens(text: str) -> list[tuple[int, int]] | None:
    """:func:`tokenize` of ``text``, remembered for the last two texts asked about, when it is
    small enough to keep (see ``_REMEMBERED_UP_TO``); None for a larger one. The list is
    shared: never change it."""
    return _tokens_cached(text) if len(text) <= _REMEMBERED_UP_TO else None


def token_texts(text: str) -> list[str]:
    """The tokens of ``text`` as strings."""
    return _token_re(text).findall(text)


def _token_re(text: str) -> re.Pattern[str]:
    return _TOKEN_RE if "_" in text else _TOKEN_RE_NO_UNDERSCORE


def token_at(tokens: list[tuple[int, int]], pos: int) -> int | None:
    """Index of the token containing ``pos`` (``start <= pos < end``), or None."""
    i = bisect_right(tokens, pos, key=_START) - 1
    if i >= 0 and pos < tokens[i][1]:
        return i
    return None


def snap_to_tokens(
    text: str, start: int, end: int, tokens: list[tuple[int, int]] | None = None
) -> tuple[int, int]:
    """Widen [start,end) to the edges of the tokens it touches (tokens computed if not given).

    Separators (whitespace, bidi marks) at the ends of the selection are trimmed first; a
    selection of separators only returns ``(start, start)`` (empty). Offsets are clamped to the
    text and a reversed selection is read forwards.
    """
    n = len(text)
    start, end = sorted((min(max(start, 0), n), min(max(end, 0), n)))
    lo, hi = start, end
    while lo < hi and is_separator(text[lo]):
        lo += 1
    while hi > lo and is_separator(text[hi - 1]):
        hi -= 1
    if lo == hi:
        return (start, start)
    if tokens is None:
        tokens = tokens_around(text, lo, hi)
    first = bisect_right(tokens, lo, key=_END)  # first token ending after lo
    if first < len(tokens) and tokens[first][0] < hi:
        lo = min(lo, tokens[first][0])
    last = bisect_left(tokens, hi, key=_START) - 1  # last token starting before hi
    if last >= 0 and tokens[last][1] > lo:
        hi = max(hi, tokens[last][1])
    return (lo, hi)


def tokens_around(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Tokens of the stretch of ``text`` around [lo, hi) bounded by hard separators.

    A token never crosses a hard separator and the token pattern does not look across one, so
    tokenizing the stretch alone gives the same tokens as tokenizing the whole text.
    """
    before = text.rfind(" ", 0, lo)  # fast path for the usual case, refined below
    left = lo
    while left > before + 1 and _HARD_SEPARATOR_RE.match(text, left - 1) is None:
        left -= 1
    m = _HARD_SEPARATOR_RE.search(text, hi)
    right = m.start() if m else len(text)
    return [(s + left, e + left) for s, e in tokenize(text[left:right])]


# --- sentences ------------------------------------------------------------------------------


class TokenArrays(NamedTuple):
    """Tokens as parallel lists: ``words[i]`` is ``text[starts[i]:ends[i]]``; sentence k
    starts at token ``sentence_starts[k]`` and runs to the next one (or the end)."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    sentence_starts: list[int]


def token_arrays(text: str, max_chars: int = 2000) -> TokenArrays:
    """The tokens and sentences of :func:`sentence_tokens`, as lists with no tuple per token
    (what an export writes, for whole corpora)."""
    parts = _TOKEN_SPLIT[_token_re(text)].split(text)  # gap, token, gap, ..., token, gap
    offsets = list(accumulate(map(len, parts)))  # where each part ends
    starts, ends = offsets[:-1:2], offsets[1::2]
    ranges = _sentence_ranges(text, starts, ends, max_chars)
    return TokenArrays(parts[1::2], starts, ends, [a for a, _ in ranges])


def sentences(text: str, max_chars: int = 2000) -> list[tuple[int, int]]:
    """[start,end) code-point spans of sentences covering the non-space text.

    A sentence ends after ``. ! ? ؟ … ۔`` (or a run of them) when followed by a separator, the
    end of the text or closing quotes/brackets (which then end the sentence), and at every line
    break (``\\n`` and the other ``str.splitlines`` boundaries). A sentence longer than
    ``max_chars`` is cut at the last token boundary before ``max_chars`` (the last one with a
    separator in it if there is one), so no sentence is longer unless one token alone is.
    Sentences never cut a token; they start at a token start and end at a token end, so
    leading/trailing whitespace and bidi marks are outside them.
    """
    _, starts, ends, firsts = token_arrays(text, max_chars)
    return [(starts[a], ends[b - 1]) for a, b in pairwise([*firsts, len(starts)])]


def sentence_tokens(text: str, max_chars: int = 2000) -> list[list[tuple[int, int]]]:
    """Tokens grouped by sentence (tokens are never split across sentences)."""
    _, starts, ends, firsts = token_arrays(text, max_chars)
    tokens = list(zip(starts, ends, strict=True))
    return [tokens[a:b] for a, b in pairwise([*firsts, len(tokens)])]


def _sentence_ranges(
    text: str, starts: list[int], ends: list[int], max_chars: int
) -> list[tuple[int, int]]:
    """[a, b) token index ranges of the sentences of the tokens ``[starts[i], ends[i])``."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    if not starts:
        return []
    # Each break is the number of tokens before it: those starting before a terminal run's end,
    # or before a line break (bisected in C, with no Python frame per break: an export finds
    # hundreds of thousands).
    breaks = set(map(bisect_left, repeat(starts), map(_MATCH_END, _SENTENCE_END_RE.finditer(text))))
    breaks.update(
        map(bisect_left, repeat(starts), map(_MATCH_START, _LINE_BREAK_RE.finditer(text)))
    )
    breaks.add(len(starts))
    breaks.discard(0)
    ranges: list[tuple[int, int]] = []
    a = 0
    for b in sorted(breaks):
        while b - a > 1 and ends[b - 1] - starts[a] > max_chars:
            # The last token that still ends within max_chars of the sentence start; a token
            # longer than max_chars on its own becomes a sentence of its own.
            cut = bisect_right(ends, starts[a] + max_chars, lo=a, hi=b)
            cut = max(cut, a + 1)
            # Prefer a boundary with a separator in it, so « stays with its word.
            spaced = cut
            while spaced > a + 1 and ends[spaced - 1] == starts[spaced]:
                spaced -= 1
            if spaced > a + 1 or ends[a] < starts[a + 1]:
                cut = spaced
            ranges.append((a, cut))
            a = cut
        ranges.append((a, b))
        a = b
    return ranges


# --- proclitics -----------------------------------------------------------------------------


def proclitic_candidates(token: str) -> list[int]:
    """All plausible stem-start offsets, shortest clitic first.

    The chain read is ``[و|ف] [ب|ل|ك] [ال]``, where ``ل`` + ``ال`` is written ``لل``. Marks and
    tatweel after a clitic letter belong to the clitic. Each offset leaves a stem of at least two
    letters or digits. Examples: وبالمدينة -> [1, 2, 4], للوكاشينكو -> [1, 2] (ل | ل+ال),
    وبوتين -> [1, 2], بموسكو -> [1], بل -> [], القاهرة -> [] (a bare article belongs to the
    word), والقاهرة -> [1, 3]. Purely orthographic: بيلاروسيا -> [1] as well.
    """
    n = len(token)
    cuts: list[int] = []
    i = 0
    if i < n and token[i] in CONJUNCTIONS:
        i = _after_clitic_letter(token, i)
        cuts.append(i)
    preposition = ""
    if i < n and token[i] in PREPOSITIONS:
        preposition = token[i]
        i = _after_clitic_letter(token, i)
        cuts.append(i)
    if cuts:
        if preposition == "ل":
            if i < n and token[i] == "ل":  # ل + ال, written لل
                cuts.append(_after_clitic_letter(token, i))
        elif i < n and token[i] in _ALEF_FORMS:
            j = _after_clitic_letter(token, i)
            if j < n and token[j] == "ل":
                cuts.append(_after_clitic_letter(token, j))
    return [c for c in cuts if _has_two_letters(token, c)]


def proclitic_length(token: str) -> int:
    """Code points of the shortest proclitic before the stem: ``proclitic_candidates[0]``, or 0.

    This keeps the article with the stem (و+القاهرة, ب+المدينة) and, after ``لل``, takes only
    the preposition: للوكاشينكو -> 1 (ل+لوكاشينكو), which is what annotators want for names.
    The longer readings (ل+ال+مدينة) are in :func:`proclitic_candidates`.
    """
    candidates = proclitic_candidates(token)
    return candidates[0] if candidates else 0


def _after_clitic_letter(token: str, i: int) -> int:
    """Offset after the letter at ``i`` and the marks, tatweel and joiners attached to it."""
    i += 1
    while i < len(token) and (
        token[i] in ARABIC_MARKS or token[i] == TATWEEL or token[i] in _JOINERS
    ):
        i += 1
    return i


def _has_two_letters(token: str, start: int) -> bool:
    count = 0
    for ch in token[start:]:
        if ch.isalnum() and ch != TATWEEL:
            count += 1
            if count == 2:
                return True
    return False


# --- normalisation and search ---------------------------------------------------------------


@dataclass(frozen=True)
class SearchOptions:
    """What search ignores or folds. Every folding maps one character to one character."""

    diacritics: bool = True  # ignore ARABIC_MARKS
    tatweel: bool = True  # ignore tatweel
    hamza: bool = True  # أ إ آ ٱ -> ا and ى -> ي (ؤ and ئ stay)
    ta_marbuta: bool = False  # ة -> ه
    bidi_marks: bool = True  # ignore BIDI_MARKS


_TABLES: dict[SearchOptions, tuple[dict[int, str | None], re.Pattern[str] | None]] = {}


def _table(options: SearchOptions) -> tuple[dict[int, str | None], re.Pattern[str] | None]:
    """str.translate table and a pattern matching runs of dropped characters, cached."""
    cached = _TABLES.get(options)
    if cached is not None:
        return cached
    dropped: set[str] = set()
    if options.diacritics:
        dropped |= ARABIC_MARKS
    if options.tatweel:
        dropped.add(TATWEEL)
    if options.bidi_marks:
        dropped |= BIDI_MARKS
    table: dict[int, str | None] = {ord(ch): None for ch in dropped}
    if options.hamza:
        table.update({ord(ch): "ا" for ch in "أإآٱ"})
        table[ord("ى")] = "ي"
    if options.ta_marbuta:
        table[ord("ة")] = "ه"
    pattern = (
        re.compile("[" + "".join(re.escape(ch) for ch in sorted(dropped)) + "]+")
        if dropped
        else None
    )
    _TABLES[options] = (table, pattern)
    return table, pattern


def normalize(text: str, options: SearchOptions = SearchOptions()) -> tuple[str, list[int]]:
    """Normalised string and a list `origin` of len(normalised)+1.

    ``origin[i]`` is the code-point index in ``text`` of normalised char i, and
    ``origin[len(normalised)] == len(text)``. The map is strictly increasing.
    """
    table, dropped = _table(options)
    normalised = text.translate(table)
    n = len(text)
    if dropped is None or len(normalised) == n:
        return normalised, list(range(n + 1))
    origin: list[int] = []
    kept_from = 0
    for m in dropped.finditer(text):
        origin.extend(range(kept_from, m.start()))
        kept_from = m.end()
    origin.extend(range(kept_from, n + 1))
    return normalised, origin


def find_all(
    text: str, needle: str, options: SearchOptions = SearchOptions()
) -> list[tuple[int, int]]:
    """Non-overlapping matches of needle (normalised the same way) in text, anywhere.

    Matches are ORIGINAL code-point [start,end) spans, found left to right. The end is extended
    over ignored marks and tatweel that trail the last matched letter (so a match of 'محمد' in
    'مُحَمَّدٌ' covers the final damma tanwin); trailing bidi marks are left out. Whole-word,
    clitic-aware matching is :func:`annotator.core.matching.find_matches`.
    """
    matches: list[tuple[int, int]] = []
    for start, end in iter_matches(text, needle, options):
        if not matches or start >= matches[-1][1]:
            matches.append((start, end))
    return matches


def iter_matches(
    text: str, needle: str, options: SearchOptions = SearchOptions()
) -> Iterator[tuple[int, int]]:
    """Every match of needle in text, overlapping ones included, by start (see find_all)."""
    wanted, _ = normalize(needle, options)
    if not wanted:
        return
    haystack, origin = _normalized(text, options)
    i = haystack.find(wanted)
    while i >= 0:
        j = i + len(wanted)
        start, end = origin[i], origin[j - 1] + 1
        while end < origin[j] and (text[end] in ARABIC_MARKS or text[end] == TATWEEL):
            end += 1
        yield start, end
        i = haystack.find(wanted, i + 1)
