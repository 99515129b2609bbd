"""`--executor ray`: a `Sandbox` whose jobs run as Ray tasks on the nodes of a Ray cluster.

The driver (the `hpceval run` process) keeps the model calls, the run loop and the run store: `RaySandbox.run`
sends one job as one Ray task and blocks its unit's thread until the result is back; only then does the driver
write the attempt. On the node, the task runs the job in that node's own sandbox (`run_on_node`): the local
sandbox, or the node's own Docker daemon (`--sandbox docker`), built once per Ray worker process and cached. The
worker processes of a node share their trusted builds (sandbox/build_cache.py): each is built once per node and run.

Each task asks for the job's cores (`num_cpus`), its GPUs where `--gpus` was given, and one unit of the custom
resource `timing` when the job has timed steps, so a node started with `--resources '{"timing": 1}'` holds one
timed job at a time; inside the node the sandbox's own timing lane still runs timed steps alone.

A task whose worker or node dies is retried by Ray elsewhere (`max_retries`). A retry cannot duplicate an
attempt: the node never writes the run store, and the driver records one attempt per job result it receives.
Each result carries the fingerprint of the node that measured it, which the driver stores as an artifact and
names in the attempt (`fingerprint_sha`).
"""

from __future__ import annotations

import atexit
import dataclasses
import json
import logging
import os
import socket
import tempfile
import threading
import uuid
from pathlib import Path
from typing import Any

import ray

from hpceval import __version__
from hpceval.harness.errors import UserError
from hpceval.harness.fingerprint import machine_fingerprint
from hpceval.harness.sandboxes import SandboxOptions, make_sandbox
from hpceval.sandbox.base import Job, JobResult, Sandbox, SandboxError, Step
from hpceval.sandbox.build_cache import BuildCache, shared_directory
from hpceval.sandbox.cpus import keep_off
from hpceval.sandbox.docker_host import parse_cpuset
from hpceval.sandbox.lanes import LANE_DIR
from hpceval.sandbox.leases import lease_free
from hpceval.sandbox.local import LocalSandbox

TIMING = "timing"  # the custom resource a node offers for timed jobs: ray start --resources '{"timing": 1}'
MAX_RETRIES = 3  # a task whose worker process or node died runs again elsewhere, this many times at most
START_NODES = 'ray start --address HEAD:6379 --resources \'{"timing": 1}\''


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class RaySandbox:
    """A `Sandbox` over a Ray cluster: `run` is one Ray task on some node, in that node's sandbox."""

    def __init__(self, options: SandboxOptions, address: str | None = None) -> None:
        self.name = options.name  # the nodes' sandbox: what the run config and fingerprints call the backend
        self.options = options
        self.address = address or os.environ.get("RAY_ADDRESS") or None
        try:
            if self.address:
                ray.init(address=self.address, logging_level=logging.WARNING, log_to_driver=False,
                         configure_logging=False)
            else:  # nothing named: a one-node Ray on this host, offering the timing resource
                ray.init(address="local", resources={TIMING: 1}, include_dashboard=False,
                         logging_level=logging.WARNING, log_to_driver=False, configure_logging=False)
        except Exception as exc:  # noqa: BLE001 - Ray raises ConnectionError, RuntimeError, ValueError, ...
            raise UserError(f"--ray-address {self.address or '(a local Ray)'}: cannot connect ({first_line(exc)}); "
                            "start the cluster with `ray start --head --resources '{\"timing\": 1}'` and pass "
                            "its address (HOST:6379)") from None
        self.nodes = [node for node in ray.nodes() if node.get("Alive")]
        timing_nodes = [node for node in self.nodes if node.get("Resources", {}).get(TIMING, 0) >= 1]
        if not timing_nodes:
            ray.shutdown()
            raise UserError(f"the Ray cluster at {self.address} has no node with the `{TIMING}` resource, which timed "
                            f"jobs need; start its nodes with {START_NODES}")
        if options.gpus and not any(node.get("Resources", {}).get("GPU", 0) for node in self.nodes):
            ray.shutdown()
            raise UserError(f"--gpus {options.gpus}: the Ray cluster at {self.address} has no GPU; start its GPU "
                            "nodes with `ray start --num-gpus N ...`, or leave out --gpus")
        # a job asks for at most what one node has (the node's sandbox caps a job's cpuset the same way)
        self._max_cpus = max(int(node.get("Resources", {}).get("CPU", 1)) for node in timing_nodes)
        # each Ray worker process runs one job at a time: its sandbox needs one slot
        # `run` names this run's shared builds on each node (a directory of their own per run)
        self._node_options = json.dumps({"sandbox": dataclasses.asdict(dataclasses.replace(options, slots=1)),
                                         "run": uuid.uuid4().hex})
        self._remote = ray.remote(run_on_node)

    def task_options(self, job: Job) -> dict[str, Any]:
        """The job's resource requests: its cores, its GPUs (with --gpus) and, for a timed job, `timing`."""
        options: dict[str, Any] = {"num_cpus": max(1, min(job.cores, self._max_cpus)), "max_retries": MAX_RETRIES,
                                   "retry_exceptions": False}
        if any(step.exclusive for step in job.steps):
            options["resources"] = {TIMING: 1}
        if job.gpus and self.options.gpus:
            options["num_gpus"] = job.gpus
        return options

    def run(self, job: Job) -> JobResult:
        reference = self._remote.options(**self.task_options(job)).remote(self._node_options, job.model_dump_json())
        try:
            raw, node = ray.get(reference)
        except ray.exceptions.RayError as exc:  # retries spent, the cluster gone, the node's sandbox failed
            raise OSError(f"the Ray task failed: {first_line(exc)}") from None
        return JobResult.model_validate_json(raw).model_copy(update={"node": node})

    def fingerprint(self) -> dict[str, object]:
        """run.json's fingerprint: the cluster as the run found it. Each attempt names its own node's fingerprint
        (the node's machine and sandbox, and its Ray node id, IP and hostname)."""
        return {
            "executor": "ray", "ray_address": self.address or "local", "sandbox": self.name,
            "nodes": [{"ray_node_id": node.get("NodeID"), "ip": node.get("NodeManagerAddress"),
                       "hostname": node.get("NodeManagerHostname"),
                       "resources": {key: value for key, value in node.get("Resources", {}).items()
                                     if key in ("CPU", "GPU", "memory", TIMING)}} for node in self.nodes],
        }

    def close(self) -> None:
        if ray.is_initialized():
            ray.shutdown()


