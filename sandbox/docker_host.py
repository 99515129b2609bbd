"""The Docker daemon side of the sandbox: connecting (DOCKER_HOST), container labels, cpusets, and sweeping the
containers of runs that died."""

from __future__ import annotations

import hashlib
import os
import socket
from typing import Any

from hpceval.sandbox.base import SandboxError

LABEL_SANDBOX = "org.hpceval.sandbox"
LABEL_SESSION = "org.hpceval.session"
LABEL_HOST = "org.hpceval.host"
LABEL_PID = "org.hpceval.pid"


def connect(timeout_s: float = 30.0, pool_size: int = 16) -> Any:
    """A docker client for DOCKER_HOST (or the local socket), or a SandboxError naming the fix."""
    try:
        import docker
        import docker.errors
    except ImportError:
        raise SandboxError("the docker package is not installed; pip install 'docker>=7'") from None
    try:
        client = docker.from_env(timeout=int(timeout_s), max_pool_size=pool_size)
        client.ping()
    except docker.errors.DockerException as exc:
        where = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
        raise SandboxError(
            f"no Docker daemon answers at {where} ({str(exc).splitlines()[0][:120]}); start it "
            "(`dockerd &` or `systemctl start docker`), point DOCKER_HOST at one, or use --sandbox local"
        ) from None
    return client


def lane_name(docker_host: str) -> str:
    """The timing lane of the machine jobs run on: this host's own for a local daemon (shared with the local
    sandbox), one per remote daemon otherwise."""
    if not docker_host or docker_host.startswith("unix://"):
        return "machine"
    return "docker-" + hashlib.sha256(docker_host.encode()).hexdigest()[:12]


def parse_cpuset(text: str) -> list[int]:
    """`0-3,6` -> [0, 1, 2, 3, 6]."""
    cpus: list[int] = []
    try:
        for part in text.split(","):
            low, _, high = part.strip().partition("-")
            cpus += range(int(low), int(high or low) + 1)
    except ValueError:
        raise SandboxError(f"cpuset {text!r}: give CPUs like 0-3,6") from None
    if not cpus:
        raise SandboxError(f"cpuset {text!r}: give CPUs like 0-3,6")
    return sorted(set(cpus))


def stale_containers(client: Any, everything: bool = False) -> list[Any]:
    """Sandbox containers of this host whose harness process is gone (or all of them)."""
    host = socket.gethostname()
    found = []
    for container in client.containers.list(all=True, filters={"label": LABEL_SANDBOX}):
        labels = container.labels or {}
        if everything:
            found.append(container)
            continue
        if labels.get(LABEL_HOST) != host:
            continue
        try:
            os.kill(int(labels.get(LABEL_PID, "0")), 0)
        except (ProcessLookupError, ValueError):
            found.append(container)
        except PermissionError:
            pass  # alive, someone else's
    return found


def cleanup(client: Any, everything: bool = False) -> list[str]:
    import docker.errors

    removed = []
    for container in stale_containers(client, everything):
        try:
            container.remove(force=True)
            removed.append(container.name)
        except docker.errors.NotFound:
            pass
    return removed
