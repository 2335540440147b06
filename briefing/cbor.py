"""The part of CBOR (RFC 8949) that Pagefind's index files use: unsigned integers, byte
and text strings, arrays and maps, each head in its shortest form, as Pagefind writes
them. `sitesearch.py` reads and writes its filter and metadata files with it."""

from __future__ import annotations

from typing import Any


class CborError(ValueError):
    """Bytes this reader does not know: not CBOR, or a kind of item Pagefind never wrote."""


def loads(data: bytes) -> Any:
    value, end = _item(data, 0)
    if end != len(data):
        raise CborError(f"{len(data) - end} bytes after the item")
    return value


def _item(data: bytes, at: int) -> tuple[Any, int]:
    if at >= len(data):
        raise CborError("cut short")
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        n = info
    elif info <= 27:
        width = 1 << (info - 24)
        n, at = int.from_bytes(data[at:at + width], "big"), at + width
    else:
        raise CborError(f"an item of indefinite length or a float (0x{data[at - 1]:02x})")
    if major == 0:
        return n, at
    if major in (2, 3):
        raw = data[at:at + n]
        if len(raw) != n:
            raise CborError("cut short")
        return (bytes(raw) if major == 2 else raw.decode("utf-8")), at + n
    if major == 4:
        items = []
        for _ in range(n):
            value, at = _item(data, at)
            items.append(value)
        return items, at
    if major == 5:
        pairs = {}
        for _ in range(n):
            key, at = _item(data, at)
            pairs[key], at = _item(data, at)
        return pairs, at
    raise CborError(f"an item of major type {major}")


def dumps(value: Any) -> bytes:
    if isinstance(value, bool) or (isinstance(value, int) and value < 0):
        raise CborError(f"cannot write {value!r}")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(dumps(v) for v in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(dumps(k) + dumps(v) for k, v in value.items())
    raise CborError(f"cannot write {type(value).__name__}")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * width):
            return bytes([major << 5 | info]) + n.to_bytes(width, "big")
    raise CborError(f"{n} is too large")
