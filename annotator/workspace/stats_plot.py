"""``annotator stats --plot FILE.png`` and the window's statistics panel: label counts per
annotator, agreement per label, spans per document and each annotator's progress, drawn
with matplotlib (the Agg canvas here, the Qt canvas in the window; no pyplot state).

Arabic names (documents, annotators) go through ``display.plotting.plot_text``, which knows
whether this matplotlib shapes Arabic itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.corpus_agreement import AgreementReport, AnnotatedDocument
from annotator.core.errors import AnnotatorError
from annotator.workspace.workspace import Workspace

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

INSTALL_HINT = (
    "drawing needs matplotlib, an optional part of annotator: "
    "pip install 'annotator[plot]' (or pip install matplotlib)"
)
MAX_DOCUMENTS = 25
NO_DATA = "no data"
PROGRESS_LABELS = {"new": "new", "in_progress": "in progress", "done": "done"}


@dataclass(frozen=True)
class Figures:
    """What the figure draws, read from one workspace."""

    data: dict[str, Any]
    report: AgreementReport | None
    per_document: dict[str, dict[str, int]]
    progress: dict[str, dict[str, int]]


def require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise AnnotatorError(INSTALL_HINT) from exc


def gather(ws: Workspace, data: dict[str, Any] | None = None) -> Figures:
    from annotator.workspace import reports

    data = reports.stats(ws) if data is None else data
    return Figures(data, _agreement(ws), _spans_per_document(ws, list(data["labels"])),
                   progress(ws))


def progress(ws: Workspace) -> dict[str, dict[str, int]]:
    """Documents per status (new, in progress, done) for each annotator."""
    from annotator.core.model import STATUSES

    out: dict[str, dict[str, int]] = {}
    for name in ws.repo.annotators():
        rows = ws.repo.list_documents(name)
        out[name] = {s: sum(1 for d in rows if d.status == s) for s in STATUSES}
    return out


def plot(ws: Workspace, data: dict[str, Any], path: str) -> None:
    require_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = draw(gather(ws, data))
    FigureCanvasAgg(fig)
    try:
        fig.savefig(Path(path), dpi=110)
    except OSError as exc:
        raise AnnotatorError(f"cannot write {path}: {exc.strerror}") from exc


def draw(figures: Figures) -> Figure:
    """The figure of ``figures`` in fonts that have Arabic glyphs (the same for both canvases)."""
    from matplotlib import rc_context

    from annotator.display.plotting import font_families

    with rc_context({"font.family": font_families()}):
        return build_figure(figures.data, figures.report, figures.per_document,
                            progress=figures.progress)


def _agreement(ws: Workspace) -> AgreementReport | None:
    from annotator.workspace.reports import agreement

    try:
        return agreement(ws)
    except AnnotatorError:  # fewer than two annotators: the panel says so
        return None


def _spans_per_document(ws: Workspace, annotators: list[str]) -> dict[str, dict[str, int]]:
    from annotator.storage.annotations import load_documents

    return per_document_counts(load_documents(ws.repo, annotators)[:MAX_DOCUMENTS])


def per_document_counts(docs: Sequence[AnnotatedDocument]) -> dict[str, dict[str, int]]:
    """Spans per annotator of each document, under its name: "name (2)" for a repeated one.

    Documents are told apart by their id (by their place when they have none), so two that
    share a name are two bars, not one.
    """
    counts: dict[int, tuple[str, dict[str, int]]] = {}
    for n, doc in enumerate(docs):
        key = doc.doc_id if doc.doc_id is not None else -1 - n
        counts[key] = (doc.name, {name: len(spans) for name, spans in doc.spans.items()})
    out: dict[str, dict[str, int]] = {}
    for name, per_annotator in counts.values():
        label, k = name, 1
        while label in out:
            k += 1
            label = f"{name} ({k})"
        out[label] = per_annotator
    return out


def build_figure(
    data: dict[str, Any],
    report: AgreementReport | None,
    per_document: dict[str, dict[str, int]],
    shapes: bool | None = None,
    progress: dict[str, dict[str, int]] | None = None,
) -> Figure:
    """The panels (progress only when given); ``shapes`` overrides the libraqm detection."""
    from matplotlib.figure import Figure

    from annotator.display.plotting import plot_text

    def t(text: str) -> str:
        return plot_text(text, shapes)

    ratios = [3.0, 3.0, 2 + 0.3 * len(per_document)]
    if progress is not None:
        ratios.append(1 + 0.3 * len(progress))
    fig = Figure(figsize=(11, 9 + 0.25 * len(per_document) + 0.3 * len(progress or ())),
                 layout="constrained")
    axes = fig.subplots(len(ratios), 1, height_ratios=ratios)
    _label_counts(axes[0], data["labels"], t)
    _agreement_panel(axes[1], report, t)
    _documents(axes[2], per_document, t)
    if progress is not None:
        _progress(axes[3], progress, t)
    return fig


def _grouped_bars(
    ax: Axes,
    categories: list[str],
    series: dict[str, list[float]],
    t: Callable[[str], str],
    horizontal: bool,
) -> dict[str, list[float]]:
    """Bars of each series side by side per category; where each series' bars stand."""
    width = 0.8 / max(len(series), 1)
    where: dict[str, list[float]] = {}
    for k, (name, values) in enumerate(series.items()):
        positions = [i + (k - (len(series) - 1) / 2) * width for i in range(len(categories))]
        where[name] = positions
        if horizontal:
            ax.barh(positions, values, height=width, label=t(name))
        else:
            ax.bar(positions, values, width=width, label=t(name))
    ticks = list(range(len(categories)))
    if horizontal:
        ax.set_yticks(ticks, [t(c) for c in categories])
        ax.invert_yaxis()
    else:
        ax.set_xticks(ticks, [t(c) for c in categories], rotation=30, ha="right")
    if series:
        ax.legend(fontsize="small")
    return where


