"""What every stored row must satisfy on both back ends: the one owner of those rules.

Readers (through ``workspace.importing``), the merge (``storage.merge_read``) and ``check``
(``workspace.reports``) ask here, so a row a laptop's SQLite takes is a row the team's
PostgreSQL takes too, and one that neither should hold is refused before anything is written:

    * stored text holds no NUL (PostgreSQL refuses it), no CR (line ends are LF, DESIGN.md) and
      no lone surrogate (not text: it cannot be UTF-8 encoded, hashed or sent to the server);
    * names, labels, layers and kinds fit the server's columns (``storage.tables`` declares its
      ``String(n)`` from the limits below) and hold no NUL or lone surrogate;
    * a span lies inside its text with start < end, in a layer and with a label of the schema,
      with attributes that are a JSON object whose declared ones take the schema's values;
    * a link's ends are spans of its document, in the layers its kind joins.

Each function returns why a value breaks a rule (a phrase the caller prefixes with where it
found the value: file and line, or table and row) or None.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from annotator.core.model import STATUSES, ImportedDocument
from annotator.core.schema import Schema

# The server's column lengths (characters; PostgreSQL's varchar(n) counts characters too).
ANNOTATOR_NAME_MAX = 200
PROJECT_NAME_MAX = 200
DOCUMENT_NAME_MAX = 500
LAYER_MAX = 50
LABEL_MAX = 100
KIND_MAX = 50
STATUS_MAX = 20
UUID_MAX = 36
DECISION_MAX = 50
DECISION_KEY_MAX = 64

# one search finds the first offending character of a whole document
_BAD_TEXT = re.compile("[\x00\r\ud800-\udfff]")
_BAD_NAME = re.compile("[\x00\ud800-\udfff]")


def _character(ch: str) -> str:
    if ch == "\x00":
        return "a NUL character (U+0000)"
    if ch == "\r":
        return "a carriage return (U+000D)"
    return f"a lone surrogate (U+{ord(ch):04X}), which is not text"


def text_problem(text: object) -> str | None:
    """Why ``text`` cannot be a document's stored text, naming where in it, or None."""
    if not isinstance(text, str):
        return f"the text is {_kind(text)}, not text"
    if not text:
        return "the text is empty"
    if "\x00" not in text and "\r" not in text and (text.isascii() or _no_surrogate(text)):
        return None  # the common text, in a fraction of the search's time (1M spans: ~0.1 s)
    found = _BAD_TEXT.search(text)
    if found is None:
        return None
    at = found.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return (
        f"{_character(found.group())} at line {line}, column {column} of the text; "
        "stored text holds none"
    )


def _no_surrogate(text: str) -> bool:
    """No code point of ``text`` is a surrogate: UTF-16 holds none (ours would be lone) and its
    encoder is a copy of the text where the search looks at every character."""
    try:
        text.encode("utf-16-le")
    except UnicodeEncodeError:
        return False
    return True


def character_problem(value: str) -> str | None:
    """Which character of ``value`` no stored string may hold (NUL, a lone surrogate), or
    None; a CR is the caller's to turn into LF."""
    found = _BAD_NAME.search(value)
    return None if found is None else _character(found.group())


def name_problem(what: str, value: object, limit: int) -> str | None:
    """Why ``value`` cannot be stored as ``what`` (a name, label, layer, kind...), or None."""
    if not isinstance(value, str):
        return f"{what} is {_kind(value)}, not text"
    if not value:
        return f"{what} is empty"
    if len(value) > limit:
        return (
            f"{what} is {len(value)} characters long; the server's column holds {limit} "
            f"({value[:40]!r}...)"
        )
    found = _BAD_NAME.search(value)
    if found is not None:
        return f"{what} {value[:40]!r} holds {_character(found.group())}"
    return None


def json_problem(what: str, value: object, *, nullable: bool = False) -> str | None:
    """Why ``value`` cannot be stored as the JSON object ``what``, or None."""
    if value is None and nullable:
        return None
    if not isinstance(value, Mapping):
        return f"{what} is {_kind(value)}, not a JSON object"
    if type(value) is dict and not value:  # {} holds no character: most metas, asked twice
        return None
    try:
        dumped = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        return f"{what} is not valid JSON ({exc})"
    except RecursionError:
        return f"{what} is nested too deep"
    found = _BAD_NAME.search(dumped)
    if found is not None:
        return f"{what} holds {_character(found.group())}"
    return None


def decode_json(what: str, raw: object, *, nullable: bool = False) -> tuple[Any, str | None]:
    """A JSON column's value as a driver gives it (SQLite: text; psycopg: decoded) and why it
    is not a JSON object (or null, when ``nullable``), or None."""
    value = raw
    if isinstance(raw, str | bytes):
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            return None, f"{what} is not valid JSON ({str(exc)[:80]})"
    return value, json_problem(what, value, nullable=nullable)


def offset_problem(start: object, end: object, length: int) -> str | None:
    """Why ``[start, end)`` cannot be a span of a text of ``length`` code points, or None."""
    for what, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            return f"{what} is {_kind(value)}, not a whole number"
    assert isinstance(start, int) and isinstance(end, int)  # for mypy: checked just above
    if start < 0 or end > length:
        return f"[{start}, {end}) lies outside the text (length {length})"
    if start >= end:
        return f"[{start}, {end}) is empty or backwards: the end must come after the start"
    return None


