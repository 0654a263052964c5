"""Label schema: layers, labels, colours, shortcuts and relation types, loaded from TOML."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    layer: str
    color: str
    shortcut: str = ""
    description: str = ""
    # what counts as this label, in a sentence or two: the palette's tooltip, the key help
    definition: str = ""


@dataclass(frozen=True, slots=True)
class AttributeDef:
    name: str
    values: tuple[str, ...]
    default: str


@dataclass(frozen=True, slots=True)
class LayerStyle:
    """How a layer's spans are drawn, declared in the schema (``style = {...}`` of a layer).

    Styles stack: a span inside another of another layer shows both. Colours are the labels'.

    Attributes:
        background: share of the label colour tinted into the background (0: none).
        underline: underline in the label colour; nested spans of the layer turn it wavy.
        overline: a line over the text.
        text_color: the letters take the label colour (darkened to stay readable).
        sidebar: a bar at the edge where the text starts, beside every paragraph the
            layer's spans touch.
    """

    background: float = 0.0
    underline: bool = False
    overline: bool = False
    text_color: bool = False
    sidebar: bool = False


# a layer that declares no style still shows: a light tint of its label colour
DEFAULT_STYLE = LayerStyle(background=0.25)
# Schemas written before layers said how they are drawn (projects carry copies of the earlier
# default) name the three layers the program then drew by name: without a style or a
# strip_proclitics of their own they keep that look and that stripping, so an existing
# project is drawn and tagged as before.
EARLIER_DEFAULTS: dict[str, tuple[LayerStyle, bool]] = {
    "entity": (LayerStyle(underline=True, text_color=True), True),
    "claim": (LayerStyle(background=0.30, overline=True), False),
    "quote": (LayerStyle(background=0.22), False),
}


@dataclass(frozen=True, slots=True)
class Layer:
    name: str
    labels: tuple[Label, ...]
    description: str = ""
    attributes: tuple[AttributeDef, ...] = ()
    style: LayerStyle = DEFAULT_STYLE
    # selection snapping keeps the span off a proclitic (و ب ل ك ف ال ...) when asked to:
    # names sit behind clitics, claims and quotes start at whole words
    strip_proclitics: bool = False


@dataclass(frozen=True, slots=True)
class RelationType:
    name: str
    from_layer: str
    to_layer: str
    description: str = ""


@dataclass(frozen=True)
class Schema:
    layers: tuple[Layer, ...]
    relations: tuple[RelationType, ...]
    _by_label: dict[tuple[str, str], Label] = field(default_factory=dict, compare=False)
    # a bare label's layer (the first that has it), asked once per span an import reads
    _layer_of: dict[str, str] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    # the annotation guidelines (Markdown) the schema names with ``guidelines = "FILE.md"``,
    # read beside the schema file; why they could not be read, when they could not
    guidelines: str = ""
    guidelines_error: str = ""

    def __post_init__(self) -> None:
        for layer in self.layers:
            for label in layer.labels:
                self._by_label[(layer.name, label.name)] = label
                self._layer_of.setdefault(label.name, layer.name)

    @property
    def layer_names(self) -> tuple[str, ...]:
        return tuple(layer.name for layer in self.layers)

    def layer(self, name: str) -> Layer:
        found = self.find_layer(name)
        if found is None:
            raise KeyError(name)
        return found

    def find_layer(self, name: str) -> Layer | None:
        """The layer, or None for one this schema does not declare (a colleague's span)."""
        return next((layer for layer in self.layers if layer.name == name), None)

    def attributes_of(self, layer: str) -> tuple[AttributeDef, ...]:
        found = self.find_layer(layer)
        return found.attributes if found is not None else ()

    def default_attributes(self, layer: str) -> dict[str, str]:
        """The default of each attribute of ``layer``: stored with a new span, not implied, so
        exports and a colleague's database read "direct" without knowing this schema."""
        return {a.name: a.default for a in self.attributes_of(layer)}

    def strips_proclitics(self, layer: str) -> bool:
        found = self.find_layer(layer)
        return found is not None and found.strip_proclitics

    def labels(self, layer: str | None = None) -> list[Label]:
        return [
            label
            for lay in self.layers
            if layer is None or lay.name == layer
            for label in lay.labels
        ]

    def label(self, layer: str, name: str) -> Label | None:
        return self._by_label.get((layer, name))

    def has_label(self, layer: str, name: str) -> bool:
        return (layer, name) in self._by_label

    def layer_of_label(self, name: str) -> str | None:
        """The layer a bare label belongs to (labels are unique across layers by default)."""
        return self._layer_of.get(name)

    def relation(self, name: str) -> RelationType | None:
        for rel in self.relations:
            if rel.name == name:
                return rel
        return None

    def relation_between(self, head_layer: str, tail_layer: str) -> RelationType | None:
        """The kind of link that goes from a span of ``head_layer`` to one of ``tail_layer``."""
        for rel in self.relations:
            if (rel.from_layer, rel.to_layer) == (head_layer, tail_layer):
                return rel
        return None

    def links_from(self, layer: str) -> bool:
        """Whether a span of ``layer`` can be the head of a link (a quote, a claim)."""
        return any(rel.from_layer == layer for rel in self.relations)

    def link_error(self, kind: str, head_layer: str, tail_layer: str) -> str | None:
        """Why a ``kind`` link cannot join these layers, or None when it can.

        The one owner of the rule "a speaker link goes from a quote to an entity, a source link
        from a claim to an entity": commands, readers and ``check`` all ask here.
        """
        rtype = self.relation(kind)
        if rtype is None:
            known = ", ".join(r.name for r in self.relations) or "none"
            return f"unknown link kind {kind!r} (the schema has {known})"
        if (head_layer, tail_layer) != (rtype.from_layer, rtype.to_layer):
            return (
                f"a {kind} link goes from {_a(rtype.from_layer)} to {_a(rtype.to_layer)}, "
                f"not from {_a(head_layer)} to {_a(tail_layer)}"
            )
        return None

    def attribute_error(self, layer: str, name: str, value: object) -> str | None:
        """Why ``name = value`` cannot be an attribute of a ``layer`` span, or None when it can.

        The one owner of "a quote is direct or indirect": readers ask here, so a value nobody
        chose (``true`` for ``direct``) is refused instead of shown as "QUOTE (True)". An
        attribute the schema does not declare is kept as it came (a colleague's schema may
        declare more; brat's binary ``negated``): nothing is lost, and nothing is guessed.
        """
        found = next((a for a in self.attributes_of(layer) if a.name == name), None)
        if found is None:
            return None
        if not isinstance(value, str) or value not in found.values:
            shown = json.dumps(value, ensure_ascii=False)
            return f"attribute {name!r} is {shown}, not one of {', '.join(found.values)}"
        return None

    def by_shortcut(self) -> dict[str, Label]:
        return {label.shortcut.upper(): label for label in self.labels() if label.shortcut}


def parse_schema(text: str, origin: str, folder: Path | None = None) -> Schema:
    """A schema from TOML text; ``origin`` names it in errors. Its guidelines file is read
    from ``folder`` (the schema file's), else from the shipped resources."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(origin, f"invalid TOML: {exc}") from exc
    schema = _parse(data, origin)
    name = data.get("guidelines")
    if not name:
        return schema
    path = (folder or resources_path(".")) / str(name)
    try:
        guidelines, error = path.read_text(encoding="utf-8"), ""
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        guidelines, error = "", f"{origin} names the guidelines {path}: {reason}"
    return replace(schema, guidelines=guidelines, guidelines_error=error, _by_label={})


def _parse(data: dict[str, Any], origin: str) -> Schema:
    try:
        layers = []
        for lay in data["layers"]:
            labels = tuple(
                Label(
                    name=str(lab["name"]),
                    layer=str(lay["name"]),
                    color=str(lab.get("color", "#888888")),
                    shortcut=str(lab.get("shortcut", "")),
                    description=str(lab.get("description", "")),
                    definition=str(lab.get("definition", "")),
                )
                for lab in lay.get("labels", [])
            )
            attrs = tuple(
                AttributeDef(
                    name=str(a["name"]),
                    values=tuple(str(v) for v in a["values"]),
                    default=str(a.get("default", a["values"][0])),
                )
                for a in lay.get("attributes", [])
            )
            name = str(lay["name"])
            style, strips = EARLIER_DEFAULTS.get(name, (DEFAULT_STYLE, False))
            layers.append(
                Layer(
                    name,
                    labels,
                    str(lay.get("description", "")),
                    attrs,
                    _style(lay.get("style"), origin, name, style),
                    bool(lay.get("strip_proclitics", strips)),
                )
            )
        relations = tuple(
            RelationType(
                str(r["name"]),
                str(r["from_layer"]),
                str(r["to_layer"]),
                str(r.get("description", "")),
            )
            for r in data.get("relations", [])
        )
    except (KeyError, TypeError, IndexError) as exc:
        raise InputError(origin, f"schema is missing or mistypes {exc}") from exc
    names = [layer.name for layer in layers]
    for rel in relations:
        if rel.from_layer not in names or rel.to_layer not in names:
            raise InputError(origin, f"relation {rel.name!r} names an unknown layer")
    return Schema(tuple(layers), relations)


def _a(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


_STYLE_KEYS = {"background", "underline", "overline", "text_color", "sidebar"}


def _style(data: object, origin: str, layer: str, default: LayerStyle) -> LayerStyle:
    if data is None:
        return default
    if not isinstance(data, dict):
        raise InputError(
            origin, f"layer {layer!r}: style must be a table, e.g. style = {{ underline = true }}"
        )
    unknown = sorted(set(data) - _STYLE_KEYS)
    if unknown:
        raise InputError(
            origin,
            f"layer {layer!r}: unknown style key(s) {', '.join(unknown)}; "
            f"known: {', '.join(sorted(_STYLE_KEYS))}",
        )
    # TOML gives typed values: a quoted "0.3" or "false" is a mistake, not a value to coerce
    background = data.get("background", 0.0)
    if isinstance(background, bool) or not isinstance(background, int | float):
        raise InputError(origin, f"layer {layer!r}: style background must be a number in 0..1")
    if not 0.0 <= background <= 1.0:
        raise InputError(origin, f"layer {layer!r}: style background must lie in 0..1")
    flags = {key: data.get(key, False) for key in sorted(_STYLE_KEYS - {"background"})}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise InputError(origin, f"layer {layer!r}: style {key} must be true or false")
    return LayerStyle(background=float(background), **flags)


def load_schema(path: str | Path | None = None) -> Schema:
    """Load a schema file; without a path, the default shipped in ``resources/``."""
    if path is None:
        text = default_schema_text()
        origin = "schema.toml"
    else:
        origin = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(origin, f"cannot read schema: {exc.strerror}") from exc
    return parse_schema(text, origin, None if path is None else Path(path).parent)


def default_schema_text() -> str:
    return resources_path("schema.toml").read_text(encoding="utf-8")


def resources_path(name: str) -> Path:
    """A file under ``resources/``: beside the package in a checkout, inside it when installed."""
    checkout = Path(__file__).resolve().parents[2] / "resources" / name
    if checkout.exists():
        return checkout
    return Path(str(resources.files("annotator") / "resources" / name))
