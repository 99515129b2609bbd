"""The local sandbox against hostile jobs, for real (this suite runs as root in CI, so the namespace and
uid-drop paths are exercised; as a normal user the same tests check the reduced isolation)."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time

import pytest

from sandbox.base import Job, Limits, Step, StepKind, Verdict
from sandbox.local import SLOT_UID_BASE, LocalSandbox, MachineLane

ROOT = os.geteuid() == 0


@pytest.fixture(scope="module")
def box() -> LocalSandbox:
    return LocalSandbox(slots=2)


def run_sh(box: LocalSandbox, script: str, kind: StepKind = StepKind.run, **limits: float) -> object:
    job = Job(files={"data.txt": "hello\n"}, steps=[Step(name="s", kind=kind, argv=["sh", "-c", script],
                                                        limits=Limits(**limits))])
    return box.run(job)


def test_ok_and_files_are_in_the_work_dir(box):
    result = run_sh(box, "cat data.txt; pwd")
    assert result.verdict == Verdict.ok
    assert result.steps[0].stdout.startswith("hello\n")


def test_exit_status_is_a_runtime_error_and_build_failure_a_build_error(box):
    assert run_sh(box, "exit 3").verdict == Verdict.runtime_error
    assert run_sh(box, "exit 1", kind=StepKind.build).verdict == Verdict.build_error


def test_infinite_loop_times_out_and_kills_detached_children(box):
    started = time.monotonic()
    result = run_sh(box, "(setsid sleep 300 &); sleep 300 & while :; do :; done", wall_s=1.5)
    assert result.verdict == Verdict.timeout
    assert time.monotonic() - started < 10
    leftovers = subprocess.run(["pgrep", "-f", "sleep 300"], capture_output=True, text=True).stdout.split()
    assert leftovers == []


def test_sleeper_detached_past_a_successful_step_does_not_survive(box):
    result = run_sh(box, "(setsid sleep 301 &); echo done")
    assert result.verdict == Verdict.ok
    time.sleep(0.2)
    assert subprocess.run(["pgrep", "-f", "sleep 301"], capture_output=True).returncode == 1


def test_cpu_time_limit(box):
    result = run_sh(box, "while :; do :; done", wall_s=30, cpu_s=1)
    assert result.verdict == Verdict.timeout
    assert "CPU" in result.steps[0].message


def test_output_flood_is_cut_at_the_limit(box):
    result = run_sh(box, "yes flood", output_bytes=10_000)
    assert result.verdict == Verdict.output_limit
    assert len(result.steps[0].stdout) <= 10_000


def test_memory_bomb(box):
    result = run_sh(box, "python3 -c 'x = bytearray(6 << 30)'", memory_mb=256)
    assert result.verdict == Verdict.memory_limit


@pytest.mark.skipif(not ROOT, reason="RLIMIT_NPROC does not bind root; the sandbox drops to a slot uid only as root")
def test_fork_bomb_is_contained(box):
    result = run_sh(box, "bomb() { bomb | bomb & }; bomb; sleep 2; echo survived", wall_s=8, processes=64)
    assert result.verdict in (Verdict.ok, Verdict.timeout, Verdict.runtime_error)
    time.sleep(0.5)
    uid = str(SLOT_UID_BASE)
    procs = subprocess.run(["pgrep", "-u", uid], capture_output=True, text=True).stdout.split()
    assert len(procs) == 0


def test_no_secret_reaches_the_job(box, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-do-not-leak")
    result = run_sh(box, "env; cat /proc/1/environ 2>/dev/null | tr '\\0' '\\n'; echo end")
    assert "sk-secret-do-not-leak" not in result.steps[0].stdout
    assert "API_KEY" not in result.steps[0].stdout


@pytest.mark.skipif(not ROOT, reason="a network namespace needs root here")
def test_only_loopback_and_no_route_to_the_host():
    box = LocalSandbox(slots=1)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    accepted: list[object] = []
    listener.settimeout(3)
    thread = threading.Thread(target=lambda: accepted.append(_accept(listener)))
    thread.start()
    script = (
        "cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '; "
        f"python3 -c 'import socket; s=socket.socket(); s.settimeout(2); s.connect((\"127.0.0.1\", {port}))' "
        "&& echo CONNECTED || echo REFUSED"
    )
    result = run_sh(box, script)
    thread.join()
    listener.close()
    lines = result.steps[0].stdout.split()
    assert lines[:-1] == ["lo"]
    assert lines[-1] == "REFUSED"
    assert accepted == [None]
    assert result.isolation == {"netns": True, "pidns": True, "uid_drop": True}


def _accept(listener: socket.socket) -> object:
    try:
        connection, _ = listener.accept()
        connection.close()
        return "connected"
    except OSError:
        return None


@pytest.mark.skipif(not ROOT, reason="the uid drop happens only as root")
def test_writes_outside_the_work_dir_are_denied(box, tmp_path):
    target = tmp_path / "owned"
    result = run_sh(box, f"touch {target} /etc/hpceval-test 2>&1; kill -9 $PPID; echo after")
    assert not target.exists() and not os.path.exists("/etc/hpceval-test")
    assert "Permission denied" in result.steps[0].stdout


def test_machine_lane_runs_exclusive_steps_alone():
    lane = MachineLane()
    active: list[str] = []
    overlaps: list[list[str]] = []

    def work(name: str, exclusive: bool) -> None:
        with lane.hold(exclusive):
            active.append(name)
            if exclusive and len(active) > 1:
                overlaps.append(list(active))
            if not exclusive and any(a.startswith("x") for a in active if a != name):
                overlaps.append(list(active))
            time.sleep(0.02)
            active.remove(name)

    threads = [threading.Thread(target=work, args=(f"{'x' if i % 3 == 0 else 's'}{i}", i % 3 == 0))
               for i in range(15)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == []
