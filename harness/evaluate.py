"""Evaluate one candidate: run its job in the sandbox and read the driver's verdict and timings."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field

from harness.jobs import make_job, task_resources
from metrics import paired_speedup
from sandbox.base import JobResult, Sandbox, StepResult, Verdict
from tasks.loader import Pack, Task

RESULT_MARKER = "HPCEVAL_RESULT "


@dataclass
class Evaluation:
    verdict: Verdict
    message: str = ""
    built: bool = False
    log: str = ""
    threads: int = 1
    ranks: int = 1
    build_s: float | None = None
    check_s: float | None = None
    time_s: float | None = None
    baseline_times: list[float] = field(default_factory=list)
    candidate_times: list[float] = field(default_factory=list)
    counters: dict[str, float] = field(default_factory=dict)  # profiler counters, where the host gives them

    @property
    def baseline_median_s(self) -> float | None:
        return statistics.median(self.baseline_times) if self.baseline_times else None

    @property
    def candidate_median_s(self) -> float | None:
        return statistics.median(self.candidate_times) if self.candidate_times else None

    @property
    def speedup(self) -> float | None:
        if self.verdict != Verdict.ok or not self.baseline_median_s or not self.candidate_median_s:
            return None
        return self.baseline_median_s / self.candidate_median_s

    def speedup_interval(self) -> list[float] | None:
        """95% interval of the speedup from resampling the interleaved (baseline, candidate) pairs."""
        if self.speedup is None or len(self.baseline_times) != len(self.candidate_times):
            return None
        estimate = paired_speedup(self.baseline_times, self.candidate_times)
        return [estimate.low, estimate.high]


def driver_result(step: StepResult) -> dict[str, object] | None:
    """The JSON of the driver's last `HPCEVAL_RESULT` line, or None when it printed none."""
    for line in reversed(step.stdout.splitlines()):
        if line.startswith(RESULT_MARKER):
            try:
                data = json.loads(line[len(RESULT_MARKER):])
            except json.JSONDecodeError:
                return None
            return data if isinstance(data, dict) else None
    return None


def format_log(result: JobResult) -> str:
    parts: list[str] = []
    for step in result.steps:
        parts.append(
            f"=== {step.name}: {step.verdict} (exit {step.exit_code}, {step.wall_s:.3f} s wall, "
            f"{step.cpu_s:.3f} s cpu, {step.max_rss_kb} kB rss) {step.message}\n"
        )
        if step.stdout:
            parts.append(f"--- stdout\n{step.stdout.rstrip()}\n")
        if step.stderr:
            parts.append(f"--- stderr\n{step.stderr.rstrip()}\n")
    return "".join(parts)


def _seconds(values: object) -> list[float]:
    if not isinstance(values, list):
        return []
    return [float(v) for v in values if isinstance(v, int | float) and v > 0]


def interpret(result: JobResult) -> Evaluation:
    """Map the steps of a job to a verdict: the first failing step decides; then the driver's JSON."""
    evaluation = Evaluation(verdict=Verdict.ok, log=format_log(result))
    walls = {step.name: step.wall_s for step in result.steps}
    evaluation.build_s = walls.get("build")
    evaluation.check_s = walls.get("check")
    evaluation.time_s = walls.get("time")
    evaluation.built = any(s.name == "build" and s.verdict == Verdict.ok for s in result.steps)
    for step in result.steps:
        if step.verdict != Verdict.ok:
            if step.name == "build_baseline":  # the pack's own code: never the model's fault
                evaluation.verdict = Verdict.infra_error
                evaluation.message = f"the pack's baseline failed to build: {step.message}"
            else:
                evaluation.verdict = step.verdict
                evaluation.message = step.message or _tail(step.stderr)
            return evaluation
        if step.name in ("check", "time"):
            data = driver_result(step)
            if data is None:
                evaluation.verdict = Verdict.runtime_error
                evaluation.message = f"{step.name}: the driver printed no result (did the code exit early?)"
                return evaluation
            if data.get("correct") is not True:
                evaluation.verdict = Verdict.wrong_answer
                evaluation.message = f"{step.name}: {_first_failed_case(data)}"
                return evaluation
            if step.name == "time":
                evaluation.baseline_times = _seconds(data.get("baseline_s"))
                evaluation.candidate_times = _seconds(data.get("candidate_s"))
                if not evaluation.baseline_times or not evaluation.candidate_times:
                    evaluation.verdict = Verdict.runtime_error
                    evaluation.message = "time: the driver reported no timings"
                    return evaluation
    if result.verdict == Verdict.infra_error:
        evaluation.verdict = Verdict.infra_error
    return evaluation


def _first_failed_case(data: dict[str, object]) -> str:
    cases = data.get("cases")
    if isinstance(cases, list):
        for case in cases:
            if isinstance(case, dict) and not case.get("ok", False):
                return (
                    f"wrong output at size {case.get('size')} seed {case.get('seed')} "
                    f"(max abs err {case.get('max_abs_err')}, max rel err {case.get('max_rel_err')})"
                )
    return "output differs from the baseline beyond the tolerance"


def _tail(text: str, lines: int = 3) -> str:
    return " | ".join(text.strip().splitlines()[-lines:])[:300]


def evaluate(sandbox: Sandbox, pack: Pack, task: Task, code: str, run_timeout_s: float | None = None) -> Evaluation:
    resources = task_resources(pack, task)
    try:
        result = sandbox.run(make_job(pack, task, code, run_timeout_s))
    except OSError as exc:
        return Evaluation(verdict=Verdict.infra_error, message=f"sandbox failed: {exc}",
                          threads=resources.threads, ranks=resources.ranks)
    evaluation = interpret(result)
    evaluation.threads, evaluation.ranks = resources.threads, resources.ranks
    return evaluation
