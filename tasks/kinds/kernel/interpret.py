"""Read a kernel job's result: the first failing step decides, then the trusted driver's verdict and timings."""

from __future__ import annotations

import json
import shlex
import statistics
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from hpceval.metrics import paired_speedup
from hpceval.sandbox.base import Job, JobResult, StepResult, Verdict
from hpceval.sandbox.verdicts import MEMORY_MARKERS
from hpceval.tasks.kinds.base import Measurement
from hpceval.tasks.kinds.kernel.jobs import GPU_PROBE_NONE, StepRole, sweep_resources

RESULT_MARKER = "HPCEVAL_RESULT "
POLICY_MARKER = "HPCEVAL_POLICY "
# The trusted driver's verdicts; anything else is read as runtime_error. Its infra_error (memfd, freeze) is too:
# the worker may provoke those, and an infra_error is left out of the scores, so it must not be a way out.
DRIVER_VERDICTS = {v.value: v for v in (Verdict.ok, Verdict.wrong_answer, Verdict.runtime_error, Verdict.untimed_work,
                                        Verdict.wrong_model)}
# a failure of these is the pack's (or the machine's), never the model's
PACK_STEPS = (StepRole.build_trusted, StepRole.build_stub, StepRole.build_gpu_probe)


class ResourceRun(BaseModel):
    """One timed run of a sample at one resource count (ParEval records several per sample; a scaling sweep
    times an answer at several, each against the baseline timed beside it)."""

    threads: int | None = None
    ranks: int | None = None
    did_run: bool
    is_valid: bool
    runtime_s: float | None = None
    baseline_s: float | None = None  # a sweep's: the baseline's median beside this count's repeats
    speedup: float | None = None  # a sweep's: baseline_s / runtime_s where the run was valid
    message: str = ""  # a sweep's: why a count failed (the answer's verdict stands on its model's own count)


class KernelMeasurement(Measurement):
    """What a kernel job measured: resources, step durations, the interleaved timings and their speedup."""

    threads: int = 1
    ranks: int = 1
    build_s: float | None = None
    check_s: float | None = None
    time_s: float | None = None
    baseline_times: list[float] = Field(default_factory=list)
    candidate_times: list[float] = Field(default_factory=list)
    baseline_median_s: float | None = None
    candidate_median_s: float | None = None
    speedup_ci: list[float] | None = None  # 95% interval from resampling the interleaved timing pairs
    efficiency: float | None = None
    handshake_us: float | None = None  # median empty-call round trip, trusted driver <-> worker
    # why the timed repeats ended: "interval" (the speedup's 95% interval reached the pack's ci_width), "max_reps"
    # or "budget"; len(candidate_times) is how many there were
    timing_stop: str | None = None
    untimed_cpu_s: dict[str, float] = Field(default_factory=dict)  # worker CPU outside timed calls, per phase
    counters: dict[str, float] = Field(default_factory=dict)  # profiler counters, where the host gave them
    counters_source: str | None = None  # which profiler, of what (e.g. valgrind callgrind, the call only)
    runs: list[ResourceRun] | None = None  # per-resource runs of imported ParEval results (None: never ran)


