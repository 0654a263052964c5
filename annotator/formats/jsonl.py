"""JSONL: one document per line.

Read: ``{"text", "name"?, "meta"?, "annotator"?, "status"?, "spans": [{"start", "end", "label",
"layer"?, "uuid"?, "attributes"?, "annotator"?, "provenance"?}], "relations"?: [{"kind", "head",
"tail", "uuid"?}]}`` where a relation end is a span's index in ``spans`` or its ``uuid``; also
doccano's ``"label": [[start, end, "LABEL"]]``. A file is read whole before anything is stored:
one bad line refuses the file. A ``sha256`` that does not match the text refuses the line (the
text was changed after the export). A ``uuid`` must be a UUID (kept in its canonical form) and
used once in the file; a relation must join the layers its kind joins in the schema (``speaker``:
quote -> entity); ``status`` is one of ``new``, ``in_progress``, ``done`` (the annotator's
status of the document, set on import).

Write (:func:`write_jsonl`): ``{"name", "text", "sha256", "annotator", "status", "meta", "spans":
[{"start", "end", "layer", "label", "attributes", "uuid", "provenance"?}], "relations": [{"kind",
"head", "tail", "uuid"}]}`` with relation ends as span uuids and ``provenance`` (how an
adjudicated gold span was decided) on the spans that have one: nothing is lost, and reading it
back into an empty database and writing it again gives the same bytes.
"""

from __future__ import annotations

import json
import re
import uuid as _uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.model import (
    STATUSES,
    ImportedDocument,
    Relation,
    Span,
    new_uuid,
    text_sha256,
)
from annotator.core.schema import Schema
from annotator.formats.decoding import read_text
from annotator.formats.exporting import ExportDocument, ExportReport, Progress

# a JSON escape that may make a lone surrogate, which UTF-8 (the database, the hash) cannot hold
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


@dataclass
class Seen:
    """Uuids already used in the file being read, with their line: a uuid names one thing."""

    spans: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)


def _uuid_of(
    raw: Any, what: str, taken: dict[str, int], path: str, line: int
) -> str:
    """A fresh uuid when ``raw`` is empty; else ``raw`` in canonical form, unused so far."""
    if raw is None or raw == "":
        return new_uuid()
    try:
        if not isinstance(raw, str):
            raise ValueError
        value = str(_uuid.UUID(raw))
    except ValueError:
        raise InputError(path, f"{what}: uuid {raw!r} is not a UUID", line=line) from None
    first = taken.get(value)
    if first is not None:
        where = "this line" if first == line else f"line {first}"
        raise InputError(
            path, f"{what}: uuid {value} is used twice (also on {where})", line=line
        )
    taken[value] = line
    return value


def _string(value: Any, what: str, path: str, line: int) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InputError(path, f"{what} must be a string, not {value!r}", line=line)


