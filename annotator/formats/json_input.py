"""Reading JSON from an input file: every way ``json.loads`` can fail becomes an InputError
naming the file and line (a traceback is never the answer to a bad file)."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from annotator.core.errors import InputError

# CPython refuses to turn longer digit strings into int (CVE-2020-10735), with a ValueError
_LONG_NUMBER = re.compile(rf"\d{{{sys.get_int_max_str_digits() + 1},}}")


def parse_json(text: str, path: str, line: int | None = None) -> Any:
    """``json.loads(text)``; ``line`` is where ``text`` starts in the file (JSONL: its line),
    None when ``text`` is the whole file."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = line if line is not None else exc.lineno
        raise InputError(path, f"malformed JSON: {exc.msg} (column {exc.colno})",
                         line=where) from exc
    except RecursionError:
        raise InputError(
            path, "JSON nested too deeply to read (lists or objects inside each other about "
            "1,000 levels deep or more)", line=line if line is not None else 1,
        ) from None
    except ValueError:  # an integer longer than Python converts
        found = _LONG_NUMBER.search(text)
        digits = len(found.group()) if found else 0
        where = line if line is not None else (text.count("\n", 0, found.start()) + 1
                                               if found else 1)
        raise InputError(
            path, f"a number of {digits:,} digits: too long to be an offset or any value "
            f"(at most {sys.get_int_max_str_digits():,} digits are read)", line=where,
        ) from None
