"""One JSON line each way over a container's attached stdin/stdout (Docker's multiplexed stream)."""

from __future__ import annotations

import json
import socket
import struct
import time
from typing import Any

HEADER = struct.Struct(">BxxxI")  # stream type (1 stdout, 2 stderr), payload size
STDERR_KEEP = 8192


class ChannelBroken(Exception):
    """The container's runner stopped answering: the container died, the daemon went away, or it hung."""


class RunnerChannel:
    def __init__(self, attached: Any) -> None:
        self._holder = attached  # keep the SDK's wrapper alive: its close() would close our socket
        self._sock: socket.socket = getattr(attached, "_sock", attached)
        self._buffer = bytearray()
        self._line = bytearray()
        self.stderr = bytearray()

    def request(self, payload: dict[str, Any], timeout_s: float) -> dict[str, Any]:
        try:
            self._sock.settimeout(timeout_s)
            self._sock.sendall(json.dumps(payload).encode() + b"\n")
        except OSError as exc:
            raise ChannelBroken(f"could not send to the container: {exc}") from None
        reply = self.receive(timeout_s)
        if not reply.get("ok", False):
            raise ChannelBroken(f"the container's runner failed: {reply.get('error', reply)}")
        return reply

    def receive(self, timeout_s: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        while True:
            newline = self._line.find(b"\n")
            if newline >= 0:
                line = bytes(self._line[:newline])
                del self._line[: newline + 1]
                try:
                    data = json.loads(line)
                except json.JSONDecodeError:
                    raise ChannelBroken(f"the container's runner sent garbage: {line[:200]!r}") from None
                if not isinstance(data, dict):
                    raise ChannelBroken(f"the container's runner sent garbage: {line[:200]!r}")
                return data
            self._read_frame(deadline)

    def _read_frame(self, deadline: float) -> None:
        header = self._read_exactly(HEADER.size, deadline)
        kind, size = HEADER.unpack(header)
        payload = self._read_exactly(size, deadline)
        if kind == 2:
            self.stderr += payload
            del self.stderr[:-STDERR_KEEP]
        else:
            self._line += payload

    def _read_exactly(self, size: int, deadline: float) -> bytes:
        while len(self._buffer) < size:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChannelBroken("the container's runner did not answer in time")
            try:
                self._sock.settimeout(remaining)
                data = self._sock.recv(1 << 16)
            except TimeoutError:
                raise ChannelBroken("the container's runner did not answer in time") from None
            except OSError as exc:
                raise ChannelBroken(f"lost the connection to the container: {exc}") from None
            if not data:
                tail = self.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
                raise ChannelBroken(f"the container's runner exited ({tail[0][:200]})")
            self._buffer += data
        chunk = bytes(self._buffer[:size])
        del self._buffer[:size]
        return chunk

    def close(self) -> None:
        """Closing stdin makes the runner exit, and Docker then removes its container."""
        for action in (lambda: self._sock.shutdown(socket.SHUT_RDWR), self._sock.close,
                       getattr(self._holder, "close", lambda: None)):
            try:
                action()
            except OSError:
                pass
