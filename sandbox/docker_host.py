"""The Docker daemon side of the sandbox: connecting (DOCKER_HOST), container labels, cpusets, and sweeping the
containers of runs that died."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import socket
from typing import Any

from hpceval.sandbox.base import SandboxError

LABEL_SANDBOX = "org.hpceval.sandbox"
LABEL_SESSION = "org.hpceval.session"
LABEL_HOST = "org.hpceval.host"
LABEL_PID = "org.hpceval.pid"


LOCAL_SOCKET = "unix:///var/run/docker.sock"


def docker_host() -> str:
    """The daemon the docker SDK talks to: DOCKER_HOST, else the local socket."""
    return os.environ.get("DOCKER_HOST") or LOCAL_SOCKET


def is_remote(host: str) -> bool:
    """Whether the daemon may be on another machine (ssh://, tcp://), so it cannot see this machine's files."""
    return not host.startswith(("unix://", "npipe://"))


def connect(timeout_s: float = 30.0, pool_size: int = 16) -> Any:
    """A docker client for DOCKER_HOST (or the local socket), or a SandboxError naming the fix. An ssh:// host is
    reached through paramiko (the docker SDK's own ssh transport): ~/.ssh/config (HostName, Port, User,
    IdentityFile, ProxyCommand), the keys in ~/.ssh and ssh-agent, and ~/.ssh/known_hosts, which must already
    hold the host's key."""
    try:
        import docker
        import docker.errors
    except ImportError:
        raise SandboxError("the docker package is not installed; pip install 'docker>=7'") from None
    where = docker_host()
    if where.startswith("ssh://") and importlib.util.find_spec("paramiko") is None:
        raise SandboxError(f"DOCKER_HOST={where} needs paramiko (the docker SDK's ssh transport): "
                           "pip install 'docker[ssh]>=7'")
    try:
        client = docker.from_env(timeout=int(timeout_s), max_pool_size=pool_size)
        client.ping()
    except docker.errors.DockerException as exc:
        remote = (" (there, `docker system dial-stdio` must work for that user: the docker CLI installed and "
                  "the user in the docker group)") if where.startswith("ssh://") else ""
        raise SandboxError(
            f"no Docker daemon answers at {where} ({str(exc).splitlines()[0][:120]}); start it "
            f"(`dockerd &` or `systemctl start docker`){remote}, point DOCKER_HOST at one, or use --sandbox local"
        ) from None
    except Exception as exc:  # noqa: BLE001 - paramiko's, while it opens the ssh connection of an ssh:// host
        if not where.startswith("ssh://"):
            raise
        raise SandboxError(ssh_failure(where, exc)) from None
    return client


def ssh_failure(where: str, exc: Exception) -> str:
    """One line for a failed ssh connection to DOCKER_HOST, naming the fix."""
    import urllib.parse

    url = urllib.parse.urlparse(where)
    port = f" -p {url.port}" if url.port else ""
    login = f"ssh{port} {url.netloc.rsplit(':', 1)[0] if url.port else url.netloc}"
    text = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
    if "known_hosts" in text:
        fix = (f"its host key is not in ~/.ssh/known_hosts: connect once with `{login}` and check the key it shows "
               "(or add it with ssh-keyscan)")
    elif "authentication" in text.lower():
        fix = ("the login was refused: give a key (~/.ssh/id_ed25519, IdentityFile in ~/.ssh/config, or ssh-agent) "
               f"that `{login}` logs in with")
    elif isinstance(exc, OSError):
        fix = f"the host cannot be reached: check the host name and port (`{login}`)"
    else:
        fix = f"check that `{login} docker info` works"
    return f"DOCKER_HOST={where}: ssh failed ({text}); {fix}"


def lane_name(host: str, daemon_id: str = "") -> str:
    """The timing lane of the machine jobs run on: this host's own for a local daemon (shared with the local
    sandbox), one per remote daemon otherwise (named by the daemon's ID where known, so two URLs of one daemon,
    ssh://a@node and ssh://b@node, share it)."""
    if not host or not is_remote(host):
        return "machine"
    return "docker-" + hashlib.sha256((daemon_id or host).encode()).hexdigest()[:12]


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
