"""Reading WebAnno TSV 3.x (INCEpTION's export), the format :mod:`annotator.formats.webanno`
describes and writes.

The text is rebuilt as INCEpTION's own reader does (``Tsv3XDeserializer``): each sentence's
``#Text`` lines joined by line breaks, a line break after every sentence, padded with spaces up
to the first token's offset (or that break taken back when the next sentence starts at once).
The line break the format adds after the last sentence is not kept. Offsets are UTF-16 code
units and become code points.

What becomes what:

* a span layer is read when its name says which layer of ours it is (``NamedEntity`` ->
  entity, ``webanno.custom.Quote`` -> quote, ...) or when its values are labels of the schema;
  the label is its ``value`` (else ``label``) feature; a claim or quote without one takes its
  layer's only label. Features named like the layer's attributes (a quote's ``direct``) are
  its attributes, checked against the schema's values.
* stacked annotations (``ORG[1]|PER[2]``), annotations over several tokens (``[n]`` on each
  row) and sub-token rows (``1-3.1``) are read as INCEpTION reads them.
* links: a slot (link) feature (role column, then target column) whose role or feature name is
  a link kind of the schema (``speaker``), and relation layers (``#T_RL``) whose ``value`` or
  name is one; the schema decides which end is the head.
* layers of other kinds of annotation (part of speech, dependencies, coreference chains) are
  not read: the import says which and how many, and a file where nothing else was found is
  refused rather than stored bare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import ImportedDocument, Relation, Span
from annotator.core.schema import Schema
from annotator.formats.decoding import read_text
from annotator.formats.webanno import NULL_COLUMN, NULL_VALUE, unescape_text, unescape_value

_FORMAT_RE = re.compile(r"^#FORMAT=(?P<name>.*) (?P<major>\d+)\.(?P<minor>\d+)$")
_UNIT_RE = re.compile(r"^(?P<sentence>\d+)-(?P<token>\d+)(?:\.(?P<sub>\d+))?$")
_OFFSETS_RE = re.compile(r"^(\d+)-(\d+)$")
_STACK = re.compile(r"(?<!\\)\|")
_SLOT = re.compile(r"(?<!\\);")
_REF = re.compile(r"^(?P<unit>\d+-\d+(?:\.\d+)?)(?:\[(?P<ids>\d+(?:_\d+)?)\])?$")

SPAN, RELATION, CHAIN = "span", "relation", "chain"
PRIMITIVE, PLACEHOLDER, ROLE, TARGET, BASE = "primitive", "placeholder", "role", "target", "base"


@dataclass
class Column:
    index: int
    type: str
    layer_kind: str  # SPAN, RELATION or CHAIN
    feature: str
    kind: str  # PRIMITIVE, PLACEHOLDER, ROLE, TARGET, BASE (a relation's governor)
    target_type: str = ""


@dataclass
class Annotation:
    type: str
    begin: int  # UTF-16, until the end
    end: int
    line: int
    unit: str  # the row it starts on
    features: dict[str, str] = field(default_factory=dict)
    roles: dict[str, list[str | None]] = field(default_factory=dict)  # slot feature -> roles
    targets: dict[str, str] = field(default_factory=dict)  # slot feature -> raw target cell
    source: str = ""  # a relation: the governor's reference


@dataclass
class Unit:
    id: str
    begin: int
    end: int
    line: int
    token: str
    annotations: dict[str, list[Annotation]] = field(default_factory=dict)  # type -> stacked


def _header(lines: list[str], path: str) -> tuple[list[Column], int]:
    """The columns the header declares, and the index of the first body line."""
    match = _FORMAT_RE.match(lines[0]) if lines else None
    if match is None or not match["name"].startswith("WebAnno TSV"):
        raise InputError(path, "not WebAnno TSV: the first line is not '#FORMAT=WebAnno TSV 3.x'",
                         line=1)
    if match["major"] != "3":
        raise InputError(
            path, f"WebAnno TSV {match['major']}.{match['minor']} is not read (only 3.x); "
            "export the project again from INCEpTION or WebAnno 3", line=1,
        )
    columns: list[Column] = []
    n = 1
    while n < len(lines) and lines[n].strip():
        line = lines[n]
        prefix, _, rest = line.partition("=")
        kinds = {"#T_SP": SPAN, "#T_RL": RELATION, "#T_CH": CHAIN}
        if prefix not in kinds:
            break
        fields = [f for f in rest.split("|") if f]  # "Type|" declares no feature, as "Type"
        if not fields:
            raise InputError(path, "a layer line names no type", line=n + 1)
        type_name, layer_kind = fields[0], kinds[prefix]
        if len(fields) == 1:
            columns.append(Column(len(columns), type_name, layer_kind, "", PLACEHOLDER))
        for decl in fields[1:]:
            columns.append(_column(len(columns), type_name, layer_kind, decl, columns, path, n))
        n += 1
    return columns, n


def _column(
    index: int, type_name: str, layer_kind: str, decl: str, before: list[Column], path: str,
    n: int,
) -> Column:
    if layer_kind == SPAN and decl.startswith("ROLE_"):
        parts = decl.split("_")
        if len(parts) < 3 or ":" not in parts[1]:
            raise InputError(path, f"bad slot declaration {decl!r}", line=n + 1)
        return Column(index, type_name, layer_kind, parts[1].partition(":")[2], ROLE)
    if layer_kind == RELATION and decl.startswith("BT_"):
        return Column(index, type_name, layer_kind, "", BASE, decl[3:])
    if layer_kind == SPAN and "." in decl:
        previous = before[-1] if before else None
        if previous is None or previous.kind != ROLE or previous.type != type_name:
            raise InputError(
                path, f"slot target type {decl!r} does not follow a ROLE_ declaration", line=n + 1
            )
        return Column(index, type_name, layer_kind, previous.feature, TARGET, decl)
    return Column(index, type_name, layer_kind, decl, PRIMITIVE)


def _split_id(value: str) -> tuple[str, str | None]:
    """``PER[2]`` -> (``PER``, ``2``); an escaped ``\\]`` is part of the value."""
    if value.endswith("]") and not value.endswith("\\]") and "[" in value:
        head, _, ids = value.rpartition("[")
        return head, ids[:-1]
    return value, None


@dataclass
class _Body:
    text: list[str] = field(default_factory=list)
    length: int = 0  # of the text so far, in UTF-16 code units
    units: list[Unit] = field(default_factory=list)
    by_id: dict[str, Unit] = field(default_factory=dict)
    numbered: dict[int, Annotation] = field(default_factory=dict)  # [n] -> annotation
    chains: int = 0

    def append(self, piece: str) -> None:
        self.text.append(piece)
        self.length += len(piece.encode("utf-16-le")) // 2


def _read_body(lines: list[str], start: int, columns: list[Column], path: str) -> _Body:
    body = _Body()
    sentence: list[str] = []
    in_sentence = False
    for n in range(start, len(lines)):
        line, number = lines[n], n + 1
        if not line:
            in_sentence = False
            continue
        if line.startswith("#"):
            if in_sentence:
                raise InputError(path, "a sentence header inside a sentence's tokens",
                                 line=number)
            if line.startswith("#Text="):
                sentence.append(unescape_text(line[len("#Text="):]) + "\n")
            continue
        fields = line.split("\t")
        if len(fields) < len(columns) + 3:
            raise InputError(
                path, f"{len(fields)} fields where the header declares {len(columns) + 3} "
                "(id, offsets, token and one per feature)", line=number,
            )
        unit_match, offsets = _UNIT_RE.match(fields[0]), _OFFSETS_RE.match(fields[1])
        if unit_match is None or offsets is None:
            raise InputError(path, f"bad token id or offsets {fields[0]!r} {fields[1]!r}",
                             line=number)
        begin, end = int(offsets[1]), int(offsets[2])
        if not in_sentence:
            if not sentence:
                raise InputError(path, "a token row before any #Text line", line=number)
            _start_sentence(body, "".join(sentence), begin, path, number)
            sentence, in_sentence = [], True
        if not begin <= end <= body.length:
            raise InputError(path, f"offsets {begin}-{end} lie outside the sentence", line=number)
        unit = Unit(fields[0], begin, end, number, fields[2])
        body.units.append(unit)
        body.by_id[unit.id] = unit
        _read_cells(body, unit, fields, columns)
    return body


def _start_sentence(body: _Body, sentence: str, begin: int, path: str, number: int) -> None:
    if body.length > begin:
        # the next sentence starts at once: take back the break put after the last one
        if body.length != begin + 1 or not body.text or not body.text[-1].endswith("\n"):
            raise InputError(
                path, f"the sentence starts at {begin}, inside the previous one", line=number
            )
        body.text[-1] = body.text[-1][:-1]
        body.length -= 1
    if body.length < begin:
        body.append(" " * (begin - body.length))
    body.append(sentence)


def _read_cells(body: _Body, unit: Unit, fields: list[str], columns: list[Column]) -> None:
    for column in columns:
        raw = fields[column.index + 3]
        if raw == NULL_COLUMN:
            continue
        if column.layer_kind == CHAIN:
            body.chains += len(_STACK.split(raw))
            continue
        for k, value in enumerate(_STACK.split(raw)):
            ids = None
            if column.kind != TARGET:
                value, ids = _split_id(value)
            annotation = _annotation(body, unit, column, k, ids)
            if column.kind == PRIMITIVE and value != NULL_VALUE:
                annotation.features[column.feature] = unescape_value(value)
            elif column.kind == ROLE:
                annotation.roles[column.feature] = [] if value == NULL_COLUMN else [
                    None if r == NULL_VALUE else unescape_value(r) for r in _SLOT.split(value)
                ]
            elif column.kind == TARGET:
                annotation.targets[column.feature] = value
            elif column.kind == BASE:
                annotation.source = value + (f"[{ids}]" if ids else "")


def _annotation(body: _Body, unit: Unit, column: Column, k: int, ids: str | None) -> Annotation:
    """The k-th annotation of the column's type on this row: made by an earlier column of the
    row, continued from an earlier row by its ``[n]``, or new."""
    stacked = unit.annotations.setdefault(column.type, [])
    if k < len(stacked):
        return stacked[k]
    numbered = int(ids) if ids and ids.isdigit() and column.layer_kind == SPAN else None
    found = body.numbered.get(numbered) if numbered is not None else None
    if found is not None:
        found.end = unit.end
    else:
        found = Annotation(column.type, unit.begin, unit.end, unit.line, unit.id)
        if numbered is not None:
            body.numbered[numbered] = found
    stacked.append(found)
    return found


def read_webanno(path: Path, schema: Schema, encoding: str = "utf-8") -> list[ImportedDocument]:
    """One document from one WebAnno TSV 3.x file; every refusal names the line."""
    where = str(path)
    lines = read_text(path, encoding).split("\n")
    columns, start = _header(lines, where)
    body = _read_body(lines, start, columns, where)
    if not body.units:
        raise InputError(where, "no sentence in this file")
    text = "".join(body.text)
    text = text[:-1] if text.endswith("\n") else text
    if "\r" in text:
        raise InputError(where, "the text holds a carriage return (\\r), which is not stored")
    return [_document(path, text, body, columns, schema)]


class _Offsets:
    """UTF-16 offsets -> code points of the text."""

    def __init__(self, text: str) -> None:
        self.table: dict[int, int] | None = None
        if any(ord(ch) > 0xFFFF for ch in text):
            self.table, pos = {}, 0
            for i, ch in enumerate(text):
                self.table[pos] = i
                pos += 2 if ord(ch) > 0xFFFF else 1
            self.table[pos] = len(text)

    def __call__(self, pos: int, path: str, line: int) -> int:
        if self.table is None:
            return pos
        if pos not in self.table:
            raise InputError(path, f"offset {pos} falls inside a character (an emoji's two "
                             "UTF-16 halves)", line=line)
        return self.table[pos]


@dataclass
class _Mapping:
    """What the annotations of a document became, and what was left unread."""

    spans: dict[int, Span] = field(default_factory=dict)  # id(Annotation) -> span
    skipped: dict[str, int] = field(default_factory=dict)  # type -> annotations not read
    unread_features: dict[str, int] = field(default_factory=dict)

    def skip(self, what: str) -> None:
        self.skipped[what] = self.skipped.get(what, 0) + 1


def _document(
    path: Path, text: str, body: _Body, columns: list[Column], schema: Schema
) -> ImportedDocument:
    where = str(path)
    offsets = _Offsets(text)
    for unit in body.units:
        b, e = offsets(unit.begin, where, unit.line), offsets(unit.end, where, unit.line)
        if text[b:e] != unit.token:
            raise InputError(
                where, f"the token {unit.token!r} is not the text at {unit.begin}-{unit.end} "
                f"({text[b:e]!r})", line=unit.line,
            )
    types = _span_types(columns, body, schema)
    mapping = _Mapping()
    annotations = _unique(body)
    for ann in annotations:
        if ann.type not in types:
            continue
        layer = types[ann.type]
        if layer is None:
            mapping.skip(ann.type)
            continue
        mapping.spans[id(ann)] = _span(ann, layer, columns, schema, offsets, where, mapping)
    relations = _links(body, annotations, columns, schema, mapping, where)
    warnings = [
        f"{where}: {n} annotation(s) of {what} were not read (no layer of the schema holds them)"
        for what, n in mapping.skipped.items()
    ]
    if body.chains:
        warnings.append(f"{where}: {body.chains} coreference chain cell(s) were not read")
    warnings += [
        f"{where}: {n} value(s) of the feature {name} were not read (the schema has no such "
        "attribute)" for name, n in mapping.unread_features.items()
    ]
    if not mapping.spans and (mapping.skipped or body.chains):
        raise InputError(
            where, "no annotation here is of a layer the schema has ("
            + ", ".join([*mapping.skipped, *(["coreference chains"] if body.chains else [])])
            + "); nothing would be stored but the text",
        )
    return ImportedDocument(
        name=path.stem, text=text, meta={"source": path.name, "source_format": "webanno"},
        spans=list(mapping.spans.values()), relations=relations, warnings=warnings,
    )


def _unique(body: _Body) -> list[Annotation]:
    """Every annotation once, in the order of its first row."""
    seen: dict[int, Annotation] = {}
    for unit in body.units:
        for stacked in unit.annotations.values():
            for ann in stacked:
                seen.setdefault(id(ann), ann)
    return list(seen.values())


def layer_of_type(type_name: str, schema: Schema) -> str | None:
    """The schema layer a UIMA type names: ``...NamedEntity`` is entity, ``x.Quote`` quote."""
    short = type_name.rsplit(".", 1)[-1].lower()
    if short == "namedentity" and "entity" in schema.layer_names:
        return "entity"
    return short if short in schema.layer_names else None


def _label_feature(type_name: str, columns: list[Column]) -> str | None:
    names = [c.feature for c in columns if c.type == type_name and c.kind == PRIMITIVE]
    return next((f for f in ("value", "label") if f in names), None)


def _span_types(columns: list[Column], body: _Body, schema: Schema) -> dict[str, str | None]:
    """Span type -> the layer it fills ("" when each label says; None: not read)."""
    out: dict[str, str | None] = {}
    for type_name in dict.fromkeys(c.type for c in columns if c.layer_kind == SPAN):
        layer = layer_of_type(type_name, schema)
        if layer is not None:
            out[type_name] = layer
            continue
        feature = _label_feature(type_name, columns)
        values = {
            ann.features.get(feature or "")
            for unit in body.units
            for ann in unit.annotations.get(type_name, ())
        }
        known = any(v is not None and schema.layer_of_label(v) for v in values)
        out[type_name] = "" if known else None
    return out


def _span(
    ann: Annotation, layer: str, columns: list[Column], schema: Schema, offsets: _Offsets,
    where: str, mapping: _Mapping,
) -> Span:
    feature = _label_feature(ann.type, columns)
    label = ann.features.get(feature) if feature else None
    if label is None:
        labels = schema.labels(layer) if layer else []
        if len(labels) != 1:
            raise InputError(
                where, f"an annotation of {ann.type} has no value: which label is it?",
                line=ann.line,
            )
        label = labels[0].name
    layer = layer or schema.layer_of_label(label) or ""
    if not schema.has_label(layer, label):
        known = ", ".join(lab.name for lab in schema.labels(layer or None))
        raise InputError(
            where, f"unknown label {label!r} on {ann.type} (the schema has {known})",
            line=ann.line,
        )
    start, end = offsets(ann.begin, where, ann.line), offsets(ann.end, where, ann.line)
    if start >= end:
        raise InputError(where, f"the {label} annotation covers no text ({ann.begin}-"
                         f"{ann.end}): an empty span cannot be stored", line=ann.line)
    attributes: dict[str, str] = {}
    defs = {a.name: a for a in schema.attributes_of(layer)}
    for name, value in ann.features.items():
        if name == feature:
            continue
        if name not in defs:
            mapping.unread_features[name] = mapping.unread_features.get(name, 0) + 1
            continue
        if value not in defs[name].values:
            raise InputError(
                where, f"{name}={value!r} is not one of {', '.join(defs[name].values)}",
                line=ann.line,
            )
        attributes[name] = value
    return Span(start, end, layer, label, attributes=attributes)


def _resolve(
    ref: str, type_name: str, body: _Body, ids_part: int, where: str, line: int
) -> Annotation:
    match = _REF.match(ref)
    if match is None:
        raise InputError(where, f"bad reference {ref!r}", line=line)
    ids = match["ids"]
    number = int(ids.split("_")[ids_part]) if ids and "_" in ids else int(ids) if ids else 0
    if number > 0:
        found = body.numbered.get(number)
        if found is None:
            raise InputError(where, f"{ref} names no annotation [{number}]", line=line)
        return found
    unit = body.by_id.get(match["unit"])
    stacked = unit.annotations.get(type_name, []) if unit is not None else []
    if not stacked:
        raise InputError(where, f"{ref} names no {type_name} annotation", line=line)
    return stacked[0]


def _links(
    body: _Body, annotations: list[Annotation], columns: list[Column], schema: Schema,
    mapping: _Mapping, where: str,
) -> list[Relation]:
    out: list[Relation] = []
    targets = {c.feature: c.target_type for c in columns if c.kind == TARGET}
    bases = {c.type: c.target_type for c in columns if c.kind == BASE}
    for ann in annotations:
        pairs: list[tuple[str, Annotation, Annotation]] = []
        for feature, roles in ann.roles.items():
            cell = ann.targets.get(feature, NULL_VALUE)
            refs = [] if cell == NULL_VALUE else _SLOT.split(cell)
            for role, ref in zip(roles, refs, strict=False):
                tail = _resolve(ref, targets.get(feature, ""), body, 0, where, ann.line)
                kind = role if role and schema.relation(role) else feature
                pairs.append((kind, ann, tail))
        if ann.source:
            base = bases.get(ann.type, "")
            source = _resolve(ann.source, base, body, 0, where, ann.line)
            target = _resolve(ann.unit + _target_ids(ann.source), base, body, 0, where, ann.line)
            value = ann.features.get("value")
            short = ann.type.rsplit(".", 1)[-1].lower()
            named = value if value and schema.relation(value) else short
            pairs.append((named, source, target))
        for kind, head, tail in pairs:
            if id(head) not in mapping.spans or id(tail) not in mapping.spans:
                mapping.skip(f"links ({kind})")
                continue
            out.append(
                _relation(kind, mapping.spans[id(head)], mapping.spans[id(tail)], schema,
                          where, ann.line)
            )
    return out


def _target_ids(source: str) -> str:
    """``1-1[0_3]`` -> ``[3]``: the dependent's own ``[n]`` on the relation's row."""
    match = _REF.match(source)
    ids = match["ids"] if match else None
    return f"[{ids.split('_')[1]}]" if ids and "_" in ids else ""


def _relation(
    kind: str, a: Span, b: Span, schema: Schema, where: str, line: int
) -> Relation:
    rtype = schema.relation(kind)
    if rtype is None:
        known = ", ".join(r.name for r in schema.relations)
        raise InputError(where, f"unknown link kind {kind!r} (the schema has {known})", line=line)
    head, tail = a, b
    if schema.link_error(kind, a.layer, b.layer) is not None:
        head, tail = b, a  # a relation layer's governor may be either end
    if schema.link_error(kind, head.layer, tail.layer) is not None:
        raise InputError(
            where, f"a {kind} link joins {rtype.from_layer} -> {rtype.to_layer}, not "
            f"{a.layer}/{a.label} -> {b.layer}/{b.label}", line=line,
        )
    return Relation(kind, head.uuid, tail.uuid)
