"""The automatic proclitic rule: strip a leading clitic only when what remains is attested.

Orthography alone cannot tell و+بوتين from بوتين or ب+غداد from بغداد: every name that starts
with و ف ب ل ك reads as clitic + stem to :func:`annotator.core.text.proclitic_candidates`. The
automatic rule (the "Strip proclitics automatically" option) therefore cuts only where the text
itself vouches for the stem: the stem occurs elsewhere as a word of its own, or is already tagged
as an entity. وبوتين -> بوتين when بوتين occurs; بوتين stays, for وتين does not. The article
stays with its word (والقاهرة -> القاهرة), and a stem is never shorter than ``MIN_STEM_LETTERS``.

The figure this rule reaches on AQMAR's entities is in the README next to the option (measured by
``benchmarks/proclitic_rule.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from annotator.core.text import ARABIC_MARKS, TATWEEL, proclitic_candidates

__all__ = ["MIN_STEM_LETTERS", "attested_proclitic_length", "occurs_as_word"]

# a stem of two letters is as often a clitic-shaped word's tail as a word (بل -> ل, ولد -> لد)
MIN_STEM_LETTERS = 3
_ARTICLE = "ال"


def attested_proclitic_length(
    token: str, attested: Callable[[str], bool], min_stem: int = MIN_STEM_LETTERS
) -> int:
    """Code points of the proclitic to strip from ``token``, or 0 to keep it whole.

    The candidates of :func:`proclitic_candidates` are tried shortest first; the first whose
    stem ``attested`` vouches for wins. A stem that begins with the article is vouched for by
    the word with or without it (وبالقاهرة -> القاهرة when قاهرة or القاهرة occurs), and a
    cut that would take the article away from its word is never made; after لل (ل + the
    article, whose alef is not written) the stem is vouched for as X or as الX.
    """
    cuts = proclitic_candidates(token)
    double_lam = [c for c in cuts if _strip_marks(token[:c]).endswith("لل")]
    if double_lam:
        # ل + the article (its alef unwritten), or ل + a word that starts with ل
        # (للوكاشينكو): the article reading first, since ل+حدود is itself a word (لحدود)
        stem = token[double_lam[0]:]
        if _letters(stem) >= min_stem and (attested(stem) or attested(_ARTICLE + stem)):
            return double_lam[0]
        cuts = [c for c in cuts if c < double_lam[0]]
    keeps_article = False
    for cut in cuts:
        stem = token[cut:]
        bare = _strip_marks(stem)
        if keeps_article and not bare.startswith(_ARTICLE):
            break  # the article stays with its word
        if _letters(bare) < min_stem:
            continue
        if bare.startswith(_ARTICLE):
            keeps_article = True
            if attested(stem) or attested(stem[len(_ARTICLE):]):
                return cut
        elif attested(stem):
            return cut
    return 0


def occurs_as_word(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` as a token of its own (not inside another word).

    A mark or tatweel may follow it (بوتينُ counts for بوتين): case endings are written on names.
    """
    if not word:
        return False
    pattern = rf"(?<![^\W_]){re.escape(word)}(?![^\W_])"
    return re.search(pattern, text) is not None


def _strip_marks(text: str) -> str:
    return "".join(ch for ch in text if ch not in ARABIC_MARKS and ch != TATWEEL)


def _letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)
