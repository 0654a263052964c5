"""brat standoff: ``NAME.txt`` (the exact text) beside ``NAME.ann`` (the annotations).

``.ann`` lines, tab-separated, offsets in code points (brat counts Python characters):

* ``T1<TAB>PER 10 19<TAB>covered text`` — a span; its type is the label, the layer comes from
  the schema. A span over a line break is written as fragments ``0 10;11 20`` (brat keeps the
  covered text on one line); reading merges fragments separated only by whitespace.
* ``R1<TAB>speaker Arg1:T3 Arg2:T1`` — a relation, Arg1 the quote or claim, Arg2 the entity
  (read by role, in either order; the ends must be in the layers the schema gives the kind).
* ``A1<TAB>direct T3 indirect`` — an attribute with a value; ``A1<TAB>negated T3`` (no value)
  is read as ``true``. Values are strings in brat: other types are written as text.

T, R and A are numbered in order (spans by start, longest first), so exporting what was
imported gives the same files. brat has no place for span or relation UUIDs: an import makes
new ones (the text SHA-256 still finds the document). An id defined twice refuses the file.
``#`` notes and other line types (``E``, ``M``, ``N``) are not read; they are counted in a
warning.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError, clip
from annotator.core.model import ImportedDocument, Relation, Span
from annotator.core.schema import Schema
from annotator.formats.decoding import decode_text
from annotator.formats.exporting import ExportDocument, ExportReport, Progress

# --- writing --------------------------------------------------------------------------------


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at line breaks, without empty pieces."""
    out = []
    piece = start
    for pos in range(start, end):
        if text[pos] == "\n":
            if pos > piece:
                out.append((piece, pos))
            piece = pos + 1
    if end > piece:
        out.append((piece, end))
    return out or [(start, end)]


def attribute_value(value: Any) -> str | None:
    """How an attribute value is written (None: a flag, written without a value)."""
    if value is True:
        return None
    return str(value).replace(" ", "_")


def ann_text(doc: ExportDocument) -> str:
    """The ``.ann`` content of one document."""
    text = doc.text
    lines: list[str] = []
    ids: dict[str, str] = {}
    spans = sorted(doc.spans, key=lambda s: (s.start, -s.end))
    for n, span in enumerate(spans, start=1):
        ids[span.uuid] = f"T{n}"
        pieces = _fragments(text, span.start, span.end)
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        covered = " ".join(text[s:e] for s, e in pieces)
        lines.append(f"T{n}\t{span.label} {offsets}\t{covered}")
    relations = [r for r in doc.relations if r.head in ids and r.tail in ids]
    for n, rel in enumerate(relations, start=1):
        lines.append(f"R{n}\t{rel.kind} Arg1:{ids[rel.head]} Arg2:{ids[rel.tail]}")
    n = 0
    for span in spans:
        for name, value in sorted(span.attributes.items()):
            if value is False or value is None:
                continue
            n += 1
            shown = attribute_value(value)
            lines.append(f"A{n}\t{name} {ids[span.uuid]}" + (f" {shown}" if shown else ""))
    return "".join(line + "\n" for line in lines)


# file systems take names of at most 255 bytes; room is kept for ".conf" and a "-NN" suffix
STEM_BYTES = 255 - len(".conf") - 4


def safe_name(name: str, suffix: str = "") -> str:
    """A file name for a document name (and ``suffix``, to tell two apart): path separators
    and leading dots are replaced, and a name too long for a file system is cut (at a
    character) and given a short hash of the whole name, so two long names stay apart."""
    cleaned = "".join("_" if ch in '/\\:*?"<>|\0' else ch for ch in name).lstrip(".")
    cleaned = cleaned or "document"
    if len((cleaned + suffix).encode("utf-8")) <= STEM_BYTES:
        return cleaned + suffix
    tag = "~" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    room = STEM_BYTES - len((tag + suffix).encode("utf-8"))
    cut = cleaned.encode("utf-8")[:room].decode("utf-8", "ignore")
    return cut + tag + suffix


