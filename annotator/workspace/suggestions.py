"""Suggestions as a use case: train, apply, show, accept, reject, import, evaluate.

Suggestions are not annotations. They live in their own tables (``storage.suggestions``), so
exports, merges and agreement never see them. Accepting one is an ordinary edit through the
one door (``Workspace.execute``): an :class:`AcceptSuggestion` command adds the annotator's
span with the provenance "suggested by <engine> v<version> and accepted", undoable like any
tag. Rejecting one is a command too (undo forgets the rejection); a rejected suggestion is
never offered again on that text and is a negative example for the next training.

What the engines learn from (:func:`training_documents`): the annotator's documents marked
done, and the finished part of those in progress (up to the end of the sentence holding their
last span). The GUI retrains after :data:`RETRAIN_EVERY` new spans or when a document is
marked done, in a separate process (``annotator suggest train``), so the window never waits.
Between trainings, a span just tagged is echoed at once (:func:`echoes_of`): its other
occurrences in the document are offered, held by the window only, until the next training's
gazetteer offers them from the database.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from annotator.core.commands import AddSpan, Batch, Change, Command, SpanStore
from annotator.core.errors import AnnotatorError, EditError
from annotator.core.model import DONE, IN_PROGRESS, ImportedDocument, Span
from annotator.core.schema import Schema
from annotator.core.suggest import engine as engines
from annotator.core.suggest.echo import KeepsClitic, echoes
from annotator.core.suggest.evaluation import Scores, score_spans, total
from annotator.core.suggest.gazetteer import TrainingDocument
from annotator.core.suggest.model import (
    DEFAULT_THRESHOLD,
    GAZETTEER,
    IMPORTED,
    SUGGESTED_LAYER,
    Suggestion,
)
from annotator.core.text import sentences
from annotator.storage import suggestions as store
from annotator.storage.importing import store_documents
from annotator.storage.repository import Repository
from annotator.workspace.workspace import Workspace

# the GUI retrains after this many new spans of the annotator (tagged or accepted)
RETRAIN_EVERY = 20
# a span is echoed at most at this many occurrences, the nearest: a word that recurs more
# (a frequent word tagged in a large document) is left to the next training's gazetteer
ECHO_LIMIT = 100

__all__ = [
    "DEFAULT_THRESHOLD",
    "ECHO_LIMIT",
    "RETRAIN_EVERY",
    "AcceptSuggestion",
    "RejectSuggestions",
    "TrainReport",
    "accept",
    "accept_all",
    "apply",
    "clitic_habit",
    "echoes_of",
    "evaluate",
    "import_as_suggestions",
    "load",
    "model_version",
    "offered",
    "refused",
    "reject",
    "train",
    "training_documents",
    "visible",
]


# -- the commands through the door ---------------------------------------------------------


def provenance_of(s: Suggestion, annotator: str) -> dict[str, object]:
    return {
        "origin": "suggestion",
        "text": f"suggested by {s.engine} v{s.model_version} and accepted by {annotator}",
        "engine": s.engine,
        "model_version": s.model_version,
        "score": s.score,
        "accepted_by": annotator,
    }


class AcceptSuggestion(AddSpan):
    """Tag a suggestion as the annotator's span, with its provenance; undo removes the span
    (and the suggestion shows again, since it was never deleted)."""

    def __init__(self, doc_id: int, suggestion: Suggestion, annotator: str,
                 attributes: Mapping[str, Any]) -> None:
        span = Span(suggestion.start, suggestion.end, suggestion.layer, suggestion.label,
                    attributes=dict(attributes), annotator=annotator)
        super().__init__(doc_id, span)
        self.suggestion = suggestion
        self.text = f"accept {suggestion.label}"

    def _do(self, store_: SpanStore, schema: Schema) -> Change:
        from annotator.core.commands import validate_span

        validate_span(self.span, store_.document_length(self.doc_id), schema)
        repo = cast(Repository, store_)
        self.span = repo.insert_span(
            self.doc_id, self.span, provenance_of(self.suggestion, self.span.annotator)
        )
        return Change(self.doc_id, added=[self.span])


class RejectSuggestions(Command):
    """Remember that the annotator refused these suggestions; undo forgets it."""

    def __init__(self, doc_id: int, refused: Sequence[Suggestion], annotator: str) -> None:
        self.doc_id = doc_id
        self.refused = list(refused)
        self.annotator = annotator
        self.text = (f"reject {refused[0].label}" if len(refused) == 1
                     else f"reject {len(refused)} suggestions")

    def _do(self, store_: SpanStore, schema: Schema) -> Change:
        for s in self.refused:
            store.reject(cast(Repository, store_), self.doc_id, s.key(), self.annotator)
        return Change(self.doc_id)

    def _undo(self, store_: SpanStore, schema: Schema) -> Change:
        for s in self.refused:
            store.unreject(cast(Repository, store_), self.doc_id, s.key(), self.annotator)
        return Change(self.doc_id)


# -- what the annotator sees -----------------------------------------------------------------


def offered(ws: Workspace, doc_id: int, threshold: float = 0.0,
            rejected: set[tuple[int, int, str, str]] | None = None) -> list[Suggestion]:
    """The document's suggestions scored at least ``threshold``, never a rejected one
    (``rejected``: :func:`refused`, when the caller has read it already)."""
    if rejected is None:
        rejected = refused(ws, doc_id)
    return [s for s in store.suggestions(ws.repo, doc_id)
            if s.score >= threshold and s.key() not in rejected]


def refused(ws: Workspace, doc_id: int) -> set[tuple[int, int, str, str]]:
    """The (start, end, layer, label) the annotator rejected in the document."""
    return store.rejections(ws.repo).get(doc_id, set())


def model_version(ws: Workspace) -> int:
    """The annotator's newest model version; 0 when none was trained yet."""
    return store.next_model_version(ws.repo) - 1


