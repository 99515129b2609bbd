"""One unit of a run: generate, store the code, evaluate, record an attempt; for model agents, round after
round of their loop (repair, coder-judge), each round stored with its transcript so a run resumes mid-loop."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from hpceval.agents import Agent, AgentError, Completion, GenerationRequest, Usage
from hpceval.agents.llm import LLMAgent
from hpceval.agents.loops import Feedback, Transcript
from hpceval.agents.retry import CallFailed
from hpceval.harness.evaluate import Evaluation, evaluate
from hpceval.harness.jobs import task_resources
from hpceval.harness.records import Attempt, RunConfig
from hpceval.harness.store import RunStore
from hpceval.sandbox.base import Sandbox, Verdict
from hpceval.tasks import Pack, Task, render_prompt

CODE_SUFFIX = {"cpp": ".cpp", "cuda": ".cu", "python": ".py"}


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

    evaluation: Evaluation
    code_sha: str | None = None
    usage: Usage = field(default_factory=Usage)
    roles: dict[str, Usage] = field(default_factory=dict)
    transcript_sha: str | None = None
    loop_done: bool = True


def evaluate_completion(unit: Unit, completion: Completion, sandbox: Sandbox, store: RunStore,
                        config: RunConfig) -> tuple[Evaluation, str]:
    """Store the completion's code (or, without code, its text) and evaluate it."""
    if completion.code is None:
        return Evaluation(verdict=Verdict.no_code, message="the completion holds no code"), store.put_artifact(
            completion.text, ".txt")
    code_sha = store.put_artifact(completion.code, CODE_SUFFIX.get(unit.task.language, ".txt"))
    return evaluate(sandbox, unit.pack, unit.task, completion.code, config.run_timeout_s), code_sha


def record(unit: Unit, agent: Agent, config: RunConfig, number: int, result: Round, started: str,
           store: RunStore, append: bool = True) -> Attempt:
    task, evaluation = unit.task, result.evaluation
    resources = task_resources(unit.pack, task)
    speedup = evaluation.speedup
    attempt = Attempt(
        task_id=task.task_id, sample=unit.sample, round=number, suite=task.suite, pack=task.pack,
        problem=task.problem, problem_type=task.problem_type, execution_model=task.execution_model,
        agent=agent.spec, judge=config.judge, verdict=evaluation.verdict, message=evaluation.message,
        built=evaluation.built, code_sha=result.code_sha,
        log_sha=store.put_artifact(evaluation.log, ".log") if evaluation.log else None,
        threads=resources.threads, ranks=resources.ranks, build_s=evaluation.build_s, check_s=evaluation.check_s,
        time_s=evaluation.time_s, baseline_times=evaluation.baseline_times,
        candidate_times=evaluation.candidate_times, baseline_median_s=evaluation.baseline_median_s,
        candidate_median_s=evaluation.candidate_median_s, speedup=speedup,
        speedup_ci=evaluation.speedup_interval(),
        efficiency=speedup / resources.cores if speedup is not None else None,
        suspect=evaluation.suspect, speedup_bound=evaluation.speedup_bound, handshake_us=evaluation.handshake_us,
        untimed_cpu_s=evaluation.untimed_cpu_s, usage=result.usage, roles=result.roles, counters=evaluation.counters,
        transcript_sha=result.transcript_sha, loop_done=result.loop_done, fingerprint_sha=store.fingerprint_sha,
        started_at=started, finished_at=now(),
    )
    if append:
        store.append_attempt(attempt)
    return attempt


