"""A trained suggester: the gazetteer and the sequence model together, saved as bytes.

Training takes the annotator's documents (text, spans, rejected suggestions); suggesting takes
a text. The sequence model reads the gazetteer's matches as a feature; in training each
document sees the gazetteer of the *other* documents, or the model would learn to trust a
gazetteer that always knows the answer. Where the sequence model proposes nothing, the
gazetteer's own matches are offered.

The saved form is JSON (the CRF model base64-encoded inside): a database merged from a
colleague may carry a model, and unpickling it would run their code.
"""

from __future__ import annotations

import base64
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.errors import AnnotatorError
from annotator.core.suggest import crf
from annotator.core.suggest.features import sentence_features
from annotator.core.suggest.gazetteer import Gazetteer, TrainingDocument
from annotator.core.suggest.model import CRF, GAZETTEER, SUGGESTED_LAYER, Suggestion
from annotator.core.suggest.units import OUTSIDE, Unit, bio_tags, sentence_units, spans_of_tags

FORMAT = 1


@dataclass
class Suggester:
    gazetteer: Gazetteer
    model: bytes | None  # the CRF's model file; None: gazetteer only
    version: int = 0
    documents: int = 0
    spans: int = 0

    def engine(self) -> str:
        return f"{CRF}+{GAZETTEER}" if self.model is not None else GAZETTEER

    # -- suggesting ------------------------------------------------------------------------

    def suggest(self, text: str) -> list[Suggestion]:
        tagger = crf.Tagger(self.model) if self.model is not None else None
        out: list[Suggestion] = []
        for units in sentence_units(text):
            out += self.suggest_units(units, tagger)
        return out

    def suggest_units(self, units: Sequence[Unit], tagger: crf.Tagger | None) -> list[Suggestion]:
        found = self.gazetteer.suggest(units)
        out: list[Suggestion] = []
        taken = [False] * len(units)
        if tagger is not None:
            tags, probs = tagger.tag(sentence_features(units, gazetteer_tags(units, found)))
            for start, end, label, first, last in spans_of_tags(units, tags):
                score = sum(probs[first : last + 1]) / (last - first + 1)
                out.append(self._made(start, end, label, score, CRF))
                taken[first : last + 1] = [True] * (last - first + 1)
        for start, end, label, score, first, last in found:
            if not any(taken[first : last + 1]):
                out.append(self._made(start, end, label, score, GAZETTEER))
        return out

    def _made(self, start: int, end: int, label: str, score: float, engine: str) -> Suggestion:
        return Suggestion(start, end, SUGGESTED_LAYER, label, round(score, 4), engine,
                          self.version)

    # -- saving ----------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        g = self.gazetteer
        data = {
            "format": FORMAT,
            "version": self.version,
            "documents": self.documents,
            "spans": self.spans,
            "words": [[list(k), dict(c)] for k, c in g.words.items()],
            "stems": [[list(k), dict(c)] for k, c in g.stems.items()],
            "seen": [[kind, list(k), n] for (kind, k), n in g.seen.items()],
            "clitic_kept": dict(g.clitic_kept),
            "clitic_left": dict(g.clitic_left),
            "crf": base64.b64encode(self.model).decode("ascii") if self.model else None,
        }
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> Suggester:
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
            g = Gazetteer()
            g.words = defaultdict(Counter, {tuple(k): Counter(c) for k, c in data["words"]})
            g.stems = defaultdict(Counter, {tuple(k): Counter(c) for k, c in data["stems"]})
            g.seen = Counter({(kind, tuple(k)): int(n) for kind, k, n in data["seen"]})
            g.clitic_kept = Counter(data["clitic_kept"])
            g.clitic_left = Counter(data["clitic_left"])
            model = base64.b64decode(data["crf"]) if data["crf"] else None
            return cls(g, model, int(data["version"]), int(data["documents"]),
                       int(data["spans"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise AnnotatorError(f"the saved suggestion model cannot be read: {exc}; "
                                 "train it again (annotator suggest train)") from exc


def gazetteer_tags(
    units: Sequence[Unit], found: Sequence[tuple[int, int, str, float, int, int]]
) -> list[str]:
    tags = [OUTSIDE] * len(units)
    for _, _, label, _, first, last in found:
        tags[first] = f"B-{label}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{label}"
    return tags


def train(docs: Sequence[TrainingDocument], *, sequence_model: bool = True,
          version: int = 0) -> Suggester:
    """Train on ``docs``; with ``sequence_model`` False, the gazetteer alone (no crfsuite)."""
    gazetteer = Gazetteer.build(docs)
    spans = sum(len(d.spans) for d in docs)
    if spans == 0:
        raise AnnotatorError("nothing to learn from: no entity span in the documents given")
    model = None
    if sequence_model:
        sequences = []
        for doc in docs:
            own = Gazetteer()
            own.add_spans(doc)
            others = _without(gazetteer, own)
            # a rejected suggestion is tagged O like every untagged unit: a negative example
            for units in doc.sentence_units():
                tags, _ = bio_tags(units, doc.spans)
                found = others.suggest(units)
                sequences.append((sentence_features(units, gazetteer_tags(units, found)), tags))
        model = crf.train(sequences)
    return Suggester(gazetteer, model, version, len(docs), spans)


def _without(full: Gazetteer, own: Gazetteer) -> Gazetteer:
    """The gazetteer as the other documents alone would have built it (entries only)."""
    out = Gazetteer(clitic_kept=full.clitic_kept - own.clitic_kept,
                    clitic_left=full.clitic_left - own.clitic_left)
    for mine, theirs, kept in ((full.words, own.words, out.words),
                               (full.stems, own.stems, out.stems)):
        for key, counts in mine.items():
            left = counts - theirs.get(key, Counter())
            if left:
                kept[key] = left
    out.seen = full.seen
    return out
