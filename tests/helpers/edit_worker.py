"""One of two processes making random edits on one document, like a window that shows spans
and edits what it shows (tests/integration/test_stale_edits.py).

    python -m helpers.edit_worker URL DOC_ID SEED N LOG.json [--no-seen]

It loads its view of the document's spans, waits for a line on stdin (so both processes start
together), then makes N edits chosen at random among what its view shows. An accepted edit
updates the view; a refused one refreshes that span from the database (as the window does);
every 20 edits the whole view is read again (the document opened again), so the two processes
keep meeting on the same spans, the other's new ones included.
The log records, per edit, the version the view showed and the version the edit was applied
to, so the test can find lost updates and replay the accepted edits. ``--no-seen`` sends no
seen version (the behaviour before issue 11), to prove the test finds the lost updates then.
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

from annotator.core.commands import (
    AddSpan,
    Command,
    RelabelSpan,
    RemoveSpan,
    ResizeSpan,
    SetSpanAttribute,
)
from annotator.core.errors import ConflictError
from annotator.core.model import Span
from annotator.workspace import Workspace

ENTITY_LABELS = ("PER", "ORG", "LOC", "GPE")


def content(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "layer": span.layer, "label": span.label,
            "attributes": dict(span.attributes), "version": span.version}


def choose(rng: random.Random, view: dict[str, Span], doc: int, length: int,
           send_seen: bool) -> tuple[str, str, Span | None, Command]:
    if not view or rng.random() < 0.08:
        start = rng.randrange(0, length - 6)
        span = Span(start, start + rng.randint(1, 5), "entity", rng.choice(ENTITY_LABELS),
                    annotator="shared")
        return "add", span.uuid, None, AddSpan(doc, span)
    uuid = rng.choice(sorted(view))
    seen = view[uuid]
    arg = seen if send_seen else None
    roll = rng.random()
    if roll < 0.03:
        return "remove", uuid, seen, RemoveSpan(uuid, seen=arg)
    if seen.layer == "quote":
        value = "indirect" if seen.attributes.get("direct") == "direct" else "direct"
        return "attr", uuid, seen, SetSpanAttribute(uuid, {"direct": value}, seen=arg)
    if roll < 0.5:
        label = rng.choice([x for x in ENTITY_LABELS if x != seen.label])
        return "relabel", uuid, seen, RelabelSpan(uuid, label, seen=arg)
    end = min(max(seen.start + 1, seen.end + rng.choice((-1, 1))), length)
    return "resize", uuid, seen, ResizeSpan(uuid, seen.start, end, seen=arg)


def main(argv: list[str]) -> int:
    url, doc, seed, n, out = argv[0], int(argv[1]), int(argv[2]), int(argv[3]), argv[4]
    send_seen = "--no-seen" not in argv
    ws = Workspace.open(url, "shared")
    length = len(ws.document_text(doc))
    view = {s.uuid: s for s in ws.spans(doc)}
    rng = random.Random(seed)
    log: list[dict[str, Any]] = []
    sys.stdin.readline()  # go
    for i in range(n):
        if i % 20 == 19:  # the window opens the document again: it sees the other's spans
            view = {s.uuid: s for s in ws.spans(doc)}
        op, uuid, seen, command = choose(rng, view, doc, length, send_seen)
        entry: dict[str, Any] = {"op": op, "uuid": uuid,
                                 "seen": seen.version if seen else None}
        try:
            change = ws.execute(command, undoable=False)
        except ConflictError as exc:
            entry.update(refused=str(exc))
            try:
                view[uuid] = ws.get_span(uuid)
            except ConflictError:
                view.pop(uuid, None)
        except Exception as exc:  # anything else is a failure the test reports
            entry.update(error=f"{type(exc).__name__}: {exc}")
        else:
            if change.updated:
                before, after = change.updated[0]
                entry.update(applied_to=before.version, after=content(after))
                view[uuid] = after
            elif change.removed:
                entry.update(applied_to=change.removed[0].version)
                view.pop(uuid, None)
            else:
                entry.update(after=content(change.added[0]))
                view[uuid] = change.added[0]
        log.append(entry)
    ws.close()
    with open(out, "w", encoding="utf-8") as f:
        json.dump(log, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
