"""Label Studio: the full JSON export (``label-studio``) and JSON-MIN (``label-studio-min``).

Full export (what Label Studio's Export > JSON writes, ``data_export/mixins.py``): a list of
tasks ``{"id", "data": {KEY: TEXT, ...}, "meta", "annotations": [{"id", "completed_by",
"result", "was_cancelled", "ground_truth", ...}], "predictions", "drafts", ...}``. A result item
is a region ``{"id", "from_name", "to_name", "type": "labels", "value": {"start", "end",
"text", "labels"}}``, a per-region choice (``"type": "choices"`` with its region's ``id``: our
span attributes) or a relation ``{"from_id", "to_id", "type": "relation", "direction",
"labels"}``. ``completed_by`` is a user object with an email (the default), or a bare user id.

JSON-MIN (label-studio-converter's ``convert_to_json_min``): one record per submitted
annotation, the task's data keys at the top, one key per ``from_name`` holding the regions'
values, ``annotator`` (an email or a user id); no relations, no region ids.

Reading: each annotator (``completed_by``) stays an annotator of ours (their email; a bare id
``N`` becomes ``label-studio-user-N``). Cancelled annotations, predictions (a model's output)
and drafts are not imported, and counted. The text is the data key the regions fit (``text``
when several do, or when there are no regions). Each region's ``text`` is checked against our
text at its offsets: Label Studio exports code points, but its front end has counted UTF-16
code units after an emoji (its issues #1347, #2007), and a text typed on Windows has CRLF line
ends that our stored text has not: those readings are tried before refusing, and counted.
Anything else we cannot read is refused with the file, the task and the reason.
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
from annotator.core.model import GOLD, NEW, ImportedDocument, Relation, Span, new_uuid
from annotator.core.schema import Schema
from annotator.formats.decoding import read_text
from annotator.formats.exporting import ExportDocument, ExportOptions, ExportReport, Progress
from annotator.formats.json_input import parse_json
from annotator.formats.offsets import UTF16, OffsetReader

FULL = "label-studio"
MIN = "label-studio-min"
TEXT_KEY = "text"  # the data key we write, and the one preferred when several fit
NAME_KEY = "name"  # the document's name, written beside the text
# the keys JSON-MIN adds to a task's data (label-studio-converter's convert_to_json_min)
_MIN_KEYS = frozenset(
    {"id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time", "agreement",
     "history"}
)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


# --- reading --------------------------------------------------------------------------------


@dataclass
class _Annotation:
    where: str  # "task 101, annotation 11", for messages
    annotator: str  # "" when the file does not say: the importing annotator
    result: list[Any]


@dataclass
class _Task:
    where: str
    task_id: Any
    data: dict[str, Any]
    meta: dict[str, Any]
    annotations: list[_Annotation] = field(default_factory=list)


@dataclass
class _Tally:
    """What a file held that was not imported, and how offsets had to be read: to report."""

    cancelled: int = 0
    predictions: int = 0
    drafts: int = 0
    utf16: int = 0
    moved: int = 0
    crlf_texts: int = 0
    unchecked: int = 0

    def warnings(self, path: str) -> list[str]:
        out = []
        left = [
            f"{n} {what}"
            for n, what in (
                (self.cancelled, "cancelled (skipped) annotation(s)"),
                (self.predictions, "prediction(s) (a model's output, not an annotator's)"),
                (self.drafts, "draft(s) (never submitted)"),
            )
            if n
        ]
        if left:
            out.append(f"{path}: not imported: {', '.join(left)}")
        if self.utf16:
            out.append(
                f"{path}: {self.utf16} span(s) had offsets in UTF-16 code units (Label Studio's "
                "front end counts a character such as an emoji as two) and were read that way"
            )
        if self.crlf_texts:
            out.append(
                f"{path}: {self.crlf_texts} text(s) had CRLF or CR line ends, stored with \\n; "
                f"{self.moved} span(s) moved with the line ends"
            )
        if self.unchecked:
            out.append(
                f"{path}: {self.unchecked} span(s) came without their covered text; their "
                "offsets were taken as code points"
            )
        return out


def read_label_studio(
    path: Path, schema: Schema, encoding: str = "utf-8", shape: str | None = None
) -> list[ImportedDocument]:
    """The tasks of a Label Studio export; ``shape`` FULL or MIN, None to recognise it."""
    where = str(path)
    content = read_text(path, encoding)
    obj = parse_json(content, where)
    if _SURROGATE_ESCAPE.search(content):
        try:
            json.dumps(obj, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InputError(where, "a \\u escape makes a lone surrogate, not text") from exc
    records = [obj] if isinstance(obj, dict) else obj
    if not isinstance(records, list):
        raise InputError(where, "a Label Studio export is a list of tasks")
    if not records:
        raise InputError(where, "no task in this file")
    if shape is None:
        # a task has its data under "data"; JSON-MIN puts the data keys at the top
        first = records[0]
        shape = FULL if isinstance(first, dict) and isinstance(first.get("data"), dict) else MIN
    tally = _Tally()
    tasks = (
        _full_tasks(records, where, tally) if shape == FULL else _min_tasks(records, where, schema)
    )
    seen: set[str] = set()
    docs = [
        _document(task, key, path, shape, schema, tally, seen)
        for task, key in zip(tasks, _text_keys(tasks, where), strict=True)
    ]
    docs[0].warnings += tally.warnings(where)
    return docs


def _annotator(raw: Any, where: str) -> str:
    if raw is None:
        return ""
    if isinstance(raw, dict):
        email = raw.get("email")
        if isinstance(email, str) and email:
            return email
        raw = raw.get("id")
    if isinstance(raw, int) and not isinstance(raw, bool):
        return f"label-studio-user-{raw}"
    if isinstance(raw, str) and raw:
        return raw
    raise InputError(where, f"completed_by {raw!r} names no annotator (an email or a user id)")


def _list(raw: Any, what: str, where: str) -> list[Any]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise InputError(where, f"{what} must be a list")
    return raw


def _full_tasks(records: list[Any], where: str, tally: _Tally) -> list[_Task]:
    tasks = []
    for index, raw in enumerate(records, start=1):
        if not isinstance(raw, dict):
            raise InputError(where, f"task {index} is not an object")
        task_id = raw.get("id", index)
        here = f"{where}: task {task_id}"
        data = raw.get("data")
        if not isinstance(data, dict):
            raise InputError(here, "no 'data' object (is this a Label Studio export?)")
        meta = raw.get("meta") if isinstance(raw.get("meta"), dict) else {}
        task = _Task(f"task {task_id}", task_id, data, dict(meta or {}))
        # "completions": what Label Studio before 1.0 called annotations
        key = "annotations" if "annotations" in raw else "completions"
        for number, ann in enumerate(_list(raw.get(key), key, here), start=1):
            if not isinstance(ann, dict):
                raise InputError(here, f"annotation {number} is not an object")
            ann_where = f"task {task_id}, annotation {ann.get('id', number)}"
            if ann.get("was_cancelled") or ann.get("skipped"):
                tally.cancelled += 1
                continue
            task.annotations.append(
                _Annotation(
                    ann_where,
                    _annotator(ann.get("completed_by"), f"{where}: {ann_where}"),
                    _list(ann.get("result"), "'result'", f"{where}: {ann_where}"),
                )
            )
        tally.predictions += len(_list(raw.get("predictions"), "'predictions'", here))
        tally.drafts += len(_list(raw.get("drafts"), "'drafts'", here))
        tasks.append(task)
    return tasks


def _is_regions(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _min_tasks(records: list[Any], where: str, schema: Schema) -> list[_Task]:
    """JSON-MIN records, grouped by task: one record per annotation."""
    attributes = {a.name for layer in schema.layers for a in layer.attributes}
    by_task: dict[Any, _Task] = {}
    for index, raw in enumerate(records, start=1):
        if not isinstance(raw, dict):
            raise InputError(where, f"record {index} is not an object")
        task_id = raw.get("id", f"#{index}")
        here = f"task {task_id}"
        data: dict[str, Any] = {}
        result: list[Any] = []
        for key, value in raw.items():
            if key in _MIN_KEYS:
                continue
            if key in attributes:
                raise InputError(
                    f"{where}: {here}", f"key {key!r} holds choices made per region, which "
                    "JSON-MIN keeps without their region; import Label Studio's full JSON export"
                )
            if _is_regions(value):
                result += [{"from_name": key, "type": "labels", "value": v} for v in value]
            else:
                data[key] = value
        annotator = _annotator(raw.get("annotator"), f"{where}: {here}")
        task = by_task.setdefault(task_id, _Task(here, task_id, data, {}))
        if raw.get("annotation_id") is not None or result:
            ann_where = f"{here}, annotation {raw.get('annotation_id', index)}"
            task.annotations.append(_Annotation(ann_where, annotator, result))
    return list(by_task.values())


def _labels_values(task: _Task) -> list[dict[str, Any]]:
    return [
        item["value"]
        for ann in task.annotations
        for item in ann.result
        if isinstance(item, dict) and str(item.get("type", "")).lower() == "labels"
        and isinstance(item.get("value"), dict)
    ]


def _fitted(text: str, values: list[dict[str, Any]]) -> int:
    """How many of the regions' values have their covered text at their offsets in ``text``."""
    reader = OffsetReader(text)
    fitted = 0
    for value in values:
        start, end, covered = value.get("start"), value.get("end"), value.get("text")
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(covered, str)):
            fitted += 1  # nothing to check it against
        elif reader.read(start, end, covered) is not None:
            fitted += 1
    return fitted