@dataclass
class Evaluation:
    """The reading of one job, before it becomes an Outcome with a KernelMeasurement."""

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
    counters_source: str | None = None
    handshake_us: float | None = None  # median empty-call round trip between the trusted side and the worker
    timing_stop: str | None = None  # why the repeats ended (interval, max_reps, budget)
    # the worker's largest CPU use outside a timed call, per phase (load, after_call, store), one rank and call
    untimed_cpu_s: dict[str, float] = field(default_factory=dict)
    speedup_bound: float | None = None  # a speedup above it is implausible: the attempt is marked suspect
    sweep_runs: list[ResourceRun] = field(default_factory=list)  # a scaling sweep's other counts

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

    @property
    def suspect(self) -> bool:
        return self.speedup is not None and self.speedup_bound is not None and self.speedup > self.speedup_bound

    def speedup_interval(self) -> list[float] | None:
        """95% interval of the speedup from resampling the interleaved (baseline, candidate) pairs."""
        if self.speedup is None or len(self.baseline_times) != len(self.candidate_times):
            return None
        estimate = paired_speedup(self.baseline_times, self.candidate_times)
        return [estimate.low, estimate.high]

    def measurement(self) -> KernelMeasurement:
        speedup, cores = self.speedup, self.threads * self.ranks
        return KernelMeasurement(
            speedup=speedup, cores=cores, suspect=self.suspect, speedup_bound=self.speedup_bound,
            threads=self.threads, ranks=self.ranks, build_s=self.build_s, check_s=self.check_s, time_s=self.time_s,
            baseline_times=self.baseline_times, candidate_times=self.candidate_times,
            baseline_median_s=self.baseline_median_s, candidate_median_s=self.candidate_median_s,
            speedup_ci=self.speedup_interval(), efficiency=speedup / cores if speedup is not None else None,
            handshake_us=self.handshake_us, timing_stop=self.timing_stop, untimed_cpu_s=self.untimed_cpu_s,
            counters=self.counters, counters_source=self.counters_source, runs=self.scaling_runs())

    def scaling_runs(self) -> list[ResourceRun] | None:
        """A sweep's runs, the model's own count among them, ordered by ranks then threads (None: no sweep)."""
        if not self.sweep_runs:
            return None
        own = ResourceRun(threads=self.threads, ranks=self.ranks, did_run=bool(self.candidate_times),
                          is_valid=self.verdict == Verdict.ok, runtime_s=self.candidate_median_s,
                          baseline_s=self.baseline_median_s, speedup=self.speedup)
        return sorted([own, *self.sweep_runs], key=lambda run: (run.ranks or 1, run.threads or 1))


def driver_result(step: StepResult, key: str, mode: str | None = None) -> dict[str, object] | None:
    """The JSON of the trusted driver's result line, which carries the job's key; None unless exactly one, of
    the step's mode (`mode`, else the step's name)."""
    prefix = f"{RESULT_MARKER}{key} "
    found = [line[len(prefix):] for line in step.stdout.splitlines() if line.startswith(prefix)]
    if len(found) != 1:
        return None
    try:
        data = json.loads(found[0])
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) and data.get("mode") == (mode or step.name) else None


def format_log(result: JobResult, job: Job | None = None) -> str:
    """Every step: a `=== name: verdict (...)` header, with the job its `$ command` line (never its env: one value
    is the result key), then its stdout and stderr."""
    argv = {step.name: step.argv for step in job.steps} if job else {}
    parts: list[str] = []
    for step in result.steps:
        parts.append(
            f"=== {step.name}: {step.verdict} (exit {step.exit_code}, {step.wall_s:.3f} s wall, "
            f"{step.cpu_s:.3f} s cpu, {step.max_rss_kb} kB rss) {step.message}\n"
        )
        if step.name in argv:
            parts.append(f"$ {shlex.join(argv[step.name])}\n")
        if step.stdout:
            parts.append(f"--- stdout\n{step.stdout.rstrip()}\n")
        if step.stderr:
            parts.append(f"--- stderr\n{step.stderr.rstrip()}\n")
    return "".join(parts)


def _seconds(values: object) -> list[float]:
    if not isinstance(values, list):
        return []
    return [float(v) for v in values if isinstance(v, int | float) and v > 0]


def _policy_message(step: StepResult) -> tuple[Verdict, str]:
    for line in step.stdout.splitlines():
        if line.startswith(POLICY_MARKER):
            data = json.loads(line[len(POLICY_MARKER):])
            if "violations" in data:
                return Verdict.policy_violation, "symbol policy: " + "; ".join(data["violations"])
            return Verdict.build_error, f"the code does not define the entry point {data.get('missing_entry')}"
    return Verdict.infra_error, f"the symbol policy check failed: {step.message or _tail(step.stderr)}"


def _failed_step(evaluation: Evaluation, step: StepResult) -> None:
    if step.name in PACK_STEPS:
        evaluation.verdict = Verdict.infra_error
        evaluation.message = f"the pack's trusted driver failed to build: {step.message} {_tail(step.stderr)}"
        if "nvcc" in step.stderr and ("not found" in step.stderr or "No such file" in step.stderr):
            evaluation.message = ("nvcc is not in the sandbox: run on a host with the CUDA toolkit, or give docker "
                                  "one with --cuda-toolkit /usr/local/cuda")
    elif step.name == StepRole.gpu_probe:  # the pack's probe, before any code of the candidate's ran
        none = step.exit_code == GPU_PROBE_NONE
        evaluation.verdict = Verdict.skipped_no_gpu if none else Verdict.infra_error
        said = _tail(step.stdout, 1) or step.message or _tail(step.stderr)
        evaluation.message = (f"no GPU in the sandbox, so the checks and timing did not run ({said})" if none
                              else f"the GPU probe failed: {said}")
    elif step.name == StepRole.policy and step.verdict == Verdict.build_error:
        evaluation.verdict, evaluation.message = _policy_message(step)
    elif step.verdict == Verdict.build_error:  # the compiler's own first error says what is wrong
        evaluation.verdict = step.verdict
        evaluation.message = f"{step.name}: {first_error(step.stderr) or step.message or _tail(step.stderr)}"
    else:
        evaluation.verdict = step.verdict
        evaluation.message = step.message or _tail(step.stderr)


