"""An error raised in an export's worker process reaches the parent as it was raised: its
class, its words and its attributes survive pickling, whatever its __init__ takes."""

from __future__ import annotations

import pickle

import pytest

from annotator.core.errors import (
    AnnotatorError,
    ConflictError,
    DatabaseBusyError,
    DatabaseError,
    EditError,
    InputError,
)


@pytest.mark.parametrize("error", [
    AnnotatorError("plain words"),
    EditError("الوسم غير معروف"),
    DatabaseError("span u1 of 'خبر' is damaged"),
    DatabaseBusyError(),
    InputError("corpus.conll", "unknown tag B-XYZ", line=12, byte_offset=340),
    ConflictError("changed meanwhile", ("u1", "u2")),
])
def test_an_error_survives_pickling(error: AnnotatorError) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert back.args == error.args
    assert vars(back) == vars(error)