def _text_key(task: _Task, where: str, usual: str | None) -> str | None:
    """The data key of the task's text; None when only ``usual`` (the key the file's other
    tasks use) could tell and is not known yet. A Label Studio project names one key for all."""
    strings = [k for k, v in task.data.items() if isinstance(v, str) and v.strip()]
    if not strings:
        keys = ", ".join(task.data) or "none"
        raise InputError(f"{where}: {task.where}", f"no text in 'data' (its keys: {keys})")
    if len(strings) == 1:
        return strings[0]
    values = _labels_values(task)
    fitted = {k: _fitted(task.data[k], values) for k in strings}
    fitting = [k for k in strings if fitted[k] == len(values)]
    if len(fitting) == 1:
        return fitting[0]
    best = max(fitted.values())
    if not fitting and best and sum(1 for n in fitted.values() if n == best) == 1:
        # the key most regions fit: the others are refused one by one, with their text
        return next(k for k, n in fitted.items() if n == best)
    if usual in fitting:
        return usual
    if TEXT_KEY in fitting:
        return TEXT_KEY
    if fitting == strings and usual is None:
        return None
    raise InputError(
        f"{where}: {task.where}",
        f"cannot tell which data key holds the text ({', '.join(fitting or strings)})"
        + ("" if fitting else ": the regions fit none of them"),
    )


