"""The sequence model's features of a unit: Arabic-aware, and cheap (apply budget: 50 ms per
1,000 tokens).

Each unit gets its normalised form, its stem without the article, prefixes and suffixes, a
character shape, Latin/digit/punctuation flags, whether it is a proclitic, its neighbours'
forms, and whether the gazetteer finds it in an entry (and with which label).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from annotator.core.suggest.units import Unit

Features = dict[str, float | str]
WINDOW = 2  # neighbours each side


def shape(text: str) -> str:
    """Character classes, runs collapsed: ``ا`` Arabic letter, ``a``/``A`` Latin, ``9`` digit
    (Arabic-Indic ones too), ``.`` anything else."""
    out: list[str] = []
    for ch in text:
        if ch.isdigit():
            c = "9"
        elif "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u08ff":
            c = "ا" if ch.isalpha() else "."
        elif ch.isalpha():
            c = "A" if ch.isupper() else "a"
        elif unicodedata.category(ch).startswith("M"):
            continue  # a mark belongs to its letter
        else:
            c = "."
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _word_features(unit: Unit) -> Features:
    return _features_of(unit.norm, unit.rest, unit.text, unit.clitic)


@lru_cache(maxsize=1 << 16)  # a text repeats its words: each is worked out once (apply speed)
def _features_of(norm: str, rest: str, text: str, clitic: bool) -> Features:
    """Shared between calls: callers copy, never change, the dict."""
    if clitic:
        return {"clitic": norm, "rest": rest}
    stem = norm[2:] if norm.startswith("ال") and len(norm) > 4 else norm
    f: Features = {
        "w": norm,
        "rest": rest,
        "stem": stem,
        "shape": shape(text),
        "len": str(min(len(norm), 8)),
    }
    for n in (1, 2, 3):
        if len(stem) > n:
            f[f"p{n}"] = stem[:n]
            f[f"s{n}"] = stem[-n:]
    if norm.startswith("ال"):
        f["article"] = 1.0
    if any("a" <= ch <= "z" for ch in norm):
        f["latin"] = 1.0
    if any(ch.isdigit() for ch in norm):
        f["digit"] = 1.0
    if not any(ch.isalnum() for ch in norm):
        f["punct"] = norm
    return f


def sentence_features(
    units: Sequence[Unit], gazetteer_tags: Sequence[str] | None = None
) -> list[Features]:
    """The features of each unit of a sentence; ``gazetteer_tags`` are IOB2 tags the gazetteer
    gives the units (its membership feature), or None."""
    own = [_word_features(u) for u in units]
    out: list[Features] = []
    n = len(units)
    for i in range(n):
        f: Features = {"bias": 1.0, **own[i]}
        for d in range(-WINDOW, WINDOW + 1):
            if d == 0:
                continue
            j = i + d
            if 0 <= j < n:
                other = own[j]
                f[f"{d}:w"] = str(other.get("w", other.get("clitic", "")))
                if abs(d) == 1:
                    f[f"{d}:shape"] = str(other.get("shape", "c"))
                    if "stem" in other:
                        f[f"{d}:stem"] = str(other["stem"])
            else:
                f[f"{d}:edge"] = 1.0
        if gazetteer_tags is not None and gazetteer_tags[i] != "O":
            f["gaz"] = gazetteer_tags[i]
            f["gaz_label"] = gazetteer_tags[i][2:]
        out.append(f)
    return out
