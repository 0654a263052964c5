"""Which spans cover each stretch of a paragraph, found in one sweep over the span edges.

The highlighter formats a paragraph as consecutive stretches between span edges, each with the
spans covering it. Asking every span for every stretch costs (spans)²: a CoNLL corpus stored as
one 820,000-character line holds tens of thousands of spans in one paragraph. The sweep visits
each edge once and keeps the spans open there, so a paragraph costs its spans times the nesting
depth (a handful), however long it is.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Hashable, Sequence
from itertools import pairwise
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def covering_ranges(
    parts: Sequence[tuple[int, int, K]],
) -> list[tuple[int, int, tuple[K, ...]]]:
    """(start, end, keys covering it) for each stretch between consecutive edges of ``parts``.

    ``parts`` holds (start, end, key) in drawing order (outer spans first); each stretch lists
    the keys of the parts covering it in that same order. Stretches no part covers, and empty
    parts, are left out.
    """
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for rank, (start, end, _key) in enumerate(parts):
        if start < end:
            opens.setdefault(start, []).append(rank)
            closes.setdefault(end, []).append(rank)
    out: list[tuple[int, int, tuple[K, ...]]] = []
    active: list[int] = []  # ranks of the parts open over the current stretch, ascending
    for a, b in pairwise(sorted(opens.keys() | closes.keys())):
        for rank in closes.get(a, ()):
            del active[bisect_left(active, rank)]
        for rank in opens.get(a, ()):
            insort(active, rank)
        if active:
            out.append((a, b, tuple(parts[rank][2] for rank in active)))
    return out
