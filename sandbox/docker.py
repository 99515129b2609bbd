"""Docker sandbox: a warm pool of long-lived containers, one per concurrent slot, each running the
stdlib-only `container_runner` as its main process and taking jobs over its attached stdin/stdout.

Every container: no network (`--network none`), read-only root filesystem with tmpfs /work and /tmp,
all capabilities dropped but SETUID/SETGID (the runner drops each job to an unprivileged uid),
no-new-privileges, memory without swap, a PID limit, a cpuset and a CPU quota, labels naming the session.
A job runs in a fresh dir under /work; a container that may hold state afterwards (a timeout, a limit hit,
processes left behind, files outside the work dir) is replaced. Closing a container's stdin makes its runner
exit and Docker remove it (`auto_remove`), so a harness that dies leaks nothing; `hpceval sandbox cleanup`
removes what a crashed daemon connection might still have left.
"""

from __future__ import annotations

import atexit
import base64
import os
import queue
import socket
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hpceval.sandbox.base import Job, JobResult, Limits, SandboxError, Step, StepKind, StepResult, Verdict, job_verdict
from hpceval.sandbox.build_cache import BuildCache, Kept, cached_result
from hpceval.sandbox.docker_host import (
    LABEL_HOST,
    LABEL_PID,
    LABEL_SANDBOX,
    LABEL_SESSION,
    cleanup,
    connect,
    docker_host,
    is_remote,
    lane_name,
    parse_cpuset,
)
from hpceval.sandbox.images import RECIPE_LABEL, resolve_image
from hpceval.sandbox.lanes import MachineLane, ReservedLane
from hpceval.sandbox.runner_channel import ChannelBroken, RunnerChannel
from hpceval.sandbox.uids import UidLease
from hpceval.sandbox.verdicts import classify_step

RUNNER_SOURCE = (Path(__file__).resolve().parent / "container_runner.py").read_text()
SLOT_UID_BASE = 62000
HEADROOM_MB = 512  # the runner, tmpfs contents and the kernel's page cache charge the container too
START_TIMEOUT_S = 120.0
FACT_KEYS = ("cpu_model", "gcc", "mpicxx", "mpirun", "nvcc", "gpu", "perf_counters")
# One probe job gathers every fact about the image and the hardware it sees, so a run starts fast.
FACTS_SCRIPT = """
first() { "$@" 2>/dev/null | head -n1; }
echo "cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
echo "gcc=$(first g++ --version)"
echo "mpicxx=$(first mpicxx --version)"
echo "mpirun=$(first mpirun --version)"
echo "nvcc=$(nvcc --version 2>/dev/null | tail -n1)"
echo "gpu=$(first nvidia-smi --query-gpu=name,driver_version --format=csv,noheader)"
perf_ok=no
if perf stat -x, -e instructions true 2>&1 | grep -qE '^[0-9]+,'; then perf_ok=yes; fi
echo "perf_counters=$perf_ok"
"""
ISOLATION = {"netns": True, "pidns": True, "ipcns": True, "uid_drop": True, "read_only_root": True,
             "cgroup_limits": True}


@dataclass
class Box:
    """One warm container and its runner."""

    id: str
    uid: int
    channel: RunnerChannel
    settings: dict[str, Any]
    facts: dict[str, Any] = field(default_factory=dict)
    dirty: bool = False