def first_error(stderr: str) -> str:
    """The first `error:` line of a compiler's output (file:line:col: error: ...), shortened."""
    for line in stderr.splitlines():
        if "error:" in line or "undefined reference" in line:
            return line.strip()[:300]
    return ""


def _read_driver(evaluation: Evaluation, step: StepResult, key: str) -> bool:
    """Take the trusted driver's verdict of a check or time step; False once the evaluation has failed."""
    data = driver_result(step, key)
    if data is None:  # it always prints one unless killed: by the candidate, so this counts against it
        evaluation.verdict = Verdict.runtime_error
        evaluation.message = f"{step.name}: the trusted driver printed no result (was it killed?)"
        return False
    verdict = DRIVER_VERDICTS.get(str(data.get("verdict")), Verdict.runtime_error)
    if verdict == Verdict.runtime_error and any(marker in step.stderr for marker in MEMORY_MARKERS):
        verdict = Verdict.memory_limit
    if step.name == StepRole.time:  # kept whatever the verdict (a wrong_model attempt was still timed)
        evaluation.baseline_times = _seconds(data.get("baseline_s"))
        evaluation.candidate_times = _seconds(data.get("candidate_s"))
        handshake, untimed, stop = data.get("handshake_s"), data.get("untimed_s"), data.get("stop")
        evaluation.timing_stop = stop if isinstance(stop, str) and stop else None
        evaluation.handshake_us = float(handshake) * 1e6 if isinstance(handshake, int | float) else None
        if isinstance(untimed, dict):
            evaluation.untimed_cpu_s = {k: float(v) for k, v in untimed.items() if isinstance(v, int | float)}
    if verdict != Verdict.ok:
        evaluation.verdict = verdict
        evaluation.message = f"{step.name}: {data.get('message') or 'output differs from the baseline'}"
        return False
    if step.name == StepRole.time:
        if not evaluation.baseline_times or not evaluation.candidate_times:
            evaluation.verdict = Verdict.runtime_error
            evaluation.message = "time: the trusted driver reported no timings"
            return False
    return True


def interpret(result: JobResult, key: str, *, job: Job | None = None) -> Evaluation:
    """Map the steps of a job to a verdict: the first failing step decides; then the trusted driver's JSON. With
    the job, the log shows each step's command."""
    evaluation = Evaluation(verdict=Verdict.ok, log=format_log(result, job))
    walls = {step.name: step.wall_s for step in result.steps}
    evaluation.build_s = sum(walls.get(role, 0.0) for role in (StepRole.build, StepRole.link, StepRole.build_worker))
    evaluation.check_s = walls.get(StepRole.check)
    evaluation.time_s = walls.get(StepRole.time)
    # built (build@k): the candidate compiled, and linked where it got that far (a policy violation still compiled)
    linking = (StepRole.link, StepRole.build_worker)
    evaluation.built = any(s.name == StepRole.build and s.verdict == Verdict.ok for s in result.steps) and not any(
        s.name in linking and s.verdict != Verdict.ok for s in result.steps)
    for step in result.steps:
        if step.name == StepRole.profile:  # the judge's counters: whatever happened, never the verdict
            if evaluation.verdict == Verdict.ok:
                evaluation.counters, evaluation.counters_source = profile_counters(step, key)
            continue
        at = sweep_resources(step.name)
        if at is not None:  # a sweep's count: measured, but the verdict is the model's own count's
            if evaluation.verdict == Verdict.ok:
                evaluation.sweep_runs.append(_sweep_run(step, key, at.threads, at.ranks))
            continue
        driver_step = step.name in (StepRole.check, StepRole.time)
        if driver_step and step.verdict in (Verdict.ok, Verdict.runtime_error) and step.exit_code in (0, 1):
            if not _read_driver(evaluation, step, key):  # exit status 1: the trusted driver found a failure
                return evaluation
        elif step.verdict != Verdict.ok:
            _failed_step(evaluation, step)
            return evaluation
    if result.verdict == Verdict.infra_error and not any(
            sweep_resources(s.name) is not None or s.name == StepRole.profile
            for s in result.steps if s.verdict == Verdict.infra_error):
        evaluation.verdict = Verdict.infra_error
    return evaluation


