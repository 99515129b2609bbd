"""Local sandbox: each job in a fresh temp dir, each step a subprocess under `sandbox.launch`.

Isolation when started as root: new network, PID and mount namespaces with a root of the job's own
(the toolchain read-only, its work dir, a fresh /proc and a private /tmp: never the repo, the packs or
the host's files; see `sandbox/launch.py`), a dedicated unprivileged uid per concurrent slot (so
RLIMIT_NPROC concerns this job alone), no supplementary groups. Always: a cpuset of the job's cores for
the steps that run its code, rlimits (CPU, data segment, processes, file size), a wall-clock timeout that
kills the whole process tree, a scrubbed environment (nothing of the harness's, so no `*_API_KEY`),
stdout and stderr read through pipes, the job killed once they pass the output limit. Ending a job never
touches a process outside it: with a PID namespace the kernel ends every process in it when its init
exits; without one, only the job's process group is killed.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

from hpceval.sandbox.base import (
    Job,
    JobResult,
    Limits,
    SandboxError,
    Step,
    StepKind,
    StepResult,
    Verdict,
    job_verdict,
    resolve_sealed,
)
from hpceval.sandbox.build_cache import BuildCache, Kept, cached_result
from hpceval.sandbox.cpus import process_cpus
from hpceval.sandbox.docker_host import parse_cpuset
from hpceval.sandbox.lanes import MachineLane, ReservedLane
from hpceval.sandbox.uids import UidLease
from hpceval.sandbox.verdicts import classify_step

SLOT_UID_BASE = 61000
SAFE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


LAUNCHER = str(Path(__file__).resolve().with_name("launch.py"))
# The launcher runs as a plain script in isolated mode without site-packages: it imports only the
# standard library, so it starts in tens of milliseconds and sees nothing of the harness's environment.
LAUNCHER_ARGV = [sys.executable, "-I", "-S", LAUNCHER]


class LocalSandbox:
    name = "local"

    def __init__(self, slots: int = 1, workroot: str | None = None, keep_dirs: bool = False,
                 timing_cpus: str | None = None) -> None:
        self.is_root = os.geteuid() == 0
        self._lease = UidLease(SLOT_UID_BASE, max(1, slots)) if self.is_root else None
        self._slots: queue.Queue[int] = queue.Queue()
        for uid in self._lease.uids if self._lease else range(max(1, slots)):
            self._slots.put(uid)
        self._cpus = process_cpus()
        self._timing_cpus: list[int] = []
        self._lane: MachineLane | ReservedLane = MachineLane()
        if timing_cpus:  # timed steps one at a time on these CPUs; everything else on the others, in parallel
            self._timing_cpus = parse_cpuset(timing_cpus)
            missing = [c for c in self._timing_cpus if c not in self._cpus]
            if missing:
                raise SandboxError(f"--timing-cpus {timing_cpus}: CPU(s) {missing} are not among this process's "
                                   f"CPUs {self._cpus}; pick some of those")
            self._cpus = [c for c in self._cpus if c not in self._timing_cpus]
            if not self._cpus:
                raise SandboxError(f"--timing-cpus {timing_cpus}: leave some CPUs for builds and checks")
            self._lane = ReservedLane(f"local-timing-{','.join(map(str, self._timing_cpus))}")
        self.workroot = Path(workroot or tempfile.gettempdir()) / "hpceval-sandbox"
        self.workroot.mkdir(parents=True, exist_ok=True)
        os.chmod(self.workroot, 0o711)
        self.jail_root = self.workroot / "root"  # the mount point of each job's private root (see launch.py)
        self.jail_root.mkdir(exist_ok=True)
        self.keep_dirs = keep_dirs
        self._slot_index = {slot: index for index, slot in enumerate(list(self._slots.queue))}
        self._isolation: dict[str, bool] | None = None
        self.builds = BuildCache("local")  # this process's host toolchain

    def isolation_report(self) -> dict[str, bool]:
        """The isolation a real job gets here (what the kernel granted, not what was asked for)."""
        if self._isolation is None:
            result = self.run(Job(files={}, steps=[Step(name="probe", argv=["true"])]))
            self._isolation = dict(result.isolation)
        return self._isolation

    def close(self) -> None:
        if self._lease is not None:
            self._lease.release()

    def run(self, job: Job) -> JobResult:
        slot = self._slots.get()
        workdir = Path(tempfile.mkdtemp(prefix="job-", dir=self.workroot))
        sealed = Sealed(workdir.with_name(workdir.name + ".sealed")) if any(s.seal for s in job.steps) else None
        try:
            uid = slot if self.is_root else None  # as root, a slot is a leased uid
            self._write_files(workdir, job.files, uid)
            results: list[StepResult] = []
            isolation: dict[str, bool] = {}
            for step in job.steps:
                cpus = self.step_cpus(step, job.cores, self._slot_index[slot])
                changed = sealed.changed() if sealed else None
                if changed:
                    result = StepResult(name=step.name, kind=step.kind, verdict=Verdict.runtime_error,
                                        message=f"the job changed the sealed file {changed}")
                elif (kept := self.builds.lookup(step)) is not None:
                    self._place(workdir, kept, uid)
                    result = cached_result(step)
                else:
                    try:  # a cacheable step that missed is this job's to build: others wait for it
                        with self._lane.hold(exclusive=step.exclusive):
                            result, isolation = self._run_step(step, workdir, uid, job.cores, cpus, sealed)
                        if result.verdict == Verdict.ok and step.keep:
                            self.builds.store(step, self._read_kept(workdir, step.keep))
                    finally:
                        self.builds.release(step)
                if result.verdict == Verdict.ok and step.seal and sealed:
                    problem = sealed.take(workdir, step.seal)
                    if problem:
                        result = result.model_copy(update={"verdict": Verdict.infra_error, "message": problem})
                results.append(result)
                if result.verdict != Verdict.ok:
                    break
            return JobResult(verdict=job_verdict(results), steps=results, isolation=isolation)
        finally:
            if not self.keep_dirs:  # kept, the sealed files stay beside the work dir: a step can be rerun by hand
                shutil.rmtree(workdir, ignore_errors=True)
                if sealed:
                    shutil.rmtree(sealed.path, ignore_errors=True)
            self._slots.put(slot)

    @staticmethod
    def _read_kept(workdir: Path, names: list[str]) -> dict[str, Kept]:
        """The files a cacheable step made (regular files only; a name missing or odd is left out, so the step is
        not cached)."""
        found: dict[str, Kept] = {}
        for name in names:
            path = workdir / name
            try:
                info = path.lstat()
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                found[name] = Kept(path.read_bytes(), stat.S_IMODE(info.st_mode))
        return found

    @staticmethod
    def _place(workdir: Path, kept: dict[str, Kept], uid: int | None) -> None:
        for name, file in kept.items():
            path = workdir / name
            path.unlink(missing_ok=True)
            path.write_bytes(file.data)
            os.chmod(path, file.mode)
            if uid is not None:
                os.chown(path, uid, uid)

    @staticmethod
    def _write_files(workdir: Path, files: dict[str, str], uid: int | None) -> None:
        (workdir / "tmp").mkdir()
        for rel, content in files.items():
            path = workdir / rel
            if path.resolve().parent != workdir.resolve() and workdir.resolve() not in path.resolve().parents:
                raise ValueError(f"job file {rel!r} escapes the work dir")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content)
        if uid is not None:
            for dirpath, _dirs, names in os.walk(workdir):
                os.chown(dirpath, uid, uid)
                for name in names:
                    os.chown(os.path.join(dirpath, name), uid, uid)
        os.chmod(workdir, 0o700)

    def step_cpus(self, step: Step, cores: int, slot_index: int) -> list[int] | None:
        """The cpuset of a step that runs the job's code: `cores` CPUs, the first ones for a timed step (it runs
        alone), else a window that moves with the slot; None (all CPUs) for builds."""
        if step.kind == StepKind.build:
            return list(self._cpus) if self._timing_cpus else None
        cpus = self._timing_cpus if step.exclusive and self._timing_cpus else self._cpus
        count = max(1, min(cores, len(cpus)))
        start = 0 if step.exclusive else (slot_index * count) % len(cpus)
        return [cpus[(start + i) % len(cpus)] for i in range(count)]

    def _run_step(
        self, step: Step, workdir: Path, uid: int | None, cores: int, cpus: list[int] | None = None,
        sealed: Sealed | None = None,
    ) -> tuple[StepResult, dict[str, bool]]:
        limits: Limits = step.limits
        env = {
            "PATH": SAFE_PATH,
            "HOME": str(workdir),
            "TMPDIR": str(workdir / "tmp"),
            "LANG": "C.UTF-8",
            "OMPI_ALLOW_RUN_AS_ROOT": "1",
            "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1",
            "OMPI_MCA_plm_rsh_agent": "",
            **step.env,
        }
        cpu_s = limits.cpu_s if limits.cpu_s is not None else limits.wall_s * max(1, cores) + 10
        info_read, info_write = os.pipe()  # the launcher reports the isolation it got through this
        spec = {
            "info_fd": info_write,
            "argv": resolve_sealed(step.argv, str(sealed.path)) if sealed else step.argv,
            "cwd": str(workdir),
            "ro_binds": [str(sealed.path)] if sealed else [],
            "env": env,
            "uid": uid,
            "gid": uid,
            "cpus": cpus,
            "jail_root": str(self.jail_root),
            "limits": {
                "cpu_s": int(cpu_s) + 1,
                "data_bytes": limits.memory_mb * 1024 * 1024,
                "nproc": limits.processes,
                "fsize_bytes": limits.file_bytes,
                "core_bytes": 0,
            },
        }
        started = time.monotonic()
        try:
            # The spec (the step's environment included) goes through stdin, never argv: any process can read
            # another's command line.
            proc = subprocess.Popen(
                LAUNCHER_ARGV,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env={"PATH": SAFE_PATH},
                start_new_session=True,
                pass_fds=(info_write,),
                close_fds=True,
            )
        except OSError as exc:
            os.close(info_read)
            os.close(info_write)
            return StepResult(name=step.name, kind=step.kind, verdict=Verdict.infra_error, message=str(exc)), {}
        os.close(info_write)
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        try:
            proc.stdin.write(json.dumps(spec).encode())
            proc.stdin.close()
        except OSError:  # the launcher died at once; its exit status tells
            pass
        capture = CappedCapture(limits.output_bytes, proc.stdout, proc.stderr)
        timed_out = False
        try:
            status = self._wait(proc, limits.wall_s, stop=capture.exceeded)
        except subprocess.TimeoutExpired:
            timed_out = not capture.exceeded.is_set()
            self._kill_tree(proc)
            status = self._wait(proc, 10)
        wall = time.monotonic() - started
        isolation = self._read_isolation(info_read)
        if uid is not None and not isolation.get("pidns"):
            # No PID namespace took the job's orphans with it: kill what is left of the leased uid.
            self._clear_slot(uid)
        stdout, stderr = capture.finish()
        exit_code, rusage = status
        signal_number = exit_code - 128 if exit_code > 128 else None
        cpu_used = rusage.ru_utime + rusage.ru_stime if rusage else None
        verdict, message = classify_step(
            step, exit_code, signal_number, timed_out, capture.exceeded.is_set(), stderr, cpu_used, cpu_s
        )
        return StepResult(
            name=step.name,
            kind=step.kind,
            verdict=verdict,
            exit_code=exit_code,
            signal=signal_number,
            wall_s=wall,
            cpu_s=rusage.ru_utime + rusage.ru_stime if rusage else 0.0,
            max_rss_kb=rusage.ru_maxrss if rusage else 0,
            stdout=stdout,
            stderr=stderr,
            message=message,
        ), isolation

    @staticmethod
    def _wait(
        proc: subprocess.Popen[bytes], timeout: float, stop: threading.Event | None = None
    ) -> tuple[int, resource.struct_rusage | None]:
        """Reap the launcher with its rusage; TimeoutExpired past `timeout` or once `stop` is set."""
        deadline = time.monotonic() + timeout
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                code = proc.returncode if proc.returncode >= 0 else 128 - proc.returncode
                return code, rusage
            if time.monotonic() >= deadline or (stop is not None and stop.is_set()):
                raise subprocess.TimeoutExpired(proc.args, timeout)
            time.sleep(0.005)

    @staticmethod
    def _kill_tree(proc: subprocess.Popen[bytes]) -> None:
        """Kill the launcher's process group; with a PID namespace its init dies too, and the kernel takes every
        process of the namespace with it."""
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    @staticmethod
    def _clear_slot(uid: int, timeout_s: float = 5.0) -> None:
        """Without a PID namespace: return once no live process of the slot's (leased) uid is left."""
        deadline = time.monotonic() + timeout_s
        while _live_pids_of(uid) and time.monotonic() < deadline:
            LocalSandbox._kill_uid(uid)
            time.sleep(0.01)

    @staticmethod
    def _kill_uid(uid: int) -> None:
        """Kill every process of the slot's uid: kill(-1, SIGKILL) as that uid (Python itself: a minimal Debian has
        no `kill` binary)."""
        # the interpreter itself, not a venv's link to it: a venv under /root (mode 0700) is out of the uid's reach
        for python in dict.fromkeys((os.path.realpath(sys.executable), "/usr/bin/python3")):
            try:
                subprocess.run(
                    [python, "-I", "-S", "-c", "import os\ntry: os.kill(-1, 9)\nexcept OSError: pass"],
                    user=uid, group=uid, extra_groups=[], env={"PATH": SAFE_PATH},
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                )
                return
            except OSError:  # this uid may not execute that interpreter; try the next
                continue

    @staticmethod
    def _read_isolation(fd: int) -> dict[str, bool]:
        try:
            with os.fdopen(fd, "rb") as pipe:
                line = pipe.readline()
            return dict(json.loads(line)) if line else {}
        except (OSError, ValueError):
            return {}


