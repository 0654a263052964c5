"""Exports are created as every other tool creates files: mode 0666 and folders 0777, less the
umask (``mkstemp``/``mkdtemp`` gave 0600 and 0700 whatever the umask)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.workspace import Workspace
from annotator.workspace.exporting import export
from annotator.workspace.importing import import_paths


@pytest.fixture(params=[0o022, 0o077], ids=["umask022", "umask077"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


@pytest.fixture
def filled(workspace: Workspace, tmp_path: Path) -> Workspace:
    source = tmp_path / "news.txt"
    source.write_text("قالَ بوتين في موسكو ٢٠٢٤ 😀.\n", encoding="utf-8")
    import_paths(workspace, [source])
    return workspace


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("fmt", ["conll", "conllu", "jsonl"])
def test_an_exported_file_follows_the_umask(
    filled: Workspace, tmp_path: Path, umask: int, fmt: str
) -> None:
    out = tmp_path / f"out.{fmt}"
    export(filled, fmt, out)
    assert mode(out) == 0o666 & ~umask


def test_an_exported_folder_and_its_files_follow_the_umask(
    filled: Workspace, tmp_path: Path, umask: int
) -> None:
    out = tmp_path / "brat"
    export(filled, "brat", out)
    assert mode(out) == 0o777 & ~umask
    files = sorted(out.iterdir())
    assert {"news.ann", "news.txt"} <= {p.name for p in files}  # (and brat's .conf files)
    assert all(mode(p) == 0o666 & ~umask for p in files)


def test_replacing_a_file_keeps_its_mode(filled: Workspace, tmp_path: Path, umask: int) -> None:
    """As a shell's ``>`` does: the owner chose that file's mode."""
    out = tmp_path / "out.conll"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    export(filled, "conll", out)
    assert mode(out) == 0o640
    assert "old" not in out.read_text(encoding="utf-8")


def test_no_temporary_file_is_left_beside_the_export(filled: Workspace, tmp_path: Path) -> None:
    export(filled, "conll", tmp_path / "out.conll")
    export(filled, "brat", tmp_path / "brat")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "test.sqlite3"
                  and not p.name.startswith("test.sqlite3")) == ["brat", "news.txt", "out.conll"]
