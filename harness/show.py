"""`hpceval show`: a run's per-task table, or why one sample got its verdict: its prompt, answer, build commands
and compiler output, first wrong element, timings and judge, read from the run dir alone."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from fnmatch import fnmatchcase

from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from hpceval.agents.loops import Transcript
from hpceval.harness.errors import UserError
from hpceval.harness.records import Attempt
from hpceval.harness.scoring import EFFICIENCY_KINDS, final_attempts, group_tasks, kept_round
from hpceval.harness.store import RunStore
from hpceval.sandbox.base import Verdict
from hpceval.tasks.kinds import evaluator_for
from hpceval.tasks.kinds.kernel.interpret import RESULT_MARKER
from hpceval.tasks.kinds.kernel.jobs import StepRole
from hpceval.tasks.loader import PackError

RUN_STEPS = (StepRole.check, StepRole.time)  # a log's other steps build
HEADER = re.compile(r"^=== (\w+): ")
LISTED = 5  # names an error message lists before "..."


@dataclass
class LogStep:
    """One `=== name: verdict (...)` section of a job log (tasks/kinds/kernel/interpret.py: format_log)."""

    name: str
    header: str
    command: str | None = None
    stdout: str = ""
    stderr: str = ""


def parse_log(log: str) -> list[LogStep]:
    steps: list[LogStep] = []
    stream: str | None = None
    for line in log.splitlines():
        match = HEADER.match(line)
        if match:
            steps.append(LogStep(match.group(1), line[4:].rstrip()))
            stream = None
        elif not steps:
            continue
        elif line in ("--- stdout", "--- stderr"):
            stream = line[4:]
        elif stream is None and line.startswith("$ ") and steps[-1].command is None:
            steps[-1].command = line[2:]
        elif stream == "stdout":
            steps[-1].stdout += line + "\n"
        elif stream == "stderr":
            steps[-1].stderr += line + "\n"
    return steps


def driver_results(step: LogStep) -> list[dict[str, object]]:
    """The trusted driver's result lines of a check or time step."""
    out: list[dict[str, object]] = []
    for line in step.stdout.splitlines():
        if line.startswith(RESULT_MARKER):
            try:
                data = json.loads(line.split(" ", 2)[2])
            except (IndexError, json.JSONDecodeError):
                continue
            if isinstance(data, dict):
                out.append(data)
    return out


def mismatches(step: LogStep) -> list[str]:
    """Per failing case of a check step: where its output first differs from the baseline's."""
    lines: list[str] = []
    for data in driver_results(step):
        cases = data.get("cases")
        for case in cases if isinstance(cases, list) else []:
            if not isinstance(case, dict) or case.get("ok") is not False:
                continue
            where = f"size {case.get('size')} seed {case.get('seed')}"
            index = case.get("first_bad_index")
            if isinstance(index, int) and index >= 0:
                lines.append(f"{where}: first mismatch at index {index}: expected {_value(case.get('expected'))}, "
                             f"got {_value(case.get('actual'))}")
            elif "first_bad_index" in case:
                lines.append(f"{where}: the output has the wrong length")
    return lines


def _value(value: object) -> str:
    return "nan or inf" if value is None else str(value)


def numbers(values: list[int]) -> str:
    """`0-2`, `0, 2-4, 7`: sorted numbers with their runs shortened."""
    runs: list[list[int]] = []
    for value in sorted(set(values)):
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def _some(names: list[str]) -> str:
    return ", ".join(names[:LISTED]) + (", ..." if len(names) > LISTED else "")


# -- picking one sample ---------------------------------------------------------------------------------------------
def select_task(by_sample: dict[tuple[str, int], list[Attempt]], pattern: str, run: str) -> str:
    """The one task `pattern` names: its id, or a glob that matches exactly one task of the run."""
    tasks = sorted({task for task, _ in by_sample})
    if pattern in tasks:
        return pattern
    matched = [task for task in tasks if fnmatchcase(task, pattern)]
    if len(matched) == 1:
        return matched[0]
    if matched:
        raise UserError(f"{pattern!r} matches {len(matched)} tasks of {run} ({_some(matched)}); name one")
    if not tasks:
        raise UserError(f"no task {pattern!r} in {run}; it has no attempts yet")
    raise UserError(f"no task {pattern!r} in {run}; it has {len(tasks)} task(s): {_some(tasks)}")


