"""Suggestion figures (issue 13) on AQMAR: training time, apply speed, held-out and in-document
F1, the learning curve, the actions an annotator saves, and tag latency while training runs.

The split is fixed here (22 articles to train, 6 held out); the corpus is read with
``READERS["conll"]`` and ``resources/tagmaps/aqmar.map``, as ``annotator import`` reads it.
Scores are strict: same start, end and label. The threshold is the window's default.

    python benchmarks/bench_suggest.py [AQMAR_FOLDER]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import ROOT, SHARED, emit

from annotator.core.model import Span
from annotator.core.schema import load_schema
from annotator.core.suggest import engine
from annotator.core.suggest.echo import KeepsClitic
from annotator.core.suggest.evaluation import Scores, score_spans, total
from annotator.core.suggest.gazetteer import TrainingDocument
from annotator.core.suggest.model import DEFAULT_THRESHOLD
from annotator.core.text import sentences, tokenize
from annotator.formats.registry import READERS, ReadOptions
from annotator.workspace import suggestions

HELD_OUT = ["Atom", "Damascus", "Internet", "Nuclear_Power", "Razi", "Summer_Olympics2004"]
TRAIN = [
    "Christiano_Ronaldo", "Computer", "Computer_Software", "Crusades", "Enrico_Fermi",
    "Football", "Ibn_Tolun_Mosque", "Imam_Hussein_Shrine", "Islamic_Golden_Age",
    "Islamic_History", "Light", "Linux", "Periodic_Table", "Physics",
    "Portugal_football_team", "Raul_Gonzales", "Real_Madrid", "Richard_Stallman",
    "Soccer_Worldcup", "Solaris", "Ummaya_Mosque", "X_window_system",
]
# the learning curve and the oracle replay train on the first N of this order (seeded once,
# written out so the figures do not depend on a random generator's version)
CURVE_ORDER = [
    "Real_Madrid", "Islamic_History", "Computer", "Crusades", "Linux", "Physics",
    "Enrico_Fermi", "Soccer_Worldcup", "Ummaya_Mosque", "Solaris", "Light",
    "Christiano_Ronaldo", "Periodic_Table", "Football", "Imam_Hussein_Shrine",
    "Richard_Stallman", "Computer_Software", "Islamic_Golden_Age", "Raul_Gonzales",
    "X_window_system", "Ibn_Tolun_Mosque", "Portugal_football_team",
]
CURVE = (2, 5, 11, 22)
ORACLE_TRAIN = 10


def read(folder: Path) -> dict[str, TrainingDocument]:
    options = ReadOptions(map_tags=ROOT / "resources" / "tagmaps" / "aqmar.map")
    schema = load_schema()
    docs = {}
    for name in TRAIN + HELD_OUT:
        (doc,) = READERS["conll"](folder / f"{name}.txt", schema, options)
        docs[name] = TrainingDocument(doc.text, [(s.start, s.end, s.label) for s in doc.spans])
    return docs


def predict(suggester: engine.Suggester, text: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in suggester.suggest(text)
            if s.score >= DEFAULT_THRESHOLD]


def heldout_scores(suggester: engine.Suggester, docs: list[TrainingDocument]) -> Scores:
    out = Scores()
    for doc in docs:
        out.add(total(score_spans(doc.spans, predict(suggester, doc.text))))
    return out


def halves(doc: TrainingDocument) -> tuple[TrainingDocument, list[tuple[int, int, str]], int]:
    """The first half of an article (whole sentences) to learn from, the spans of the rest,
    and where the rest starts."""
    cut = next((b for _, b in sentences(doc.text) if b >= len(doc.text) // 2), len(doc.text))
    first = TrainingDocument(doc.text[:cut], [s for s in doc.spans if s[1] <= cut])
    return first, [s for s in doc.spans if s[0] >= cut], cut


def oracle_actions(suggester: engine.Suggester, docs: list[TrainingDocument]) -> tuple[int, int]:
    """Actions to annotate ``docs`` exactly, with the window's suggestions, and the entity count.

    The replay does what the window offers, sentence by sentence in reading order: an entity
    no suggestion gives exactly is selected and labelled (2 actions), which hides the
    suggestions it overlaps; then the sentence's suggestions left are accepted or rejected, all
    at once (Accept / Reject all in the sentence, 1 action) when they are all right or all
    wrong, else the fewer kind one by one and the rest all at once. Every span tagged or
    accepted is echoed at once (``workspace.suggestions.echoes_of``, with the model's proclitic
    habit, as the window does). The model is not retrained on the way (the window retrains
    every 20 spans and at each document marked done), so the figure understates what the
    window saves.
    """
    actions = entities = 0
    for doc in docs:
        actions += _replay(doc, predict(suggester, doc.text), suggester.gazetteer.keeps_clitic)
        entities += len(doc.spans)
    return actions, entities


def _replay(doc: TrainingDocument, suggested: list[tuple[int, int, str]],
            keeps: KeepsClitic) -> int:
    """The actions :func:`oracle_actions` counts in one document."""
    shown = {(s[0], s[1]): s for s in suggested}
    tagged: list[tuple[int, int, str]] = []

    def take(span: tuple[int, int, str]) -> None:
        for key in [k for k in shown if k[0] < span[1] and span[0] < k[1]]:
            del shown[key]
        tagged.append(span)
        for e in suggestions.echoes_of(doc.text, Span(span[0], span[1], "entity", span[2]),
                                       0, keeps):
            if any(e.start < t[1] and t[0] < e.end for t in tagged):
                continue
            for key in [k for k in shown if k[0] < e.end and e.start < k[1]]:
                del shown[key]  # an echo takes the place of what it overlaps
            shown[e.start, e.end] = (e.start, e.end, e.label)

    actions = 0
    gold = sorted(doc.spans)
    for a, b in sentences(doc.text):
        here = [g for g in gold if a <= g[0] < b]
        for g in here:
            if shown.get((g[0], g[1])) != g:
                actions += 2
                take(g)
        left = [s for k, s in shown.items() if a <= k[0] < b]
        right = [s for s in left if s in here]
        wrong = [s for s in left if s not in here]
        if right and wrong:
            actions += min(len(right), len(wrong)) + 1
        elif left:
            actions += 1
        for s in wrong:
            del shown[s[0], s[1]]
        for s in right:
            take(s)
    return actions


def tag_latency_while_training(
    docs: dict[str, TrainingDocument], tmp: Path
) -> tuple[list[float], list[float]]:
    """Key press -> tag painted, in the window: with nothing else running, then while
    ``annotator suggest train`` runs in its own process on the 22 training articles."""
    from bench_gui import PaintWatch, wait_echoed, wait_painted
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from annotator.core.model import DONE, ImportedDocument, Span
    from annotator.ui.app import make_application
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings
    from annotator.workspace import Workspace
    from annotator.workspace.importing import store

    db = tmp / "suggest.sqlite3"
    ws = Workspace.open(str(db), "bench")
    imported = [ImportedDocument(name, docs[name].text, spans=[
        Span(s, e, "entity", label) for s, e, label in docs[name].spans
    ], status=DONE) for name in TRAIN]
    opened = docs[HELD_OUT[1]]  # Damascus: the held-out article with the most entities
    imported.append(ImportedDocument("held_out", opened.text))
    ids = store(ws, imported).doc_ids
    app = make_application()
    window = MainWindow(ws, Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)))
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.open_document(ids[-1])
    watch = PaintWatch()
    window.view.viewport().installEventFilter(watch)
    trainer = window.suggestion_actions.trainer
    text = window.controller.text
    # what an annotator tags: the article's entities in reading order (each then echoed at its
    # other occurrences), then its other words (a selection of punctuation alone is refused)
    entities = sorted((s, e) for s, e, _ in opened.spans)
    words = [(s, e) for s, e in tokenize(text) if any(c.isalpha() for c in text[s:e])
             and not any(a < e and s < b for a, b in entities)]
    free = iter(entities + words)
    view = window.view
    view.setFocus()

    def tag_one() -> float:
        start, end = next(free)
        view.select(start, end)
        app.processEvents()
        before = watch.painted
        t0 = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_1)
        wait_painted(app, watch, before)
        took = (time.perf_counter() - t0) * 1000
        # what the tag leaves for after its paint (its echoes) is done before the next key,
        # as at any human pace
        wait_echoed(app, window)
        QTest.qWait(20)  # an annotator's pace, faster than any human
        return took

    trainer.new_spans = -10**6  # no automatic training while the baseline is measured
    alone = [tag_one() for _ in range(100)]
    assert trainer.start()
    trainer.new_spans = -10**6  # one training measured: none started again by these tags
    training: list[float] = []
    while trainer.running() and len(training) < 2000:
        training.append(tag_one())
    while trainer.running():
        app.processEvents()
    window.close()
    ws.close()
    return alone, training


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED / "data" / "aqmar"
    docs = read(folder)
    train = [docs[n] for n in TRAIN]
    held = [docs[n] for n in HELD_OUT]

    t0 = time.perf_counter()
    suggester = engine.train(train)
    emit("suggest.train_s", time.perf_counter() - t0, "s")

    tokens = sum(len(tokenize(d.text)) for d in held)
    t0 = time.perf_counter()
    for doc in held:
        suggester.suggest(doc.text)
    emit("suggest.apply_ms_per_1k_tokens", (time.perf_counter() - t0) * 1000 / tokens * 1000,
         "ms")

    scores = heldout_scores(suggester, held)
    emit("suggest.precision_aqmar_heldout", scores.precision, "ratio")
    emit("suggest.recall_aqmar_heldout", scores.recall, "ratio")
    emit("suggest.f1_aqmar_heldout", scores.f1, "F1")

    firsts, rest = [], Scores()
    for doc in held:
        first, _, _ = halves(doc)
        firsts.append(first)
    t0 = time.perf_counter()
    in_doc = engine.train(train + firsts)
    emit("suggest.train_in_document_s", time.perf_counter() - t0, "s")
    for doc in held:
        _, later, cut = halves(doc)
        predicted = [s for s in predict(in_doc, doc.text) if s[0] >= cut]
        rest.add(total(score_spans(later, predicted)))
    emit("suggest.precision_in_document", rest.precision, "ratio")
    emit("suggest.recall_in_document", rest.recall, "ratio")
    emit("suggest.f1_in_document", rest.f1, "F1")

    for n in CURVE:
        # all 22 are the articles of the suggester trained above (in the split's order: the
        # two orders scored the same F1 in every earlier run)
        curve = suggester if n == len(TRAIN) else engine.train(
            [docs[name] for name in CURVE_ORDER[:n]])
        emit(f"suggest.f1_heldout_train_{n}_articles", heldout_scores(curve, held).f1, "F1")

    gazetteer_only = engine.train(train, sequence_model=False)
    g = heldout_scores(gazetteer_only, held)
    emit("suggest.f1_aqmar_heldout_gazetteer_only", g.f1, "F1")

    oracle = engine.train([docs[name] for name in CURVE_ORDER[:ORACLE_TRAIN]])
    actions, entities = oracle_actions(oracle, held)
    emit("suggest.actions_per_entity", actions / entities, "actions")
    emit("suggest.actions_per_entity_without", 2.0, "actions")
    emit("suggest.actions_saved_factor", 2.0 * entities / actions, "x")

    alone, training = tag_latency_while_training(
        docs, Path(tempfile.mkdtemp(prefix="bench_sg_"))
    )
    for name, latencies in (("no_training", alone), ("while_training", training)):
        latencies.sort()
        emit(f"suggest.tag_latency_{name}_median_ms", statistics.median(latencies), "ms")
        emit(f"suggest.tag_latency_{name}_p99_ms",
             latencies[max(0, int(len(latencies) * 0.99) - 1)], "ms")
    emit("suggest.tags_while_training", len(training), "tags")


if __name__ == "__main__":
    main()
