"""`hpceval report`: a run dir read into the report's view model (leaderboards/report_model.py), which
leaderboards/run_report.py renders as static pages. What a page shows of one sample is what `hpceval show`
gathers (harness/show.py): prompt, answer, log steps, timings, judge; here for every task, sample and round."""

from __future__ import annotations

import json
import math
from pathlib import Path
from statistics import fmean
from typing import Any

from hpceval.agents.loops import Transcript
from hpceval.harness.errors import UserError
from hpceval.harness.records import Attempt, RunManifest, Summary
from hpceval.harness.report import short_group, shown_groups
from hpceval.harness.scoring import (
    EFFICIENCY_KINDS,
    PREDICTION_KINDS,
    TaskSamples,
    final_attempts,
    group_tasks,
    kept_round,
    read_or_score,
)
from hpceval.harness.show import (
    RUN_STEPS,
    artifact_text,
    kind_feedback,
    mismatches,
    parse_log,
    prompt_of,
    read_transcript,
)
from hpceval.harness.store import RunStore
from hpceval.leaderboards.report_model import (
    Fact,
    GroupRow,
    LevelRow,
    LogStepView,
    Message,
    Metric,
    PackRow,
    PageLink,
    RoundView,
    RunInfo,
    RunReport,
    SampleVerdict,
    SampleView,
    SpeedColumn,
    SummaryView,
    TaskPage,
    TaskRow,
    UsageRow,
    task_page_name,
)
from hpceval.sandbox.base import Verdict

TEXT_LIMIT = 200_000  # characters of one text block on a page; the whole text stays in the run dir's artifacts
SPEED_KEYS = {"kernel": "speedup_n@1", "function": "eff@1", "predict": "accuracy@1"}
# the settings shown beside suite, agent, judge, loop, sandbox and timer (those that change what is measured)
SETTINGS = ("dataset", "tasks", "seed", "run_timeout_s", "image", "gpus", "timing_cpus", "threads", "ranks",
            "counters", "coder_sampling", "judge_sampling", "base_url", "judge_base_url", "limit", "sample_ids")


def build_report(run_dir: Path) -> RunReport:
    """The whole report of one run dir. A run dir without run.json or without attempts is the user's error."""
    store = IndexedStore(run_dir)
    manifest = store.read_manifest()
    attempts = store.read_attempts()
    if not attempts:
        raise UserError(f"{run_dir} has no attempts yet (no sample was evaluated); run `hpceval run ... --out "
                        f"{run_dir}` until some samples finish, then report it")
    summary, source = read_or_score(store, manifest, attempts)
    by_task: dict[str, dict[int, list[Attempt]]] = {}
    for (task, sample), rounds in RunStore.rounds(attempts).items():
        by_task.setdefault(task, {})[sample] = rounds
    task_ids = sorted(by_task)
    scored = group_tasks(final_attempts(attempts))
    kinds = {task_id: scored[task_id].kind for task_id in task_ids}
    columns = [SpeedColumn(key=key, title=key) for key in dict.fromkeys(speed_key(kinds[t]) for t in task_ids)]
    rows: list[TaskRow] = []
    pages: list[TaskPage] = []
    for task_id in task_ids:
        samples = by_task[task_id]
        values = task_values(scored[task_id], summary)
        page = task_page_name(task_id)
        first = samples[min(samples)][0]
        rows.append(TaskRow(
            task_id=task_id, page=f"tasks/{page}", kind=first.kind, execution_model=first.execution_model,
            problem_type=first.problem_type,
            samples=[SampleVerdict(sample=s, verdict=kept_round(r).verdict.value,
                                   ok=kept_round(r).verdict == Verdict.ok, rounds=len(r))
                     for s, r in sorted(samples.items())],
            pass_at_1=values.get("pass@1"), build_at_1=values.get("build@1"),
            speed={column.key: values.get(column.key) for column in columns}))
        pages.append(task_page(store, task_id, page, samples, summary))
    for index, view in enumerate(pages):
        if index > 0:
            view.previous = PageLink(task_id=pages[index - 1].task_id, page=pages[index - 1].page)
        if index + 1 < len(pages):
            view.next = PageLink(task_id=pages[index + 1].task_id, page=pages[index + 1].page)
    return RunReport(title=f"{manifest.config.agent} on {manifest.config.suite}", run=run_info(manifest, run_dir),
                     summary=summary_view(summary, source), speed_columns=columns, tasks=rows, pages=pages)


