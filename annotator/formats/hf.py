"""A Hugging Face ``datasets`` folder: what ``datasets.load_from_disk`` opens.

One row per sentence, as the Hub's NER sets (conll2003, wikiann) are laid out::

    {"id": "Atom-0", "document": "Atom", "sentence": 0,
     "tokens": ["قال", "ل", "لوكاشينكو", ...], "ner_tags": [0, 0, 1, ...]}

``ner_tags`` is a sequence of ``ClassLabel`` whose names are the tags of the entity labels of
the schema (``O``, ``B-PER``, ``I-PER``, ... in the chosen ``--scheme``), so
``features["ner_tags"].feature.names`` turns the numbers back into tags; another layer or
nesting level adds ``claim_tags``, ``entity2_tags``... Tokens and the report of what was cut,
joined or dropped are the CoNLL export's (:func:`annotator.formats.exporting.tag_document`).

``datasets`` is an optional dependency (``pip install 'annotator[hf]'``): without it the
export is refused before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.formats import tagging
from annotator.formats.exporting import (
    ExportDocument,
    ExportOptions,
    ExportReport,
    Progress,
    column_names,
    tag_document,
)

INSTALL_HINT = (
    "the hf format needs the Hugging Face datasets package: pip install 'annotator[hf]' "
    "(or pip install datasets)"
)


def _datasets() -> Any:
    try:
        import datasets
    except ImportError as exc:
        raise AnnotatorError(INSTALL_HINT) from exc
    return datasets


def tag_names(labels: Sequence[str], scheme: str) -> list[str]:
    """``O`` then each label's tags in the scheme: a one-token and a three-token span show
    which prefixes the scheme writes (B- I- for IOB2; B- I- E- S- for BIOES ...)."""
    probe = [Span(0, 1, "x", "X"), Span(1, 4, "x", "X")]
    tags, _ = tagging.encode_column(probe, [0, 1, 2, 3], [1, 2, 3, 4], scheme)
    order = "BIELSU"
    prefixes = sorted({t[:2] for t in tags if t != "O"}, key=lambda p: order.index(p[0]))
    return ["O", *(p + label for label in labels for p in prefixes)]


def _column_labels(
    layer: str, options: ExportOptions, docs: Sequence[ExportDocument]
) -> list[str]:
    """The schema's labels of the layer, then any the documents carry beyond it."""
    known = [lab.name for lab in options.schema.labels(layer)] if options.schema else []
    found = [s.label for d in docs for s in d.spans if s.layer == layer]
    return list(dict.fromkeys([*known, *found]))


def write_hf(
    docs: Sequence[ExportDocument],
    folder: Path,
    options: ExportOptions,
    report: ExportReport | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Save the dataset into ``folder`` (which must exist and be empty)."""
    datasets = _datasets()  # refused here, before a row is made
    report = report if report is not None else ExportReport()
    names = column_names(options)
    fields = ["ner_tags" if n == "entity" else f"{n}_tags" for n in names]
    layer_of = [layer for layer in options.layers for _ in range(options.nested)]
    label_names = [
        tag_names(_column_labels(layer, options, docs), options.scheme) for layer in layer_of
    ]
    index = [{tag: k for k, tag in enumerate(tags)} for tags in label_names]
    rows: dict[str, list[Any]] = {
        "id": [], "document": [], "sentence": [], "tokens": [], **{f: [] for f in fields}
    }
    for n, doc in enumerate(docs, start=1):
        tagged = tag_document(doc, options, report, join=True)
        words = tagged.words(doc.text)
        for k, (a, b) in enumerate(tagged.tokens.sentence_ranges()):
            rows["id"].append(f"{doc.name}-{k}")
            rows["document"].append(doc.name)
            rows["sentence"].append(k)
            rows["tokens"].append(words[a:b])
            for field, tags, numbers in zip(fields, tagged.columns, index, strict=True):
                rows[field].append([numbers[t] for t in tags[a:b]])
        if progress is not None:
            progress(n, len(docs))
    features = datasets.Features({
        "id": datasets.Value("string"),
        "document": datasets.Value("string"),
        "sentence": datasets.Value("int32"),
        "tokens": datasets.Sequence(datasets.Value("string")),
        **{
            field: datasets.Sequence(datasets.ClassLabel(names=tags))
            for field, tags in zip(fields, label_names, strict=True)
        },
    })
    dataset = datasets.Dataset.from_dict(rows, features=features)
    dataset.save_to_disk(str(folder))
    return report
