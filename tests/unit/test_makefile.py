"""`make run` installs what running needs (the window and its plots), never the test tools;
`make test` installs the dev extras; `make package` PyInstaller with team mode and plots."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from helpers.paths import ROOT


def _dry_run(target: str, tmp_path: Path) -> str:
    make = shutil.which("make")
    if make is None:
        pytest.fail("make is needed to run the Makefile's own targets")
    proc = subprocess.run(
        [make, "-n", "-C", str(ROOT), target, f"VENV={tmp_path / 'venv'}"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_make_run_installs_the_runtime_only(tmp_path: Path) -> None:
    out = _dry_run("run", tmp_path)
    assert "'.[plot]'" in out
    assert "[dev]" not in out and "[package]" not in out


def test_make_test_installs_the_dev_extras(tmp_path: Path) -> None:
    assert "'.[dev]'" in _dry_run("test", tmp_path)


def test_make_package_builds_the_spec_with_pyinstaller(tmp_path: Path) -> None:
    out = _dry_run("package", tmp_path)
    assert "'.[package]'" in out and "pyinstaller" in out and "packaging/annotator.spec" in out
