"""The local sandbox's own behaviour: files, CPU-time limit, namespaces, uid leases, the machine lane. The hostile
candidates every backend must survive are in test_sandbox_adversarial.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from hpceval.sandbox.base import Job, Limits, Step, StepKind, Verdict
from hpceval.sandbox.lanes import MachineLane
from hpceval.sandbox.local import SLOT_UID_BASE, LocalSandbox
from hpceval.sandbox.uids import UidLease
from tests.docker_support import backend_sandbox

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


def test_cpu_time_limit(box):
    result = run_sh(box, "while :; do :; done", wall_s=30, cpu_s=1)
    assert result.verdict == Verdict.timeout
    assert "CPU" in result.steps[0].message


def test_reports_the_isolation_it_got():
    """What the namespaces keep out (the host's listener, every interface but lo) is tested for both backends in
    test_sandbox_adversarial.py; here, that the launcher reports the isolation it set up."""
    box = backend_sandbox("local", slots=1)
    try:
        result = run_sh(box, "true")
    finally:
        box.close()
    assert result.verdict == Verdict.ok
    assert result.isolation == {"netns": True, "pidns": True, "mountns": True, "ipcns": True, "private_root": True,
                                "uid_drop": True}


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


@pytest.mark.skipif(not ROOT, reason="slot uids are used only as root")
def test_two_sandboxes_never_share_a_slot_uid():
    first, second = LocalSandbox(slots=2), LocalSandbox(slots=2)
    try:
        assert first._lease and second._lease
        assert not set(first._lease.uids) & set(second._lease.uids)
        assert all(uid >= SLOT_UID_BASE for uid in first._lease.uids + second._lease.uids)
    finally:
        first.close()
        second.close()
    again = UidLease(SLOT_UID_BASE, 1)  # released leases are reusable
    again.release()


def test_machine_lane_is_host_wide_and_dies_with_its_holder(tmp_path):
    """Another process's timed step holds the lane: our shared step waits until that process is killed."""
    lane_name = f"test-{os.getpid()}"
    script = (
        "import sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})\n"
        "from hpceval.sandbox.lanes import MachineLane\n"
        f"with MachineLane({lane_name!r}).hold(exclusive=True):\n"
        "    print('holding', flush=True)\n"
        "    time.sleep(300)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    threading.Timer(1.0, holder.kill).start()  # kill -9 of the holder releases its lock
    started = time.monotonic()
    with MachineLane(lane_name).hold(exclusive=False):
        waited = time.monotonic() - started
    holder.wait()
    assert 0.8 <= waited < 30


def test_a_job_sees_its_own_root_only():
    """The repo, the packs and the host's /tmp are not there; /proc is the job's own; /tmp is private; a step
    that runs the job's code gets a cpuset of the job's cores."""
    repo = Path(__file__).resolve().parents[1]
    marker = f"hpceval-local-{os.getpid()}"
    box = backend_sandbox("local", slots=1)
    script = (f"test -e {repo}/tasks && echo repo-visible; test -e {repo} && echo repo-dir-visible; "
              f"touch /tmp/{marker} && echo tmp-writable; ls /proc | grep -c '^[0-9]' ; "
              "grep Cpus_allowed_list /proc/self/status")
    try:
        result = box.run(Job(files={}, steps=[Step(name="s", argv=["sh", "-c", script])], cores=1))
    finally:
        box.close()
    assert result.verdict == Verdict.ok, result.steps[0].stderr
    lines = result.steps[0].stdout.splitlines()
    assert "repo-visible" not in lines and "repo-dir-visible" not in lines
    assert "tmp-writable" in lines and not Path("/tmp", marker).exists()
    assert int(lines[-2]) <= 4, "the job's /proc shows only the processes of its PID namespace"
    allowed = lines[-1].split(":")[1].strip()
    assert "," not in allowed and "-" not in allowed, f"one CPU for a one-core job, got {allowed}"


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root: it runs a process as a slot uid")
def test_a_python_the_slot_uid_cannot_reach_still_clears_the_slot(tmp_path, monkeypatch):
    """Without a PID namespace a slot is cleared by killing as its uid; the harness's python may be a venv's link
    in a folder that uid cannot enter (a checkout under /root, mode 0700), which must not leave the slot dirty."""
    hidden = tmp_path / "hidden"
    hidden.mkdir(mode=0o700)
    os.chmod(tmp_path, 0o700)
    (hidden / "python").symlink_to(sys.executable)
    monkeypatch.setattr(sys, "executable", str(hidden / "python"))
    uid = SLOT_UID_BASE + 977  # a slot uid no sandbox of this test run leases
    stray = subprocess.Popen(["sleep", "60"], user=uid, group=uid, extra_groups=[])
    try:
        LocalSandbox._kill_uid(uid)
        assert stray.wait(timeout=5) == -9
    finally:
        stray.kill()
        stray.wait()


def test_kept_job_dirs_keep_their_sealed_files_beside_them():
    # not under tmp_path: without a private root the slot uid must reach the work root on the host's own paths
    root = Path(tempfile.mkdtemp(prefix="hpceval-kept-"))
    os.chmod(root, 0o755)
    sandbox = LocalSandbox(workroot=str(root), keep_dirs=True)
    try:
        make = Step(name="make", kind=StepKind.build, argv=["sh", "-c", "echo made > tool"], seal=["tool"])
        result = sandbox.run(Job(files={}, steps=[make, Step(name="read", argv=["cat", "@sealed/tool"])]))
        assert result.verdict == Verdict.ok and result.steps[1].stdout == "made\n", result.steps
        (workdir,) = [p for p in (root / "hpceval-sandbox").glob("job-*") if not p.name.endswith(".sealed")]
        assert not (workdir / "tool").exists()
        assert (workdir.with_name(workdir.name + ".sealed") / "tool").read_text() == "made\n"
    finally:
        sandbox.close()
        shutil.rmtree(root, ignore_errors=True)
