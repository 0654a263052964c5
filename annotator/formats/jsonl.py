"""JSONL: one document per line.

Read: ``{"text", "name"?, "meta"?, "spans": [{"start", "end", "label", "layer"?, "uuid"?,
"attributes"?, "annotator"?}], "relations"?: [{"kind", "head", "tail"}]}`` where a relation end is
a span's index in ``spans`` or its ``uuid``; also doccano's ``"label": [[start, end, "LABEL"]]``.
A file is read whole before anything is stored: one bad line refuses the file. A ``sha256``
that does not match the text refuses the line (the text was changed after the export).

Write (:func:`write_jsonl`): ``{"name", "text", "sha256", "annotator", "meta", "spans":
[{"start", "end", "layer", "label", "attributes", "uuid"}], "relations": [{"kind", "head",
"tail", "uuid"}]}`` with relation ends as span uuids: nothing is lost, and reading it back
into an empty database and writing it again gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.model import ImportedDocument, Relation, Span, new_uuid, text_sha256
from annotator.core.schema import Schema
from annotator.formats.decoding import decode_text
from annotator.formats.exporting import ExportDocument, ExportReport, Progress


def _int(value: Any, what: str, path: str, line: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(path, f"{what} must be an integer, not {value!r}", line=line)
    return value


def _span(raw: Any, text: str, schema: Schema, path: str, line: int, index: int) -> Span:
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
    return Span(
        start=start,
        end=end,
        layer=str(layer),
        label=label,
        uuid=str(raw.get("uuid") or new_uuid()),
        attributes=attributes,
        annotator=str(raw.get("annotator") or ""),
    )


def _relations(raws: Any, spans: list[Span], path: str, line: int) -> list[Relation]:
    if not isinstance(raws, list):
        raise InputError(path, "relations must be a list", line=line)
    by_uuid = {s.uuid: s for s in spans}
    out = []
    for i, raw in enumerate(raws):
        if not isinstance(raw, dict) or not {"head", "tail"} <= raw.keys():
            raise InputError(path, f"relation {i} needs head and tail", line=line)
        kind = str(raw.get("kind") or raw.get("type") or "")
        ends = []
        for key in ("head", "tail"):
            ref = raw[key]
            if isinstance(ref, int) and not isinstance(ref, bool):
                if not 0 <= ref < len(spans):
                    raise InputError(path, f"relation {i}: no span number {ref}", line=line)
                ends.append(spans[ref].uuid)
            elif isinstance(ref, str) and ref in by_uuid:
                ends.append(ref)
            else:
                raise InputError(path, f"relation {i}: {key} {ref!r} names no span", line=line)
        if kind not in ("speaker", "source"):
            raise InputError(path, f"relation {i}: unknown kind {kind!r}", line=line)
        out.append(
            Relation(
                kind,
                ends[0],
                ends[1],
                str(raw.get("uuid") or new_uuid()),
                str(raw.get("annotator") or ""),
            )
        )
    return out


def parse_jsonl_line(line_text: str, schema: Schema, path: str, line: int) -> ImportedDocument:
    try:
        obj = json.loads(line_text)
    except json.JSONDecodeError as exc:
        raise InputError(
            path, f"malformed JSON: {exc.msg} (column {exc.colno})", line=line
        ) from exc
    if not isinstance(obj, dict):
        raise InputError(path, "each line must be a JSON object", line=line)
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
    spans = [_span(raw, text, schema, path, line, i) for i, raw in enumerate(raw_spans)]
    relations = _relations(obj.get("relations", []), spans, path, line)
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        meta = {"meta": meta}
    name = str(obj.get("name") or meta.get("name") or f"{Path(path).stem}-{line}")
    return ImportedDocument(
        name=name,
        text=text,
        meta=meta,
        spans=spans,
        relations=relations,
        annotator=obj.get("annotator"),
    )


def read_jsonl(path: Path, schema: Schema, encoding: str = "utf-8") -> list[ImportedDocument]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from exc
    content = decode_text(data, str(path), encoding)
    docs = []
    for number, line_text in enumerate(content.split("\n"), start=1):
        if line_text.strip():
            docs.append(parse_jsonl_line(line_text, schema, str(path), number))
    if not docs:
        raise InputError(str(path), "no document in this file")
    return docs


def document_object(doc: ExportDocument) -> dict[str, Any]:
    """One JSONL line's object; spans in stored order (start, longest first)."""
    spans = sorted(doc.spans, key=lambda s: (s.start, -s.end))
    return {
        "name": doc.name,
        "text": doc.text,
        "sha256": doc.sha256,
        "annotator": doc.annotator,
        "meta": doc.meta,
        "spans": [
            {
                "start": s.start, "end": s.end, "layer": s.layer, "label": s.label,
                "attributes": s.attributes, "uuid": s.uuid,
            }
            for s in spans
        ],
        "relations": [
            {"kind": r.kind, "head": r.head, "tail": r.tail, "uuid": r.uuid}
            for r in doc.relations
        ],
    }


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
