"""Spans to per-token tags and back: IOB2, BIOES and BILOU, nested columns, foreign tag maps.

Writing: the spans of one layer are dealt into up to N columns, outer first (the Wojood layout):
sorted by start, longest first, each goes to the first column where it overlaps nothing. What
finds no column is dropped and reported with the span that blocked it, never silently.

Reading: a tag column is decoded on its own. ``I-X`` after ``O`` or after another type (the IOB1
habit) starts a span and is counted as a repair; ``E-``/``S-`` (BIOES) and ``L-``/``U-`` (BILOU)
are read too.

Tag maps (``--map-tags FILE``) are plain text, one mapping a line, ``FOREIGN<TAB>OURS`` (spaces
work too); ``#`` starts a comment. ``FOREIGN`` is a whole tag (``I--ORG``, ``IO``) or a bare
label (``MIS1``, which then maps ``B-MIS1`` and ``I-MIS1``); ``OURS`` is a tag, a label, or
``O`` to read the tag as outside any span. Whole-tag entries win over label entries.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter, le, neg
from pathlib import Path

from annotator.core.errors import InputError, clip
from annotator.core.model import Span
from annotator.core.schema import Schema
from annotator.formats.ids import fresh_uuids

IOB2 = "iob2"
BIOES = "bioes"
BILOU = "bilou"  # spaCy's BILUO: its ner converter splits BIOES entities in two
SCHEMES = (IOB2, BIOES, BILOU)
# single token, first, inside, last of a span, by scheme
_WRITTEN = {IOB2: ("B-", "B-", "I-", "I-"), BIOES: ("S-", "B-", "I-", "E-"),
            BILOU: ("U-", "B-", "I-", "L-")}
_TAG_RE = re.compile(r"([BIESLU])-(.+)\Z")
_PREFIX = {"B": "B", "I": "I", "E": "E", "S": "S", "L": "E", "U": "S"}
_START = attrgetter("start")
_END = attrgetter("end")


# --- writing --------------------------------------------------------------------------------


def deal_into_columns(
    spans: Iterable[Span], columns: int
) -> tuple[list[list[Span]], list[tuple[Span, str]]]:
    """Non-overlapping columns of spans, outer first, and the spans that fit in none (+ why)."""
    dealt: list[list[Span]] = [[] for _ in range(columns)]
    dropped: list[tuple[Span, str]] = []
    by_start = _by_start(list(spans))
    if columns == 1:
        return _one_column(by_start)
    for span in by_start:
        for column in dealt:
            # spans arrive by start, so only the column's last span can overlap this one
            if not column or column[-1].end <= span.start:
                column.append(span)
                break
        else:
            dropped.append((span, _blocked_reason(span, dealt[-1][-1], columns)))
    return dealt, dropped


def _by_start(spans: list[Span]) -> list[Span]:
    """``spans`` by start, longest first, ties in the given order; the keys are made in C, and
    spans read from the database are in that order already (then nothing moves)."""
    keys = list(zip(map(_START, spans), map(neg, map(_END, spans)), strict=True))
    if all(map(le, keys, keys[1:])):
        return spans
    return [spans[k] for k in sorted(range(len(spans)), key=keys.__getitem__)]


def _one_column(by_start: list[Span]) -> tuple[list[list[Span]], list[tuple[Span, str]]]:
    """``deal_into_columns`` into one column (the default), with no loop over columns."""
    column: list[Span] = []
    dropped: list[tuple[Span, str]] = []
    reach = -1  # where the column's last span ends (offsets are never negative)
    for span in by_start:
        if reach <= span.start:
            column.append(span)
            reach = span.end
        else:
            dropped.append((span, _blocked_reason(span, column[-1], 1)))
    return [column], dropped


def _blocked_reason(span: Span, blocker: Span, columns: int) -> str:
    inside = blocker.start <= span.start and span.end <= blocker.end
    how = "nested in" if inside else "overlaps"
    where = f"{how} {blocker.label} [{blocker.start}, {blocker.end})"
    if columns == 1:
        return f"{where}; one tag column holds one span per token (try --nested 2)"
    return f"{where}; all {columns} nested columns are taken (raise --nested)"


def encode_column(
    spans: list[Span], starts: list[int], ends: list[int], scheme: str
) -> tuple[list[str], list[tuple[int, int]]]:
    """Tags of one column and each span's token range ``[i, j)`` (``i >= j``: on no token).

    Tokens must already be cut at the span edges (:func:`tokens.split_at`).
    """
    tags = ["O"] * len(starts)
    single, first, inside, last = _WRITTEN[scheme]
    # the bisections without a Python call each: the first token ending after the start, the
    # first starting at or after the end
    ranges = list(zip(
        map(bisect_right, repeat(ends), map(_START, spans)),
        map(bisect_left, repeat(starts), map(_END, spans)),
        strict=True,
    ))
    for span, (i, j) in zip(spans, ranges, strict=True):
        if i >= j:
            continue
        label = span.label
        if j - i == 1:
            tags[i] = single + label
            continue
        tags[i] = first + label
        tags[i + 1 : j - 1] = [inside + label] * (j - i - 2)
        tags[j - 1] = last + label
    return tags, ranges


# --- reading --------------------------------------------------------------------------------


@dataclass
class Decoded:
    """Spans of one column as (start, end, label) and the token indices repaired (IOB1 habit)."""

    spans: list[tuple[int, int, str]]
    repaired: list[int]


def decode_column(
    tags: list[str], starts: list[int], ends: list[int], breaks: frozenset[int] = frozenset()
) -> Decoded:
    """Spans of a column of canonical tags (``O`` or ``P-LABEL``, P in B I E S).

    ``breaks`` are token indices that start a sentence: a span never continues across one.
    """
    out: list[tuple[int, int, str]] = []
    repaired: list[int] = []
    label: str | None = None
    first = 0
    for i, tag in enumerate(tags):
        if tag == "O":
            if label is not None:
                out.append((starts[first], ends[i - 1], label))
                label = None
            continue
        prefix, tag_label = tag[0], tag[2:]
        continues = label == tag_label and i not in breaks
        if prefix == "B" or prefix == "S" or not continues:
            if label is not None:
                out.append((starts[first], ends[i - 1], label))
            if prefix in "IE":
                repaired.append(i)
            label, first = tag_label, i
        if prefix in "ES":
            out.append((starts[first], ends[i], tag_label))
            label = None
    if label is not None:
        out.append((starts[first], ends[len(tags) - 1], label))
    return Decoded(out, repaired)


def make_spans(found: list[tuple[int, int, str]], schema: Schema) -> list[Span]:
    """Spans of decoded ``(start, end, label)``, each in its label's layer (else ``entity``)."""
    layers = {label: schema.layer_of_label(label) or "entity" for _, _, label in found}
    return [
        Span(start, end, layers[label], label, uuid)
        for (start, end, label), uuid in zip(found, fresh_uuids(len(found)), strict=True)
    ]