def select_rounds(by_sample: dict[tuple[str, int], list[Attempt]], task: str, sample: int | None) -> list[Attempt]:
    """The rounds of a task's sample (default: its first)."""
    samples = sorted(s for t, s in by_sample if t == task)
    chosen = samples[0] if sample is None else sample
    if chosen not in samples:
        noun = "samples" if len(samples) > 1 else "sample"
        raise UserError(f"no sample {sample} of {task}; it has {noun} {numbers(samples)}")
    return by_sample[(task, chosen)]


def select_round(rounds: list[Attempt], number: int | None) -> Attempt:
    """Round `number`, by default the kept one (the round that scores)."""
    if number is None:
        return kept_round(rounds)
    for attempt in rounds:
        if attempt.round == number:
            return attempt
    have = [a.round for a in rounds]
    noun = "rounds" if len(have) > 1 else "round"
    raise UserError(f"no round {number} of {rounds[0].task_id} sample {rounds[0].sample}; it has {noun} "
                    f"{numbers(have)}")


# -- the per-task table ---------------------------------------------------------------------------------------------
def task_table(attempts: list[Attempt], title: str) -> Table:
    """Per task, over the kept round of every sample: samples, verdict counts, pass@1, best correct speedup."""
    final = final_attempts(attempts)
    table = Table(title=title)
    longest = max((len(a.task_id) for a in final), default=4)
    table.add_column("task", overflow="fold", min_width=min(longest, 40))  # an id reads whole; verdicts wrap first
    table.add_column("samples", justify="right")
    table.add_column("verdicts", overflow="fold")
    table.add_column("pass@1", justify="right")
    scored = group_tasks(final)
    # ENAMEL-style tasks score by eff (0..1, against the expert), the others by speedup over the baseline
    by_eff = {task.kind in EFFICIENCY_KINDS for task in scored.values()}
    header = "best speedup / eff" if len(by_eff) > 1 else "best eff" if True in by_eff else "best speedup"
    table.add_column(header, justify="right")
    for task_id in sorted({a.task_id for a in final}):
        mine = [a for a in final if a.task_id == task_id]
        counts = Counter(a.verdict.value for a in mine)
        task = scored[task_id]
        if task.kind in EFFICIENCY_KINDS:
            effs = [e for e, a in zip(task.eff_scores(), task.attempts, strict=True) if a.verdict == Verdict.ok]
            best = f"{max(effs):.3f}" if effs else "-"
        else:
            speedups = [a.speedup for a in task.attempts if a.verdict == Verdict.ok and a.speedup is not None]
            best = f"{max(speedups):.3f}x" if speedups else "-"
        table.add_row(task_id, str(len(mine)), " ".join(f"{v}={n}" for v, n in sorted(counts.items())),
                      f"{task.passed / task.n:.3f}" if task.n else "-", best)
    return table


def print_run(console: Console, store: RunStore) -> None:
    manifest = store.read_manifest()
    attempts = store.read_attempts()
    if not attempts:
        console.print(f"{store.root}: no sample evaluated yet", highlight=False)
        return
    title = f"{manifest.config.agent} on {manifest.config.suite} ({store.root})"
    console.print(task_table(attempts, escape(title)))
    console.print(f"one sample: hpceval show {store.root} TASK [--sample N] [--round R]", highlight=False)


# -- one sample -----------------------------------------------------------------------------------------------------
def print_sample(console: Console, store: RunStore, task: str, sample: int | None, round_number: int | None) -> None:
    store.read_manifest()  # a run dir, or the error that says it is not one
    by_sample = RunStore.rounds(store.read_attempts())
    task_id = select_task(by_sample, task, str(store.root))
    rounds = select_rounds(by_sample, task_id, sample)
    attempt = select_round(rounds, round_number)
    transcript = read_transcript(store, attempt)
    kept = kept_round(rounds)
    of = f" (of rounds {numbers([a.round for a in rounds])}; round {kept.round} scores)" if len(rounds) > 1 else ""
    reused = f" ({attempt.reused_from.describe()}: not evaluated again)" if attempt.reused_from else ""
    console.print(f"[bold]{escape(attempt.task_id)} sample {attempt.sample} round {attempt.round}[/bold]{of}: "
                  f"[bold]{attempt.verdict.value}[/bold]{reused}", highlight=False)
    if attempt.message:
        _text(console, attempt.message)
    _section(console, "prompt")
    prompt = prompt_of(transcript)
    _text(console, prompt if prompt is not None else "(no transcript stored for this round)")
    _print_answer(console, store, attempt)
    log = artifact_text(store, attempt.log_sha)
    steps = parse_log(log or "")
    if log and not steps:
        _section(console, "log")
        _text(console, log)
    _print_steps(console, "build", [s for s in steps if s.name not in RUN_STEPS], outputs=True)
    _print_steps(console, "check and time", [s for s in steps if s.name in RUN_STEPS], outputs=False)
    _print_timings(console, attempt)
    if transcript and (transcript.judge or transcript.review_error):
        _section(console, f"judge ({attempt.judge})" if attempt.judge else "judge")
        for message in transcript.judge:
            if message.role != "system":  # the judge's instructions are the pack's, the same every time
                console.print(f"[bold]{message.role}:[/bold]", highlight=False)
                _text(console, message.content)
        if transcript.review_error:
            _text(console, f"the review failed: {transcript.review_error}")
    if transcript and transcript.next_message:
        _section(console, "told the coder for the next round")
        _text(console, transcript.next_message)


