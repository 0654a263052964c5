"""Many random UUIDs at once: readers of big token files make one per span.

``uuid.uuid4()`` asks the operating system for 16 bytes on every call, which was a quarter of
a CoNLL import's parsing time; one request for all of them gives the same version-4 UUIDs.
"""

from __future__ import annotations

import os

_VARIANT = "89ab89ab89ab89ab"  # RFC 4122 variant: the top two bits of the clock field are 10


def fresh_uuids(count: int) -> list[str]:
    """``count`` random version-4 UUIDs in canonical text form."""
    digits = os.urandom(16 * count).hex()
    return [
        f"{digits[k : k + 8]}-{digits[k + 8 : k + 12]}-4{digits[k + 13 : k + 16]}-"
        f"{_VARIANT[int(digits[k + 16], 16)]}{digits[k + 17 : k + 20]}-{digits[k + 20 : k + 32]}"
        for k in range(0, 32 * count, 32)
    ]
