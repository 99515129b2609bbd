"""Which machine a row was measured on. Two runs share speed columns only when their hardware key is equal:
the same CPU model and count, memory, GPU, architecture, sandbox backend and (for a remote Docker daemon) host.
Software versions (kernel, compilers, Python) do not split rows: they are shown, not keyed."""

from __future__ import annotations

import hashlib
import json
from typing import Any

GIB = 1024**3


def _cpus(fingerprint: dict[str, Any]) -> int | None:
    for name in ("timing_cpus", "cpuset"):  # the CPUs measured on, where the fingerprint says
        value = fingerprint.get(name)
        if isinstance(value, list) and value:
            return len(value)
        if isinstance(value, str) and value:
            return _count_cpuset(value)
    count = fingerprint.get("cpu_count")
    return int(count) if isinstance(count, int) else None


def _count_cpuset(text: str) -> int:
    total = 0
    for part in text.split(","):
        low, _, high = part.strip().partition("-")
        if low.isdigit():
            total += (int(high) - int(low) + 1) if high.isdigit() else 1
    return total


def _gpu(fingerprint: dict[str, Any]) -> str | None:
    gpu = fingerprint.get("gpu")
    if isinstance(gpu, str) and gpu:
        return gpu.split(",")[0].strip()  # the name, not the driver version
    return None


def _remote_host(fingerprint: dict[str, Any]) -> str | None:
    """The remote Docker daemon's machine: its own host name (two URLs of one daemon are one machine), else its
    URL; None for a daemon on this machine's socket."""
    host = fingerprint.get("docker_host")
    if isinstance(host, str) and host and not host.startswith("unix://"):
        name = fingerprint.get("docker_host_name")
        return name if isinstance(name, str) and name else host
    return None


def hardware_facts(fingerprint: dict[str, Any]) -> dict[str, Any]:
    memory = fingerprint.get("memory_bytes")
    return {
        "cpu_model": str(fingerprint.get("cpu_model") or "unknown CPU").strip(),
        "cpus": _cpus(fingerprint),
        "memory_gib": round(memory / GIB) if isinstance(memory, int | float) and memory else None,
        "gpu": _gpu(fingerprint),
        "machine": fingerprint.get("machine"),
        "sandbox": fingerprint.get("sandbox"),
        "host": _remote_host(fingerprint),
    }


def hardware_key(fingerprint: dict[str, Any]) -> str:
    facts = json.dumps(hardware_facts(fingerprint), sort_keys=True)
    return hashlib.sha256(facts.encode()).hexdigest()[:10]


def hardware_label(fingerprint: dict[str, Any]) -> str:
    facts = hardware_facts(fingerprint)
    parts = [facts["cpu_model"]]
    if facts["cpus"]:
        parts.append(f"{facts['cpus']} CPUs")
    if facts["memory_gib"]:
        parts.append(f"{facts['memory_gib']} GiB")
    parts.append(facts["gpu"] or "no GPU")
    parts.append(f"{facts['sandbox'] or 'unknown'} sandbox")
    if facts["host"]:
        parts.append(f"on {facts['host']}")
    return " · ".join(parts)
