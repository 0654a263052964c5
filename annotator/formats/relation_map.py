"""Relation maps (``--map-relations FILE``): another tool's relation types onto the schema's
link kinds, as ``--map-tags`` does for labels.

Plain text, one mapping a line, ``FOREIGN<TAB>OURS`` (spaces work too); ``#`` starts a comment.
``OURS`` is a link kind of the schema (``speaker``, ``source``), or ``-`` to leave links of that
type out (they are counted in the import report, never dropped silently). A third field
``reverse`` turns the link round: doccano's ``PER -says-> QUOTE`` becomes our ``speaker`` link,
which goes from the quote to the entity.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.schema import Schema

LEAVE_OUT = "-"
REVERSE = "reverse"


@dataclass(frozen=True)
class RelationMapping:
    """Where a foreign relation type goes: ``kind`` None leaves its links out."""

    kind: str | None
    reverse: bool
    line: int


RelationMap = dict[str, RelationMapping]


def load_relation_map(path: Path, schema: Schema) -> RelationMap:
    """FOREIGN -> mapping, each target checked against the schema before any file is read."""
    try:
        content = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the relation map: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(path), "the relation map is not UTF-8") from exc
    mapping: RelationMap = {}
    for number, line in enumerate(content.splitlines(), start=1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if len(fields) not in (2, 3):
            raise InputError(
                str(path), "a mapping is FOREIGN<TAB>OURS, optionally followed by 'reverse'",
                line=number,
            )
        foreign, ours = fields[0], fields[1]
        if len(fields) == 3 and fields[2] != REVERSE:
            raise InputError(
                str(path), f"the third field may only be {REVERSE!r}, not {fields[2]!r}",
                line=number,
            )
        if ours != LEAVE_OUT and schema.relation(ours) is None:
            known = ", ".join(r.name for r in schema.relations) or "none"
            raise InputError(
                str(path),
                f"{ours!r} is not a link kind of the schema ({known}; or {LEAVE_OUT} to leave "
                "these links out)",
                line=number,
            )
        mapping[foreign] = RelationMapping(
            None if ours == LEAVE_OUT else ours, len(fields) == 3, number
        )
    return mapping