def _print_answer(console: Console, store: RunStore, attempt: Attempt) -> None:
    text = artifact_text(store, attempt.answer_sha)
    path = store.artifact_path(attempt.answer_sha) if attempt.answer_sha else None
    title = "completion (no code in it)" if attempt.verdict == Verdict.no_code else "answer"
    _section(console, f"{title}: artifacts/{path.name}" if path else title)
    _text(console, text if text is not None else "(no answer stored)")


def _print_steps(console: Console, title: str, steps: list[LogStep], outputs: bool) -> None:
    """Each step's header and exact command; build steps with their output, check and time steps with the
    candidate's stderr and where the output first went wrong (their stdout is the trusted driver's JSON)."""
    if not steps:
        return
    _section(console, title)
    for step in steps:
        _text(console, step.header)
        if step.command:
            _text(console, f"$ {step.command}")
        if outputs and (step.stdout or step.stderr):
            _text(console, (step.stdout + step.stderr).rstrip())
        if not outputs:
            for line in mismatches(step):
                _text(console, line)
            if step.stderr:
                _text(console, "--- stderr\n" + step.stderr.rstrip())


def _print_timings(console: Console, attempt: Attempt) -> None:
    measured = attempt.measurement.model_dump() if attempt.measurement else {}
    base, cand = measured.get("baseline_median_s"), measured.get("candidate_median_s")
    if (base is None or cand is None) and attempt.measurement is not None:  # another kind: its own account
        lines = kind_feedback(attempt)
        if lines is None:
            return
        _section(console, "timings")
        for text in lines:
            _text(console, text)
        return
    if base is None or cand is None:
        return
    _section(console, "timings")
    reps = len(measured.get("candidate_times") or [])
    line = f"baseline median {base:.6f} s, candidate median {cand:.6f} s, {reps} reps"
    speedup, interval = measured.get("speedup"), measured.get("speedup_ci")
    if speedup is not None:
        line += f"; speedup {speedup:.3f}x"
        if interval:
            line += f", 95% interval [{interval[0]:.3f}, {interval[1]:.3f}]"
    if measured.get("suspect"):
        line += f" (implausible: above the bound {measured.get('speedup_bound')}; scored at the bound)"
    _text(console, line)
    _text(console, f"on {measured.get('threads', 1)} thread(s) x {measured.get('ranks', 1)} rank(s)")


def kind_feedback(attempt: Attempt) -> list[str] | None:
    """The measurement as its kind's evaluator tells it (the lines the coder is fed back); None when the
    attempt has no measurement or its kind is not installed here (its fields are still in attempts.jsonl)."""
    if attempt.measurement is None:
        return None
    try:
        return evaluator_for(attempt.kind).feedback(attempt.measurement)
    except PackError:
        return None


def prompt_of(transcript: Transcript | None) -> str | None:
    """The first message the coder saw (the task's prompt); None without a transcript."""
    return next((m.content for m in transcript.coder if m.role == "user"), None) if transcript else None


def read_transcript(store: RunStore, attempt: Attempt) -> Transcript | None:
    """The round's conversation; None when the attempt has none or it is missing or unreadable."""
    text = artifact_text(store, attempt.transcript_sha)
    if text is None:
        return None
    try:
        return Transcript.model_validate_json(text)
    except ValidationError:
        return None


def artifact_text(store: RunStore, sha: str | None) -> str | None:
    """The artifact's text; None when the attempt has none or it is missing."""
    return store.read_artifact(sha) if sha and store.artifact_path(sha) else None


def _section(console: Console, title: str) -> None:
    console.rule(title, style="dim")


def _text(console: Console, text: str) -> None:
    """Stored text as it is: no markup, no highlighting, no line breaks of ours (commands stay copyable)."""
    console.print(text, markup=False, highlight=False, soft_wrap=True)
