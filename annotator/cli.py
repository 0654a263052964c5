"""The ``annotator`` command: gui (default), import, export, agree, merge, stats, show, check.

Importing this module never imports PySide6; only the ``gui`` subcommand does, when it runs.
Exit status: 0 success, 1 bad input (``annotator: error: FILE:LINE: why`` on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Iterator, Sequence

from annotator import __version__
from annotator.clicmd import COMMANDS
from annotator.core.errors import AnnotatorError
from annotator.workspace.logfile import setup_logging

log = logging.getLogger("annotator.cli")


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        default=default,
        help="database file or URL (default: $ANNOTATOR_DB, else the user data folder)",
    )
    parser.add_argument(
        "--annotator",
        default=default,
        help="annotator name (default: $ANNOTATOR_NAME, else the login name)",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        default=False if default is None else default,
        help="log every detail to stderr as well as to the log file",
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with ``command``'s options in full (the others are only named)."""
    # --db and --annotator are accepted before and after the command; SUPPRESS keeps a
    # subcommand's unset option from overwriting the value given before it.
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Arabic annotation workbench. Without a command, opens the window.",
    )
    _global_options(parser, None)
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        if name == command:
            importlib.import_module(f"annotator.clicmd.{module}").register(sub, common)
        else:  # listed in --help and known to argparse, without importing its code
            sub.add_parser(name, parents=[common], help=help_text)
    return parser


_VALUE_OPTIONS = ("--db", "--annotator", "--open")  # options whose value is the next token
_INFO_FLAGS = ("-h", "--help", "--version")


def _leading_tokens(args: list[str]) -> Iterator[str]:
    """The tokens before the command, and the command: the first positional argument."""
    skip = False
    for tok in args:
        if skip:
            skip = False
            continue
        yield tok
        if tok in _VALUE_OPTIONS:
            skip = True
        elif not tok.startswith("-"):
            return


def _needs_default_command(args: list[str]) -> bool:
    return all(t.startswith("-") and t not in _INFO_FLAGS for t in _leading_tokens(args))


def _command_of(args: list[str]) -> str | None:
    return next((t for t in _leading_tokens(args) if not t.startswith("-")), None)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if _needs_default_command(args_list):
        args_list.insert(0, "gui")  # `annotator --db X` alone means `annotator gui --db X`
    args = build_parser(_command_of(args_list)).parse_args(args_list)
    log_file = setup_logging(verbose=bool(getattr(args, "verbose", False)))
    log.info("annotator %s: %s (log file: %s)", __version__, args.command, log_file)
    try:
        return int(args.run(args) or 0)
    except AnnotatorError as exc:
        log.info("refused: %s", exc)
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted; nothing partial was written", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `annotator export ... | head`
        return 0
    except Exception as exc:
        from annotator.workspace.errors import database_refusal

        reason = database_refusal(exc)
        if reason is None:
            log.critical("uncaught error", exc_info=True)  # the traceback in the log file too
            raise
        print(f"annotator: error: database: {reason}; nothing was written", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