class Sealed:
    """The job's sealed files: a directory beside its work dir, owned by the harness's user. As root, the job's
    uid cannot change it; without root (one uid for all) each file's hash is checked before every later step."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(mode=0o755)
        self.digests: dict[str, str] = {}

    def take(self, workdir: Path, names: list[str]) -> str | None:
        """Copy each file out of the work dir into a new read-only file here and delete it there; a problem, or
        None. A copy, not a move: what the job may hold open or have linked to stays the job's."""
        for name in names:
            source = workdir / name
            try:
                info = source.lstat()
                if not stat.S_ISREG(info.st_mode):
                    return f"cannot seal {name}: not a regular file"
                data = source.read_bytes()
                source.unlink()
            except OSError as exc:
                return f"cannot seal {name}: {exc.strerror}"
            target = self.path / name
            target.write_bytes(data)
            os.chmod(target, 0o555)
            self.digests[name] = hashlib.sha256(data).hexdigest()
        os.chmod(self.path, 0o555)
        return None

    def changed(self) -> str | None:
        for name, digest in self.digests.items():
            try:
                now = hashlib.sha256((self.path / name).read_bytes()).hexdigest()
            except OSError:
                return name
            if now != digest:
                return name
        return None


def _live_pids_of(uid: int) -> list[int]:
    """Processes (not zombies) owned by `uid`, from /proc."""
    pids: list[int] = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid != uid:
                continue
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                state = handle.read().rsplit(b")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in (b"Z", b"X"):
            pids.append(int(entry.name))
    return pids


class CappedCapture:
    """Read a step's stdout and stderr in threads, keep at most `limit` bytes of their sum, and set
    `exceeded` as soon as the job writes more (the caller then kills it: verdict output_limit)."""

    def __init__(self, limit: int, *pipes: IO[bytes]) -> None:
        self.limit = limit
        self.exceeded = threading.Event()
        self._total = 0
        self._lock = threading.Lock()
        self._chunks: list[list[bytes]] = [[] for _ in pipes]
        self._threads = [
            threading.Thread(target=self._drain, args=(pipe, chunks), daemon=True)
            for pipe, chunks in zip(pipes, self._chunks, strict=True)
        ]
        for thread in self._threads:
            thread.start()

    def _drain(self, pipe: IO[bytes], chunks: list[bytes]) -> None:
        while data := pipe.read1(65536):  # type: ignore[attr-defined]
            with self._lock:
                room = self.limit - self._total
                self._total += len(data)
                if room > 0:
                    chunks.append(data[:room])
                if self._total > self.limit:
                    self.exceeded.set()
        pipe.close()

    def finish(self) -> tuple[str, ...]:
        for thread in self._threads:
            thread.join(timeout=5)
        with self._lock:
            return tuple(b"".join(chunks).decode("utf-8", errors="replace") for chunks in self._chunks)