def _int(value: Any, what: str, path: str, line: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(path, f"{what} must be an integer, not {value!r}", line=line)
    return value


def _span(
    raw: Any, text: str, schema: Schema, path: str, line: int, index: int, seen: Seen
) -> Span:
    if isinstance(raw, list | tuple):  # doccano: [start, end, label]
        if len(raw) != 3:
            raise InputError(path, f"label {index} must be [start, end, label]", line=line)
        raw = {"start": raw[0], "end": raw[1], "label": raw[2]}
    if not isinstance(raw, dict):
        raise InputError(path, f"span {index} must be an object", line=line)
    for key in ("start", "end", "label"):
        if key not in raw:
            raise InputError(path, f"span {index} has no {key!r}", line=line)
    start = _int(raw["start"], f"span {index} start", path, line)
    end = _int(raw["end"], f"span {index} end", path, line)
    if start >= end:
        raise InputError(path, f"span {index}: start {start} is not before end {end}", line=line)
    if start < 0 or end > len(text):
        raise InputError(
            path,
            f"span {index} [{start}, {end}) lies outside the text (length {len(text)} code points)",
            line=line,
        )
    label = str(raw["label"])
    layer = raw.get("layer") or schema.layer_of_label(label)
    if layer is None or not schema.has_label(str(layer), label):
        known = ", ".join(lab.name for lab in schema.labels())
        raise InputError(
            path, f"span {index}: unknown label {label!r} (the schema has {known})", line=line
        )
    attributes = raw.get("attributes") or {}
    if not isinstance(attributes, dict):
        raise InputError(path, f"span {index}: attributes must be an object", line=line)
    annotator = _string(raw.get("annotator"), f"span {index}: annotator", path, line)
    return Span(
        start=start,
        end=end,
        layer=str(layer),
        label=label,
        uuid=_uuid_of(raw.get("uuid"), f"span {index}", seen.spans, path, line),
        attributes=attributes,
        annotator=annotator or "",
    )


def _canonical_ref(ref: str) -> str:
    try:
        return str(_uuid.UUID(ref))
    except ValueError:
        return ref


def _relations(
    raws: Any, spans: list[Span], schema: Schema, path: str, line: int, seen: Seen
) -> list[Relation]:
    if not isinstance(raws, list):
        raise InputError(path, "relations must be a list", line=line)
    by_uuid = {s.uuid: s for s in spans}
    out = []
    for i, raw in enumerate(raws):
        if not isinstance(raw, dict) or not {"head", "tail"} <= raw.keys():
            raise InputError(path, f"relation {i} needs head and tail", line=line)
        kind = str(raw.get("kind") or raw.get("type") or "")
        ends: list[Span] = []
        for key in ("head", "tail"):
            ref = raw[key]
            if isinstance(ref, int) and not isinstance(ref, bool):
                if not 0 <= ref < len(spans):
                    raise InputError(path, f"relation {i}: no span number {ref}", line=line)
                ends.append(spans[ref])
            elif isinstance(ref, str) and (found := by_uuid.get(_canonical_ref(ref))) is not None:
                ends.append(found)
            else:
                raise InputError(path, f"relation {i}: {key} {ref!r} names no span", line=line)
        head, tail = ends
        # the schema decides (Schema.link_error); the message keeps this format's wording
        rtype = schema.relation(kind)
        if rtype is None:
            known = ", ".join(r.name for r in schema.relations)
            raise InputError(
                path, f"relation {i}: unknown kind {kind!r} (the schema has {known})", line=line
            )
        if schema.link_error(kind, head.layer, tail.layer) is not None:
            raise InputError(
                path,
                f"relation {i}: a {kind} link joins {rtype.from_layer} -> {rtype.to_layer}, "
                f"not {head.layer}/{head.label} -> {tail.layer}/{tail.label}",
                line=line,
            )
        annotator = _string(raw.get("annotator"), f"relation {i}: annotator", path, line)
        out.append(
            Relation(
                kind,
                head.uuid,
                tail.uuid,
                _uuid_of(raw.get("uuid"), f"relation {i}", seen.relations, path, line),
                annotator or "",
            )
        )
    return out


def _provenance(
    raws: list[Any], spans: list[Span], path: str, line: int
) -> dict[str, dict[str, Any]]:
    out = {}
    for i, (raw, span) in enumerate(zip(raws, spans, strict=True)):
        prov = raw.get("provenance") if isinstance(raw, dict) else None
        if prov is None:
            continue
        if not isinstance(prov, dict):
            raise InputError(path, f"span {i}: provenance must be an object", line=line)
        out[span.uuid] = prov
    return out


def _no_surrogates(obj: Any, path: str, line: int) -> None:
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            path, "a \\u escape makes a lone surrogate, which is not text", line=line
        ) from exc


