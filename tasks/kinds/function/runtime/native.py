"""The byte format between the trusted side and a C++ solution (hpceval_function.hpp is the other side): a tag,
then the value, little-endian.

    'b' u8 | 'i' i64 | 'f' f64 | 's' u64 length + UTF-8 | 'l' u64 count + items
    'I' u64 count + i64[count] | 'F' u64 count + f64[count]   (lists of only ints, or only floats)

A list or a tuple is written as 'l' (or packed), and read back as a list. Shipped into the sandbox; standard
library only. `decode` reads what a candidate's process sent: it is strict (no trailing bytes, a nesting limit)
and builds plain data only.
"""

from __future__ import annotations

import struct
import sys
from array import array

MAX_DEPTH = 64
_I64 = struct.Struct("<q")
_F64 = struct.Struct("<d")
_U64 = struct.Struct("<Q")


class NotNative(Exception):
    """Bytes that are not one value of the format, or a value it cannot hold."""


def _packed(kind: str, items: list | tuple) -> bytes:
    block = array(kind, items)
    if sys.byteorder != "little":
        block.byteswap()
    return block.tobytes()


def _put(out: bytearray, value: object, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise NotNative("the value is nested too deeply")
    kind = type(value)
    if kind is bool:
        out += b"b\x01" if value else b"b\x00"
    elif kind is int:
        try:
            out += b"i" + _I64.pack(value)  # type: ignore[arg-type]
        except struct.error:
            raise NotNative(f"{value} does not fit a 64-bit integer") from None
    elif kind is float:
        out += b"f" + _F64.pack(value)  # type: ignore[arg-type]
    elif kind is str or kind is bytes:
        data = value.encode("utf-8") if isinstance(value, str) else value
        assert isinstance(data, bytes)
        out += b"s" + _U64.pack(len(data)) + data
    elif kind is list or kind is tuple:
        assert isinstance(value, list | tuple)
        if value and all(type(item) is int for item in value):
            try:
                out += b"I" + _U64.pack(len(value)) + _packed("q", value)
            except OverflowError:
                raise NotNative("a list holds an integer that does not fit 64 bits") from None
        elif value and all(type(item) is float for item in value):
            out += b"F" + _U64.pack(len(value)) + _packed("d", value)
        else:
            out += b"l" + _U64.pack(len(value))
            for item in value:
                _put(out, item, depth + 1)
    else:
        raise NotNative(f"a {kind.__name__} has no C++ form (use bool, int, float, str, list or tuple)")


def encode(value: object) -> bytes:
    out = bytearray()
    _put(out, value, 0)
    return bytes(out)


def encode_arguments(arguments: tuple) -> bytes:
    """The call's arguments: one 'l' with an item per parameter (never packed: the glue reads them one by one)."""
    out = bytearray(b"l" + _U64.pack(len(arguments)))
    for item in arguments:
        _put(out, item, 1)
    return bytes(out)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = memoryview(data)
        self.at = 0

    def take(self, count: int) -> memoryview:
        if count > len(self.data) - self.at:
            raise NotNative("the output is truncated")
        chunk = self.data[self.at:self.at + count]
        self.at += count
        return chunk

    def count(self, item_bytes: int) -> int:
        (n,) = _U64.unpack(self.take(8))
        if n > (len(self.data) - self.at) // item_bytes:
            raise NotNative("the output claims more items than it holds")
        return int(n)

    def value(self, depth: int) -> object:
        if depth > MAX_DEPTH:
            raise NotNative("the output is nested too deeply")
        tag = bytes(self.take(1))
        if tag == b"b":
            return self.take(1)[0] != 0
        if tag == b"i":
            return _I64.unpack(self.take(8))[0]
        if tag == b"f":
            return _F64.unpack(self.take(8))[0]
        if tag == b"s":
            try:
                return str(self.take(self.count(1)), "utf-8")
            except UnicodeDecodeError:
                raise NotNative("the output holds a string that is not UTF-8") from None
        if tag in (b"I", b"F"):
            block = array("q" if tag == b"I" else "d")
            block.frombytes(self.take(8 * self.count(8)))
            if sys.byteorder != "little":
                block.byteswap()
            return block.tolist()
        if tag == b"l":
            return [self.value(depth + 1) for _ in range(self.count(1))]
        raise NotNative(f"the output holds an unknown tag {tag!r}")


def decode(data: bytes) -> object:
    reader = _Reader(data)
    value = reader.value(0)
    if reader.at != len(reader.data):
        raise NotNative("the output has bytes after its value")
    return value