def clitic_habit(ws: Workspace) -> KeepsClitic | None:
    """Whether the annotator's spans take a proclitic, as their newest model learned it (None
    without a model: echoes then leave proclitics out, as our spans are stored)."""
    suggester = load(ws)
    return None if suggester is None else suggester.gazetteer.keeps_clitic


def echoes_of(text: str, span: Span, version: int,
              keeps_clitic: KeepsClitic | None = None) -> list[Suggestion]:
    """A span just tagged, suggested wherever else its text occurs (``core.suggest.echo``),
    at its :data:`ECHO_LIMIT` nearest occurrences: engine ``gazetteer`` (the live gazetteer),
    score 1, the model version they sit beside."""
    return [Suggestion(a, b, span.layer, span.label, 1.0, GAZETTEER, version)
            for a, b in echoes(text, span.start, span.end, keeps_clitic, ECHO_LIMIT)]


def visible(ws: Workspace, doc_id: int, threshold: float = 0.0) -> list[Suggestion]:
    """What the annotator should see: :func:`offered`, except where they already have a span
    of that layer overlapping it (tagged, or accepted)."""
    own: dict[str, list[tuple[int, int]]] = {}
    for span in ws.spans(doc_id):
        own.setdefault(span.layer, []).append((span.start, span.end))
    return [s for s in offered(ws, doc_id, threshold)
            if not any(a < s.end and s.start < b for a, b in own.get(s.layer, ()))]


def _find(ws: Workspace, uuid: str) -> tuple[int, Suggestion]:
    found = store.get_suggestion(ws.repo, uuid)
    if found is None:
        raise EditError("that suggestion is gone (retrained or imported again); nothing changed")
    return found


def accept(ws: Workspace, uuid: str) -> Span:
    """Make the suggestion the annotator's span, through the door (undoable)."""
    doc_id, s = _find(ws, uuid)
    cmd = AcceptSuggestion(doc_id, s, ws.annotator, ws.schema.default_attributes(s.layer))
    return ws.execute(cmd).added[0]


