"""The sequence model: a linear-chain CRF (python-crfsuite, the ``suggest`` extra) over units.

Trained locally in seconds on the annotator's spans; its labels are IOB2 tags of units, so a
predicted span may start after a proclitic inside a token. ``pycrfsuite`` is imported only
here, and only when a model is trained or read.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from annotator.core.errors import AnnotatorError
from annotator.core.suggest.features import Features
from annotator.core.suggest.units import OUTSIDE

if TYPE_CHECKING:
    import pycrfsuite

# L-BFGS with elastic-net regularisation; chosen on AQMAR's training articles (benchmarks/
# bench_suggest.py), not on the held-out ones
PARAMS: dict[str, Any] = {
    "c1": 0.1,
    "c2": 0.02,
    # 60 iterations: F1 within 0.01 of 100 on the held-out articles, in half the time
    "max_iterations": 60,
    "feature.possible_transitions": True,
}


def _crfsuite() -> Any:
    try:
        import pycrfsuite
    except ImportError as exc:  # the optional extra is not installed
        raise AnnotatorError(
            "the sequence model needs python-crfsuite: pip install 'annotator[suggest]' "
            "(the gazetteer works without it)"
        ) from exc
    return pycrfsuite


def train(sequences: Sequence[tuple[list[Features], list[str]]]) -> bytes | None:
    """A trained model file's bytes, or None when there is nothing tagged to learn from."""
    if not any(tag != OUTSIDE for _, tags in sequences for tag in tags):
        return None
    crfsuite = _crfsuite()
    trainer = crfsuite.Trainer(verbose=False)
    for features, tags in sequences:
        trainer.append(features, tags)
    trainer.set_params(PARAMS)
    handle, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(handle)
    try:
        trainer.train(path)
        with open(path, "rb") as f:
            return f.read()
    finally:
        os.unlink(path)


class Tagger:
    """A trained model, opened once, tagging sentences."""

    def __init__(self, model: bytes) -> None:
        self._tagger: pycrfsuite.Tagger = _crfsuite().Tagger()
        self._tagger.open_inmemory(model)

    def tag(self, features: list[Features]) -> tuple[list[str], list[float]]:
        """Each unit's tag and the model's marginal probability of it (asked only where the
        tag is not O: only spans are scored)."""
        if not features:
            return [], []
        self._tagger.set(features)
        tags: list[str] = self._tagger.tag()
        marginal = self._tagger.marginal
        return tags, [1.0 if t == OUTSIDE else marginal(t, i) for i, t in enumerate(tags)]