def load_tag_map(path: Path) -> dict[str, tuple[str, int]]:
    """FOREIGN -> (OURS, line number) from a tag map file (format in the module docstring)."""
    try:
        content = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the tag map: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(path), "the tag map is not UTF-8") from exc
    mapping: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(content.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) != 2:
            raise InputError(
                str(path), "a mapping is FOREIGN<TAB>OURS (two fields)", line=number
            )
        mapping[fields[0]] = (fields[1], number)
    return mapping


class TagResolver:
    """Turns the tags of a file into canonical ``O`` / ``P-LABEL`` with labels of the schema.

    Problems are collected, not raised, so one refusal can list every bad tag of a file.
    """

    def __init__(self, schema: Schema, tag_map: dict[str, tuple[str, int]] | None = None,
                 map_path: str = "") -> None:
        self.schema = schema
        self.tag_map = tag_map or {}
        self.map_path = map_path
        self.resolved: dict[str, str] = {"O": "O"}
        self.problems: dict[str, str] = {}  # foreign tag -> why it cannot be read

    @classmethod
    def with_map_file(cls, schema: Schema, map_tags: Path | None) -> TagResolver:
        """A resolver using the ``--map-tags`` file, when one is given."""
        tag_map = load_tag_map(map_tags) if map_tags is not None else None
        return cls(schema, tag_map, str(map_tags or ""))

    def resolve_all(self, tags: Iterable[str]) -> None:
        for tag in tags:
            if tag not in self.resolved and tag not in self.problems:
                self._resolve(tag)

    def _resolve(self, tag: str) -> None:
        target = self.tag_map.get(tag, (tag, 0))[0]
        if target == "O":
            self.resolved[tag] = "O"
            return
        m = _TAG_RE.match(target)
        if m is None:
            self.problems[tag] = "malformed (not O, B-X, I-X, E-X or S-X)"
            return
        label = m.group(2)
        mapped_label, map_line = self.tag_map.get(label, (label, 0))
        if mapped_label == "O":
            self.resolved[tag] = "O"
            return
        if self.schema.layer_of_label(mapped_label) is None:
            if map_line or target != tag:
                where = f"{self.map_path}:{map_line or self.tag_map[tag][1]}"
                self.problems[tag] = f"mapped by {where} to {mapped_label!r}, not in the schema"
            else:
                self.problems[tag] = f"label {label!r} is not in the schema"
            return
        self.resolved[tag] = f"{_PREFIX[m.group(1)]}-{mapped_label}"

    def canonical(self) -> Callable[[str], str]:
        return self.resolved.__getitem__


def refusal(path: str, problems: dict[str, str], lines: dict[str, list[int]]) -> InputError:
    """One error listing every unreadable tag with the lines it is on."""
    parts = []
    for tag, why in sorted(problems.items(), key=lambda kv: lines[kv[0]][0]):
        at = lines[tag]
        shown = ", ".join(map(str, at[:5])) + (f" and {len(at) - 5} more" if len(at) > 5 else "")
        plural = "s" if len(at) > 1 else ""
        parts.append(f"{clip(tag, 60)!r} ({clip(why, 200)}) on line{plural} {shown}")
    first = min(lines[tag][0] for tag in problems)
    return InputError(
        path,
        "tags outside the schema: " + "; ".join(parts)
        + ". Map them with --map-tags FILE (lines of FOREIGN<TAB>OURS, OURS may be O) "
        "or use a project schema that declares these labels",
        line=first,
    )
