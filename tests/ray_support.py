"""A real local Ray cluster for tests and benchmarks: a head and worker nodes on 127.0.0.1, each a `ray start
--block` process in a session of its own, with its own temp dir and free ports. Stopping a node kills the
processes of its session only (never `ray stop`, which would stop every Ray of the host)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RAY = Path(sys.executable).with_name("ray")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def session_pids(sid: int) -> list[int]:
    """The processes of session `sid` (a node's `ray start` and everything it started that stayed in it)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid:  # after the command: state, ppid, pgrp, session
            pids.append(int(entry.name))
    return pids


def process_titles(sid: int) -> list[str]:
    titles = []
    for pid in session_pids(sid):
        try:
            titles.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except OSError:
            continue
    return titles


class LocalRayCluster:
    """`with LocalRayCluster() as cluster: cluster.add_node(...)`; `cluster.address` is the head's HOST:PORT."""

    def __init__(self, head_cpus: int = 1, timing: int = 1, env: dict[str, str] | None = None) -> None:
        self.temp = Path(tempfile.mkdtemp(prefix="hpr-", dir="/tmp"))  # short: Ray's socket paths have a limit
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.env = {**os.environ, "PYTHONPATH": str(REPO), "RAY_USAGE_STATS_ENABLED": "0",
                    # a dead node is noticed within ~2 s instead of ~30 s
                    "RAY_health_check_period_ms": "500", "RAY_health_check_failure_threshold": "3",
                    "RAY_health_check_initial_delay_ms": "0", **(env or {})}
        self.nodes: list[subprocess.Popen[bytes]] = []
        self.head_cpus, self.timing = head_cpus, timing

    def __enter__(self) -> LocalRayCluster:
        try:
            self._start(["--head", "--port", str(self.port), "--temp-dir", str(self.temp), "--include-dashboard",
                         "false", "--ray-client-server-port", str(free_port())], self.head_cpus, self.timing)
            self.wait_for_nodes(1)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def add_node(self, cpus: int = 1, timing: int = 1) -> subprocess.Popen[bytes]:
        node = self._start(["--address", self.address], cpus, timing)
        self.wait_for_nodes(len(self.nodes))
        return node

    def _start(self, args: list[str], cpus: int, timing: int) -> subprocess.Popen[bytes]:
        log = open(self.temp / f"node{len(self.nodes)}.log", "wb")  # noqa: SIM115 - kept open by the child
        node = subprocess.Popen(
            [str(RAY), "start", "--block", *args, "--node-ip-address", "127.0.0.1", "--num-cpus", str(cpus),
             "--resources", json.dumps({"timing": timing}), "--disable-usage-stats",
             "--node-manager-port", str(free_port()), "--object-manager-port", str(free_port()),
             "--metrics-export-port", str(free_port()), "--runtime-env-agent-port", str(free_port()),
             "--dashboard-agent-listen-port", str(free_port()), "--dashboard-agent-grpc-port", str(free_port())],
            env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        self.nodes.append(node)
        return node

    def alive_nodes(self) -> list[dict[str, object]]:
        """The cluster's live nodes, as `ray list nodes` would say (read through a short-lived driver)."""
        code = (f"import json, ray; ray.init(address={self.address!r}, logging_level='ERROR', log_to_driver=False); "
                "print(json.dumps([n for n in ray.nodes() if n['Alive']]))")
        out = subprocess.run([sys.executable, "-c", code], env=self.env, capture_output=True, text=True, timeout=120,
                             check=False)
        if out.returncode != 0:
            return []
        return list(json.loads(out.stdout.strip().splitlines()[-1]))

    def wait_for_nodes(self, count: int, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            dead = [node.args for node in self.nodes if node.poll() is not None]
            if dead:
                raise RuntimeError(f"a Ray node exited: {dead}; see {self.temp}")
            if len(self.alive_nodes()) >= count:
                return
            time.sleep(0.5)
        raise TimeoutError(f"the Ray cluster did not reach {count} node(s) in {timeout} s; see {self.temp}")

    def kill_node(self, node: subprocess.Popen[bytes]) -> None:
        """kill -9 every process of the node's session (its raylet, its workers and the jobs they run)."""
        for _ in range(3):
            pids = session_pids(node.pid)
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            if not pids:
                break
            time.sleep(0.2)
        node.wait(timeout=10)

    def stop(self) -> None:
        for node in reversed(self.nodes):
            if node.poll() is None or session_pids(node.pid):
                self.kill_node(node)
        self.nodes.clear()
        shutil.rmtree(self.temp, ignore_errors=True)
