"""`--timing-cpus` with the local sandbox: timed steps on the reserved CPUs, one at a time; builds and checks on
the others; a cpuset this process cannot use is one line before any work."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from hpceval.sandbox.base import Job, SandboxError, Step, StepKind
from hpceval.sandbox.lanes import ReservedLane
from hpceval.sandbox.local import LocalSandbox
from tests.conftest import hpceval

CPUS = sorted(os.sched_getaffinity(0))
needs_two = pytest.mark.skipif(len(CPUS) < 2, reason="needs two CPUs")


@needs_two
def test_timed_steps_get_the_reserved_cpus_and_the_rest_get_the_others():
    reserved = str(CPUS[-1])
    box = LocalSandbox(slots=2, timing_cpus=reserved)
    try:
        assert isinstance(box._lane, ReservedLane)
        timed = Step(name="time", argv=["true"], exclusive=True)
        check = Step(name="check", argv=["true"])
        build = Step(name="build", argv=["true"], kind=StepKind.build)
        assert box.step_cpus(timed, 1, 0) == [CPUS[-1]]
        for slot in (0, 1):
            assert CPUS[-1] not in (box.step_cpus(check, 1, slot) or [])
        assert box.step_cpus(build, 1, 0) == CPUS[:-1]
        result = box.run(Job(files={}, steps=[timed]))
        assert result.verdict == "ok"
    finally:
        box.close()


def test_a_cpuset_outside_this_process_is_refused():
    with pytest.raises(SandboxError, match="not among this process's CPUs"):
        LocalSandbox(timing_cpus=str(max(CPUS) + 64))
    with pytest.raises(SandboxError, match="leave some CPUs"):
        LocalSandbox(timing_cpus=",".join(map(str, CPUS)))


def test_the_cli_says_it_in_one_line(tmp_path):
    result = hpceval("run", "--sandbox", "local", "--timing-cpus", str(max(CPUS) + 64), "--task",
                     "hpc/axpy/serial/generate",
                     "--out", str(tmp_path / "run"))
    assert result.returncode == 2, result.stderr
    assert "--timing-cpus" in result.stderr and len(result.stderr.strip().splitlines()) == 1


HARNESS_PINS_ITSELF = """
import os, sys, threading, time
from hpceval.harness.fingerprint import host_fingerprint
from hpceval.harness.sandboxes import SandboxOptions, make_sandbox
from hpceval.sandbox.local import LocalSandbox
reserved = int(sys.argv[1])
earlier = threading.Thread(target=time.sleep, args=(2,))
earlier.start()  # a thread the harness had before the sandbox was made
box = make_sandbox(SandboxOptions(name="local", slots=1, timing_cpus=str(reserved)))
later = threading.Thread(target=time.sleep, args=(1,))
later.start()
used = sorted({cpu for tid in os.listdir("/proc/self/task") for cpu in os.sched_getaffinity(int(tid))})
LocalSandbox(timing_cpus=str(reserved)).close()  # a second sandbox of this process still sees every CPU
print(used, host_fingerprint("local")["cpuset"])
box.close()
"""


@needs_two
def test_the_harness_itself_keeps_off_the_timing_cpus():
    # a fresh process: the harness stays pinned for the rest of its life. Without it, the kernel ran the harness's
    # threads on the reserved CPU whenever the others were busy, stalling timed runs
    done = subprocess.run([sys.executable, "-c", HARNESS_PINS_ITSELF, str(CPUS[-1])], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    used, fingerprint = done.stdout.strip().split("] [")
    assert str(CPUS[-1]) not in used.strip("[").split(", ")
    assert "[" + fingerprint == str(CPUS)  # the machine's fingerprint does not change with the pinning
