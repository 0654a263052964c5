"""Label schema: layers, labels, colours, shortcuts and relation types, loaded from TOML."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from annotator.core.errors import InputError


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    layer: str
    color: str
    shortcut: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class AttributeDef:
    name: str
    values: tuple[str, ...]
    default: str


@dataclass(frozen=True, slots=True)
class Layer:
    name: str
    labels: tuple[Label, ...]
    description: str = ""
    attributes: tuple[AttributeDef, ...] = ()


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

    def __post_init__(self) -> None:
        for layer in self.layers:
            for label in layer.labels:
                self._by_label[(layer.name, label.name)] = label

    @property
    def layer_names(self) -> tuple[str, ...]:
        return tuple(layer.name for layer in self.layers)

    def layer(self, name: str) -> Layer:
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise KeyError(name)

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
        for layer, label in self._by_label:
            if label == name:
                return layer
        return None

    def relation(self, name: str) -> RelationType | None:
        for rel in self.relations:
            if rel.name == name:
                return rel
        return None

    def by_shortcut(self) -> dict[str, Label]:
        return {label.shortcut.upper(): label for label in self.labels() if label.shortcut}


def parse_schema(text: str, origin: str) -> Schema:
    """A schema from TOML text; ``origin`` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(origin, f"invalid TOML: {exc}") from exc
    return _parse(data, origin)


def _parse(data: dict, origin: str) -> Schema:
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
            layers.append(Layer(str(lay["name"]), labels, str(lay.get("description", "")), attrs))
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
    return parse_schema(text, origin)


def default_schema_text() -> str:
    return resources_path("schema.toml").read_text(encoding="utf-8")


def resources_path(name: str) -> Path:
    """A file under ``resources/``: beside the package in a checkout, inside it when installed."""
    checkout = Path(__file__).resolve().parents[2] / "resources" / name
    if checkout.exists():
        return checkout
    return Path(str(resources.files("annotator") / "resources" / name))
