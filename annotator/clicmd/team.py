"""``annotator team``: a PostgreSQL team server's roles, logins and assignments.

``init`` (as the database owner) creates the roles and row-level-security policies; ``add``
creates a login (password asked for, never on the command line); ``assign`` gives documents
to an annotator (curators).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from annotator.clicmd import help_of
from annotator.clicmd.common import open_workspace
from annotator.core.errors import AnnotatorError
from annotator.workspace import team

# for automation (CI, provisioning scripts): a password in the environment of that one
# process, never in the command line that `ps` shows to everyone
PASSWORD_ENV = "ANNOTATOR_TEAM_PASSWORD"


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser("team", parents=[common], help=help_of("team"))
    actions = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    init = actions.add_parser("init", parents=[common],
                              help="create the roles and policies (as the database owner)")
    init.add_argument("--private", action="store_true",
                      help="annotators read only their own spans and their assigned documents")
    init.set_defaults(run=run_init)
    add = actions.add_parser("add", parents=[common],
                             help="create a login and its annotator (password prompted)")
    add.add_argument("name", help="the login, which is the annotator's name")
    role = add.add_mutually_exclusive_group()
    role.add_argument("--curator", dest="role", action="store_const", const=team.CURATOR,
                      help="may also write gold, review decisions and assignments")
    role.add_argument("--admin", dest="role", action="store_const", const=team.ADMIN,
                      help="may also import and change documents")
    add.set_defaults(run=run_add, role=team.ANNOTATOR)
    assign = actions.add_parser("assign", parents=[common],
                                help="assign documents to an annotator (curators)")
    assign.add_argument("documents", nargs="+", metavar="DOC",
                        help="document name, SHA-256 prefix or id")
    assign.add_argument("--to", required=True, metavar="NAME", help="the annotator")
    assign.set_defaults(run=run_assign)


def run_init(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        roles = team.init(ws, private=args.private)
    mode = "private (annotators read their own work)" if args.private else "shared reading"
    print(f"team roles ready, {mode}: {', '.join(roles)}")
    print("next: annotator team add NAME [--curator|--admin]")
    return 0


def _password(name: str) -> str:
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise AnnotatorError(
            f"a password for {name!r} is asked on a terminal; for automation set "
            f"${PASSWORD_ENV} (never put it on the command line)"
        )
    first = getpass.getpass(f"password for {name}: ")
    if not first:
        raise AnnotatorError("an empty password is refused; nothing was changed")
    if getpass.getpass("again: ") != first:
        raise AnnotatorError("the two passwords differ; nothing was changed")
    return first


def run_add(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        existing = team.login_exists(ws, args.name)
        password = None if existing else _password(args.name)
        created = team.add(ws, args.name, args.role, password)
    if created:
        print(f"login {args.name} created as {args.role}")
    else:
        print(f"login {args.name} already existed on the server (password unchanged); "
              f"now {args.role} in this database")
    return 0


def run_assign(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        added, asked = team.assign(ws, args.documents, args.to)
    print(f"assigned {added} document(s) to {args.to}"
          + (f" ({asked - added} already were)" if asked != added else ""))
    return 0