def parse_jsonl_line(
    line_text: str, schema: Schema, path: str, line: int, seen: Seen | None = None
) -> ImportedDocument:
    """One line's document; ``seen`` carries the uuids of earlier lines of the same file."""
    seen = seen if seen is not None else Seen()
    try:
        obj = json.loads(line_text)
    except json.JSONDecodeError as exc:
        raise InputError(
            path, f"malformed JSON: {exc.msg} (column {exc.colno})", line=line
        ) from exc
    if not isinstance(obj, dict):
        raise InputError(path, "each line must be a JSON object", line=line)
    if _SURROGATE_ESCAPE.search(line_text):
        _no_surrogates(obj, path, line)
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(path, "no 'text' string on this line", line=line)
    if not text.strip():
        raise InputError(path, "'text' is empty", line=line)
    if "\r" in text:
        # offsets refer to this text; changing its line ends would move them
        raise InputError(path, "'text' contains carriage returns; use \\n line ends", line=line)
    sha = obj.get("sha256")
    if sha is not None and sha != text_sha256(text):
        raise InputError(
            path, "'sha256' does not match 'text' (was the text edited after export?)", line=line
        )
    raw_spans = obj.get("spans", obj.get("label", []))
    if not isinstance(raw_spans, list):
        raise InputError(path, "'spans' must be a list", line=line)
    spans = [_span(raw, text, schema, path, line, i, seen) for i, raw in enumerate(raw_spans)]
    relations = _relations(obj.get("relations", []), spans, schema, path, line, seen)
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        meta = {"meta": meta}
    name = str(obj.get("name") or meta.get("name") or f"{Path(path).stem}-{line}")
    status = _string(obj.get("status"), "'status'", path, line)
    if status is not None and status not in STATUSES:
        raise InputError(
            path, f"'status' {status!r} is not one of {', '.join(STATUSES)}", line=line
        )
    return ImportedDocument(
        name=name,
        text=text,
        meta=meta,
        spans=spans,
        relations=relations,
        annotator=_string(obj.get("annotator"), "'annotator'", path, line) or None,
        status=status,
        provenance=_provenance(raw_spans, spans, path, line),
    )


def read_jsonl(path: Path, schema: Schema, encoding: str = "utf-8") -> list[ImportedDocument]:
    content = read_text(path, encoding)
    docs = []
    seen = Seen()
    for number, line_text in enumerate(content.split("\n"), start=1):
        if line_text.strip():
            docs.append(parse_jsonl_line(line_text, schema, str(path), number, seen))
    if not docs:
        raise InputError(str(path), "no document in this file")
    return docs


def document_object(doc: ExportDocument) -> dict[str, Any]:
    """One JSONL line's object; spans in stored order (start, longest first)."""
    spans = sorted(doc.spans, key=lambda s: (s.start, -s.end))
    obj: dict[str, Any] = {
        "name": doc.name,
        "text": doc.text,
        "sha256": doc.sha256,
        "annotator": doc.annotator,
    }
    if doc.status:
        obj["status"] = doc.status
    return obj | {
        "meta": doc.meta,
        "spans": [_span_object(s, doc.provenance.get(s.uuid)) for s in spans],
        "relations": [
            {"kind": r.kind, "head": r.head, "tail": r.tail, "uuid": r.uuid}
            for r in doc.relations
        ],
    }


def _span_object(s: Span, provenance: dict[str, Any] | None) -> dict[str, Any]:
    out = {
        "start": s.start, "end": s.end, "layer": s.layer, "label": s.label,
        "attributes": s.attributes, "uuid": s.uuid,
    }
    if provenance is not None:
        out["provenance"] = provenance
    return out


def write_jsonl(
    docs: Sequence[ExportDocument],
    out: TextIO,
    report: ExportReport | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    report = report if report is not None else ExportReport()
    for n, doc in enumerate(docs, start=1):
        out.write(json.dumps(document_object(doc), ensure_ascii=False) + "\n")
        report.documents += 1
        report.spans_written += len(doc.spans)
        if progress is not None:
            progress(n, len(docs))
    return report
