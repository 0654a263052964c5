"""The packaged program's entry: the ``annotator`` command, or its self-check.

``annotator --smoke-test --db DB --out DIR`` runs annotator.ui.smoke (CI runs it on every
build; a user can run it to see whether this copy works on their machine). Anything else is
the ordinary command line.
"""

from __future__ import annotations

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--smoke-test"]:
        from annotator.ui.smoke import main as smoke

        sys.exit(smoke(sys.argv[2:]))
    from annotator.cli import main

    sys.exit(main())
