"""The spans and links of one JSON line, checked against its text and the schema.

Every JSON-lines dialect (ours, doccano's, Prodigy's) is first put into our shape — span objects
``{"start", "end", "label", "layer"?, "attributes"?, "uuid"?, "annotator"?, "text"?}`` with
offsets counted in the line's text as written, and link objects ``{"kind", "head", "tail"}`` —
then read here, so every dialect gets the same checks and the same messages.
"""

from __future__ import annotations

import uuid as _uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import Relation, Span, new_uuid
from annotator.core.schema import Schema
from annotator.formats.decoding import normalise_newlines
from annotator.formats.line_ends import LineEnds
from annotator.formats.relation_map import RelationMap


@dataclass
class Seen:
    """Uuids already used in the file being read, with their line: a uuid names one thing."""

    spans: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)


@dataclass
class Tally:
    """What the reader did to a whole file without refusing it, for the import report."""

    crlf: int = 0  # CR LF pairs made LF
    lone_cr: int = 0  # lone CRs made LF
    lines_normalised: int = 0
    spans_moved: int = 0
    answers_skipped: Counter[str] = field(default_factory=Counter)  # Prodigy reject/ignore
    links_left_out: Counter[str] = field(default_factory=Counter)  # foreign type -> count


@dataclass
class Line:
    """Where a line is (for messages) and what reading it needs besides its object."""

    path: str
    number: int
    schema: Schema
    ends: LineEnds
    seen: Seen = field(default_factory=Seen)
    relation_map: RelationMap = field(default_factory=dict)
    tally: Tally = field(default_factory=Tally)

    def error(self, reason: str) -> InputError:
        return InputError(self.path, reason, line=self.number)


def uuid_of(raw: Any, what: str, taken: dict[str, int], line: Line) -> str:
    """A fresh uuid when ``raw`` is empty; else ``raw`` in canonical form, unused so far."""
    if raw is None or raw == "":
        return new_uuid()
    try:
        if not isinstance(raw, str):
            raise ValueError
        value = str(_uuid.UUID(raw))
    except ValueError:
        raise line.error(f"{what}: uuid {raw!r} is not a UUID") from None
    first = taken.get(value)
    if first is not None:
        where = "this line" if first == line.number else f"line {first}"
        raise line.error(f"{what}: uuid {value} is used twice (also on {where})")
    taken[value] = line.number
    return value


def string(value: Any, what: str, line: Line) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise line.error(f"{what} must be a string, not {value!r}")


def integer(value: Any, what: str, line: Line) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise line.error(f"{what} must be an integer, not {value!r}")
    return value


def read_span(raw: Any, line: Line, index: int, fresh_uuid: str | None = None) -> Span:
    """Span ``index`` of the line; ``fresh_uuid`` is the uuid it gets when it has none (a
    reader makes them a line at a time, ``formats.ids``), else a new one.

    The checks run in the order their messages are written; the common span (int offsets on
    an LF text, a bare label, nothing else) meets each once, through no helper: at 200,000
    spans the helpers' calls were most of the reading.
    """
    if not isinstance(raw, dict):
        raise line.error(f"span {index} must be an object")
    if "start" not in raw or "end" not in raw or "label" not in raw:
        missing = next(key for key in ("start", "end", "label") if key not in raw)
        raise line.error(f"span {index} has no {missing!r}")
    ends = line.ends
    text = ends.text
    start, end = raw["start"], raw["end"]
    if type(start) is not int:
        start = integer(start, f"span {index} start", line)
    if type(end) is not int:
        end = integer(end, f"span {index} end", line)
    if ends.dropped:  # offsets counted in a text with CR LF: moved to the stored text's
        start, end = ends.offset(start), ends.offset(end)
        if (start, end) != (raw["start"], raw["end"]):
            line.tally.spans_moved += 1
    if start >= end:
        raise line.error(f"span {index}: start {start} is not before end {end}")
    if start < 0 or end > len(text):
        raise line.error(
            f"span {index} [{start}, {end}) lies outside the text (length {len(text)} code points)"
        )
    claimed = raw.get("text")
    if claimed is not None:
        _check_covered_text(claimed, text[start:end], line, index, (start, end))
    schema = line.schema
    label = raw["label"]
    if type(label) is not str:
        label = str(label)
    layer = raw.get("layer") or schema.layer_of_label(label)
    if layer is None or not schema.has_label(str(layer), label):
        known = ", ".join(lab.name for lab in schema.labels())
        raise line.error(f"span {index}: unknown label {label!r} (the schema has {known})")
    attributes = raw.get("attributes") or {}
    if attributes:
        if not isinstance(attributes, dict):
            raise line.error(f"span {index}: attributes must be an object")
        for name, value in attributes.items():
            why = schema.attribute_error(str(layer), name, value)
            if why is not None:
                raise line.error(f"span {index}: {why}")
    annotator = raw.get("annotator")
    if annotator is not None:
        annotator = string(annotator, f"span {index}: annotator", line)
    given = raw.get("uuid")
    if given is None or given == "":
        uuid = fresh_uuid or new_uuid()
    else:
        uuid = uuid_of(given, f"span {index}", line.seen.spans, line)
    # by position (start, end, layer, label, uuid, attributes, annotator): keywords cost a
    # third more, once per span read
    return Span(start, end, str(layer), label, uuid, attributes, annotator or "")