def accept_all(ws: Workspace, uuids: Sequence[str]) -> Change | None:
    """Accept several suggestions of one document as one undo step."""
    found = [_find(ws, u) for u in uuids]
    if not found:
        return None
    doc_id = found[0][0]
    cmds = [AcceptSuggestion(doc_id, s, ws.annotator, ws.schema.default_attributes(s.layer))
            for _, s in found]
    batch = Batch(cmds, f"accept {len(cmds)} suggestions")
    batch.doc_id = doc_id
    return ws.execute(batch)


def reject(ws: Workspace, uuids: Sequence[str]) -> Change | None:
    """Refuse suggestions (one undo step); they are never offered again on that text."""
    found = [_find(ws, u) for u in uuids]
    if not found:
        return None
    return ws.execute(RejectSuggestions(found[0][0], [s for _, s in found], ws.annotator))


# -- training and applying -------------------------------------------------------------------


def training_documents(ws: Workspace) -> list[tuple[int, TrainingDocument]]:
    """The annotator's done documents whole, and the finished part of those in progress."""
    refused = store.rejections(ws.repo)
    out = []
    for row in ws.list_documents():
        if row.status not in (DONE, IN_PROGRESS):
            continue
        spans = [s for s in ws.spans(row.id) if s.layer == SUGGESTED_LAYER]
        text = ws.document_text(row.id)
        if row.status == IN_PROGRESS:
            if not spans:
                continue
            last = max(s.end for s in spans)
            end = next((b for a, b in sentences(text) if b >= last), len(text))
            text = text[:end]
        labelled = [(s.start, s.end, s.label) for s in spans]
        rejected = [(a, b, label) for a, b, layer, label in refused.get(row.id, ())
                    if layer == SUGGESTED_LAYER and b <= len(text)]
        out.append((row.id, TrainingDocument(text, labelled, rejected)))
    return out


@dataclass
class TrainReport:
    version: int
    engine: str
    documents: int
    spans: int
    seconds: float
    applied: dict[int, int] = field(default_factory=dict)  # document id -> suggestions stored


def train(ws: Workspace, *, sequence_model: bool = True) -> TrainReport:
    """Train on the annotator's work and save the model in the database as a new version."""
    docs = [doc for _, doc in training_documents(ws)]
    if not any(doc.spans for doc in docs):
        raise AnnotatorError(
            f"nothing to learn from: {ws.annotator} has no {SUGGESTED_LAYER} span in a "
            "document marked done or in progress"
        )
    began = time.perf_counter()
    version = store.next_model_version(ws.repo)
    suggester = engines.train(docs, sequence_model=sequence_model, version=version)
    seconds = time.perf_counter() - began
    saved = ws.write_in_bulk(
        "save the suggestion model",
        lambda repo: store.save_model(repo, suggester.engine(), suggester.documents,
                                      suggester.spans, suggester.to_bytes()),
    )
    return TrainReport(saved, suggester.engine(), suggester.documents, suggester.spans, seconds)


def load(ws: Workspace) -> engines.Suggester | None:
    """The annotator's newest saved model, or None when none was trained yet."""
    saved = store.latest_model(ws.repo)
    return None if saved is None else engines.Suggester.from_bytes(saved[2])


def apply(ws: Workspace, doc_ids: Sequence[int] | None = None,
          suggester: engines.Suggester | None = None) -> dict[int, int]:
    """Suggest on ``doc_ids`` (default: the annotator's documents not marked done), replacing
    what the engines suggested there before (imported suggestions stay). Document id ->
    suggestions stored."""
    suggester = suggester or load(ws)
    if suggester is None:
        raise AnnotatorError("no suggestion model yet: run `annotator suggest train` first")
    if doc_ids is None:
        doc_ids = [r.id for r in ws.list_documents() if r.status != DONE]
    found = {doc_id: suggester.suggest(ws.document_text(doc_id)) for doc_id in doc_ids}

    def write(repo: Repository) -> dict[int, int]:
        return {
            doc_id: store.replace_suggestions(repo, doc_id, made, engines=_ENGINES)
            for doc_id, made in found.items()
        }

    return ws.write_in_bulk("store suggestions", write)


