"""The README tells the truth: its scripting example runs, its format table is the registry's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.formats.registry import FORMATS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end >= 0 else None]


def test_the_scripting_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = re.findall(r"```python\n(.*?)```", section("Scripting"), flags=re.S)
    assert len(blocks) == 1
    monkeypatch.chdir(tmp_path)
    exec(compile(blocks[0], "README.md (Scripting)", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[1:] == ["sample_ar", "new", "0"]
    assert out[1] == "[('LOC', 'القاهرة')]", "the undone removal brought the relabelled span back"
    # no -DOCSTART- line by default (docs/formats.md, who reads what)
    assert out[2] == "['القاهرة\\tB-LOC', '—\\tO', 'أعلنت\\tO']"
    assert (tmp_path / "project.sqlite3").exists()


def test_the_format_table_is_the_registry() -> None:
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in section("Formats").splitlines()
        if line.startswith("| `") and not line.startswith("| `--format`")
    ]
    table = {
        row[0].strip("`"): (tuple(re.findall(r"`([^`]+)`", row[1])), row[2]) for row in rows
    }
    expected = {
        name: (
            fmt.extensions,
            ", ".join(
                d for d, has in (("import", fmt.reader), ("export", fmt.stream_writer
                                                           or fmt.folder_writer)) if has
            ),
        )
        for name, fmt in FORMATS.items()
    }
    assert table == expected


def test_the_layout_names_what_is_in_the_tree() -> None:
    root = Path(__file__).resolve().parents[2]
    block = re.search(r"```\n(.*?)```", section("Layout"), flags=re.S)
    assert block is not None
    named = re.findall(r"^([\w./]+)\s", block.group(1), flags=re.M)
    assert "annotator/workspace/" in named
    missing = [path for path in named if not (root / path).exists()]
    assert missing == []
    packages = {p.name for p in (root / "annotator").iterdir() if (p / "__init__.py").exists()}
    assert {f"annotator/{name}/" for name in packages} <= set(named), "a package is not described"
