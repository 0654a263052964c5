"""JSONL: one document per line, in our shape or in doccano's or Prodigy's.

Read: ``{"text", "name"?, "meta"?, "annotator"?, "status"?, "spans": [{"start", "end", "label",
"layer"?, "uuid"?, "attributes"?, "annotator"?, "provenance"?}], "relations"?: [{"kind", "head",
"tail", "uuid"?}]}`` where a relation end is a span's index in ``spans`` or its ``uuid``; also
doccano's exports (``formats.doccano``) and Prodigy's (``formats.prodigy``), recognised line by
line from their keys. A file is read whole before anything is stored: one bad line refuses the
file. A ``sha256`` that does not match the text refuses the line (the text was changed after the
export). A ``uuid`` must be a UUID (kept in its canonical form) and used once in the file; a
relation must join the layers its kind joins in the schema (``speaker``: quote -> entity), after
the ``--map-relations`` file has turned foreign types into ours; an attribute must be one the
schema gives the span's layer, with one of its values; ``status`` is one of ``new``,
``in_progress``, ``done`` (the annotator's status of the document, set on import). A text with
CR LF or lone CR line ends is stored with LF and its offsets moved (``line_ends``), reported.
A line keeping annotations under a key we do not read (``ANNOTATION_KEYS``) is refused.

Write (:func:`write_jsonl`): ``{"name", "text", "sha256", "annotator", "status", "meta", "spans":
[{"start", "end", "layer", "label", "attributes", "uuid", "provenance"?}], "relations": [{"kind",
"head", "tail", "uuid"}]}`` with relation ends as span uuids and ``provenance`` (how an
adjudicated gold span was decided) on the spans that have one: nothing is lost, and reading it
back into an empty database and writing it again gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.invariants import imported_problem
from annotator.core.model import STATUSES, ImportedDocument, Span, text_sha256
from annotator.core.schema import Schema
from annotator.formats import doccano, prodigy
from annotator.formats.decoding import read_text
from annotator.formats.exporting import ExportDocument, ExportReport, Progress
from annotator.formats.ids import fresh_uuids
from annotator.formats.json_input import parse_json
from annotator.formats.jsonl_spans import (
    Line,
    Seen,
    Shaped,
    Tally,
    read_provenance,
    read_relations,
    read_span,
    string,
)
from annotator.formats.line_ends import LineEnds, normalise
from annotator.formats.relation_map import RelationMap, load_relation_map

__all__ = ["STATUSES", "Seen", "parse_jsonl_line", "read_jsonl", "write_jsonl"]

# a JSON escape that may make a lone surrogate, which UTF-8 (the database, the hash) cannot hold
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


# the readings of a line: ours, doccano's, Prodigy's (also the --format names of the last two)
OURS, DOCCANO, PRODIGY = "jsonl", "doccano", "prodigy"

# keys other tools keep annotations under: a line with one we did not read is refused, never
# stored as bare text with exit 0 (Label Studio's annotations/result, spaCy's ents, HF's
# ner_tags, classes under label/labels/cats/accept ...)
ANNOTATION_KEYS = (
    "annotations", "completions", "predictions", "result", "entities", "ents", "spans", "label",
    "labels", "tags", "ner_tags", "relations", "cats", "accept", "events",
)


@dataclass
class FileReading:
    """What reading one file needs across its lines, and what it did (for the report)."""

    path: str
    schema: Schema
    relation_map: RelationMap = field(default_factory=dict)
    dialect: str | None = None  # None: each line is read as its keys say
    seen: Seen = field(default_factory=Seen)
    tally: Tally = field(default_factory=Tally)
    # a line without a name is named after the file: its stem made once, not once per line
    stem: str = field(init=False)

    def __post_init__(self) -> None:
        self.stem = Path(self.path).stem

    def line(self, number: int, ends: LineEnds) -> Line:
        return Line(
            self.path, number, self.schema, ends, self.seen, self.relation_map, self.tally
        )


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
    reading = FileReading(path, schema, seen=seen if seen is not None else Seen())
    doc = read_line(line_text, line, reading)
    if doc is None:
        raise InputError(path, "a Prodigy task answered reject or ignore: no annotation", line=line)
    return doc


def read_line(line_text: str, number: int, reading: FileReading) -> ImportedDocument | None:
    """One line's document, or None for a Prodigy task not accepted (counted in the tally)."""
    path = reading.path
    obj = parse_json(line_text, path, number)
    if not isinstance(obj, dict):
        raise InputError(path, "each line must be a JSON object", line=number)
    if _SURROGATE_ESCAPE.search(line_text):
        _no_surrogates(obj, path, number)
    raw_text = obj.get("text")
    if not isinstance(raw_text, str):
        raise InputError(path, "no 'text' string on this line", line=number)
    if not raw_text.strip():
        raise InputError(path, "'text' is empty", line=number)
    line = reading.line(number, normalise(raw_text))
    dialect = _dialect(obj, reading.dialect, line)
    if dialect == PRODIGY:
        skipped = prodigy.skipped_answer(obj, line)
        if skipped is not None:
            reading.tally.answers_skipped[skipped] += 1
            return None
        shaped = prodigy.shape(obj, line)
    elif dialect == DOCCANO:
        shaped = doccano.shape(obj, line)
    else:
        shaped = _our_shape(obj, line)
    _refuse_unread_annotations(obj, shaped, line)
    text = line.ends.text
    sha = obj.get("sha256")
    # the sha256 of the stored text (our exports) or of the text as written
    if sha is not None and sha not in (text_sha256(text), text_sha256(raw_text)):
        raise line.error("'sha256' does not match 'text' (was the text edited after export?)")
    # one request to the OS for the line's new uuids, not one per span (formats.ids)
    fresh = fresh_uuids(len(shaped.spans))
    spans = [
        read_span(raw, line, i, uuid)
        for i, (raw, uuid) in enumerate(zip(shaped.spans, fresh, strict=True))
    ]
    relations = read_relations(shaped.relations, spans, line)
    _count_line_ends(line.ends, reading.tally)
    meta = shaped.meta
    name = str(obj.get("name") or meta.get("name") or f"{reading.stem}-{number}")
    status = string(obj.get("status"), "'status'", line)
    if status is not None and status not in STATUSES:
        raise line.error(f"'status' {status!r} is not one of {', '.join(STATUSES)}")
    doc = ImportedDocument(
        name=name,
        text=text,
        meta=meta,
        spans=spans,
        relations=relations,
        annotator=string(obj.get("annotator"), "'annotator'", line) or None,
        status=status,
        provenance=read_provenance(shaped.spans, spans, line),
    )
    # a \u0000 escape, a name longer than the server's column...: refused here, with the line
    problem = imported_problem(doc, reading.schema)
    if problem is not None:
        raise line.error(problem)
    return doc


