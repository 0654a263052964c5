"""A real X server (Xvfb) for tests that start the real window, and a window manager on it."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def _free_display() -> int:
    for n in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number between :90 and :199")


@contextmanager
def xvfb(log_dir: Path, window_manager: bool = False) -> Iterator[str]:
    """Start Xvfb (and openbox when asked); yield the DISPLAY; stop them at the end."""
    binary = shutil.which("Xvfb")
    assert binary, "Xvfb is not installed (.ci/run installs the xvfb package)"
    n = _free_display()
    log = log_dir / "xvfb.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen(
            [binary, f":{n}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL, stderr=sink,
        )
    wm: subprocess.Popen[bytes] | None = None
    deadline = time.monotonic() + 10
    try:
        while not Path(f"/tmp/.X11-unix/X{n}").exists():
            assert proc.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "Xvfb did not start within 10 s"
            time.sleep(0.05)  # polling another process's socket: there is no signal to await
        if window_manager:
            openbox = shutil.which("openbox")
            assert openbox, "openbox is not installed (.ci/run installs it)"
            wm = subprocess.Popen(
                [openbox], env={"DISPLAY": f":{n}", "PATH": "/usr/bin:/bin"},
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        yield f":{n}"
    finally:
        if wm is not None:
            wm.terminate()
            wm.wait(timeout=10)
        proc.terminate()
        proc.wait(timeout=10)


def activate(x: Callable[..., str], name: str, timeout: float = 20.0) -> str:
    """Find the visible window whose title has ``name`` and make it the active one; its id.

    Right after start-up the window manager may still be managing the new window (the
    start-up shell gives way to the workbench): every window found is tried, activation is
    retried until the window manager reports it active. Another process's window offers no
    signal to await, hence the polling.
    """
    deadline = time.monotonic() + timeout
    while True:
        for window in x("search", "--sync", "--onlyvisible", "--name", name).split():
            try:
                x("windowactivate", window)
                x("windowfocus", window)
                if x("getactivewindow").strip() == window:
                    return window
            except subprocess.CalledProcessError:
                pass
        if time.monotonic() > deadline:
            raise AssertionError(f"no window named {name!r} could be activated")
        time.sleep(0.2)
