"""The tables as SQLAlchemy Core sees them, and the value conversions the bulk paths share."""

from __future__ import annotations

import json
from typing import Any, cast

from sqlalchemy import Table, column, table

from annotator.storage import models as m

SPAN = cast(Table, m.Span.__table__)
REL = cast(Table, m.Relation.__table__)
DOC = cast(Table, m.Document.__table__)
ANN = cast(Table, m.Annotator.__table__)
STATUS = cast(Table, m.DocumentStatus.__table__)
PROJECT = cast(Table, m.Project.__table__)


# The span table with untyped columns: values handed to it are already in the driver's form.
SPAN_RAW = table(
    "span",
    *(
        column(name)
        for name in (
            "uuid",
            "document_id",
            "annotator_id",
            "layer",
            "label",
            "start",
            "end",
            "attributes",
            "provenance",
            "created",
            "updated",
            "version",
        )
    ),
)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def bound(type_: Any, dialect: Any, value: Any) -> Any:
    """``value`` as the dialect's bind processor for ``type_`` would hand it to the driver."""
    process = type_.bind_processor(dialect)
    return process(value) if process is not None else value


def attributes_from_raw(raw: Any) -> dict[str, Any]:
    """Span attributes from the raw column (SQLite gives text, psycopg an already-decoded dict)."""
    if not raw or raw == "{}":
        return {}
    if isinstance(raw, str):
        return dict(json.loads(raw))
    return dict(raw)