# -- on the node ------------------------------------------------------------------------------------------------

_node_sandboxes: dict[str, tuple[Sandbox, dict[str, object]]] = {}
_node_lock = threading.Lock()


def run_on_node(options_json: str, job_json: str) -> tuple[str, dict[str, object]]:
    """The Ray task: run the job in this node's sandbox; its result and this node's fingerprint."""
    box, facts = node_sandbox(options_json)
    return box.run(Job.model_validate_json(job_json)).model_dump_json(), facts


def node_sandbox(options_json: str) -> tuple[Sandbox, dict[str, object]]:
    """This worker process's sandbox for these options (built once, then cached) and the node's fingerprint."""
    with _node_lock:
        known = _node_sandboxes.get(options_json)
        if known is None:
            given = json.loads(options_json)
            box = _make_node_sandbox(SandboxOptions(**given["sandbox"]))
            atexit.register(box.close)
            share_builds(box, str(given["run"]))
            known = _node_sandboxes[options_json] = (box, {**machine_fingerprint(box), "node": node_facts()})
        return known


def node_facts() -> dict[str, object]:
    context = ray.get_runtime_context()
    return {"executor": "ray", "ray_node_id": context.get_node_id(), "ip": ray.util.get_node_ip_address(),
            "hostname": socket.gethostname(), "hpceval_version": __version__}


NODE_BUILDS = Path(tempfile.gettempdir()) / f"hpceval-node-builds-{os.geteuid()}"


def share_builds(box: Sandbox, run: str) -> None:
    """Let the worker processes of this node share the run's trusted builds, where no job can reach the shared
    directory: inside containers (docker) or as root (the local sandbox then runs each job as a leased uid, in a
    root of its own). A local sandbox without root runs jobs as the harness's own uid, which could write the
    directory: there each worker process keeps its builds to itself."""
    builds = getattr(box, "builds", None)
    if not isinstance(builds, BuildCache) or (isinstance(box, LocalSandbox) and not box.is_root):
        return
    try:
        builds.shared = shared_directory(NODE_BUILDS, run)
    except OSError:
        return  # not shared: each worker process builds its own


def _make_node_sandbox(options: SandboxOptions) -> Sandbox:
    if options.name != "local":
        return make_sandbox(options)  # the node's own Docker daemon (DOCKER_HOST of the node)
    box = WindowedLocalSandbox(window_lease(), slots=1, timing_cpus=options.timing_cpus)
    if options.timing_cpus:
        keep_off(parse_cpuset(options.timing_cpus))
    return box


class WindowedLocalSandbox(LocalSandbox):
    """The local sandbox of one Ray worker process. Every worker process on a node has one slot; its `window`
    (leased per host) spreads the cpusets of their untimed steps over the node's CPUs, as the slots of one
    local sandbox are spread (timed steps keep the first CPUs: they run alone)."""

    def __init__(self, window: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.window = window

    def step_cpus(self, step: Step, cores: int, slot_index: int) -> list[int] | None:
        return super().step_cpus(step, cores, slot_index + self.window)


_window_fds: list[int] = []


def window_lease(limit: int = 4096) -> int:
    """The lowest window index no other process on this host holds (dropped when the process ends)."""
    directory = LANE_DIR / "ray-windows"
    held = lease_free(directory, range(limit), 1)
    if not held:
        raise SandboxError(f"no free Ray worker window under {directory}")
    _window_fds.append(held[0][1])
    return held[0][0]
