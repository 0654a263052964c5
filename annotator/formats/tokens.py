"""The tokens and sentences an export writes, and the cuts spans force into them.

A document that came from a token format keeps that format's tokens, so a round trip gives
back the same token sequence: its ``meta["tokenization"]`` says how.

``"lines"`` (CoNLL imports)
    The text is the tokens joined by single spaces, sentences joined by ``\\n``: each line is a
    sentence and its tokens are the pieces between spaces. Nothing else is needed, because the
    reader built the text that way.
``"words"`` (CoNLL-U imports)
    ``meta["words"]`` lists the words as ``[[start, end], ...]`` per sentence (clitics split
    off by the treebank, ``ل`` + ``أوباما``, are separate words with no space between them).
anything else
    :func:`annotator.core.text.sentence_tokens`: tokens at whitespace and punctuation,
    sentences at ``. ! ? ؟`` and at every line break.

Tokens are kept as two flat lists of starts and ends (no object per token) and a list of the
token indices where sentences start: the exporters' hot path works on these arrays.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from annotator.core import text as coretext

LINES = "lines"
WORDS = "words"
_LINE_TOKEN_RE = re.compile("[^ \n]+")


@dataclass(slots=True)
class Tokens:
    """Tokens of one document: ``starts[i]``, ``ends[i]``; sentence k is
    ``sentence_starts[k]`` up to the next one (or the end)."""

    starts: list[int]
    ends: list[int]
    sentence_starts: list[int]
    words: list[str] | None = None  # the token strings, when the tokenizer had them anyway

    def __len__(self) -> int:
        return len(self.starts)

    def sentence_ranges(self) -> list[tuple[int, int]]:
        bounds = [*self.sentence_starts, len(self.starts)]
        return [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]


def document_tokens(text: str, meta: dict[str, Any] | None = None) -> Tokens:
    """The tokens an export writes for this document (see the module docstring)."""
    meta = meta or {}
    mode = meta.get("tokenization")
    if mode == LINES:
        return _line_tokens(text)
    if mode == WORDS and isinstance(meta.get("words"), list):
        return _word_tokens(meta["words"], len(text))
    return _core_tokens(text)


def _line_tokens(text: str) -> Tokens:
    lines = text.split("\n")
    per_line = [line.split(" ") for line in lines]
    words = [w for pieces in per_line for w in pieces]
    if "" in words:  # not built by the CoNLL reader (doubled or edge separators): go slowly
        return _line_tokens_by_search(text)
    # every token is followed by exactly one separator, as the CoNLL reader built the text
    starts = list(accumulate((len(w) + 1 for w in words[:-1]), initial=0))
    ends = [s + len(w) for s, w in zip(starts, words, strict=True)]
    sentence_starts = list(accumulate((len(p) for p in per_line[:-1]), initial=0))
    return Tokens(starts, ends, sentence_starts, words)


def _line_tokens_by_search(text: str) -> Tokens:
    spans = [m.span() for m in _LINE_TOKEN_RE.finditer(text)]
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    sentence_starts = [0] if starts else []
    # a line break before token i starts a sentence there
    pos = text.find("\n")
    while pos >= 0:
        i = bisect_right(starts, pos)
        if 0 < i < len(starts) and i != sentence_starts[-1]:
            sentence_starts.append(i)
        pos = text.find("\n", pos + 1)
    return Tokens(starts, ends, sentence_starts)


def _word_tokens(sentences: list[Any], length: int) -> Tokens:
    starts: list[int] = []
    ends: list[int] = []
    sentence_starts: list[int] = []
    last = 0
    for sentence in sentences:
        if not sentence:
            continue
        sentence_starts.append(len(starts))
        for start, end in sentence:
            if not (last <= start < end <= length):
                raise ValueError(f"stored word [{start}, {end}) is out of order or outside text")
            starts.append(start)
            ends.append(end)
            last = end
    return Tokens(starts, ends, sentence_starts)


def _core_tokens(text: str) -> Tokens:
    words, starts, ends, sentence_starts = coretext.token_arrays(text)
    return Tokens(starts, ends, sentence_starts, words)


def split_at(tokens: Tokens, edges: Iterable[int]) -> int:
    """Cut tokens at every edge that falls strictly inside one; return the number of cuts.

    This is how ``ل`` + ``لوكاشينكو`` is written when an entity starts after the proclitic: the
    span keeps its exact extent instead of being widened to the whole token.
    """
    starts, ends = tokens.starts, tokens.ends
    # nearly every edge is a token edge already: those are struck off in C, each token edge
    # looked up in the few span edges (a set of every token edge cost six times more)
    loose = set(edges).difference(starts, ends)
    cuts: dict[int, list[int]] = {}
    for edge in loose:
        i = bisect_right(starts, edge) - 1
        if i >= 0 and starts[i] < edge < ends[i]:
            cuts.setdefault(i, []).append(edge)
    if not cuts:
        return 0
    new_starts: list[int] = []
    new_ends: list[int] = []
    index_map: list[int] = []  # old token index -> new index of its first piece
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        index_map.append(len(new_starts))
        points = sorted(set(cuts.get(i, ())))
        for point in points:
            new_starts.append(start)
            new_ends.append(point)
            start = point
        new_starts.append(start)
        new_ends.append(end)
    tokens.starts, tokens.ends, tokens.words = new_starts, new_ends, None
    tokens.sentence_starts = [index_map[k] for k in tokens.sentence_starts]
    return sum(len(set(points)) for points in cuts.values())


def join_sentences(tokens: Tokens, ranges: Iterable[tuple[int, int]]) -> int:
    """Remove sentence breaks inside the token ranges ``[a, b)``; return how many went.

    A span that crosses a sentence break would otherwise be cut in two by the blank line.
    """
    drop: set[int] = set()
    sentence_starts = tokens.sentence_starts
    for a, b in ranges:
        k = bisect_right(sentence_starts, a)
        while k < len(sentence_starts) and sentence_starts[k] < b:
            drop.add(sentence_starts[k])
            k += 1
    if drop:
        tokens.sentence_starts = [s for s in sentence_starts if s not in drop]
    return len(drop)