_ENGINES = ("crf", "gazetteer")


# -- bring your own model --------------------------------------------------------------------


@dataclass
class SuggestionImport:
    documents_added: list[str] = field(default_factory=list)
    documents_matched: list[str] = field(default_factory=list)
    suggestions: int = 0
    relations_left_out: int = 0


def import_as_suggestions(ws: Workspace, docs: Sequence[ImportedDocument],
                          source: str) -> SuggestionImport:
    """Pre-annotations (a model run elsewhere) into the suggestion layer, never as spans.

    Documents are matched by their text's SHA-256 (a new one is added, without spans); each
    span becomes a suggestion of engine ``imported:<source>`` with score 1 (a file gives no
    confidence). A document's earlier suggestions from the same source are replaced. Links
    cannot be suggestions: they are counted and reported, not silently dropped.
    """
    report = SuggestionImport()
    engine = f"{IMPORTED}:{source}"
    for doc in docs:
        for span in doc.spans:
            if not ws.schema.has_label(span.layer, span.label):
                raise EditError(f"{doc.name}: label {span.label!r} is not in layer {span.layer!r}")

    def write(repo: Repository) -> SuggestionImport:
        bare = [ImportedDocument(d.name, d.text, d.meta) for d in docs]
        stored = store_documents(repo, bare)
        report.documents_added = stored.added
        report.documents_matched = stored.already_present
        for doc, doc_id in zip(docs, stored.doc_ids, strict=True):
            made = [Suggestion(s.start, s.end, s.layer, s.label, 1.0, engine)
                    for s in doc.spans]
            report.suggestions += store.replace_suggestions(repo, doc_id, made, engines=[engine])
            report.relations_left_out += len(doc.relations)
        return report

    return ws.write_in_bulk("import suggestions", write)


# -- evaluation --------------------------------------------------------------------------------


@dataclass
class EvalReport:
    documents: int
    folds: int
    per_label: dict[str, Scores]
    overall: Scores
    curve: list[tuple[int, Scores]]  # training documents -> scores on the held-out folds


def _predict(suggester: engines.Suggester, doc: TrainingDocument,
             threshold: float) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in suggester.suggest(doc.text)
            if s.score >= threshold]


def evaluate(ws: Workspace, folds: int = 5, threshold: float = DEFAULT_THRESHOLD,
             seed: int = 13) -> EvalReport:
    """Cross-validation on the annotator's done documents: strict P/R/F1 per label, and a
    learning curve (the same held-out folds, fewer training documents)."""
    docs = [doc for doc_id, doc in training_documents(ws)
            if ws.status(doc_id) == DONE and doc.spans]
    if len(docs) < 2:
        raise AnnotatorError(
            f"cross-validation needs at least 2 documents marked done with {SUGGESTED_LAYER} "
            f"spans; {ws.annotator} has {len(docs)}"
        )
    folds = max(2, min(folds, len(docs)))
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    per_label: dict[str, Scores] = {}
    sizes: list[int] = []
    curve: dict[int, Scores] = {}
    for k in range(folds):
        held = [docs[i] for i in order[k::folds]]
        rest = [docs[i] for i in order if i not in order[k::folds]]
        sizes = sorted({n for n in (1, 2, 5, 11, 22, 50) if n < len(rest)} | {len(rest)})
        for n in sizes:
            suggester = engines.train(rest[:n])
            for doc in held:
                scores = score_spans(doc.spans, _predict(suggester, doc, threshold))
                curve.setdefault(n, Scores()).add(total(scores))
                if n == len(rest):
                    for label, s in scores.items():
                        per_label.setdefault(label, Scores()).add(s)
    return EvalReport(len(docs), folds, per_label, total(per_label),
                      sorted(curve.items()))