def _sweep_run(step: StepResult, key: str, threads: int, ranks: int) -> ResourceRun:
    """One count of a scaling sweep: valid when the trusted driver checked every repeat's output and found it
    right (and the model really used, at this count); its speedup is against the baseline timed beside it."""
    data = driver_result(step, key, mode=StepRole.time.value)
    if data is None:
        return ResourceRun(threads=threads, ranks=ranks, did_run=False, is_valid=False,
                           message=step.message or _tail(step.stderr) or "no result")
    baseline, candidate = _seconds(data.get("baseline_s")), _seconds(data.get("candidate_s"))
    valid = data.get("verdict") == Verdict.ok.value and bool(baseline) and bool(candidate)
    run = ResourceRun(threads=threads, ranks=ranks, did_run=bool(candidate), is_valid=valid,
                      runtime_s=statistics.median(candidate) if candidate else None,
                      baseline_s=statistics.median(baseline) if baseline else None,
                      message="" if valid else str(data.get("message") or data.get("verdict")))
    if valid and run.runtime_s and run.baseline_s:
        run.speedup = run.baseline_s / run.runtime_s
    return run


PROFILER_MARKER = "HPCEVAL_PROFILER "
CALLGRIND_MARKER = "HPCEVAL_CALLGRIND "
# perf stat's CSV events -> the names the judge reads
PERF_EVENTS = {"instructions": "instructions", "cycles": "cycles", "cache-references": "cache_references",
               "cache-misses": "cache_misses", "branch-misses": "branch_misses"}


def profile_counters(step: StepResult, key: str) -> tuple[dict[str, float], str | None]:
    """The counters of a profile step (profile_call.sh) and their source; none unless the trusted side checked the
    profiled calls' output and found it right. perf stat: its CSV lines, summed over ranks; callgrind: the dump of
    the last call (from the entry point's entry to its return, every thread), summed over ranks, as instructions,
    memory reads and writes, L1 data misses and last-level misses of its simulated caches."""
    data = driver_result(step, key, mode=StepRole.check.value)
    if data is None or data.get("verdict") != Verdict.ok.value:
        return {}, None
    profiler = next((line[len(PROFILER_MARKER):].strip() for line in step.stderr.splitlines()
                     if line.startswith(PROFILER_MARKER)), "none")
    counts: dict[str, float] = {}
    if profiler == "perf":
        for line in step.stderr.splitlines():
            parts = line.split(",")
            if len(parts) >= 3 and parts[2] in PERF_EVENTS and parts[0].strip().isdigit():
                name = PERF_EVENTS[parts[2]]
                counts[name] = counts.get(name, 0.0) + float(parts[0])
        return counts, "perf stat (hardware counters, the whole worker process)" if counts else None
    if profiler == "callgrind":
        events: list[str] = []
        for line in step.stderr.splitlines():
            if not line.startswith(CALLGRIND_MARKER):
                continue
            what, _, values = line[len(CALLGRIND_MARKER):].partition(":")
            if what == "events":
                events = values.split()
            elif what == "totals" and events:
                numbers = [float(v) for v in values.split()]
                for name, value in zip(events, numbers + [0.0] * (len(events) - len(numbers)), strict=True):
                    counts[name] = counts.get(name, 0.0) + value  # one line per rank
        if "Ir" not in counts:
            return {}, None
        simulated = {"instructions": counts["Ir"],
                     "memory_reads": counts.get("Dr", 0.0), "memory_writes": counts.get("Dw", 0.0),
                     "l1_data_misses": counts.get("D1mr", 0.0) + counts.get("D1mw", 0.0),
                     "last_level_misses": counts.get("DLmr", 0.0) + counts.get("DLmw", 0.0)}
        return simulated, "valgrind callgrind, simulated caches, the entry point's call in all threads and ranks"
    return {}, None


def _tail(text: str, lines: int = 3) -> str:
    return " | ".join(text.strip().splitlines()[-lines:])[:300]
