"""Hostile candidates against both backends, for real: each ends with the right verdict within its limits, the
host is unaffected, no secret reaches the job, and the sandbox goes on serving jobs afterwards.
(CI runs as root, so the local backend's namespace and uid-drop paths are exercised too.)"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator

import pytest

from hpceval.sandbox.base import Job, JobResult, Limits, Sandbox, Step, StepKind, Verdict
from tests.docker_support import backend_sandbox

ROOT = os.geteuid() == 0
SECRET = "sk-test-secret-never-in-a-job"


@pytest.fixture(scope="module", params=["local", "docker"])
def box(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    os.environ["HPCEVAL_TEST_API_KEY"] = SECRET  # in the harness's environment while every sandbox is made
    sandbox = backend_sandbox(request.param)
    yield sandbox
    sandbox.close()


def run_sh(box: Sandbox, script: str, kind: StepKind = StepKind.run, **limits: float) -> JobResult:
    step = Step(name="s", kind=kind, argv=["sh", "-c", script], limits=Limits(**limits))
    return box.run(Job(files={"data.txt": "hello\n"}, steps=[step]))


def still_serves(box: Sandbox) -> None:
    result = run_sh(box, "cat data.txt")
    assert result.verdict == Verdict.ok and result.steps[0].stdout == "hello\n"


def no_process_matches(pattern: str) -> bool:
    return subprocess.run(["pgrep", "-f", pattern], capture_output=True).returncode == 1


def test_fork_bomb_is_contained(box):
    started = time.monotonic()
    result = run_sh(box, "bomb() { bomb | bomb & }; bomb; sleep 2; echo survived", wall_s=8, processes=64)
    assert result.verdict in (Verdict.ok, Verdict.timeout, Verdict.runtime_error)
    assert time.monotonic() - started < 30
    still_serves(box)


def test_memory_bomb(box):
    result = run_sh(box, "python3 -c 'x = bytearray(6 << 30)'", memory_mb=256)
    assert result.verdict == Verdict.memory_limit
    still_serves(box)


def test_infinite_loop_times_out(box):
    started = time.monotonic()
    result = run_sh(box, "while :; do :; done", wall_s=1.5)
    assert result.verdict == Verdict.timeout
    assert time.monotonic() - started < 10
    still_serves(box)


def test_ten_gigabyte_stdout_flood_is_cut(box):
    started = time.monotonic()
    result = run_sh(box, "head -c 10000000000 /dev/zero | tr '\\0' x", output_bytes=1_000_000, wall_s=60)
    assert result.verdict == Verdict.output_limit
    assert len(result.steps[0].stdout) + len(result.steps[0].stderr) <= 1_000_000
    assert time.monotonic() - started < 30
    still_serves(box)


def test_only_loopback_and_no_way_to_the_hosts_listener(box):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(4)
    port = listener.getsockname()[1]
    accepted: list[str] = []

    def accept() -> None:
        try:
            connection, _ = listener.accept()
            connection.close()
            accepted.append("connected")
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    script = (
        "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '; "
        f"python3 -c 'import socket; s=socket.socket(); s.settimeout(2); s.connect((\"127.0.0.1\", {port}))' "
        "2>/dev/null && echo CONNECTED || echo REFUSED"
    )
    result = run_sh(box, script)
    thread.join()
    listener.close()
    lines = result.steps[0].stdout.split()
    assert lines[:-1] == ["lo"]
    assert lines[-1] == "REFUSED"
    assert accepted == []


def test_no_secret_reaches_the_job(box):
    script = "env; cat /proc/1/environ 2>&1 | tr '\\0' '\\n'; for p in /proc/[0-9]*/environ; do cat $p; done " \
             "2>/dev/null | tr '\\0' '\\n'; echo end"
    result = run_sh(box, script)
    output = result.steps[0].stdout + result.steps[0].stderr
    assert output.rstrip().endswith("end")
    assert SECRET not in output
    assert "_API_KEY" not in output


def test_writes_outside_the_work_dir_are_denied(box, tmp_path):
    target = tmp_path / "owned"
    result = run_sh(box, f"touch {target} /etc/hpceval-test /usr/bin/hpceval-test 2>&1; echo after")
    assert not target.exists() and not os.path.exists("/etc/hpceval-test")
    output = result.steps[0].stdout
    assert output.count("touch:") == 3 and output.rstrip().endswith("after")
    still_serves(box)


IPC_PROBE = """python3 -c '
import ctypes, sys
libc = ctypes.CDLL(None)
key = 0x48504346
kinds = ((libc.shmget, (4096,)), (libc.semget, (1,)), (libc.msgget, ()))
found = [get(key, *extra, 0o600) >= 0 for get, extra in kinds]
if sys.argv[1] == "leave":
    for get, extra in kinds:
        get(key, *extra, 0o1600)
