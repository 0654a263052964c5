"""Helpers the subcommands share: opening the workspace from the global options."""

from __future__ import annotations

import argparse

from annotator.workspace import Workspace


def open_workspace(args: argparse.Namespace) -> Workspace:
    return Workspace.open(getattr(args, "db", None), getattr(args, "annotator", None))
