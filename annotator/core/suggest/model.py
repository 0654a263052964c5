"""What a suggestion is: a span an engine proposes, with its confidence and its origin."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import new_uuid

# The layer the engines learn and suggest: entities are short and typed, which both engines
# model; claims and quotes span clauses and are left to the annotator.
SUGGESTED_LAYER = "entity"

GAZETTEER = "gazetteer"
CRF = "crf"
IMPORTED = "imported"

# Suggestions scored below this are hidden unless the View menu lowers the threshold: the
# gazetteer's rarely-tagged words sit below it (on AQMAR they halve precision for 1% recall).
DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed ``[start, end)`` (code points) with ``label``, not an annotation.

    Attributes:
        score: the engine's confidence in [0, 1]; the View menu's threshold hides weak ones.
        engine: ``gazetteer``, ``crf`` or ``imported`` (``import --as-suggestions``).
        model_version: the version of the model that made it (0: none, an imported file).
    """

    start: int
    end: int
    layer: str
    label: str
    score: float
    engine: str
    model_version: int = 0
    uuid: str = field(default_factory=new_uuid)

    def key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.layer, self.label)