def _check_covered_text(
    claimed: Any, actual: str, line: Line, index: int, where: tuple[int, int]
) -> None:
    """A span that carries its text (Prodigy does) must cover that text: offsets counted in
    other units (UTF-16 after an emoji) would otherwise tag the wrong letters silently."""
    if claimed is None:
        return
    if not isinstance(claimed, str) or normalise_newlines(claimed) != actual:
        raise line.error(
            f"span {index}: its 'text' {claimed!r} is not the text at [{where[0]}, {where[1]}) "
            f"{actual!r} (offsets counted in other units?)"
        )


def _canonical_ref(ref: str) -> str:
    try:
        return str(_uuid.UUID(ref))
    except ValueError:
        return ref


def read_relations(raws: Any, spans: list[Span], line: Line) -> list[Relation]:
    if not isinstance(raws, list):
        raise line.error("relations must be a list")
    by_uuid = {s.uuid: s for s in spans}
    schema = line.schema
    out = []
    for i, raw in enumerate(raws):
        if not isinstance(raw, dict) or not {"head", "tail"} <= raw.keys():
            raise line.error(f"relation {i} needs head and tail")
        kind = str(raw.get("kind") or raw.get("type") or "")
        ends: list[Span] = []
        for key in ("head", "tail"):
            ref = raw[key]
            if isinstance(ref, int) and not isinstance(ref, bool):
                if not 0 <= ref < len(spans):
                    raise line.error(f"relation {i}: no span number {ref}")
                ends.append(spans[ref])
            elif isinstance(ref, str) and (found := by_uuid.get(_canonical_ref(ref))) is not None:
                ends.append(found)
            else:
                raise line.error(f"relation {i}: {key} {ref!r} names no span")
        head, tail = ends
        mapped = line.relation_map.get(kind)
        if mapped is not None:
            if mapped.kind is None:
                line.tally.links_left_out[kind] += 1
                continue
            kind = mapped.kind
            if mapped.reverse:
                head, tail = tail, head
        # the schema decides (Schema.link_error); the message keeps this format's wording
        rtype = schema.relation(kind)
        if rtype is None:
            known = ", ".join(r.name for r in schema.relations)
            raise line.error(
                f"relation {i}: unknown kind {kind!r} (the schema has {known}); map it with "
                "--map-relations FILE (lines of FOREIGN<TAB>OURS)"
            )
        if schema.link_error(kind, head.layer, tail.layer) is not None:
            raise line.error(
                f"relation {i}: a {kind} link joins {rtype.from_layer} -> {rtype.to_layer}, "
                f"not {head.layer}/{head.label} -> {tail.layer}/{tail.label}"
            )
        annotator = string(raw.get("annotator"), f"relation {i}: annotator", line)
        out.append(
            Relation(
                kind,
                head.uuid,
                tail.uuid,
                uuid_of(raw.get("uuid"), f"relation {i}", line.seen.relations, line),
                annotator or "",
            )
        )
    return out


def read_provenance(raws: list[Any], spans: list[Span], line: Line) -> dict[str, dict[str, Any]]:
    out = {}
    for i, (raw, span) in enumerate(zip(raws, spans, strict=True)):
        prov = raw.get("provenance") if isinstance(raw, dict) else None
        if prov is None:
            continue
        if not isinstance(prov, dict):
            raise line.error(f"span {i}: provenance must be an object")
        out[span.uuid] = prov
    return out


@dataclass
class Shaped:
    """A line's annotations put into our shape by its dialect (module docstring).

    Attributes:
        read: the line's top-level keys whose content went into spans, relations or meta; an
            annotation-like key outside them was not understood, and the line is refused.
    """

    spans: list[Any]
    relations: list[Any]
    meta: dict[str, Any]
    read: frozenset[str]
