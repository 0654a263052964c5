"""Reference implementations the agreement tests compare against (sklearn, krippendorff)."""

from __future__ import annotations

import math
import warnings

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

from annotator.core.model import Span
from annotator.core.text import tokenize


def sk_kappa(a: list[str], b: list[str]) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn warns before returning nan for one class
        return float(cohen_kappa_score(a, b))


def kd_alpha(units: list[list[str | None]]) -> float | None:
    """The krippendorff package on the same units; None where it refuses or gives nan."""
    values = sorted({v for u in units for v in u if v is not None})
    code = {v: i for i, v in enumerate(values)}
    data = np.array(
        [[np.nan if v is None else code[v] for v in unit] for unit in units], dtype=float
    ).T  # the package wants coders x units
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = float(
                krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
            )
    except ValueError:
        return None
    return None if math.isnan(result) else result


def same(ours: float | None, ref: float | None) -> bool:
    """Equal to 1e-9, an undefined figure (None) matching the reference's nan or refusal."""
    if ours is None or ref is None or math.isnan(ref):
        return ours is None and (ref is None or math.isnan(ref))
    return abs(ours - ref) < 1e-9


def reference_tags(text: str, spans: list[Span]) -> list[str]:
    """IOB2 written out the slow way: each token looks for the first span touching it."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.label))
    owner: list[int | None] = []
    for start, end in tokenize(text):
        hits = [i for i, s in enumerate(ordered) if s.start < end and start < s.end]
        owner.append(hits[0] if hits else None)
    tags = []
    for i, who in enumerate(owner):
        if who is None:
            tags.append("O")
        else:
            first = owner.index(who) == i
            tags.append(("B-" if first else "I-") + ordered[who].label)
    return tags