def write_brat(
    docs: Sequence[ExportDocument],
    folder: Path,
    report: ExportReport | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Write NAME.txt and NAME.ann per document into ``folder`` (which must exist)."""
    report = report if report is not None else ExportReport()
    used: set[str] = set()
    for n, doc in enumerate(docs, start=1):
        stem, k = safe_name(doc.name), 1
        while stem in used:
            k += 1
            stem = safe_name(doc.name, f"-{k}")
        used.add(stem)
        if len(doc.name.encode("utf-8")) > STEM_BYTES:
            report.notes.append(
                f"{clip(doc.name, 60)}: the name is longer than a file name may be "
                f"({len(doc.name.encode('utf-8'))} bytes), shortened: written as "
                f"{stem}.txt / {stem}.ann"
            )
        elif stem != doc.name:
            report.notes.append(f"{doc.name}: written as {stem}.txt / {stem}.ann")
        # newline="" keeps "\n": offsets count it as one character on every platform
        (folder / f"{stem}.txt").write_text(doc.text, encoding="utf-8", newline="")
        (folder / f"{stem}.ann").write_text(ann_text(doc), encoding="utf-8", newline="")
        report.documents += 1
        report.spans_written += len(doc.spans)
        if progress is not None:
            progress(n, len(docs))
    return report


# --- reading --------------------------------------------------------------------------------


def read_brat(
    ann_path: Path, schema: Schema, encoding: str = "utf-8"
) -> list[ImportedDocument]:
    """One document from ``X.ann`` and the ``X.txt`` beside it."""
    txt_path = ann_path.with_suffix(".txt")
    try:
        raw_text = txt_path.read_bytes()
        raw_ann = ann_path.read_bytes()
    except OSError as exc:
        raise InputError(
            str(exc.filename or ann_path), f"cannot read: {exc.strerror} (brat needs X.txt "
            "beside X.ann)"
        ) from exc
    text = decode_text(raw_text, str(txt_path), encoding)
    if b"\r" in raw_text:
        raise InputError(
            str(txt_path), "the text has CR line ends: brat offsets would not match the text "
            "stored with LF line ends; convert the pair with brat's tools first"
        )
    ann = decode_text(raw_ann, str(ann_path), encoding) if raw_ann.strip() else ""
    doc = parse_ann(ann, text, str(ann_path), schema)
    doc.name = ann_path.stem
    doc.meta = {"source": txt_path.name, "source_format": "brat"}
    return [doc]


def parse_ann(ann: str, text: str, path: str, schema: Schema) -> ImportedDocument:
    spans: dict[str, Span] = {}
    relations: list[Relation] = []
    attributes: dict[str, dict[str, Any]] = {}
    skipped = 0
    by_kind: dict[str, list[tuple[int, str, str]]] = {"T": [], "R": [], "A": []}
    for number, line in enumerate(ann.split("\n"), start=1):
        if not line.strip():
            continue
        ident, _, rest = line.partition("\t")
        if ident[:1] in by_kind:
            by_kind[ident[:1]].append((number, ident, rest))
        else:
            skipped += 1
    # spans first: brat allows R and A lines before the T lines they name
    lines: dict[str, int] = {}
    for number, ident, _rest in (*by_kind["T"], *by_kind["R"], *by_kind["A"]):
        if ident in lines:
            raise InputError(
                path, f"{ident} is defined twice (also on line {lines[ident]})", line=number
            )
        lines[ident] = number
    for number, ident, rest in by_kind["T"]:
        spans[ident] = _span(rest, text, schema, path, number)
    for number, _ident, rest in by_kind["R"]:
        relations.append(_relation(rest, spans, schema, path, number))
    for number, ident, rest in by_kind["A"]:
        target, name, value = _attribute(rest, spans, path, number)
        # a binary attribute (no value) reads True: the schema's values decide, not brat's
        why = schema.attribute_error(spans[target].layer, name, value)
        if why is not None:
            raise InputError(path, f"{ident}: {why}", line=number)
        attributes.setdefault(target, {})[name] = value
    for ident, attrs in attributes.items():
        spans[ident] = spans[ident].with_changes(attributes=attrs)
    warnings = [f"{path}: {skipped} line(s) of other kinds (#, E, M, N) were not read"] if (
        skipped
    ) else []
    return ImportedDocument(
        name=Path(path).stem, text=text, spans=list(spans.values()),
        relations=[
            Relation(r.kind, spans[r.head].uuid, spans[r.tail].uuid) for r in relations
        ],
        warnings=warnings,
    )


def _span(rest: str, text: str, schema: Schema, path: str, number: int) -> Span:
    head, _, covered = rest.partition("\t")
    label, _, offsets = head.partition(" ")
    try:
        pieces = [tuple(map(int, part.split())) for part in offsets.split(";")]
        if any(len(p) != 2 for p in pieces):
            raise ValueError
    except ValueError:
        raise InputError(
            path, f"bad offsets {offsets!r}: 'START END[;START END]'", line=number
        ) from None
    for s, e in pieces:
        if not 0 <= s < e <= len(text):
            raise InputError(
                path, f"offsets {s} {e} lie outside the text ({len(text)} characters)",
                line=number,
            )
    for (_, e), (s, _) in pairwise(pieces):
        if s < e or text[e:s].strip():
            raise InputError(
                path, "discontinuous span with text between fragments is not supported",
                line=number,
            )
    start, end = pieces[0][0], pieces[-1][1]
    expected = " ".join(text[s:e] for s, e in pieces)
    if covered and covered != expected:
        raise InputError(
            path, f"the covered text {covered!r} is not the text at those offsets "
            f"{expected!r} (is this the .txt the .ann was made for?)", line=number,
        )
    layer = schema.layer_of_label(label)
    if layer is None:
        known = ", ".join(lab.name for lab in schema.labels())
        raise InputError(path, f"unknown type {label!r} (the schema has {known})", line=number)
    return Span(start, end, layer, label)


def _relation(
    rest: str, spans: dict[str, Span], schema: Schema, path: str, number: int
) -> Relation:
    fields = rest.split("\t", 1)[0].split()
    if len(fields) != 3:
        raise InputError(path, "a relation is 'KIND Arg1:T1 Arg2:T2'", line=number)
    kind, *args = fields
    roles = dict(arg.partition(":")[::2] for arg in args)
    if sorted(roles) != ["Arg1", "Arg2"]:
        raise InputError(
            path, f"a relation's arguments are Arg1:T1 Arg2:T2, not {' '.join(args)}",
            line=number,
        )
    for role in ("Arg1", "Arg2"):
        if roles[role] not in spans:
            raise InputError(path, f"{role}:{roles[role]} names no T line", line=number)
    # the schema decides (Schema.link_error); the message keeps this format's wording
    rtype = schema.relation(kind)
    if rtype is None:
        known = ", ".join(r.name for r in schema.relations)
        raise InputError(
            path, f"unknown relation {kind!r} (the schema has {known})", line=number
        )
    head, tail = spans[roles["Arg1"]], spans[roles["Arg2"]]
    if schema.link_error(kind, head.layer, tail.layer) is not None:
        raise InputError(
            path,
            f"a {kind} link joins {rtype.from_layer} -> {rtype.to_layer}, not "
            f"{head.layer}/{head.label} ({roles['Arg1']}) -> "
            f"{tail.layer}/{tail.label} ({roles['Arg2']})",
            line=number,
        )
    # the T ids stand in for span uuids until the spans exist
    return Relation(kind, roles["Arg1"], roles["Arg2"])


def _attribute(
    rest: str, spans: dict[str, Span], path: str, number: int
) -> tuple[str, str, Any]:
    fields = rest.split()
    if len(fields) not in (2, 3):
        raise InputError(path, "an attribute is 'NAME T1 [VALUE]'", line=number)
    if fields[1] not in spans:
        raise InputError(path, f"{fields[1]} names no T line", line=number)
    return fields[1], fields[0], fields[2] if len(fields) == 3 else True
