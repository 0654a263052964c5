"""Reading a foreign tool's offsets against our text: code points or UTF-16, CRLF or LF.

Our offsets are code points of the stored text, whose line ends are ``\\n``. A tool that kept
the text as typed (``\\r\\n``) counted in that text, and a browser front end may have counted
UTF-16 code units (one more for each character outside the BMP, such as an emoji, before the
offset). :class:`OffsetReader` tries those readings in turn against the covered text the tool
wrote beside its offsets and says which one fitted, so a reader can report it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from annotator.formats.decoding import normalise_newlines

CODE_POINTS = "code points"
UTF16 = "UTF-16"


@dataclass(frozen=True)
class Reading:
    """Where a span lies in the stored text, and how its offsets had to be read to get there."""

    start: int
    end: int
    units: str  # CODE_POINTS or UTF16
    moved: bool  # the offsets counted the CRs of CRLF line ends


@dataclass
class OffsetReader:
    """Offsets as written in ``original`` (the text as the tool had it) mapped onto the stored
    text (``original`` with its line ends normalised)."""

    original: str
    text: str = field(init=False)
    _crlf: list[int] = field(init=False)  # positions of the CRs that normalising removes
    _utf16: dict[str, list[int] | None] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.text = normalise_newlines(self.original)
        self._crlf = [
            i for i in range(len(self.original) - 1)
            if self.original[i] == "\r" and self.original[i + 1] == "\n"
        ] if "\r\n" in self.original else []

    def _to_stored(self, pos: int) -> int:
        """A code point offset of ``original`` in the stored text (CRs before it removed)."""
        return pos - bisect_left(self._crlf, pos) if self._crlf else pos

    def _utf16_map(self, text: str) -> list[int] | None:
        """UTF-16 offset -> code point offset (-1 inside a surrogate pair); None when the two
        agree (no character outside the BMP)."""
        if text not in self._utf16:
            if all(ord(ch) < 0x10000 for ch in text):
                self._utf16[text] = None
            else:
                table: list[int] = []
                for i, ch in enumerate(text):
                    table.append(i)
                    if ord(ch) >= 0x10000:
                        table.append(-1)
                table.append(len(text))
                self._utf16[text] = table
        return self._utf16[text]

    def _candidates(self, start: int, end: int) -> list[Reading]:
        out: list[Reading] = []
        sources = [(self.original, True)] if self._crlf else []
        sources.append((self.text, False))
        for units in (CODE_POINTS, UTF16):
            for source, with_crs in sources:
                s, e = start, end
                if units == UTF16:
                    table = self._utf16_map(source)
                    if table is None or not 0 <= s < e < len(table):
                        continue
                    s, e = table[s], table[e]
                    if s < 0 or e < 0:
                        continue  # the offset falls inside a surrogate pair
                if not 0 <= s < e <= len(source):
                    continue
                if with_crs:
                    moved = s != self._to_stored(s) or e != self._to_stored(e)
                    s, e = self._to_stored(s), self._to_stored(e)
                else:
                    moved = False
                out.append(Reading(s, e, units, moved))
        return out

    def read(self, start: int, end: int, covered: str | None) -> Reading | None:
        """The first reading whose text is ``covered`` (line ends normalised on both sides);
        without ``covered``, the code point reading if it lies in the text. None: no fit."""
        candidates = self._candidates(start, end)
        if covered is None:
            return candidates[0] if candidates and candidates[0].units == CODE_POINTS else None
        want = normalise_newlines(covered)
        for reading in candidates:
            if self.text[reading.start : reading.end] == want:
                return reading
        return None

    def slice(self, start: int, end: int) -> str:
        """What the code point offsets cover in the stored text (for a refusal's message)."""
        return self.text[max(start, 0) : max(end, 0)]
