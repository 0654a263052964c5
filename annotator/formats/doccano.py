"""doccano's JSONL exports, put into our line shape (``jsonl_spans``).

As doccano's ``backend/data_export`` writes them (pandas ``to_json(orient="records",
lines=True)``), one example a line, ``id`` and the example's meta fields at the top level:

* sequence labelling: ``"label": [[start, end, "LABEL"], ...]`` and ``"Comments": ["..."]``;
* the same project with relations on: ``"entities": [{"id", "label", "start_offset",
  "end_offset"}]``, ``"relations": [{"id", "from_id", "to_id", "type"}]`` (ends are entity
  ids) and ``"Comments": [{"id", "comment"}]``;
* intent detection: ``"entities": [[start, end, "LABEL"]]`` beside ``"cats"``.

Offsets are counted in the text as uploaded (CR LF included). Everything besides the text and
the annotations (``id``, meta fields, comments) is kept in the document's meta.
"""

from __future__ import annotations

from typing import Any

from annotator.formats.jsonl_spans import Line, Shaped

SPAN_KEYS = ("entities", "label")
_ENTITY_KEYS = ("label", "start_offset", "end_offset")
_RELATION_KEYS = ("from_id", "to_id", "type")


def is_doccano(obj: dict[str, Any]) -> bool:
    """doccano's keys: ``entities``, or a ``label`` list where our ``spans`` would be (a
    ``label`` string is a document class, which no reader here takes for spans)."""
    return "entities" in obj or ("spans" not in obj and isinstance(obj.get("label"), list))


def shape(obj: dict[str, Any], line: Line) -> Shaped:
    key = "entities" if "entities" in obj else "label"
    raws = obj.get(key) if obj.get(key) is not None else []
    if not isinstance(raws, list):
        raise line.error(
            f"'{key}' holds {type(raws).__name__}, not a list: doccano writes a list of "
            "[start, end, label] or of {id, label, start_offset, end_offset}"
        )
    spans: list[Any] = []
    index_of_id: dict[int | str, int] = {}
    for i, raw in enumerate(raws):
        if isinstance(raw, list):
            if len(raw) != 3:
                raise line.error(
                    f"item {i} of '{key}' ({raw!r}) is not [start, end, label] as doccano "
                    "writes it"
                )
            spans.append({"start": raw[0], "end": raw[1], "label": raw[2]})
        elif isinstance(raw, dict):
            for field in _ENTITY_KEYS:
                if field not in raw:
                    raise line.error(
                        f"entity {i} has no {field!r} (doccano's '{key}' hold "
                        "{id, label, start_offset, end_offset})"
                    )
            _note_id(raw.get("id"), i, index_of_id, line)
            spans.append(
                {"start": raw["start_offset"], "end": raw["end_offset"], "label": raw["label"]}
            )
        else:
            raise line.error(
                f"item {i} of '{key}' ({raw!r}) is neither [start, end, label] nor "
                "{id, label, start_offset, end_offset}: not doccano's spans"
            )
    relations = _relations(obj.get("relations"), index_of_id, line)
    meta = dict(obj["meta"]) if isinstance(obj.get("meta"), dict) else {}
    meta |= {k: v for k, v in obj.items() if k not in ("text", "meta", key, "relations")}
    return Shaped(spans, relations, meta, frozenset({key, "relations", "meta"}))


def _note_id(ident: Any, index: int, index_of_id: dict[int | str, int], line: Line) -> None:
    if ident is None:
        return
    if isinstance(ident, bool) or not isinstance(ident, int | str):
        raise line.error(f"entity {index}: id {ident!r} is not a number or a string")
    first = index_of_id.get(ident)
    if first is not None:
        raise line.error(f"entity {index}: id {ident} is used twice (also by entity {first})")
    index_of_id[ident] = index


def _relations(raws: Any, index_of_id: dict[int | str, int], line: Line) -> list[Any]:
    if raws is None:
        return []
    if not isinstance(raws, list):
        raise line.error("'relations' must be a list")
    out = []
    for i, raw in enumerate(raws):
        if not isinstance(raw, dict) or not all(k in raw for k in _RELATION_KEYS):
            raise line.error(f"relation {i} needs from_id, to_id and type (doccano's relations)")
        ends = []
        for field in ("from_id", "to_id"):
            ident = raw[field]
            found = index_of_id.get(ident) if isinstance(ident, int | str) else None
            if found is None:
                raise line.error(f"relation {i}: {field} {ident!r} names no entity of this line")
            ends.append(found)
        out.append({"kind": raw["type"], "head": ends[0], "tail": ends[1]})
    return out