def _dialect(obj: dict[str, Any], chosen: str | None, line: Line) -> str:
    """Whose line this is, from its keys; ``--format doccano|prodigy`` insists on one."""
    found = PRODIGY if prodigy.is_prodigy(obj) else DOCCANO if doccano.is_doccano(obj) else OURS
    if chosen is None or chosen == OURS:
        return found
    if found in (chosen, OURS):  # a line with no annotation keys is anybody's
        return chosen
    raise line.error(f"this line is a {found} line, not {chosen} (given by --format {chosen})")


def _our_shape(obj: dict[str, Any], line: Line) -> Shaped:
    raw_spans = obj.get("spans", [])
    if not isinstance(raw_spans, list):
        raise line.error("'spans' must be a list")
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        meta = {"meta": meta}
    return Shaped(raw_spans, obj.get("relations", []), meta, frozenset({"spans", "relations"}))


def _refuse_unread_annotations(obj: dict[str, Any], shaped: Shaped, line: Line) -> None:
    for key in ANNOTATION_KEYS:
        value = obj.get(key)
        if key in shaped.read or value in (None, "", [], {}):
            continue
        shown = json.dumps(value, ensure_ascii=False)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise line.error(
            f"{key!r} holds annotations this reader cannot interpret ({shown}); nothing was "
            "stored. JSONL reads our 'spans', doccano's 'label'/'entities' and Prodigy's tasks"
        )


def _count_line_ends(ends: LineEnds, tally: Tally) -> None:
    if ends.changed:
        tally.lines_normalised += 1
        tally.crlf += len(ends.dropped)
        tally.lone_cr += ends.lone_crs


def _report(reading: FileReading) -> list[str]:
    """The file's warnings: what was normalised, skipped or left out, never silently."""
    tally, path = reading.tally, reading.path
    out = []
    if tally.lines_normalised:
        what = ", ".join(
            part for part in (
                f"{tally.crlf} CR LF" if tally.crlf else "",
                f"{tally.lone_cr} lone CR" if tally.lone_cr else "",
            ) if part
        )
        out.append(
            f"{path}: the text of {tally.lines_normalised} line(s) had {what} line ends, stored "
            f"as LF; {tally.spans_moved} span(s) moved with them"
        )
    if tally.answers_skipped:
        out.append(
            f"{path}: left out Prodigy tasks not accepted: {_skipped(tally)}"
        )
    for kind, count in sorted(tally.links_left_out.items()):
        out.append(
            f"{path}: left out {count} link(s) of type {kind!r}, as the relation map says"
        )
    return out


def _skipped(tally: Tally) -> str:
    words = {"reject": "rejected", "ignore": "ignored"}
    return ", ".join(
        f"{tally.answers_skipped[a]} {word}" for a, word in words.items()
        if tally.answers_skipped[a]
    )


def read_jsonl(
    path: Path,
    schema: Schema,
    encoding: str = "utf-8",
    map_relations: Path | None = None,
    dialect: str | None = None,
) -> list[ImportedDocument]:
    """Every document of a file (all or nothing); its warnings go with the first one.

    ``dialect`` (doccano, prodigy) refuses a line of another tool instead of reading it as
    its keys say.
    """
    relation_map = load_relation_map(map_relations, schema) if map_relations else {}
    content = read_text(path, encoding)
    reading = FileReading(str(path), schema, relation_map, dialect=dialect)
    docs = []
    for number, line_text in enumerate(content.split("\n"), start=1):
        if line_text.strip():
            doc = read_line(line_text, number, reading)
            if doc is not None:
                docs.append(doc)
    if not docs:
        skipped = _skipped(reading.tally)
        raise InputError(
            str(path),
            f"no accepted Prodigy task in this file ({skipped})" if skipped
            else "no document in this file",
        )
    docs[0].warnings += _report(reading)
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
