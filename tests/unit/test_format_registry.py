"""The registry's word on each format is what its writer does: what it says a format cannot
hold is exactly what the writer reports as left out, never dropped silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.model import Relation, Span
from annotator.formats.exporting import ExportDocument, ExportOptions
from annotator.formats.registry import EXTENSIONS, FORMATS, WRITE_FORMATS, format_of
from annotator.workspace.exporting import write_export

TEXT = "قال بوتين «موسكو آمنة» ثم غادر"
PER = Span(4, 9, "entity", "PER")
QUOTE = Span(10, 22, "quote", "QUOTE", attributes={"direct": "indirect"})
LINK = Relation("speaker", QUOTE.uuid, PER.uuid)


@pytest.mark.parametrize("fmt", WRITE_FORMATS)
def test_what_a_format_cannot_hold_is_reported(fmt: str, tmp_path: Path) -> None:
    doc = ExportDocument("d", TEXT, "sha", [PER, QUOTE], [LINK])
    options = ExportOptions(layers=("entity", "quote"))
    output = tmp_path / ("out" if FORMATS[fmt].writes_folder else f"out.{fmt}")
    report, _ = write_export(fmt, [doc], output, options)
    holds = FORMATS[fmt].holds
    assert bool(report.links_dropped) == ("links" not in holds)
    assert bool(report.attributes_dropped) == ("attributes" not in holds)


def test_every_extension_names_a_format_that_reads() -> None:
    assert all(FORMATS[name].reader is not None for name in EXTENSIONS.values())
    assert format_of(Path("a/B.CoNLL")) == "conll"
    with pytest.raises(InputError, match=r"x\.docx: cannot tell the format .* give --format"):
        format_of(Path("x.docx"))


def test_tag_formats_export_entities_unless_asked() -> None:
    layers = ("entity", "claim", "quote")
    assert {n: f.default_layers(layers) for n, f in FORMATS.items() if f.stream_writer
            or f.folder_writer} == {
        "jsonl": layers, "conll": ("entity",), "conllu": ("entity",), "brat": layers,
        "label-studio": layers, "label-studio-min": layers,
        "webanno": layers, "hf": ("entity",),
    }