def _label_counts(ax: Axes, labels: dict[str, dict[str, int]], t: Callable[[str], str]) -> None:
    categories = sorted({key for counts in labels.values() for key in counts})
    series = {
        name: [float(counts.get(c, 0)) for c in categories] for name, counts in labels.items()
    }
    _grouped_bars(ax, categories, series, t, horizontal=False)
    ax.set_title("Spans per label and annotator")
    ax.set_ylabel("spans")


def _agreement_panel(ax: Axes, report: AgreementReport | None, t: Callable[[str], str]) -> None:
    ax.set_title("Agreement per label (span F1, overlap match)")
    pairs = [p for p in report.pairs if p.per_label] if report else []
    if not pairs:
        ax.text(0.5, 0.5, "agreement needs two annotators with spans", ha="center",
                va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return
    categories = sorted({f"{p.layer}/{label}" for p in pairs for label in p.per_label})
    series: dict[str, list[float]] = {}
    for p in pairs:
        name = f"{p.a} × {p.b}"
        # NaN, not 0: a pair with no span of a label has no score, which is not a score of 0
        values = series.setdefault(name, [math.nan] * len(categories))
        for label, scores in p.per_label.items():
            f1 = scores.overlap.f1
            values[categories.index(f"{p.layer}/{label}")] = math.nan if f1 is None else f1
    where = _grouped_bars(ax, categories, series, t, horizontal=False)
    for name, values in series.items():
        for x, value in zip(where[name], values, strict=True):
            if math.isnan(value):
                ax.text(x, 0.02, NO_DATA, rotation=90, ha="center", va="bottom",
                        fontsize="x-small", color="gray")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("F1")


def _documents(ax: Axes, per_document: dict[str, dict[str, int]], t: Callable[[str], str]) -> None:
    ax.set_title("Spans per document")
    names = list(per_document)
    annotators = sorted({a for counts in per_document.values() for a in counts})
    series = {a: [float(per_document[d].get(a, 0)) for d in names] for a in annotators}
    _grouped_bars(ax, names, series, t, horizontal=True)
    ax.set_xlabel("spans")


def _progress(ax: Axes, progress: dict[str, dict[str, int]], t: Callable[[str], str]) -> None:
    ax.set_title("Progress: documents per status and annotator")
    names = list(progress)
    left = [0.0] * len(names)
    for status, label in PROGRESS_LABELS.items():
        counts = [float(progress[n].get(status, 0)) for n in names]
        ax.barh(range(len(names)), counts, left=left, label=label)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.set_yticks(range(len(names)), [t(n) for n in names])
    ax.invert_yaxis()
    ax.set_xlabel("documents")
    if names:
        ax.legend(fontsize="small", ncols=3)
    else:
        ax.text(0.5, 0.5, "no annotator has a document yet", ha="center", va="center",
                transform=ax.transAxes)
