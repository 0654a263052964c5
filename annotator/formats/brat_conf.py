"""brat's project configuration, written beside an exported collection.

brat's server refuses to show a type its ``annotation.conf`` does not declare, and its
``verify_annotations.py`` reports each one; so an export carries both files (formats from brat's
configuration documentation, "annotation.conf" and "visual.conf"):

* ``annotation.conf``: each label as an entity type; each link kind as a relation whose
  ``Arg1`` is a label of the head layer and ``Arg2`` one of the tail layer (``speaker
  Arg1:QUOTE, Arg2:PER|ORG|...``); each attribute with its values (``direct Arg:QUOTE,
  Value:direct|indirect``); and ``<OVERLAP>`` with ``<ANY>``, since our spans nest and cross
  (an entity inside a quote) where brat's default forbids it.
* ``visual.conf``: each label's long name (its description) and its schema colour.

Labels, link kinds and attribute values the documents carry beyond the schema (a colleague's)
are declared too, so every line of every ``.ann`` is accepted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.core.schema import Schema
from annotator.formats import brat
from annotator.formats.exporting import ExportDocument, ExportOptions, ExportReport, Progress


def _declared(
    schema: Schema | None, docs: Sequence[ExportDocument]
) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]], dict[str, dict[str, list[str]]]]:
    """Labels (-> layer), link kinds (-> head and tail layers), attributes (-> layer ->
    values), from the schema first, then from the documents."""
    labels: dict[str, str] = {}
    kinds: dict[str, list[tuple[str, str]]] = {}
    attributes: dict[str, dict[str, list[str]]] = {}
    if schema is not None:
        for label in schema.labels():
            labels.setdefault(label.name, label.layer)
        for rel in schema.relations:
            kinds.setdefault(rel.name, []).append((rel.from_layer, rel.to_layer))
        for layer in schema.layers:
            for attr in layer.attributes:
                attributes.setdefault(attr.name, {})[layer.name] = list(attr.values)
    for doc in docs:
        layer_of = {}
        for span in doc.spans:
            labels.setdefault(span.label, span.layer)
            layer_of[span.uuid] = span.layer
            for name, value in span.attributes.items():
                shown = brat.attribute_value(value)
                if shown is None:
                    continue
                values = attributes.setdefault(name, {}).setdefault(span.layer, [])
                if shown not in values:
                    values.append(shown)
        for link in doc.relations:
            ends = (layer_of.get(link.head, ""), layer_of.get(link.tail, ""))
            if "" not in ends and ends not in kinds.setdefault(link.kind, []):
                kinds[link.kind].append(ends)
    return labels, kinds, attributes


def annotation_conf(schema: Schema | None, docs: Sequence[ExportDocument]) -> str:
    labels, kinds, attributes = _declared(schema, docs)

    def of_layer(layer: str) -> list[str]:
        return [name for name, lay in labels.items() if lay == layer]

    lines = ["# written by annotator: the schema's labels, links and attributes", "",
             "[entities]", "", *labels, "", "[relations]", ""]
    for kind, pairs in kinds.items():
        for head, tail in pairs:
            if of_layer(head) and of_layer(tail):
                lines.append(
                    f"{kind}\tArg1:{'|'.join(of_layer(head))}, Arg2:{'|'.join(of_layer(tail))}"
                )
    # spans of every type may nest, cross and coincide (an entity inside a quote)
    lines += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", "",
              "[attributes]", ""]
    for name, by_layer in attributes.items():
        targets = [label for layer in by_layer for label in of_layer(layer)]
        values = list(dict.fromkeys(v for vs in by_layer.values() for v in vs))
        if targets:
            lines.append(f"{name}\tArg:{'|'.join(targets)}, Value:{'|'.join(values)}")
    return "\n".join(lines) + "\n"


def visual_conf(schema: Schema | None, docs: Sequence[ExportDocument]) -> str:
    labels, kinds, _ = _declared(schema, docs)
    lines = ["[labels]", ""]
    for name in labels:
        found = schema.label(labels[name], name) if schema is not None else None
        long = found.description if found is not None and found.description else name
        lines.append(f"{name} | {long} | {name}")
    lines += [*(f"{kind} | {kind}" for kind in kinds), "", "[drawing]", "",
              "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
              "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5", ""]
    for name in labels:
        found = schema.label(labels[name], name) if schema is not None else None
        if found is not None:
            lines.append(f"{name}\tbgColor:{found.color}")
    return "\n".join(lines) + "\n"


def write_brat_folder(
    docs: Sequence[ExportDocument],
    folder: Path,
    options: ExportOptions,
    report: ExportReport | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """The ``.txt`` and ``.ann`` pairs, then ``annotation.conf`` and ``visual.conf``."""
    report = brat.write_brat(docs, folder, report, progress)
    for name, text in (
        ("annotation.conf", annotation_conf(options.schema, docs)),
        ("visual.conf", visual_conf(options.schema, docs)),
    ):
        # a document named "annotation" would be annotation.txt/.ann: no clash with .conf
        (folder / name).write_text(text, encoding="utf-8", newline="")
    return report
