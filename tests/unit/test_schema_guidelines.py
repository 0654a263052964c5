"""A schema names its annotation guidelines (Markdown) and defines each label."""

from __future__ import annotations

from pathlib import Path

from annotator.core.schema import load_schema, parse_schema

SCHEMA = """
version = 1
guidelines = "{name}"
[[layers]]
name = "entity"
labels = [{{ name = "PER", description = "Person", definition = "A named person: ليلى عمر" }}]
"""


def test_default_schema_ships_guidelines_and_definitions() -> None:
    schema = load_schema()
    assert schema.guidelines_error == ""
    text = schema.guidelines
    assert text.startswith("# ")
    for needed in ("## entity", "## claim", "## quote", "لوكاشينكو", "«"):
        assert needed in text, needed
    for label in schema.labels():
        assert label.definition, f"{label.name} has no definition"


def test_guidelines_file_beside_a_project_schema(tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_text("# دليل\n\nو+بوتين: the entity is بوتين.\n",
                                       encoding="utf-8")
    path = tmp_path / "schema.toml"
    path.write_text(SCHEMA.format(name="guide.md"), encoding="utf-8")
    schema = load_schema(path)
    assert schema.guidelines.startswith("# دليل")
    assert schema.label("entity", "PER").definition == "A named person: ليلى عمر"


def test_missing_guidelines_file_is_said_not_silent(tmp_path: Path) -> None:
    path = tmp_path / "schema.toml"
    path.write_text(SCHEMA.format(name="nowhere.md"), encoding="utf-8")
    schema = load_schema(path)
    assert schema.guidelines == ""
    assert "nowhere.md" in schema.guidelines_error
    assert "No such file" in schema.guidelines_error


def test_stored_schema_without_a_folder_says_where_it_looked() -> None:
    schema = parse_schema(SCHEMA.format(name="own.md"), "the project's label schema")
    assert schema.guidelines == "" and "own.md" in schema.guidelines_error