def _text_keys(tasks: list[_Task], where: str) -> list[str]:
    """Each task's text key: tasks whose regions cannot tell take the key the others use."""
    first = [_text_key(task, where, None) for task in tasks]
    decided = {key for key in first if key is not None}
    usual = decided.pop() if len(decided) == 1 else ""
    return [key or _text_key(task, where, usual) or "" for key, task in zip(first, tasks,
                                                                                strict=True)]


def _document(
    task: _Task, key: str, path: Path, shape: str, schema: Schema, tally: _Tally,
    seen: set[str],
) -> ImportedDocument:
    where = str(path)
    original: str = task.data[key]
    if "\x00" in original:
        raise InputError(f"{where}: {task.where}", "the text holds a NUL character")
    reader = OffsetReader(original)
    if reader.text != original:
        tally.crlf_texts += 1
    spans: list[Span] = []
    relations: list[Relation] = []
    for ann in task.annotations:
        ann_spans, ann_relations = _annotation(ann, reader, schema, where, tally, seen)
        spans += ann_spans
        relations += ann_relations
    name = task.data.get(NAME_KEY)
    if key == NAME_KEY or not isinstance(name, str) or not name.strip():
        name = f"{path.stem}-{task.task_id}"
    meta = task.meta | {"source": path.name, "source_format": shape,
                        "label_studio_task": task.task_id}
    return ImportedDocument(name=name, text=reader.text, meta=meta, spans=spans,
                            relations=relations)


