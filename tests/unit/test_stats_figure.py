"""The statistics figure: a pair that has no span of a label shows "no data", not a zero bar;
the progress panel counts each annotator's documents by status."""

from __future__ import annotations

import math

from matplotlib.patches import Rectangle
from matplotlib.text import Text

from annotator.core.corpus_agreement import AnnotatedDocument, agreement_report
from annotator.core.model import Span
from annotator.workspace.stats_plot import build_figure

TEXT = "قالَ الرئيـــس في القاهرة ٢٠٢٤"


def _report() -> object:
    doc = AnnotatedDocument("تقرير", TEXT, {
        "ليلى": [Span(5, 14, "entity", "PER", annotator="ليلى")],
        "omar": [Span(5, 14, "entity", "PER", annotator="omar")],
        # sami drew a place and no person: LOC exists only in the pairs with sami
        "sami": [Span(18, 25, "entity", "LOC", annotator="sami")],
    })
    return agreement_report([doc], ["ليلى", "omar", "sami"], ["entity"])


def _agreement_axes(progress: dict[str, dict[str, int]] | None = None) -> object:
    data = {"labels": {"ليلى": {"entity/PER": 1}, "omar": {"entity/PER": 1},
                       "sami": {"entity/LOC": 1}}}
    fig = build_figure(data, _report(), {"تقرير": {"ليلى": 1}}, shapes=True, progress=progress)
    return fig, next(ax for ax in fig.axes if ax.get_title().startswith("Agreement"))


def test_a_label_a_pair_never_drew_is_no_data_not_a_zero_bar() -> None:
    _fig, ax = _agreement_axes()
    heights = [p.get_height() for p in ax.patches if isinstance(p, Rectangle)]
    # ليلى × omar: PER 1.0, LOC no data; ليلى × sami and omar × sami: PER 0, LOC 0 (a real
    # disagreement: one drew it, the other did not)
    assert sorted(h for h in heights if not math.isnan(h)) == [0.0, 0.0, 0.0, 0.0, 1.0]
    assert sum(1 for h in heights if math.isnan(h)) == 1
    labels = [t.get_text() for t in ax.findobj(Text)]
    assert labels.count("no data") == 1


def test_progress_panel_counts_documents_by_status_per_annotator() -> None:
    progress = {"ليلى": {"new": 2, "in_progress": 1, "done": 3}, "omar": {"new": 6}}
    fig, _ax = _agreement_axes(progress)
    ax = next(a for a in fig.axes if a.get_title().startswith("Progress"))
    heights = sorted(p.get_width() for p in ax.patches if isinstance(p, Rectangle))
    assert heights == [0.0, 0.0, 1.0, 2.0, 3.0, 6.0]
    texts = [t.get_text() for t in ax.findobj(Text)]
    assert "ليلى" in texts and "done" in texts and "in progress" in texts


def test_plots_fall_back_to_the_bundled_arabic_font(monkeypatch) -> None:
    from matplotlib import font_manager

    from annotator.display import plotting

    # a machine whose matplotlib knows only its own DejaVu faces
    only_dejavu = [f for f in font_manager.fontManager.ttflist if f.name.startswith("DejaVu")]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", only_dejavu)
    families = plotting.font_families()
    assert families == ["DejaVu Sans", "Noto Sans Arabic"]