class DockerSandbox:
    name = "docker"

    def __init__(
        self,
        slots: int = 1,
        image: str | None = None,
        warm: bool = True,
        gpus: str | None = None,
        timing_cpus: str | None = None,
        client: Any = None,
        cuda_toolkit: str | None = None,
    ) -> None:
        import docker.errors

        self._errors = docker.errors
        self.client = client or connect(pool_size=max(16, 2 * slots + 4))
        self.docker_host = docker_host()
        self.remote = is_remote(self.docker_host)  # a daemon that may not see this machine's files
        self.image_ref = resolve_image(image)
        try:
            self.image = self.client.images.get(self.image_ref)
        except docker.errors.ImageNotFound:
            there = f" on {self.docker_host}; build it there (with this DOCKER_HOST)" if self.remote else "; build it"
            raise SandboxError(
                f"image {self.image_ref} not found{there}: hpceval sandbox build"
                f"{' --offline' if self.image_ref.startswith('hpceval-cpu:') else ''}"
            ) from None
        self.warm = warm
        self.gpus = gpus
        # CUDA builds on a host without a GPU (or an image without CUDA): the host's toolkit, read-only
        toolkit = cuda_toolkit or os.environ.get("HPCEVAL_CUDA_TOOLKIT")
        if toolkit and self.remote:
            raise SandboxError(f"--cuda-toolkit (or HPCEVAL_CUDA_TOOLKIT) mounts a directory of this machine, which "
                               f"the Docker daemon at {self.docker_host} cannot see; on a remote host use an image "
                               "with CUDA (--image cuda) or run hpceval on that host")
        self.cuda_toolkit = str(Path(toolkit).resolve()) if toolkit else None
        if self.cuda_toolkit and not Path(self.cuda_toolkit, "bin", "nvcc").exists():
            raise SandboxError(f"--cuda-toolkit {toolkit}: no bin/nvcc there; give the CUDA install dir, "
                               "e.g. /usr/local/cuda")
        # cacheable builds (build_cache.py), per image and mounted toolkit
        self.builds = BuildCache(f"docker {self.image.id} {self.cuda_toolkit}")
        self.info: dict[str, Any] = self.client.info()
        self.ncpu = int(self.info.get("NCPU") or os.cpu_count() or 1)
        self.all_cpus = f"0-{self.ncpu - 1}"
        self.timing_cpus = timing_cpus
        self.check_list = list(range(self.ncpu))
        self.timing_list: list[int] = []
        if timing_cpus:
            self.timing_list = parse_cpuset(timing_cpus)
            self.check_list = [c for c in range(self.ncpu) if c not in self.timing_list]
            if not self.check_list or max(self.timing_list) >= self.ncpu:
                raise SandboxError(f"--timing-cpus {timing_cpus}: leave some of CPUs 0-{self.ncpu - 1} for checks")
        self.check_cpus = ",".join(map(str, self.check_list))
        machine = lane_name(self.docker_host, str(self.info.get("ID") or ""))
        self._lane: MachineLane | ReservedLane = (
            ReservedLane(f"{machine}-timing-{self._cpuset(0, len(self.timing_list), self.timing_list)}")
            if timing_cpus else MachineLane(machine)
        )
        self.session = uuid.uuid4().hex[:12]
        self._lease = UidLease(SLOT_UID_BASE, max(1, slots))
        self._uids = self._lease.uids
        self._free: queue.Queue[int] = queue.Queue()
        for slot in range(max(1, slots)):
            self._free.put(slot)
        self._boxes: dict[int, Box] = {}
        self._lock = threading.Lock()
        self._closed = False
        self.swept = cleanup(self.client)  # containers of runs on this host that died before removing theirs
        atexit.register(self.close)

    # -- lifecycle -----------------------------------------------------------------------------------

    def _labels(self) -> dict[str, str]:
        return {LABEL_SANDBOX: "1", LABEL_SESSION: self.session, LABEL_HOST: socket.gethostname(),
                LABEL_PID: str(os.getpid())}

    def _start_box(self, slot: int, memory_mb: int, cores: int, processes: int) -> Box:
        api = self.client.api
        uid = self._uids[slot]
        settings = {"memory_mb": memory_mb, "cores": cores, "pids": processes}
        host_config = api.create_host_config(
            network_mode="none",
            read_only=True,
            init=True,
            auto_remove=True,
            cap_drop=["ALL"],
            cap_add=["SETUID", "SETGID"],
            security_opt=["no-new-privileges"],
            tmpfs={"/work": "rw,exec,nosuid,nodev,size=2g", "/tmp": "rw,exec,nosuid,nodev,size=1g"},
            shm_size="512m",
            mem_limit=f"{memory_mb + HEADROOM_MB}m",
            memswap_limit=f"{memory_mb + HEADROOM_MB}m",
            pids_limit=processes + 32,
            cpuset_cpus=self._cpuset(slot, cores, self.check_list),
            device_requests=self._device_requests(),
            binds={self.cuda_toolkit: {"bind": "/usr/local/cuda", "mode": "ro"}} if self.cuda_toolkit else None,
        )
        config = api.create_container_config(
            self.image_ref, ["python3", "-I", "-S", "-c", RUNNER_SOURCE], stdin_open=True, host_config=host_config,
            labels=self._labels(), environment={"HPCEVAL_UID": str(uid)}, hostname="sandbox", working_dir="/work",
            user="0:0",
        )
        config["StdinOnce"] = True  # when our connection closes, stdin closes, the runner exits, Docker removes it
        container_id = api.create_container_from_config(config, None)["Id"]
        try:
            channel = RunnerChannel(api.attach_socket(container_id, params={"stdin": 1, "stdout": 1, "stderr": 1,
                                                                            "stream": 1}))
            api.start(container_id)
            channel.receive(START_TIMEOUT_S)
            facts = channel.request({"op": "ping"}, START_TIMEOUT_S)
        except BaseException:
            self._remove(container_id)
            raise
        return Box(id=container_id, uid=uid, channel=channel, settings=settings, facts=facts)

    def _device_requests(self) -> list[Any] | None:
        """`--gpus all` or `--gpus 0,1`: the GPUs as Docker device requests (the NVIDIA container toolkit)."""
        import docker.types

        if not self.gpus:
            return None
        if self.gpus == "all":
            return [docker.types.DeviceRequest(count=-1, capabilities=[["gpu"]])]
        return [docker.types.DeviceRequest(device_ids=self.gpus.split(","), capabilities=[["gpu"]])]

    def _remove(self, container_id: str) -> None:
        try:
            self.client.api.remove_container(container_id, force=True)
        except self._errors.NotFound:
            pass
        except self._errors.APIError as exc:
            if "already in progress" not in str(exc):
                raise

    def _retire(self, slot: int) -> None:
        box = self._boxes.pop(slot, None)
        if box is None:
            return
        box.channel.close()
        try:
            self._remove(box.id)
        except self._errors.DockerException:
            pass  # the runner exits on stdin EOF and auto_remove takes the container anyway

    def _box_for(self, slot: int, job: Job) -> Box:
        memory_mb = max((s.limits.memory_mb for s in job.steps), default=Limits().memory_mb)
        processes = max((s.limits.processes for s in job.steps), default=Limits().processes)
        cores = max(1, job.cores)
        box = self._boxes.get(slot)
        if box is not None and (box.dirty or memory_mb > box.settings["memory_mb"] or processes > box.settings["pids"]):
            self._retire(slot)
            box = None
        if box is None:
            box = self._start_box(slot, memory_mb, cores, processes)
            self._boxes[slot] = box
        if box.settings["cores"] != cores:  # the job gets as many CPUs as it has cores, whatever it spawns
            self.client.api.update_container(box.id, cpuset_cpus=self._cpuset(slot, cores, self.check_list))
            box.settings["cores"] = cores
        return box

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        for slot in list(self._boxes):
            self._retire(slot)
        try:  # and any container of ours that never got as far as a box (created, then a failure)
            mine = {"label": f"{LABEL_SESSION}={self.session}"}
            for container in self.client.containers.list(all=True, filters=mine):
                self._remove(container.id)
        except self._errors.DockerException:
            pass
        self._lease.release()

    # -- jobs ----------------------------------------------------------------------------------------

    def run(self, job: Job) -> JobResult:
        if self._closed:
            raise SandboxError("the docker sandbox is closed")
        slot = self._free.get()
        try:
            failure = ""
            for _ in range(2):  # an infrastructure failure is retried once on a fresh container
                try:
                    return self._run_in(slot, job)
                except (ChannelBroken, self._errors.DockerException, OSError) as exc:
                    failure = str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
                    try:
                        self._retire(slot)
                    except Exception:  # noqa: BLE001 - the daemon may be gone; the next try says so
                        self._boxes.pop(slot, None)
            step = StepResult(name="sandbox", kind=job.steps[0].kind if job.steps else StepKind.run,
                              verdict=Verdict.infra_error, message=f"docker sandbox failed: {failure}")
            return JobResult(verdict=Verdict.infra_error, steps=[step])
        finally:
            self._free.put(slot)

    def _run_in(self, slot: int, job: Job) -> JobResult:
        box = self._box_for(slot, job)
        job_id = uuid.uuid4().hex[:16]
        box.channel.request({"op": "prepare", "job": job_id, "files": job.files}, 60)
        results: list[StepResult] = []
        for step in job.steps:
            kept = self.builds.lookup(step)
            if kept is not None:
                files = {name: {"data": base64.b64encode(file.data).decode(), "mode": file.mode}
                         for name, file in kept.items()}
                placed = box.channel.request({"op": "put", "job": job_id, "files": files, "seal": step.seal}, 60)
                result = cached_result(step)
                if placed.get("seal_error"):
                    result = result.model_copy(update={"verdict": Verdict.infra_error,
                                                       "message": str(placed["seal_error"])})
                results.append(result)
                if result.verdict != Verdict.ok:
                    break
                continue
            try:  # a cacheable step that missed is this job's to build: others wait for it (build_cache.py)
                with self._lane.hold(exclusive=step.exclusive):
                    reserved = step.exclusive and bool(self.timing_list)
                    if reserved:
                        self.client.api.update_container(box.id,
                                                         cpuset_cpus=self._cpuset(0, job.cores, self.timing_list))
                    try:
                        raw = box.channel.request(self._step_request(job_id, step, job.cores),
                                                  step.limits.wall_s + 60)
                    finally:
                        if reserved:
                            self.client.api.update_container(
                                box.id, cpuset_cpus=self._cpuset(slot, job.cores, self.check_list))
                result = self._step_result(step, raw, job.cores)
                if result.verdict == Verdict.ok and step.keep and isinstance(raw.get("kept"), dict):
                    self.builds.store(step, {name: Kept(base64.b64decode(file["data"]), int(file["mode"]))
                                             for name, file in raw["kept"].items()})
            finally:
                self.builds.release(step)
            results.append(result)
            if raw.get("strays") or raw.get("oom_killed") or result.verdict in (
                Verdict.timeout, Verdict.memory_limit, Verdict.output_limit
            ):
                box.dirty = True
            if result.verdict != Verdict.ok:
                break
        finished = box.channel.request({"op": "finish", "job": job_id}, 60)
        if (finished.get("strays") or finished.get("files_outside_workdir") or finished.get("ipc_objects")
                or not finished.get("clean", False)):
            box.dirty = True
        if box.dirty or not self.warm:
            self._retire(slot)
        return JobResult(verdict=job_verdict(results), steps=results, isolation=dict(ISOLATION))

    @staticmethod
    def _cpuset(slot: int, cores: int, cpus: list[int]) -> str:
        """`cores` CPUs of `cpus` for a slot, slots spread over the CPUs. A cpuset rather than a CFS quota: under
        a quota, OpenMP and MPI threads that spin at barriers get throttled for whole periods (cg/omp measured
        0.23x under a 2-CPU quota, 1.94x without)."""
        if cores >= len(cpus):
            return ",".join(map(str, cpus))
        start = (slot * cores) % len(cpus)
        return ",".join(str(cpus[(start + i) % len(cpus)]) for i in range(cores))

    @staticmethod
    def _cpu_limit(step: Step, cores: int) -> float:
        return step.limits.cpu_s if step.limits.cpu_s is not None else step.limits.wall_s * max(1, cores) + 10

    def _step_request(self, job_id: str, step: Step, cores: int) -> dict[str, Any]:
        limits = step.limits
        return {
            "op": "step", "job": job_id, "argv": step.argv, "env": step.env, "wall_s": limits.wall_s,
            "output_bytes": limits.output_bytes, "seal": step.seal, "keep": step.keep,
            "rlimits": {"cpu_s": int(self._cpu_limit(step, cores)) + 1, "data_bytes": limits.memory_mb << 20,
                        "nproc": limits.processes, "fsize_bytes": limits.file_bytes, "core_bytes": 0},
        }

    def _step_result(self, step: Step, raw: dict[str, Any], cores: int) -> StepResult:
        stderr = str(raw.get("stderr", ""))
        cpu_used = float(raw.get("cpu_s", 0.0))
        verdict, message = classify_step(step, int(raw["exit_code"]), raw.get("signal"), bool(raw.get("timed_out")),
                                         bool(raw.get("output_exceeded")), stderr, cpu_used,
                                         self._cpu_limit(step, cores))
        if raw.get("oom_killed") and verdict != Verdict.timeout:  # the kernel killed part of the job: not a pass
            verdict, message = Verdict.memory_limit, f"memory limit of {step.limits.memory_mb} MB exceeded (OOM kill)"
        if raw.get("seal_error") and verdict == Verdict.ok:  # the step's own output: never the candidate's doing
            verdict, message = Verdict.infra_error, str(raw["seal_error"])
        return StepResult(name=step.name, kind=step.kind, verdict=verdict, exit_code=int(raw["exit_code"]),
                          signal=raw.get("signal"), wall_s=float(raw.get("wall_s", 0.0)), cpu_s=cpu_used,
                          max_rss_kb=int(raw.get("max_rss_kb", 0)), stdout=str(raw.get("stdout", "")), stderr=stderr,
                          message=message)

    # -- facts ---------------------------------------------------------------------------------------

    def probe(self, argv: list[str], wall_s: float = 30) -> StepResult:
        """Run one command in a sandbox container (for the fingerprint and `sandbox doctor`)."""
        step = Step(name="probe", argv=argv, limits=Limits(wall_s=wall_s))
        result = self.run(Job(files={}, steps=[step]))
        return result.steps[0]

    def fingerprint(self) -> dict[str, object]:
        info = self.info
        version = self.client.version()
        labels = self.image.labels or {}
        facts: dict[str, object] = {
            "sandbox": "docker",
            "docker_host": self.docker_host,
            "docker_host_name": info.get("Name"),  # the daemon's machine, as it names itself
            "docker_version": version.get("Version"),
            "cpu_count": info.get("NCPU"),
            "memory_bytes": info.get("MemTotal"),
            "kernel": info.get("KernelVersion"),
            "os": info.get("OperatingSystem"),
            "cgroup_version": info.get("CgroupVersion"),
            "check_cpus": self.check_cpus,
            "timing_cpus": self.timing_cpus or self.check_cpus,
            "image": self.image_ref,
            "image_id": self.image.id,
            "image_digests": list(self.image.attrs.get("RepoDigests") or []),
            "image_recipe": labels.get(RECIPE_LABEL),
            "gpus": self.gpus,
            "cuda_toolkit_mount": self.cuda_toolkit,
        }
        probe = self.probe(["sh", "-c", FACTS_SCRIPT])
        for line in probe.stdout.splitlines():
            key, _, value = line.partition("=")
            if key in FACT_KEYS:
                facts[key] = value.strip() or None
        facts["perf_counters"] = facts.pop("perf_counters", None) == "yes"
        return facts