def _region_uuid(raw_id: Any, seen: set[str]) -> str:
    """The region's id when it is a UUID not used yet in the file (ours, written back), else a
    new one: Label Studio's own ids are short strings, and repeat across annotations that
    started from the same prediction."""
    try:
        value = str(_uuid.UUID(raw_id)) if isinstance(raw_id, str) else None
    except ValueError:
        value = None
    if value is None or value in seen:
        value = new_uuid()
    seen.add(value)
    return value


def _annotation(
    ann: _Annotation, reader: OffsetReader, schema: Schema, path: str, tally: _Tally,
    seen: set[str],
) -> tuple[list[Span], list[Relation]]:
    regions: dict[str, list[Span]] = {}
    choices: list[tuple[str, dict[str, Any]]] = []
    links: list[dict[str, Any]] = []
    for number, item in enumerate(ann.result, start=1):
        if not isinstance(item, dict):
            raise InputError(path, f"{ann.where}: result {number} is not an object")
        kind = str(item.get("type") or "").lower()
        if kind == "relation":
            links.append(item)
            continue
        region = str(item["id"]) if item.get("id") is not None else f"#{number}"
        where = f"{path}: {ann.where}, region {region}"
        if kind == "labels":
            if region in regions:
                raise InputError(where, "this region id is used twice")
            regions[region] = _spans(item, reader, schema, where, ann.annotator, tally, seen)
        elif kind == "choices" and isinstance(item.get("value"), dict) and (
            "start" in item["value"]
        ):
            choices.append((region, item))
        else:
            raise InputError(
                where, f"a {kind or 'untyped'} result (from_name {item.get('from_name')!r}) is "
                "not read; this reader takes labels on text, per-region choices and relations",
            )
    for region, item in choices:
        _attribute(item, regions, schema, f"{path}: {ann.where}, region {region}")
    spans = [s for group in regions.values() for s in group]
    return spans, _relations(links, regions, schema, f"{path}: {ann.where}", ann.annotator)


def _spans(
    item: dict[str, Any], reader: OffsetReader, schema: Schema, where: str, annotator: str,
    tally: _Tally, seen: set[str],
) -> list[Span]:
    value = item.get("value")
    if not isinstance(value, dict):
        raise InputError(where, "no 'value' object")
    start, end = value.get("start"), value.get("end")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise InputError(
            where, f"offsets are not numbers ({start!r}, {end!r}): regions of HyperText or "
            "Paragraphs are not read, only of Text",
        )
    assert isinstance(start, int) and isinstance(end, int)
    labels = value.get("labels")
    if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
        raise InputError(where, f"'labels' must be a list of label names, not {labels!r}")
    covered = value.get("text")
    if covered is not None and not isinstance(covered, str):
        raise InputError(where, f"'text' must be a string, not {covered!r}")
    reading = reader.read(start, end, covered)
    if reading is None:
        if covered is None:
            raise InputError(
                where, f"[{start}, {end}) lies outside the text (length {len(reader.text)})"
            )
        if end > len(reader.text):
            raise InputError(
                where, f"[{start}, {end}) lies outside the text (length {len(reader.text)}; "
                f"{covered!r} was expected there)"
            )
        tried = "as code points and as UTF-16 code units" + (
            ", with and without the CRs of its line ends" if reader.text != reader.original
            else ""
        )
        raise InputError(
            where, f"the text at [{start}, {end}) is {reader.slice(start, end)!r}, not "
            f"{covered!r} (read {tried}); is this the text the annotation was made on?",
        )
    tally.utf16 += reading.units == UTF16
    tally.moved += reading.moved
    tally.unchecked += covered is None
    from_name = str(item.get("from_name") or "")
    out: list[Span] = []
    for label in labels:
        layer = from_name if schema.has_label(from_name, label) else schema.layer_of_label(label)
        if layer is None:
            known = ", ".join(lab.name for lab in schema.labels())
            raise InputError(where, f"unknown label {label!r} (the schema has {known})")
        out.append(Span(reading.start, reading.end, layer, label,
                        uuid=_region_uuid(item.get("id") if not out else None, seen),
                        annotator=annotator))
    return out


