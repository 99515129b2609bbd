"""The hardware and software a result was measured on (stored in run.json)."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
from pathlib import Path

from hpceval.sandbox.cpus import process_cpus


def _version_line(argv: list[str], last: bool = False) -> str | None:
    """First (or last) line a tool prints about its version; None when it is not installed."""
    if shutil.which(argv[0]) is None:
        return None
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = (out.stdout or out.stderr).strip().splitlines()
    if not lines:
        return None
    return lines[-1] if last else lines[0]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_bytes() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _os_release() -> str | None:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return None


def machine_fingerprint(sandbox: object) -> dict[str, object]:
    """What results are measured on: the sandbox's own facts when it has them (the Docker host and image),
    else this host's."""
    facts = getattr(sandbox, "fingerprint", None)
    if callable(facts):
        return dict(facts())
    fingerprint = host_fingerprint(str(getattr(sandbox, "name", sandbox)))
    isolation = getattr(sandbox, "isolation_report", None)
    if callable(isolation):  # the local sandbox: what the kernel granted its jobs
        fingerprint["isolation"] = isolation()
    return fingerprint


_machine_keys: dict[int, tuple[object, str]] = {}


def machine_key(sandbox: object) -> str:
    """A short hash of the sandbox's fingerprint: what per-machine caches (reference times) are keyed by."""
    known = _machine_keys.get(id(sandbox))
    if known is None or known[0] is not sandbox:
        facts = json.dumps(machine_fingerprint(sandbox), sort_keys=True, default=str)
        known = (sandbox, hashlib.sha256(facts.encode()).hexdigest()[:16])
        _machine_keys[id(sandbox)] = known
    return known[1]


def host_fingerprint(sandbox: str) -> dict[str, object]:
    affinity = process_cpus() if hasattr(os, "sched_getaffinity") else []
    return {
        "sandbox": sandbox,
        "cpu_model": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "cpuset": affinity,
        "memory_bytes": _memory_bytes(),
        "machine": platform.machine(),
        "kernel": platform.release(),
        "os": _os_release(),
        "python": platform.python_version(),
        "gcc": _version_line(["g++", "--version"]),
        "mpicxx": _version_line(["mpicxx", "--version"]),
        "mpirun": _version_line(["mpirun", "--version"]),
        "nvcc": _version_line(["nvcc", "--version"], last=True),
    }


def git_revision() -> str | None:
    root = Path(__file__).resolve().parents[1]
    if not (root / ".git").exists() or shutil.which("git") is None:
        return None
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None
