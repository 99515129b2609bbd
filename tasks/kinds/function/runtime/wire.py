"""The messages between the trusted side, the zygote and the zygote's children: a one-byte tag, an eight-byte
length and the payload. Shipped into the sandbox; standard library only.

The trusted side reads what a child sends with `loads_plain`, an unpickler that refuses every global: only
pickle's own data opcodes remain (None, bool, int, float, complex is refused, str, bytes, list, tuple, dict,
set, frozenset), so a child cannot make the trusted side call anything, and an object of any other type (a list
subclass with a forgiving `__eq__`, a lazy proxy) does not get through.
"""

from __future__ import annotations

import io
import os
import pickle
import select
import struct
import time

HEADER = struct.Struct(">cQ")
MAX_PAYLOAD = 1 << 31  # a child's claim of a longer message ends the exchange


class Timeout(Exception):
    """The other side did not finish its part before the deadline."""


class Closed(Exception):
    """The other side closed its end (it exited, or was killed) before a whole message came."""


class NotPlain(Exception):
    """A payload that is not plain data."""


def frame(tag: bytes, payload: bytes = b"") -> bytes:
    return HEADER.pack(tag, len(payload)) + payload


def _wait(fd: int, writable: bool, deadline: float | None) -> None:
    timeout = None if deadline is None else deadline - time.perf_counter()
    if timeout is not None and timeout <= 0:
        raise Timeout
    ready = select.select([], [fd], [], timeout) if writable else select.select([fd], [], [], timeout)
    if not any(ready):
        raise Timeout


def read_exact(fd: int, count: int, deadline: float | None = None) -> bytes:
    chunks = bytearray()
    while len(chunks) < count:
        if deadline is not None:
            _wait(fd, False, deadline)
        chunk = os.read(fd, min(count - len(chunks), 1 << 20))
        if not chunk:
            raise Closed
        chunks += chunk
    return bytes(chunks)


def receive(fd: int, deadline: float | None = None, limit: int = MAX_PAYLOAD) -> tuple[bytes, bytes]:
    tag, length = HEADER.unpack(read_exact(fd, HEADER.size, deadline))
    if length > limit:
        raise Closed
    return tag, read_exact(fd, length, deadline)


def send(fd: int, tag: bytes, payload: bytes = b"") -> None:
    view = memoryview(frame(tag, payload))
    while view:
        view = view[os.write(fd, view):]


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        raise NotPlain(f"{module}.{name}")


def loads_plain(payload: bytes) -> object:
    try:
        return _PlainUnpickler(io.BytesIO(payload)).load()
    except NotPlain as exc:
        raise NotPlain(f"the output holds a {exc}; return plain data (None, bool, int, float, str, bytes, list, "
                       "tuple, dict, set)") from None
    except Exception as exc:  # noqa: BLE001 - any malformed payload is the sender's fault
        raise NotPlain(f"the output could not be read ({type(exc).__name__})") from None