def _attribute(
    item: dict[str, Any], regions: dict[str, list[Span]], schema: Schema, where: str
) -> None:
    region = str(item.get("id"))
    if region not in regions:
        raise InputError(where, "a per-region choice whose region has no labels")
    name = str(item.get("from_name") or "")
    chosen = item["value"].get("choices")
    if not isinstance(chosen, list) or len(chosen) != 1 or not isinstance(chosen[0], str):
        raise InputError(where, f"{name!r}: one choice per region is read, not {chosen!r}")
    for i, span in enumerate(regions[region]):
        defs = {a.name: a for a in schema.attributes_of(span.layer)}
        attr = defs.get(name)
        if attr is None:
            known = ", ".join(defs) or "none"
            raise InputError(
                where, f"{name!r} is not an attribute of the {span.layer} layer (it has {known})"
            )
        if chosen[0] not in attr.values:
            raise InputError(
                where, f"{name!r} is {chosen[0]!r}, not one of {', '.join(attr.values)}"
            )
        regions[region][i] = span.with_changes(attributes=span.attributes | {name: chosen[0]})


def _relations(
    items: list[dict[str, Any]], regions: dict[str, list[Span]], schema: Schema, where: str,
    annotator: str,
) -> list[Relation]:
    out: dict[tuple[str, str, str], Relation] = {}
    for item in items:
        ends = []
        for key in ("from_id", "to_id"):
            ref = str(item.get(key))
            group = regions.get(ref)
            if group is None:
                raise InputError(where, f"a relation's {key} {ref!r} names no region")
            if len(group) != 1:
                raise InputError(
                    where, f"region {ref} has several labels: a relation cannot tell which "
                    "span it joins"
                )
            ends.append(group[0])
        a, b = ends
        labels = item.get("labels") or []
        if not isinstance(labels, list):
            raise InputError(where, f"a relation's labels must be a list, not {labels!r}")
        if not labels:  # no label: the layers it joins name its kind
            rtype = schema.relation_between(a.layer, b.layer) or schema.relation_between(
                b.layer, a.layer
            )
            if rtype is None:
                raise InputError(
                    where, f"a relation without a label joins {a.layer} and {b.layer}, which "
                    "no relation of the schema joins"
                )
            labels = [rtype.name]
        for kind in labels:
            if schema.relation(str(kind)) is None:
                known = ", ".join(r.name for r in schema.relations)
                raise InputError(
                    where, f"unknown relation {kind!r} (the schema has {known})"
                )
            # the schema's layers say which end is the head; the arrow's direction is drawing
            if schema.link_error(kind, a.layer, b.layer) is None:
                head, tail = a, b
            elif schema.link_error(kind, b.layer, a.layer) is None:
                head, tail = b, a
            else:
                raise InputError(
                    where, f"a {kind} link cannot join {a.layer}/{a.label} and "
                    f"{b.layer}/{b.label}: {schema.link_error(kind, a.layer, b.layer)}"
                )
            out.setdefault(
                (kind, head.uuid, tail.uuid),
                Relation(kind, head.uuid, tail.uuid, annotator=annotator),
            )
    return list(out.values())


# --- writing --------------------------------------------------------------------------------


def _has_annotation(doc: ExportDocument) -> bool:
    """A document the annotator never touched has no annotation (an empty one would say
    "nothing to tag here")."""
    return bool(doc.spans) or doc.status not in ("", NEW)


