"""A run's input (tasks/kinds/function/runtime/zygote.py, `Input`): one memfd per case, read by every run's child
and by the reference's, so it must be sealed: whatever holds it, no process can rewrite, shrink or grow what the
next run will read (the attack: a child that finds the memfd and leaves the next run a trivial input)."""

from __future__ import annotations

import mmap
import os
import sys
from pathlib import Path

import pytest

RUNTIME = Path(__file__).resolve().parents[1] / "tasks" / "kinds" / "function" / "runtime"
sys.path.insert(0, str(RUNTIME))  # zygote.py imports its neighbours by name, as it does in the sandbox
import zygote  # noqa: E402

PAYLOAD = b"the arguments of one case " * 4096


def test_an_input_is_readable_whole_and_refuses_every_change():
    held = zygote.Input(PAYLOAD)
    try:
        assert os.pread(held.fd, len(PAYLOAD) + 1, 0) == PAYLOAD
        for attempt in (lambda: os.pwrite(held.fd, b"X", 0), lambda: os.ftruncate(held.fd, 1),
                        lambda: os.ftruncate(held.fd, 2 * len(PAYLOAD))):
            with pytest.raises(PermissionError):
                attempt()
        # another descriptor for the same file, as a process that found it under /proc would open it
        with open(f"/proc/self/fd/{held.fd}", "r+b", buffering=0) as other:
            with pytest.raises(PermissionError):
                other.write(b"X")
            with pytest.raises(PermissionError):
                mmap.mmap(other.fileno(), len(PAYLOAD), flags=mmap.MAP_SHARED, prot=mmap.PROT_WRITE)
        assert os.pread(held.fd, len(PAYLOAD) + 1, 0) == PAYLOAD
    finally:
        held.close()
    assert held.fd == -1
