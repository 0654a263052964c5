"""Strict span scores of suggestions against an annotator's spans: same start, end and label."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.suggest.units import Labelled


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Scores) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


def score_spans(gold: Iterable[Labelled], predicted: Iterable[Labelled]) -> dict[str, Scores]:
    """Per label counts; a span counts once however often it is listed."""
    g, p = set(gold), set(predicted)
    out: dict[str, Scores] = {}
    hits = Counter(label for _, _, label in g & p)
    for _, _, label in g | p:
        out.setdefault(label, Scores())
    for label, scores in out.items():
        scores.tp = hits[label]
        scores.fp = sum(1 for s in p - g if s[2] == label)
        scores.fn = sum(1 for s in g - p if s[2] == label)
    return out


def total(per_label: dict[str, Scores]) -> Scores:
    out = Scores()
    for scores in per_label.values():
        out.add(scores)
    return out
