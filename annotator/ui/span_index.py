"""Spans of the open document bucketed by paragraph (Qt text block), in pure Python.

The highlighter asks for the spans of one block at a time, and an edit names the blocks whose
look changed, so re-highlighting touches a few blocks instead of the whole document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from operator import itemgetter

from annotator.core.model import Relation, Span

# what QTextCursor.insertText (and so setPlainText) turns into a block break; the stored text
# has no "\r" (normalised at import), the others are kept for safety
_BLOCK_BREAK = re.compile("[\n\r\u2029\ufdd0\ufdd1]")
_RARE_BREAKS = "\r\u2029\ufdd0\ufdd1"


def block_starts(text: str) -> list[int]:
    """Code-point offset where each Qt block (paragraph) of ``text`` starts."""
    if any(c in text for c in _RARE_BREAKS):
        return [0, *(m.end() for m in _BLOCK_BREAK.finditer(text))]
    # the usual case, only "\n": str.find runs ~4x faster than the regex over 1 MB
    out, find = [0], text.find
    at = find("\n")
    while at >= 0:
        out.append(at + 1)
        at = find("\n", at + 1)
    return out


class SpanIndex:
    """The spans and links of one document, by uuid and by block.

    Attributes:
        starts: code-point start of each block.
        spans: uuid -> span.
        relations: uuid -> relation.
    """

    def __init__(self, text: str, spans: Iterable[Span] = (), relations: Iterable[Relation] = ()):
        self.starts = block_starts(text)
        self.spans: dict[str, Span] = {}
        self.relations: dict[str, Relation] = {}
        self._buckets: list[list[str]] = [[] for _ in self.starts]
        self._links_of: dict[str, list[str]] = {}
        self._add_all(spans)
        for rel in relations:
            self.link(rel)

    # -- blocks --------------------------------------------------------------------------

    def block_of(self, pos: int) -> int:
        return max(bisect_right(self.starts, pos) - 1, 0)

    def blocks_of(self, start: int, end: int) -> range:
        """Blocks that [start, end) touches."""
        return range(self.block_of(start), self.block_of(max(end - 1, start)) + 1)

    def block_range(self, block: int) -> tuple[int, int]:
        """[start, next block start) of ``block`` in code points."""
        nxt = self.starts[block + 1] if block + 1 < len(self.starts) else None
        return self.starts[block], (nxt if nxt is not None else 1 << 62)

    def spans_in_block(self, block: int) -> list[Span]:
        if not 0 <= block < len(self._buckets):
            return []
        return [self.spans[u] for u in self._buckets[block]]

    # -- spans ---------------------------------------------------------------------------

    def _add_all(self, spans: Iterable[Span]) -> None:
        """``add`` for many spans, inlined: opening 20k spans is ~3x faster than 20k ``add``."""
        starts, buckets, by_uuid = self.starts, self._buckets, self.spans
        for span in spans:
            uuid = span.uuid
            by_uuid[uuid] = span
            first = bisect_right(starts, span.start) - 1  # starts[0] == 0 <= span.start
            last = bisect_right(starts, span.end - 1, first) - 1
            if first == last:
                buckets[first].append(uuid)
            else:
                for b in range(first, last + 1):
                    buckets[b].append(uuid)

    def add(self, span: Span) -> None:
        self.spans[span.uuid] = span
        for b in self.blocks_of(span.start, span.end):
            self._buckets[b].append(span.uuid)

    def remove(self, uuid: str) -> Span | None:
        span = self.spans.pop(uuid, None)
        if span is not None:
            for b in self.blocks_of(span.start, span.end):
                self._buckets[b].remove(uuid)
        return span

    def replace(self, span: Span) -> None:
        self.remove(span.uuid)
        self.add(span)

    def spans_at(self, pos: int) -> list[Span]:
        """Spans covering ``pos``, innermost (shortest) first."""
        hits = [s for s in self.spans_in_block(self.block_of(pos)) if s.start <= pos < s.end]
        return sorted(hits, key=lambda s: (s.end - s.start, s.start))

    def spans_overlapping(self, start: int, end: int) -> list[Span]:
        seen: dict[str, Span] = {}
        for b in self.blocks_of(start, end):
            for s in self.spans_in_block(b):
                if s.start < end and s.end > start:
                    seen[s.uuid] = s
        return list(seen.values())

    def find(self, start: int, end: int, layer: str) -> Span | None:
        """The span of ``layer`` with exactly these offsets, if any."""
        for s in self.spans_in_block(self.block_of(start)):
            if (s.start, s.end, s.layer) == (start, end, layer):
                return s
        return None

    def ordered(self) -> list[Span]:
        return sorted(self.spans.values(), key=position_key)

    def step(self, span: Span | None, forward: bool) -> Span | None:
        """The span after (or before) ``span`` in document order, wrapping around.

        With no ``span``, the first (or last) one. Only the blocks between the two are read,
        not every span: a key press costs a few paragraphs, however many spans there are.
        """
        if not self.spans:
            return None
        last = len(self.starts) - 1
        if span is not None:
            b = self.block_of(span.start)
            found = self._nearest(range(b, last + 1) if forward else range(b, -1, -1),
                                  position_key(span), forward)
            if found is not None:
                return found
        return self._nearest(range(last + 1) if forward else range(last, -1, -1), None, forward)

    def _nearest(self, blocks: range, key: tuple[int, int, str, str, str] | None,
                 forward: bool) -> Span | None:
        """In the first of ``blocks`` with one, the span nearest after (before) ``key``.

        Spans are taken in the block they start in; every span starting in a block comes
        before (in document order) every span starting in a later block.
        """
        for b in blocks:
            lo, spans = self.starts[b], self.spans
            keyed = [(position_key(s), s) for s in map(spans.__getitem__, self._buckets[b])
                     if s.start >= lo]
            if key is not None:
                keyed = [ks for ks in keyed if (ks[0] > key if forward else ks[0] < key)]
            if keyed:
                return (min if forward else max)(keyed, key=itemgetter(0))[1]
        return None

    # -- links ---------------------------------------------------------------------------

    def link(self, rel: Relation) -> None:
        self.relations[rel.uuid] = rel
        for end in (rel.head, rel.tail):
            self._links_of.setdefault(end, []).append(rel.uuid)

    def unlink(self, uuid: str) -> Relation | None:
        rel = self.relations.pop(uuid, None)
        if rel is not None:
            for end in (rel.head, rel.tail):
                ids = self._links_of.get(end, [])
                if uuid in ids:
                    ids.remove(uuid)
        return rel

    def links_of(self, span_uuid: str) -> list[Relation]:
        return [self.relations[u] for u in self._links_of.get(span_uuid, ())]


def position_key(span: Span) -> tuple[int, int, str, str, str]:
    """Document order: by start, longer (outer) spans first, then layer, label, uuid."""
    return (span.start, -span.end, span.layer, span.label, span.uuid)