class IndexedStore(RunStore):
    """A run store that lists artifacts/ once: a report looks up several artifacts of every attempt, and a glob
    per look-up in a folder of thousands of files would make the whole report quadratic."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self._index: dict[str, Path] | None = None

    def artifact_path(self, sha: str) -> Path | None:
        if self._index is None:
            paths = sorted(self.artifacts.iterdir()) if self.artifacts.is_dir() else []
            self._index = {}
            for path in paths:
                self._index.setdefault(path.name.split(".", 1)[0], path)  # the first by name, as RunStore's glob
        return self._index.get(sha)


def speed_key(kind: str) -> str:
    """The per-task metric that says how fast (or how close) a task's answers are."""
    if kind in EFFICIENCY_KINDS:
        return "eff@1"
    if kind in PREDICTION_KINDS:
        return "accuracy@1"
    return SPEED_KEYS.get(kind, "speedup_n@1")


def task_values(task: TaskSamples, summary: Summary) -> dict[str, float | None]:
    """pass@1, build@1 and the speed metric of one task: summary.json's, else (a run scored without k=1) the same
    estimators at k=1, the mean over samples; none for a task in no score (infra errors only, no GPU)."""
    stored = summary.tasks.get(task.task_id)
    if stored is None or task.n == 0:
        return {}
    computed = {"pass@1": task.passed / task.n, "build@1": task.built / task.n}
    if task.kind in EFFICIENCY_KINDS:
        computed["eff@1"] = fmean(task.eff_scores())
    elif task.kind in PREDICTION_KINDS:
        computed["accuracy@1"] = fmean(task.prediction_scores())
    else:
        computed["speedup_n@1"] = fmean(task.speedups())
    return {key: _finite(stored.get(key, value)) for key, value in computed.items()}


# -- the run and its summary ----------------------------------------------------------------------------------------
def run_info(manifest: RunManifest, run_dir: Path) -> RunInfo:
    config = manifest.config
    settings = []
    for name in SETTINGS:
        value = getattr(config, name)
        if hasattr(value, "model_dump"):
            value = {k: v for k, v in value.model_dump().items() if v is not None}
        if value not in (None, [], {}, False):
            settings.append(Fact(label=name, value=_plain(value)))
    return RunInfo(
        run_id=manifest.run_id, run_dir=str(run_dir), created_at=manifest.created_at,
        hpceval_version=manifest.hpceval_version, git_revision=manifest.git_revision or "", suite=config.suite,
        agent=config.agent, judge=config.judge or "", loop=config.loop, rounds=config.rounds, sandbox=config.sandbox,
        timer=config.timer, samples=config.samples, k=list(config.k),
        packs=[PackRow(**pack.model_dump()) for pack in manifest.packs], settings=settings,
        fingerprint=[Fact(label=key, value=_plain(value)) for key, value in sorted(manifest.fingerprint.items())])


def summary_view(summary: Summary, source: str) -> SummaryView:
    def metric(name: str, values: dict[str, float], group: str) -> Metric:
        bounds = summary.intervals.get(group, {}).get(name)
        low, high = (bounds[0], bounds[1]) if bounds and len(bounds) == 2 else (None, None)
        return Metric(name=name, value=_finite(values.get(name)), low=_finite(low), high=_finite(high))

    headline = [key for key in summary.metrics if "[" not in key and not key.startswith("eff_level")]
    groups = [GroupRow(name="all" if name == "all" else short_group(name),
                       metrics=[metric(key, summary.metrics if name == "all" else summary.groups[name], name)
                                for key in headline])
              for name in shown_groups(summary)]
    usage = sorted(summary.usage.items(), key=lambda item: (item[0] != "total", item[0]))
    return SummaryView(
        source=source, overall=[metric(key, summary.metrics, "all") for key in summary.metrics], columns=headline,
        groups=groups, counts=[Fact(label=verdict, value=str(count)) for verdict, count in summary.counts.items()],
        n_tasks=summary.n_tasks, n_attempts=summary.n_attempts, notes=list(summary.notes),
        usage=[UsageRow(role=role, **u.model_dump()) for role, u in usage])


# -- one task -------------------------------------------------------------------------------------------------------
def task_page(store: RunStore, task_id: str, page: str, samples: dict[int, list[Attempt]],
              summary: Summary) -> TaskPage:
    first = samples[min(samples)][0]
    views = [sample_view(store, number, rounds) for number, rounds in sorted(samples.items())]
    prompt = next((view.prompt for view in views if view.prompt), None)
    for view in views:  # a sample shows its own prompt only where it differs from the task's
        if view.prompt == prompt:
            view.prompt = ""
    labels = [Fact(label=name, value=str(getattr(first, name)))
              for name in ("pack", "problem", "problem_type", "execution_model", "kind", "agent")]
    values = summary.tasks.get(task_id, {})
    return TaskPage(task_id=task_id, page=page, kind=first.kind, labels=labels, prompt=prompt,
                    metrics=[Metric(name=key, value=_finite(value)) for key, value in values.items() if "@" in key],
                    samples=views)


