"""The identity check behind rebuild reuse: a result kept from the last build is reused
only while what it was made from is the very same objects (equal is not always alike:
`Decimal("1.0") == Decimal("1.00")`)."""

from __future__ import annotations

from collections.abc import Sequence
from operator import is_


def same_objects(now: Sequence[object], before: Sequence[object] | None) -> bool:
    """Whether `now` holds the very objects of `before`, in the same order."""
    return before is not None and len(now) == len(before) and all(map(is_, now, before))
