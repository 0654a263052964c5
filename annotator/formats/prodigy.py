"""Prodigy's JSONL (``prodigy db-out``), put into our line shape (``jsonl_spans``).

A task is ``{"text", "meta"?, "tokens": [{"text", "start", "end", "id", "ws"}], "spans":
[{"start", "end", "token_start", "token_end", "label"}], "relations": [{"head", "child",
"head_span", "child_span", "label"}], "answer", "_input_hash", "_task_hash", "_view_id",
"_session_id", "_annotator_id"?, ...}``. ``token_end`` is inclusive. Relation ends ``head`` and
``child`` are token indices (the last token of a span, in ``rel.manual``); ``head_span`` and
``child_span`` name the spans themselves and are used first.

Only ``"answer": "accept"`` (or no answer: a task not yet annotated) is read: a rejected task
says its spans are wrong, an ignored one says nothing. The skipped ones are counted.
"""

from __future__ import annotations

from typing import Any

from annotator.formats.jsonl_spans import Line, Shaped, integer

ANSWERS = ("accept", "reject", "ignore")
# keys only Prodigy writes: a line with one of them is a Prodigy task
_MARKS = ("answer", "tokens", "_input_hash", "_task_hash", "_view_id", "_session_id")
# who annotated, in Prodigy's words: kept in the document's meta
_KEPT = ("_annotator_id", "_session_id")


def is_prodigy(obj: dict[str, Any]) -> bool:
    return any(k in obj for k in _MARKS)


def skipped_answer(obj: dict[str, Any], line: Line) -> str | None:
    """``reject`` or ``ignore`` when the task is not to be read; None for an accepted one."""
    answer = obj.get("answer", "accept")
    if answer not in ANSWERS:
        raise line.error(f"'answer' is {answer!r} (Prodigy writes accept, reject or ignore)")
    return None if answer == "accept" else str(answer)


def shape(obj: dict[str, Any], line: Line) -> Shaped:
    tokens = _tokens(obj.get("tokens"), line)
    raws = obj.get("spans") or []
    if not isinstance(raws, list):
        raise line.error("'spans' must be a list")
    spans = [_span(raw, f"span {i}", tokens, line) for i, raw in enumerate(raws)]
    raw_relations = obj.get("relations") or []
    if not isinstance(raw_relations, list):
        raise line.error("'relations' must be a list")
    relations = [
        _relation(raw, i, spans, tokens, obj["text"], line) for i, raw in enumerate(raw_relations)
    ]
    meta = dict(obj["meta"]) if isinstance(obj.get("meta"), dict) else {}
    meta |= {k: obj[k] for k in _KEPT if k in obj}
    return Shaped(spans, relations, meta, frozenset({"spans", "relations", "tokens", "meta"}))


def _tokens(raws: Any, line: Line) -> list[tuple[int, int]]:
    if raws is None:
        return []
    if not isinstance(raws, list):
        raise line.error("'tokens' must be a list")
    out = []
    for i, raw in enumerate(raws):
        if not isinstance(raw, dict) or "start" not in raw or "end" not in raw:
            raise line.error(f"token {i} needs start and end")
        out.append(
            (integer(raw["start"], f"token {i} start", line),
             integer(raw["end"], f"token {i} end", line))
        )
    return out


def _token(index: Any, what: str, tokens: list[tuple[int, int]], line: Line) -> tuple[int, int]:
    i = integer(index, what, line)
    if not 0 <= i < len(tokens):
        raise line.error(f"{what}: no token {i} (the line has {len(tokens)} tokens)")
    return tokens[i]


def _span(raw: Any, what: str, tokens: list[tuple[int, int]], line: Line) -> Any:
    if not isinstance(raw, dict):
        return raw  # refused, in our words, by jsonl_spans.read_span
    out = {k: raw[k] for k in ("start", "end", "label", "text", "layer") if k in raw}
    if "token_start" not in raw and "token_end" not in raw:
        return out
    first = _token(raw.get("token_start"), f"{what} token_start", tokens, line)
    last = _token(raw.get("token_end"), f"{what} token_end", tokens, line)
    if last[1] <= first[0]:
        raise line.error(f"{what}: token_end comes before token_start")
    by_tokens = (first[0], last[1])
    if "start" in raw and "end" in raw and (raw["start"], raw["end"]) != by_tokens:
        raise line.error(
            f"{what}: characters [{raw['start']}, {raw['end']}) are not its tokens "
            f"{raw['token_start']}..{raw['token_end']} [{by_tokens[0]}, {by_tokens[1]})"
        )
    return out | {"start": by_tokens[0], "end": by_tokens[1]}


def _relation(
    raw: Any, index: int, spans: list[Any], tokens: list[tuple[int, int]], text: str, line: Line
) -> dict[str, Any]:
    if not isinstance(raw, dict) or not {"head", "child"} <= raw.keys():
        raise line.error(f"relation {index} needs head and child (token indices)")
    ends = [
        _end(raw, key, index, spans, tokens, text, line) for key in ("head", "child")
    ]
    return {"kind": raw.get("label"), "head": ends[0], "tail": ends[1]}


def _end(
    raw: dict[str, Any], key: str, index: int, spans: list[Any], tokens: list[tuple[int, int]],
    text: str, line: Line,
) -> int:
    """The index in ``spans`` of a relation end: its ``head_span``/``child_span``, else the
    labelled span holding its token (the innermost one ending there, as ``rel.manual`` points
    at a span's last token)."""
    ranges = [
        (s.get("start"), s.get("end")) if isinstance(s, dict) else (None, None) for s in spans
    ]
    named = raw.get(f"{key}_span")
    if isinstance(named, dict):
        wanted = _span(named, f"relation {index}: {key}_span", tokens, line)
        at = (wanted.get("start"), wanted.get("end"))
        if at in ranges:
            return ranges.index(at)
    start, end = _token(raw[key], f"relation {index}: {key} token", tokens, line)
    holding = [
        j for j, (s, e) in enumerate(ranges)
        if isinstance(s, int) and isinstance(e, int) and s <= start and end <= e
    ]
    if not holding:
        raise line.error(
            f"relation {index}: {key} token {raw[key]} {text[start:end]!r} is in no span "
            "(a link joins two labelled spans)"
        )
    ending_there = [j for j in holding if ranges[j][1] == end] or holding
    return min(ending_there, key=lambda j: ranges[j][1] - ranges[j][0])  # type: ignore[operator]
