"""``annotator stats --plot FILE.png``: label counts per annotator, agreement per label, and
spans per document, drawn with matplotlib's Agg canvas (no window, no pyplot state).

Arabic names (documents, annotators) go through ``display.plotting.plot_text``, which knows
whether this matplotlib shapes Arabic itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.errors import AnnotatorError
from annotator.core.review import AgreementReport, AnnotatedDocument
from annotator.workspace.workspace import Workspace

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

INSTALL_HINT = (
    "drawing needs matplotlib, an optional part of annotator: "
    "pip install 'annotator[plot]' (or pip install matplotlib)"
)
MAX_DOCUMENTS = 25


def plot(ws: Workspace, data: dict[str, Any], path: str) -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise AnnotatorError(INSTALL_HINT) from exc
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from annotator.display.plotting import font_families

    report = _agreement(ws)
    per_document = _spans_per_document(ws, list(data["labels"]))
    with rc_context({"font.family": font_families()}):
        fig = build_figure(data, report, per_document)
        FigureCanvasAgg(fig)
        try:
            fig.savefig(Path(path), dpi=110)
        except OSError as exc:
            raise AnnotatorError(f"cannot write {path}: {exc.strerror}") from exc


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
) -> Figure:
    """The three panels; ``shapes`` overrides the libraqm detection (for tests)."""
    from matplotlib.figure import Figure

    from annotator.display.plotting import plot_text

    def t(text: str) -> str:
        return plot_text(text, shapes)

    height = 9 + 0.25 * len(per_document)
    fig = Figure(figsize=(11, height), layout="constrained")
    top, middle, bottom = fig.subplots(3, 1, height_ratios=[3, 3, 2 + 0.3 * len(per_document)])
    _label_counts(top, data["labels"], t)
    _agreement_panel(middle, report, t)
    _documents(bottom, per_document, t)
    return fig


def _grouped_bars(
    ax: Axes,
    categories: list[str],
    series: dict[str, list[float]],
    t: Callable[[str], str],
    horizontal: bool,
) -> None:
    width = 0.8 / max(len(series), 1)
    for k, (name, values) in enumerate(series.items()):
        positions = [i + (k - (len(series) - 1) / 2) * width for i in range(len(categories))]
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
        values = series.setdefault(name, [0.0] * len(categories))
        for label, scores in p.per_label.items():
            values[categories.index(f"{p.layer}/{label}")] = scores.overlap.f1 or 0.0
    _grouped_bars(ax, categories, series, t, horizontal=False)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("F1")


def _documents(ax: Axes, per_document: dict[str, dict[str, int]], t: Callable[[str], str]) -> None:
    ax.set_title("Spans per document")
    names = list(per_document)
    annotators = sorted({a for counts in per_document.values() for a in counts})
    series = {a: [float(per_document[d].get(a, 0)) for d in names] for a in annotators}
    _grouped_bars(ax, names, series, t, horizontal=True)
    ax.set_xlabel("spans")