def span_problem(
    start: object,
    end: object,
    layer: object,
    label: object,
    attributes: object,
    length: int,
    schema: Schema,
) -> str | None:
    """Why this span cannot be stored on a text of ``length`` under ``schema``, or None."""
    problem = (
        offset_problem(start, end, length)
        or name_problem("the layer", layer, LAYER_MAX)
        or name_problem("the label", label, LABEL_MAX)
        or json_problem("the attributes", attributes)
    )
    if problem is not None:
        return problem
    assert isinstance(layer, str) and isinstance(label, str) and isinstance(attributes, Mapping)
    if layer not in schema.layer_names:
        return f"unknown layer {layer!r} (the schema has {', '.join(schema.layer_names)})"
    if not schema.has_label(layer, label):
        known = ", ".join(lab.name for lab in schema.labels(layer))
        return f"label {label!r} is not in layer {layer!r} (its labels: {known})"
    for name, value in attributes.items():
        problem = schema.attribute_error(layer, name, value)
        if problem is not None:
            return problem
    return None


def link_problem(
    kind: object, head_layer: str | None, tail_layer: str | None, schema: Schema
) -> str | None:
    """Why a ``kind`` link cannot join spans of these layers (None: no such span in the
    document), or None."""
    problem = name_problem("the link kind", kind, KIND_MAX)
    if problem is not None:
        return problem
    assert isinstance(kind, str)
    if head_layer is None or tail_layer is None:
        end = "head" if head_layer is None else "tail"
        return f"its {end} is no span of its document"
    return schema.link_error(kind, head_layer, tail_layer)


def status_problem(status: object) -> str | None:
    if status in STATUSES:
        return None
    return f"status {status!r} is not one of {', '.join(STATUSES)}"


def uuid_problem(value: object) -> str | None:
    return name_problem("the uuid", value, UUID_MAX)


def _kind(value: object) -> str:
    if value is None:
        return "missing (NULL)"
    return f"{type(value).__name__} {str(value)[:40]!r}"


def imported_problem(doc: ImportedDocument, schema: Schema) -> str | None:
    """Why a reader's document cannot be stored as it is, naming the span or link, or None.

    A reader has its own checks with finer places (a column, a token); this one is the net
    under all of them, so no reader can hand the database a row that ``check`` would flag.
    """
    problem = (
        name_problem("the document name", doc.name, DOCUMENT_NAME_MAX)
        or text_problem(doc.text)
        or json_problem("the meta", doc.meta)
        or (None if doc.annotator is None else annotator_problem(doc.annotator))
        or (None if doc.status is None else status_problem(doc.status))
    )
    if problem is not None:
        return problem
    length = len(doc.text)
    layers: dict[str, str] = {}
    # the common span (a label of the schema, no attributes, a plain uuid) passes in a few
    # comparisons: a 100,000-span import pays ~0.1 s here instead of ~1 s
    plain = _plain_labels_of(schema)
    owners: set[str] = {""}
    for s in doc.spans:
        if (
            type(s.start) is int
            and type(s.end) is int
            and 0 <= s.start < s.end <= length
            and (s.layer, s.label) in plain
            and not s.attributes
            and s.annotator in owners
            and type(s.uuid) is str
            and 0 < len(s.uuid) <= UUID_MAX
            and s.uuid.isascii()
            and s.uuid.isprintable()
            and s.uuid not in doc.provenance
        ):
            layers[s.uuid] = s.layer
            continue
        problem = (
            uuid_problem(s.uuid)
            or span_problem(s.start, s.end, s.layer, s.label, s.attributes, length, schema)
            or (annotator_problem(s.annotator) if s.annotator else None)
            or json_problem("the provenance", doc.provenance.get(s.uuid), nullable=True)
        )
        if problem is not None:
            return f"span {s.label} [{s.start}, {s.end}): {problem}"
        layers[s.uuid] = s.layer
        owners.add(s.annotator)
    for r in doc.relations:
        problem = (
            uuid_problem(r.uuid)
            or link_problem(r.kind, layers.get(r.head), layers.get(r.tail), schema)
            or (annotator_problem(r.annotator) if r.annotator else None)
        )
        if problem is not None:
            return f"link {r.kind}: {problem}"
    return None


def plain_labels(schema: Schema) -> frozenset[tuple[str, str]]:
    """(layer, label) of the schema that any back end stores: a span with one of them, no
    attributes and offsets inside its text needs no other check."""
    return frozenset(
        (lab.layer, lab.name)
        for lab in schema.labels()
        if name_problem("", lab.layer, LAYER_MAX) is None
        and name_problem("", lab.name, LABEL_MAX) is None
    )


# the schema last asked about and its plain labels: an import asks once per document, and the
# schema is the same each time (a frozen dataclass, so its labels do not change under it)
_last_plain: tuple[Schema, frozenset[tuple[str, str]]] | None = None


def _plain_labels_of(schema: Schema) -> frozenset[tuple[str, str]]:
    global _last_plain
    last = _last_plain
    if last is not None and last[0] is schema:
        return last[1]
    plain = plain_labels(schema)
    _last_plain = (schema, plain)
    return plain


def annotator_problem(name: object) -> str | None:
    return name_problem("the annotator name", name, ANNOTATOR_NAME_MAX)
