"""One module per ``annotator`` subcommand: ``register(sub, common)`` and ``run(args)``.

``COMMANDS`` is the one list of them, with the line ``annotator --help`` shows. The command
line imports only the module of the command being run (``cli.build_parser``): the others pull
in formats, review and merge code that a ``gui`` or ``show`` start-up has no use for.
"""

from __future__ import annotations

# command -> (module in annotator.clicmd, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "gui": ("gui", "open the annotation window (default)"),
    "import": ("import_", "import documents (txt, jsonl, conll, brat ...)"),
    "export": ("export", "export annotations (conll, conllu, jsonl, brat)"),
    "agree": ("agree", "agreement between annotators (F1, Cohen's κ, α)"),
    "merge": ("merge", "merge another database or a JSONL export into this one"),
    "stats": ("stats", "counts of documents, spans, labels"),
    "show": ("show", "print a document and its spans"),
    "check": ("check", "check the database's integrity"),
    "suggest": ("suggest", "suggestions that learn from your spans: train, apply, eval"),
    "team": ("team", "team server: roles and policies, logins, assignments (PostgreSQL)"),
}


def help_of(command: str) -> str:
    return COMMANDS[command][1]