def sample_view(store: RunStore, number: int, rounds: list[Attempt]) -> SampleView:
    kept = kept_round(rounds)
    views = []
    prompt = ""
    for attempt in rounds:
        transcript = read_transcript(store, attempt)
        if attempt.round == rounds[0].round:
            prompt = prompt_of(transcript) or ""
        views.append(round_view(store, attempt, transcript, attempt is kept))
    return SampleView(sample=number, verdict=kept.verdict.value, ok=kept.verdict == Verdict.ok, prompt=clip(prompt),
                      rounds=views)


def round_view(store: RunStore, attempt: Attempt, transcript: Transcript | None, kept: bool) -> RoundView:
    answer = artifact_text(store, attempt.answer_sha)
    path = store.artifact_path(attempt.answer_sha) if attempt.answer_sha else None
    # without an answer in it, the completion itself was stored (harness/rounds.py: evaluate_completion)
    no_answer = attempt.verdict == Verdict.no_code or attempt.message.startswith("the completion holds no")
    reply = ""
    told = ""
    judge: list[Message] = []
    if transcript is not None:
        said = [m.content for m in transcript.coder if m.role == "assistant"]
        asked = [m.content for m in transcript.coder if m.role == "user"]
        reply = said[-1] if said else ""
        told = asked[-1] if attempt.round > 0 and len(asked) > 1 else ""
        judge = [Message(role=m.role, content=clip(m.content)) for m in transcript.judge if m.role != "system"]
    view = RoundView(
        round=attempt.round, kept=kept, verdict=attempt.verdict.value, ok=attempt.verdict == Verdict.ok,
        reused_from=attempt.reused_from.describe() if attempt.reused_from else "",
        message=clip(attempt.message), told=clip(told),
        answer_title="completion (no answer in it)" if no_answer else "answer",
        answer=clip(answer) if answer is not None else None, answer_file=path.name if path else "",
        completion=clip(reply) if reply.strip() and answer is not None and reply.strip() != answer.strip() else "",
        judge_name=attempt.judge or "", judge=judge,
        review_error=clip(transcript.review_error or "") if transcript is not None else "",
        next_message=clip(transcript.next_message or "") if transcript is not None else "",
        usage=usage_facts(attempt), started_at=attempt.started_at, finished_at=attempt.finished_at)
    log = artifact_text(store, attempt.log_sha)
    steps = parse_log(log or "")
    view.steps = [LogStepView(name=s.name, header=s.header, command=s.command or "", stdout=clip(s.stdout),
                              stderr=clip(s.stderr), runs=s.name in RUN_STEPS,
                              mismatches=mismatches(s) if s.name in RUN_STEPS else [])
                  for s in steps]
    if log and not steps:
        view.raw_log = clip(log)
    elif attempt.log_sha and log is None:
        view.raw_log = f"(the log artifact {attempt.log_sha} is missing from the run dir)"
    measured = attempt.measurement.model_dump() if attempt.measurement is not None else {}
    if measured:
        view.timings, view.levels = timings(attempt.kind, measured)
        if not view.timings and not view.levels:
            view.feedback = kind_feedback(attempt) or []
    return view


def usage_facts(attempt: Attempt) -> list[Fact]:
    usage = attempt.usage
    if not usage.calls:
        return []
    return [Fact(label="model calls", value=f"{usage.calls} ({usage.cached_calls} from cache, {usage.retries} "
                                            "retries)"),
            Fact(label="tokens", value=f"{usage.prompt_tokens} prompt + {usage.completion_tokens} completion"),
            Fact(label="cost", value=f"${usage.cost_usd:.4f}")]


# -- timings --------------------------------------------------------------------------------------------------------
def timings(kind: str, measured: dict[str, Any]) -> tuple[list[Fact], list[LevelRow]]:
    """A measurement as facts (and, for the function kind, one row per input level)."""
    if kind in EFFICIENCY_KINDS or "level_times_s" in measured:
        return function_timings(measured)
    if kind in PREDICTION_KINDS or "scorer" in measured:
        facts = [Fact(label="score", value=f"{measured['score']:.3f} (1 is right)")] if _is_number(
            measured.get("score")) else []
        for name in ("scorer", "truth"):
            if measured.get(name):
                facts.append(Fact(label=name, value=str(measured[name])))
        if measured.get("stable") is False:
            facts.append(Fact(label="stable", value="no: the item's runs disagreed"))
        return facts, []
    return kernel_timings(measured), []


