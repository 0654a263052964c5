"""A brat export carries annotation.conf and visual.conf that declare every line of its .ann files.

The checks are those of brat's ``verify_annotations.py`` (types known, relation arguments
allowed, attribute values declared, overlaps allowed), applied with a parser written from brat's
configuration documentation; docs/formats.md records a run of brat's own script on an export.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import Relation, Span
from annotator.core.schema import load_schema
from annotator.formats.exporting import ExportDocument, ExportOptions
from annotator.workspace.exporting import write_export

TEXT = "قال 😊 للوكاشينكو: «موسكو آمنةٌ».\n\nثم غادر\u200f بوتيـــن ٢٠٢٤ Putin."


def at(word: str, layer: str, label: str, **kw: object) -> Span:
    i = TEXT.index(word)
    return Span(i, i + len(word), layer, label, **kw)  # type: ignore[arg-type]


def parse_conf(text: str) -> dict[str, list[str]]:
    """Section -> its lines, comments and blank lines left out (brat's conf syntax)."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        else:
            sections[current].append(line)
    return sections


def args_of(spec: str) -> dict[str, list[str]]:
    """``Arg1:QUOTE, Arg2:PER|ORG`` -> {"Arg1": ["QUOTE"], "Arg2": ["PER", "ORG"]}."""
    out = {}
    for part in spec.split(","):
        name, _, values = part.strip().partition(":")
        out[name] = values.split("|")
    return out


def test_every_ann_line_is_declared_and_overlaps_are_allowed(tmp_path: Path) -> None:
    schema = load_schema()
    per, gpe = at("لوكاشينكو", "entity", "PER"), at("موسكو", "entity", "GPE")
    putin, org = at("بوتيـــن ٢٠٢٤", "entity", "PER"), at("بوتيـــن", "entity", "ORG")
    quote = at("«موسكو آمنةٌ»", "quote", "QUOTE", attributes={"direct": "indirect"})
    claim = Span(0, TEXT.index("ثم") + 2, "claim", "CLAIM")
    doc = ExportDocument(
        "d", TEXT, "sha", [per, gpe, putin, org, quote, claim],
        [Relation("speaker", quote.uuid, per.uuid), Relation("source", claim.uuid, putin.uuid)],
    )
    out = tmp_path / "collection"
    write_export("brat", [doc], out, ExportOptions(layers=schema.layer_names, schema=schema))
    conf = parse_conf((out / "annotation.conf").read_text(encoding="utf-8"))
    entities = set(conf["entities"])
    relations = {}
    for line in conf["relations"]:
        name, _, spec = line.partition("\t")
        relations[name] = args_of(spec)
    attributes = {}
    for line in conf["attributes"]:
        name, _, spec = line.partition("\t")
        attributes[name] = args_of(spec)
    assert entities == {label.name for label in schema.labels()}
    # an entity inside a quote inside a claim: brat forbids it unless <OVERLAP> allows it
    assert relations["<OVERLAP>"] == {
        "Arg1": ["<ENTITY>"], "Arg2": ["<ENTITY>"], "<OVL-TYPE>": ["<ANY>"]}
    types = {}
    ann = (out / "d.ann").read_text(encoding="utf-8").splitlines()
    for line in ann:
        ident, fields = line.split("\t")[0], line.split("\t")[1].split()
        if ident[0] == "T":
            assert fields[0] in entities
            types[ident] = fields[0]
        elif ident[0] == "R":
            kind, arg1, arg2 = fields[0], fields[1].split(":")[1], fields[2].split(":")[1]
            assert types[arg1] in relations[kind]["Arg1"]
            assert types[arg2] in relations[kind]["Arg2"]
        else:
            name, target, value = fields
            assert types[target] in attributes[name]["Arg"]
            assert value in attributes[name]["Value"]
    assert sum(1 for line in ann if line[0] in "TRA") == len(ann) == 9
    assert attributes["direct"] == {"Arg": ["QUOTE"], "Value": ["direct", "indirect"]}


def test_visual_conf_gives_each_label_its_schema_colour_and_name(tmp_path: Path) -> None:
    schema = load_schema()
    doc = ExportDocument("d", TEXT, "sha", [at("موسكو", "entity", "GPE")])
    out = tmp_path / "collection"
    write_export("brat", [doc], out, ExportOptions(layers=("entity",), schema=schema))
    visual = parse_conf((out / "visual.conf").read_text(encoding="utf-8"))
    drawing = dict(line.split("\t", 1) for line in visual["drawing"])
    for label in schema.labels():
        assert drawing[label.name] == f"bgColor:{label.color}"
    labels = {line.split(" | ")[0]: line.split(" | ")[1] for line in visual["labels"]}
    assert labels["GPE"] == "Geo-political entity"


def test_a_colleagues_label_beyond_the_schema_is_declared_too(tmp_path: Path) -> None:
    doc = ExportDocument("d", TEXT, "sha", [at("موسكو", "entity", "CITY")])
    out = tmp_path / "collection"
    write_export("brat", [doc], out, ExportOptions(layers=("entity",), schema=load_schema()))
    conf = parse_conf((out / "annotation.conf").read_text(encoding="utf-8"))
    assert "CITY" in conf["entities"]
