"""Turn what happened to a step's process into a verdict; shared by every backend."""

from __future__ import annotations

import signal

from hpceval.sandbox.base import Step, StepKind, Verdict

MEMORY_MARKERS = ("std::bad_alloc", "Cannot allocate memory", "out of memory", "MemoryError")


def classify_step(
    step: Step,
    exit_code: int,
    signal_number: int | None,
    timed_out: bool,
    output_exceeded: bool,
    stderr: str,
    cpu_used_s: float | None,
    cpu_limit_s: float,
) -> tuple[Verdict, str]:
    if timed_out:
        return Verdict.timeout, f"wall-clock limit of {step.limits.wall_s:g} s exceeded"
    if signal_number in (signal.SIGXCPU, signal.SIGKILL) and cpu_used_s is not None:
        if cpu_used_s >= cpu_limit_s * 0.95:
            return Verdict.timeout, f"CPU-time limit of {cpu_limit_s:g} s exceeded"
    if output_exceeded or signal_number == signal.SIGXFSZ:
        return Verdict.output_limit, f"output limit of {step.limits.output_bytes} bytes exceeded"
    if exit_code == 0:
        return Verdict.ok, ""
    if any(marker in stderr for marker in MEMORY_MARKERS):
        return Verdict.memory_limit, f"memory limit of {step.limits.memory_mb} MB exceeded"
    failed = Verdict.build_error if step.kind == StepKind.build else Verdict.runtime_error
    how = f"killed by signal {signal_number}" if signal_number else f"exit status {exit_code}"
    return failed, f"{step.name} failed: {how}"
