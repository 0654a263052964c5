"""The label schema: the shipped default, a project's own, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.schema import default_schema_text, load_schema
from annotator.workspace import Workspace


def test_default_schema_matches_the_design() -> None:
    schema = load_schema()
    assert schema.layer_names == ("entity", "claim", "quote")
    entity = [label.name for label in schema.labels("entity")]
    assert entity == ["PER", "ORG", "LOC", "GPE", "NORP", "FAC", "EVENT", "MISC"]
    keys = schema.by_shortcut()
    assert [keys[str(i)].name for i in range(1, 9)] == entity
    assert keys["C"].name == "CLAIM" and keys["Q"].name == "QUOTE"
    speaker, source = schema.relation("speaker"), schema.relation("source")
    assert speaker is not None and (speaker.from_layer, speaker.to_layer) == ("quote", "entity")
    assert source is not None and (source.from_layer, source.to_layer) == ("claim", "entity")
    [direct] = schema.layer("quote").attributes
    assert direct.values == ("direct", "indirect")
    assert all(label.color.startswith("#") for label in schema.labels())


def test_a_project_carries_its_own_schema(db_path: Path) -> None:
    ws = Workspace.open(str(db_path), "t")
    custom = default_schema_text().replace('name = "MISC"', 'name = "WORK"')
    ws.repo.set_project_schema_toml(custom)
    ws.close()
    again = Workspace.open(str(db_path), "t")
    assert again.schema.has_label("entity", "WORK")
    assert not again.schema.has_label("entity", "MISC")
    again.close()


def test_schema_file_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[layers]\nname = ", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.toml: invalid TOML"):
        load_schema(bad)
    dangling = tmp_path / "dangling.toml"
    dangling.write_text(
        '[[layers]]\nname = "entity"\nlabels = []\n'
        '[[relations]]\nname = "x"\nfrom_layer = "quote"\nto_layer = "entity"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="unknown layer"):
        load_schema(dangling)
    with pytest.raises(InputError, match="cannot read schema"):
        load_schema(tmp_path / "missing.toml")


def test_a_project_schema_from_before_layer_styles_is_drawn_and_snapped_as_before(
    db_path: Path,
) -> None:
    """A project that stored a copy of the earlier default (no style, no strip_proclitics)
    keeps how its layers were drawn and that entities stay off proclitics."""
    earlier = (Path(__file__).parents[1] / "data" / "schema_before_styles.toml").read_text(
        encoding="utf-8"
    )
    assert "style" not in earlier and "strip_proclitics" not in earlier
    with Workspace.open(str(db_path), "t") as ws:
        ws.set_project_schema(earlier)
    with Workspace.open(str(db_path), "t") as ws:
        old, shipped = ws.schema, load_schema()
        for name in ("entity", "claim", "quote"):
            assert old.layer(name).style == shipped.layer(name).style
            assert old.layer(name).strip_proclitics == shipped.layer(name).strip_proclitics
        assert old.layer("entity").strip_proclitics
