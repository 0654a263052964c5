"""A text with CR LF or lone CR line ends, turned into the stored text with LF, and the offsets
that were counted in it moved to match.

doccano, Prodigy and Label Studio keep a text typed on Windows as it came (``\\r\\n``) and count
their offsets in it. The stored text has ``\\n`` only (decoding.normalise_newlines), so each CR
LF pair loses its CR: every offset after it moves one code point back. A lone CR becomes an LF in
place and moves nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from annotator.formats.decoding import normalise_newlines


@dataclass(frozen=True)
class LineEnds:
    """The stored text of ``raw`` and how to carry an offset of ``raw`` over to it.

    Attributes:
        text: ``raw`` with LF line ends.
        dropped: where, in ``raw``, the CR of each CR LF pair stood (sorted).
        lone_crs: how many lone CRs became LFs.
    """

    text: str
    dropped: tuple[int, ...] = ()
    lone_crs: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.dropped) or self.lone_crs > 0

    def offset(self, raw: int) -> int:
        """The offset in :attr:`text` of offset ``raw`` of the original text.

        An offset between the CR and the LF of a pair lands on the LF, where the line ends.
        """
        return raw - bisect_left(self.dropped, raw)


def normalise(raw: str) -> LineEnds:
    if "\r" not in raw:
        return LineEnds(raw)
    dropped: list[int] = []
    lone = 0
    at = raw.find("\r")
    while at >= 0:
        if raw.startswith("\n", at + 1):
            dropped.append(at)
        else:
            lone += 1
        at = raw.find("\r", at + 1)
    return LineEnds(normalise_newlines(raw), tuple(dropped), lone)