def kernel_timings(m: dict[str, Any]) -> list[Fact]:
    facts: list[Fact] = []
    base, cand = m.get("baseline_median_s"), m.get("candidate_median_s")
    if _is_number(base) and _is_number(cand):
        facts.append(Fact(label="baseline median", value=f"{base:.6f} s"))
        facts.append(Fact(label="candidate median", value=f"{cand:.6f} s"))
        facts.append(Fact(label="timed repeats", value=str(len(m.get("candidate_times") or []))
                          + (f" (stopped by {m['timing_stop']})" if m.get("timing_stop") else "")))
    speedup = m.get("speedup")
    if _is_number(speedup):
        facts.append(Fact(label="speedup", value=f"{speedup:.3f}x"))
        interval = m.get("speedup_ci")
        if isinstance(interval, list) and len(interval) == 2 and all(_is_number(v) for v in interval):
            facts.append(Fact(label="speedup 95% interval", value=f"[{interval[0]:.3f}, {interval[1]:.3f}]"))
    if _is_number(m.get("efficiency")):
        facts.append(Fact(label="efficiency", value=f"{m['efficiency']:.3f} (speedup / {m.get('cores', 1)} cores)"))
    if m.get("suspect"):
        facts.append(Fact(label="suspect", value=f"yes: above the plausible bound {m.get('speedup_bound')}; scored "
                                                 "at the bound"))
    if facts or "threads" in m:
        facts.append(Fact(label="resources", value=f"{m.get('threads', 1)} thread(s) x {m.get('ranks', 1)} rank(s)"))
    steps = [f"{name} {m[f'{name}_s']:.3f} s" for name in ("build", "check", "time") if _is_number(m.get(f"{name}_s"))]
    if steps:
        facts.append(Fact(label="step times", value=", ".join(steps)))
    # a scaling sweep's counts, each timed beside the baseline (ParEval's imported runs have no baseline of their own)
    sweep = [run for run in m.get("runs") or [] if isinstance(run, dict) and run.get("baseline_s") is not None]
    if sweep:
        facts.append(Fact(label="scaling sweep", value="; ".join(
            f"{run.get('threads') or 1}t x {run.get('ranks') or 1}r: "
            + (f"{run['speedup']:.3f}x" if run.get("is_valid") and _is_number(run.get("speedup"))
               else (run.get("message") or "not valid"))
            for run in sweep)))
    if m.get("counters"):
        facts.append(Fact(label="profiler counters", value=", ".join(f"{k} {v:g}" for k, v in m["counters"].items()
                                                                     if _is_number(v))))
    return facts


def function_timings(m: dict[str, Any]) -> tuple[list[Fact], list[LevelRow]]:
    unit = "instructions" if m.get("timer") == "instructions" else "s"
    own = m.get("level_times_s") or []
    reference = m.get("reference_level_times_s") or []
    parts = m.get("level_efficiency") or []
    levels = [LevelRow(level=index, time=_finite(own[index]) if index < len(own) else None,
                       reference_time=_finite(reference[index]) if index < len(reference) else None,
                       efficiency=_finite(parts[index]) if index < len(parts) else None, unit=unit)
              for index in range(max(len(own), len(reference), len(parts)))]
    facts: list[Fact] = []
    if _is_number(m.get("efficiency")):
        facts.append(Fact(label="efficiency", value=f"{m['efficiency']:.3f} (1 = the expert reference)"))
    if m.get("censored_level") is not None:
        facts.append(Fact(label="censored", value=f"level {m['censored_level']} reached the limit "
                                                  f"{m.get('limit_s')} {unit} (it and later levels score 0)"))
    for name, label in (("timer", "timer"), ("runs", "runs"), ("reference_timed", "reference timed")):
        if m.get(name) not in (None, ""):
            facts.append(Fact(label=label, value=str(m[name])))
    return facts, levels


# -- helpers --------------------------------------------------------------------------------------------------------
def clip(text: str) -> str:
    """Text as a page shows it: whole up to TEXT_LIMIT characters."""
    if len(text) <= TEXT_LIMIT:
        return text
    return text[:TEXT_LIMIT] + f"\n... ({len(text) - TEXT_LIMIT} more characters in the run dir's artifacts)"


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _finite(value: object) -> float | None:
    return float(value) if _is_number(value) else None  # type: ignore[arg-type]


def _plain(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)