def _results(doc: ExportDocument) -> list[dict[str, Any]]:
    spans = sorted(doc.spans, key=lambda s: (s.start, -s.end))
    out: list[dict[str, Any]] = []
    for span in spans:
        covered = doc.text[span.start : span.end]
        out.append({
            "value": {"start": span.start, "end": span.end, "text": covered,
                      "labels": [span.label]},
            "id": span.uuid, "from_name": span.layer, "to_name": TEXT_KEY, "type": "labels",
            "origin": "manual",
        })
        for name, value in sorted(span.attributes.items()):
            if value is None or value is False:
                continue
            out.append({
                "value": {"start": span.start, "end": span.end, "text": covered,
                          "choices": [str(value)]},
                "id": span.uuid, "from_name": name, "to_name": TEXT_KEY, "type": "choices",
                "origin": "manual",
            })
    kept = {s.uuid for s in spans}
    out += [
        {"from_id": r.head, "to_id": r.tail, "type": "relation", "direction": "right",
         "labels": [r.kind]}
        for r in doc.relations if r.head in kept and r.tail in kept
    ]
    return out


def _completed_by(annotator: str) -> dict[str, Any]:
    # the user object Label Studio exports; its import finds the user by this email
    return {"id": 1, "email": annotator, "first_name": "", "last_name": ""}


def task_object(doc: ExportDocument, number: int) -> dict[str, Any]:
    """One task of the full export."""
    annotations = []
    if _has_annotation(doc):
        annotations.append({
            "id": number, "completed_by": _completed_by(doc.annotator),
            "result": _results(doc), "was_cancelled": False,
            "ground_truth": doc.annotator == GOLD, "task": number,
        })
    return {
        "id": number, "annotations": annotations, "drafts": [], "predictions": [],
        "data": {TEXT_KEY: doc.text, NAME_KEY: doc.name}, "meta": doc.meta,
    }


def min_record(doc: ExportDocument, number: int) -> dict[str, Any]:
    """One JSON-MIN record, keys in label-studio-converter's order."""
    record: dict[str, Any] = {TEXT_KEY: doc.text, NAME_KEY: doc.name, "id": number}
    annotated = _has_annotation(doc)
    for span in sorted(doc.spans, key=lambda s: (s.start, -s.end)):
        record.setdefault(span.layer, []).append({
            "start": span.start, "end": span.end, "text": doc.text[span.start : span.end],
            "labels": [span.label],
        })
    return record | {
        "annotator": doc.annotator if annotated else None,
        "annotation_id": number if annotated else None,
        "created_at": None, "updated_at": None, "lead_time": None,
    }


def _write(
    docs: Sequence[ExportDocument], out: TextIO, report: ExportReport,
    progress: Progress | None, *, minimal: bool,
) -> ExportReport:
    objects = []
    for n, doc in enumerate(docs, start=1):
        if minimal:
            objects.append(min_record(doc, n))
            # JSON-MIN has no region ids: no place for links or per-region choices
            report.count(report.links_dropped, doc.name, len(doc.relations))
            report.count(
                report.attributes_dropped, doc.name,
                sum(1 for s in doc.spans if any(v not in (None, False)
                                                for v in s.attributes.values())),
            )
        else:
            objects.append(task_object(doc, n))
        report.documents += 1
        report.spans_written += len(doc.spans)
        if progress is not None:
            progress(n, len(docs))
    # as Label Studio writes them: the full export on one line, JSON-MIN indented
    if minimal:
        out.write(json.dumps(objects, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(json.dumps(objects, ensure_ascii=False) + "\n")
    return report


def write_label_studio(
    docs: Sequence[ExportDocument], out: TextIO, options: ExportOptions, report: ExportReport,
    progress: Progress | None = None,
) -> ExportReport:
    return _write(docs, out, report, progress, minimal=False)


def write_label_studio_min(
    docs: Sequence[ExportDocument], out: TextIO, options: ExportOptions, report: ExportReport,
    progress: Progress | None = None,
) -> ExportReport:
    return _write(docs, out, report, progress, minimal=True)