def run_once(unit: Unit, agent: Agent, sandbox: Sandbox, store: RunStore, config: RunConfig) -> Attempt:
    """A sample of an agent outside any loop (reference, baseline, replay)."""
    started = now()
    prompt = render_prompt(unit.pack, unit.task)
    try:
        completion = agent.generate(GenerationRequest(task=unit.task, prompt=prompt, sample=unit.sample,
                                                      seed=config.seed))
    except AgentError as exc:
        result = Round(Evaluation(verdict=Verdict.infra_error, message=f"agent failed: {exc}"))
        return record(unit, agent, config, 0, result, started, store)
    evaluation, code_sha = evaluate_completion(unit, completion, sandbox, store, config)
    return record(unit, agent, config, 0, Round(evaluation, code_sha, completion.usage), started, store)


def feedback_of(attempt: Attempt, store: RunStore) -> Feedback:
    return Feedback(
        verdict=attempt.verdict.value, message=attempt.message,
        log=store.read_artifact(attempt.log_sha) if attempt.log_sha else "", threads=attempt.threads,
        ranks=attempt.ranks, baseline_median_s=attempt.baseline_median_s,
        candidate_median_s=attempt.candidate_median_s, speedup=attempt.speedup, counters=attempt.counters,
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


def review_and_record(unit: Unit, agent: LLMAgent, config: RunConfig, store: RunStore, attempt: Attempt,
                      transcript: Transcript, code: str | None, prompt: str) -> tuple[Attempt, Transcript]:
    """Ask the loop (and its judge) what comes after `attempt`'s round; store the round with that decision.
    A judge call that fails leaves the review pending: the round is kept, the loop resumes from it."""
    roles = dict(attempt.roles)
    try:
        transcript, judge_usage = agent.loop.review(transcript, prompt, code, feedback_of(attempt, store),
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


def run_loop(unit: Unit, agent: LLMAgent, sandbox: Sandbox, store: RunStore, config: RunConfig) -> list[Attempt]:
    """Rounds of the agent's loop from where the stored history ends, until the loop is done, a call fails,
    or the cost limit is reached (then the unit stays unfinished and a repeated command resumes it)."""
    prompt = render_prompt(unit.pack, unit.task)
    history = list(unit.history)
    carried: dict[str, Usage] = {}
    previous: Transcript | None = None
    if history and history[-1].verdict == Verdict.infra_error:
        carried = history.pop().roles  # redo that round; what it spent still counts
    if history:
        last = history[-1]
        previous = _transcript(store, last)
        if previous.next_message is None and not previous.done:
            code = store.read_artifact(last.code_sha) if last.code_sha and last.verdict != Verdict.no_code else None
            last, previous = review_and_record(unit, agent, config, store, last, previous, code, prompt)
            if previous.next_message is None:
                return [last]
    done: list[Attempt] = []
    for number in range(len(history), agent.loop.rounds):
        if agent.meter.exhausted():
            break
        started = now()
        try:
            turn = agent.loop.write(prompt, unit.task, unit.sample, previous)
        except CallFailed as exc:
            if exc.fatal:
                raise AgentError(str(exc)) from None
            roles = _combine(carried, {"coder": _failed_usage(exc)})
            result = Round(Evaluation(verdict=Verdict.infra_error, message=f"model call failed: {exc}"),
                           usage=sum(roles.values(), Usage()), roles=roles, loop_done=False)
            done.append(record(unit, agent, config, number, result, started, store))
            break
        roles = _combine(carried, turn.roles)
        carried = {}
        evaluation, code_sha = evaluate_completion(unit, turn.completion, sandbox, store, config)
        transcript = Transcript(loop=agent.loop.kind, round=number, coder=turn.coder_messages)
        result = Round(evaluation, code_sha, sum(roles.values(), Usage()), roles, loop_done=False)
        attempt = record(unit, agent, config, number, result, started, store,
                         append=evaluation.verdict == Verdict.infra_error)
        if evaluation.verdict == Verdict.infra_error:  # the sandbox failed: redo this round on resume
            done.append(attempt)
            break
        attempt, transcript = review_and_record(unit, agent, config, store, attempt, transcript,
                                                turn.completion.code, prompt)
        done.append(attempt)
        if transcript.next_message is None:
            break
        previous = transcript
    return done