print(sum(found))
' """


def test_system_v_ipc_objects_do_not_reach_the_next_job(box):
    """Attack: a job leaves a shared memory segment, a semaphore set and a message queue (kernel objects that outlive
    its processes, and no files); later jobs look for them. The local sandbox gives each job its own IPC namespace;
    the Docker backend retires a warm container that still holds any."""
    for _ in range(3):  # the warm pool has a container per slot: a later job may land in the same one
        assert run_sh(box, IPC_PROBE + "leave").steps[0].stdout.strip() == "0"
    assert subprocess.run(["ipcs"], capture_output=True, text=True).stdout.count("0x48504346") == 0  # not on the host
    still_serves(box)


def test_killing_its_parent_hurts_nobody(box):
    result = run_sh(box, "kill -9 $PPID 2>&1; kill -9 1 2>&1; echo after")
    assert result.verdict == Verdict.ok
    assert result.steps[0].stdout.rstrip().endswith("after")
    still_serves(box)


def test_detached_sleeper_dies_with_a_timed_out_step(box):
    started = time.monotonic()
    result = run_sh(box, "(setsid sleep 307 &); sleep 306 & while :; do :; done", wall_s=1.5)
    assert result.verdict == Verdict.timeout
    assert time.monotonic() - started < 15
    time.sleep(0.3)
    assert no_process_matches("sleep 30[67]")


def test_detached_sleeper_does_not_outlive_a_successful_step(box):
    result = run_sh(box, "(setsid sleep 308 &); echo done")
    assert result.verdict == Verdict.ok
    time.sleep(0.3)
    assert no_process_matches("sleep 308")
    still_serves(box)


def test_build_failure_and_exit_status(box):
    assert run_sh(box, "exit 3").verdict == Verdict.runtime_error
    assert run_sh(box, "exit 1", kind=StepKind.build).verdict == Verdict.build_error


def test_a_sealed_file_is_out_of_a_later_steps_reach(box):
    """Attack: a step after the seal (the candidate's) overwrites, renames, deletes and shadows the sealed program
    and its directory; the step after it must still run the original. Without `seal` the attack wins."""
    make = Step(name="make", kind=StepKind.build, argv=["sh", "-c", "printf '#!/bin/sh\\necho trusted\\n' > tool && "
                                                                    "chmod 755 tool"], seal=["tool"])
    attack = Step(name="attack", argv=["sh", "-c", (
        't="$1"; d=$(dirname "$t"); test ! -e tool || exit 9; '
        "printf '#!/bin/sh\\necho forged\\n' > tool; chmod 755 tool; "
        'echo "echo forged" >> "$t"; chmod 777 "$t" "$d"; mv "$t" "$t.old"; rm -f "$t"; '
        'mv "$d" "$d.old"; mkdir -p "$d"; cp tool "$t"; '
        'mv /work/.sealed /work/.sealed.old; true'), "_", "@sealed/tool"])
    run = Step(name="run", argv=["@sealed/tool"])
    result = box.run(Job(files={}, steps=[make, attack, run]))
    assert result.verdict == Verdict.ok, [(s.name, s.verdict, s.stderr[-300:]) for s in result.steps]
    assert result.steps[2].stdout == "trusted\n"
    still_serves(box)


def test_a_seal_of_what_the_step_did_not_make_is_an_infra_error(box):
    step = Step(name="make", kind=StepKind.build, argv=["true"], seal=["missing"])
    result = box.run(Job(files={}, steps=[step, Step(name="never", argv=["true"])]))
    assert result.verdict == Verdict.infra_error and len(result.steps) == 1
    assert "cannot seal missing" in result.steps[0].message
