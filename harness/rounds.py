"""One unit of a run: round after round of the agent's loop (one round for agents without a model; repair and
coder-judge loops for models): write an answer, store it, evaluate it, record an attempt, and store the round
with its transcript so a run resumes mid-loop."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from hpceval.agents import Agent, AgentError, Completion, Usage
from hpceval.agents.loops import Feedback, Transcript
from hpceval.agents.retry import CallFailed
from hpceval.harness.evaluate import evaluate_on, make_ready
from hpceval.harness.records import Attempt, ReusedFrom, RunConfig
from hpceval.harness.reuse import Reuse
from hpceval.harness.store import RunStore
from hpceval.sandbox.base import Sandbox, Verdict
from hpceval.tasks import Pack, Task, TaskPrompts, task_prompts
from hpceval.tasks.kinds import AnswerKind, MeasureSettings, Outcome


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Unit:
    pack: Pack
    task: Task
    sample: int
    history: tuple[Attempt, ...] = field(default=(), compare=False)  # stored rounds of an unfinished loop


@dataclass
class Round:
    """What one round produced, before it becomes an `Attempt`."""

    outcome: Outcome
    answer_sha: str | None = None
    usage: Usage = field(default_factory=Usage)
    roles: dict[str, Usage] = field(default_factory=dict)
    transcript_sha: str | None = None
    loop_done: bool = True
    fingerprint_sha: str | None = None  # the node that measured it, when not the run's machine (an executor's)
    reused_from: ReusedFrom | None = None  # the outcome is that of an identical answer evaluated before


def evaluate_completion(unit: Unit, completion: Completion, prompts: TaskPrompts, sandbox: Sandbox,
                        store: RunStore, config: RunConfig, reuse: Reuse | None = None,
                        round_number: int = 0) -> tuple[Outcome, str, str | None, ReusedFrom | None]:
    """Store the completion's answer (or, without one, its text) and evaluate it: the outcome, the answer's
    artifact, the artifact of the fingerprint of the node that measured it (None: the run's machine), and, when
    `reuse` held an evaluation of the same answer to this task, the sample and round whose outcome it took over
    (then the sandbox did not run it)."""
    if completion.answer is None:
        sha = store.put_artifact(completion.text, ".txt")
        if prompts.answer.kind == AnswerKind.code:
            return Outcome(verdict=Verdict.no_code, message="the completion holds no code"), sha, None, None
        return Outcome(verdict=Verdict.wrong_answer, message="the completion holds no answer"), sha, None, None
    answer_sha = store.put_artifact(completion.answer, prompts.answer.suffix)
    reuse = reuse or Reuse(enabled=False)
    found = reuse.claim(unit.task.task_id, answer_sha)
    if found is not None:
        outcome = Outcome(verdict=found.verdict, message=found.message, built=found.built,
                          log=store.read_artifact(found.log_sha) if found.log_sha else "",
                          measurement=found.measurement)
        return outcome, answer_sha, found.fingerprint_sha, found.source
    entry = None
    try:
        outcome, node = evaluate_on(sandbox, unit.pack, unit.task, completion.answer, measure_settings(config))
        node_sha = store.put_artifact(json.dumps(node, sort_keys=True, indent=1), ".json") if node else None
        if reuse.enabled:
            log_sha = store.put_artifact(outcome.log, ".log") if outcome.log else None
            entry = reuse.entry_of(outcome, log_sha, node_sha or store.fingerprint_sha, unit.sample, round_number)
    finally:
        reuse.publish(unit.task.task_id, answer_sha, entry)
    return outcome, answer_sha, node_sha, None


def measure_settings(config: RunConfig) -> MeasureSettings:
    return MeasureSettings(run_timeout_s=config.run_timeout_s, timer=config.timer, threads=tuple(config.threads),
                           ranks=tuple(config.ranks), counters=config.counters)


def record(unit: Unit, agent: Agent, config: RunConfig, number: int, result: Round, started: str,
           store: RunStore, append: bool = True) -> Attempt:
    task, outcome = unit.task, result.outcome
    attempt = Attempt(
        task_id=task.task_id, sample=unit.sample, round=number, suite=task.suite, pack=task.pack,
        problem=task.problem, problem_type=task.problem_type, kind=task.kind, execution_model=task.execution_model,
        agent=agent.spec, judge=config.judge, verdict=outcome.verdict, message=outcome.message,
        built=outcome.built, answer_sha=result.answer_sha,
        log_sha=store.put_artifact(outcome.log, ".log") if outcome.log else None,
        measurement=outcome.measurement, usage=result.usage, roles=result.roles,
        transcript_sha=result.transcript_sha, loop_done=result.loop_done,
        fingerprint_sha=result.fingerprint_sha or store.fingerprint_sha, reused_from=result.reused_from,
        started_at=started, finished_at=now(),
    )
    if append:
        store.append_attempt(attempt)
    return attempt


def feedback_of(unit: Unit, attempt: Attempt, store: RunStore) -> Feedback:
    return Feedback(
        verdict=attempt.verdict.value, message=attempt.message,
        log=store.read_artifact(attempt.log_sha) if attempt.log_sha else "",
        details=unit.pack.evaluator.feedback(attempt.measurement),
    )


def _transcript(store: RunStore, attempt: Attempt) -> Transcript:
    if attempt.transcript_sha is None:
        raise AgentError(f"{attempt.task_id} sample {attempt.sample} round {attempt.round} has no transcript; "
                         "start a new --out")
    return Transcript.model_validate_json(store.read_artifact(attempt.transcript_sha))


def _combine(roles: dict[str, Usage], more: dict[str, Usage]) -> dict[str, Usage]:
    return {role: roles.get(role, Usage()) + more.get(role, Usage()) for role in sorted({*roles, *more})}


def _failed_usage(exc: CallFailed) -> Usage:
    return Usage(calls=1, retries=exc.retries)


def review_and_record(unit: Unit, agent: Agent, config: RunConfig, store: RunStore, attempt: Attempt,
                      transcript: Transcript, answer: str | None, prompts: TaskPrompts) -> tuple[Attempt, Transcript]:
    """Ask the loop (and its judge) what comes after `attempt`'s round; store the round with that decision.
    A judge call that fails leaves the review pending: the round is kept, the loop resumes from it."""
    roles = dict(attempt.roles)
    try:
        transcript, judge_usage = agent.loop.review(transcript, prompts, answer, feedback_of(unit, attempt, store),
                                                    unit.sample)
        if judge_usage.calls:
            roles = _combine(roles, {"judge": judge_usage})
    except CallFailed as exc:
        if exc.fatal:
            raise AgentError(str(exc)) from None
        roles = _combine(roles, {"judge": _failed_usage(exc)})
        transcript = transcript.model_copy(update={"review_error": str(exc), "next_message": None})
    sha = store.put_artifact(transcript.model_dump_json(indent=1), ".json")
    updated = attempt.model_copy(update={
        "roles": roles, "usage": sum(roles.values(), Usage()), "transcript_sha": sha, "loop_done": transcript.done,
        "finished_at": now()})
    store.append_attempt(updated)
    return updated, transcript


def run_loop(unit: Unit, agent: Agent, sandbox: Sandbox, store: RunStore, config: RunConfig,
             reuse: Reuse | None = None) -> list[Attempt]:
    """Rounds of the agent's loop from where the stored history ends, until the loop is done, a call fails,
    or the cost limit is reached (then the unit stays unfinished and a repeated command resumes it). An answer
    that `reuse` has seen for the task takes over that evaluation's outcome (harness/reuse.py)."""
    prompts = task_prompts(unit.pack, unit.task)
    history = list(unit.history)
    carried: dict[str, Usage] = {}
    previous: Transcript | None = None
    if history and history[-1].verdict == Verdict.infra_error:
        carried = history.pop().roles  # redo that round; what it spent still counts
    if history:
        last = history[-1]
        previous = _transcript(store, last)
        if previous.next_message is None and not previous.done:
            answer = (store.read_artifact(last.answer_sha) if last.answer_sha and last.verdict != Verdict.no_code
                      else None)
            last, previous = review_and_record(unit, agent, config, store, last, previous, answer, prompts)
            if previous.next_message is None:
                return [last]
    done: list[Attempt] = []
    if len(history) < agent.loop.rounds and not agent.meter.exhausted():
        # what the task needs before any answer (tests, a ground truth that the reference agent answers with): a
        # task that cannot be made ready costs no model call
        started = now()
        not_ready = make_ready(sandbox, unit.pack, unit.task, measure_settings(config))
        if not_ready is not None:
            result = Round(Outcome(verdict=Verdict.infra_error, message=not_ready),
                           usage=sum(carried.values(), Usage()), roles=carried,
                           loop_done=False)
            return [record(unit, agent, config, len(history), result, started, store)]
    for number in range(len(history), agent.loop.rounds):
        if agent.meter.exhausted():
            break
        started = now()
        try:
            turn = agent.loop.write(prompts, unit.sample, previous)
        except CallFailed as exc:
            if exc.fatal:
                raise AgentError(str(exc)) from None
            roles = _combine(carried, {"coder": _failed_usage(exc)})
            result = Round(Outcome(verdict=Verdict.infra_error, message=f"model call failed: {exc}"),
                           usage=sum(roles.values(), Usage()), roles=roles, loop_done=False)
            done.append(record(unit, agent, config, number, result, started, store))
            break
        roles = _combine(carried, turn.roles)
        carried = {}
        outcome, answer_sha, node_sha, reused_from = evaluate_completion(
            unit, turn.completion, prompts, sandbox, store, config, reuse, number)
        transcript = Transcript(loop=agent.loop.kind, round=number, coder=turn.coder_messages)
        result = Round(outcome, answer_sha, sum(roles.values(), Usage()), roles, loop_done=False,
                       fingerprint_sha=node_sha, reused_from=reused_from)
        attempt = record(unit, agent, config, number, result, started, store,
                         append=outcome.verdict == Verdict.infra_error)
        if outcome.verdict == Verdict.infra_error:  # the sandbox failed: redo this round on resume
            done.append(attempt)
            break
        attempt, transcript = review_and_record(unit, agent, config, store, attempt, transcript,
                                                turn.completion.answer, prompts)
        done.append(attempt)
        if transcript.next_message is None:
            break
        previous = transcript
    return done
