"""Drive a run: for every (task, sample) not yet finished, generate, store the code, evaluate, record."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from agents import Agent, AgentError, GenerationRequest, Usage, make_agent
from agents.replay import ReplayAgent
from harness import __version__
from harness.errors import UserError
from harness.evaluate import Evaluation, evaluate
from harness.fingerprint import git_revision
from harness.jobs import check_toolchain, task_resources
from harness.records import Attempt, PackInfo, RunConfig, RunManifest
from harness.store import RunStore
from sandbox.base import Sandbox, Verdict
from tasks import Pack, PackError, Task, packs_of_suite, render_prompt, select_tasks

CODE_SUFFIX = {"cpp": ".cpp", "cuda": ".cu", "python": ".py"}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Unit:
    pack: Pack
    task: Task
    sample: int


def static_sources(packs: list[Pack]) -> tuple[Callable[[Task], str], Callable[[Task], str]]:
    """Lookups of the reference of a task's execution model, and of its problem's sequential baseline."""
    by_name = {pack.name: pack for pack in packs}

    def reference(task: Task) -> str:
        return by_name[task.pack].problem_of(task).reference(task.execution_model)

    def baseline(task: Task) -> str:
        return by_name[task.pack].problem_of(task).read("baseline.cpp")

    return reference, baseline


def build_agent(spec: str, packs: list[Pack], tasks: list[Task]) -> Agent:
    reference, baseline = static_sources(packs)
    agent = make_agent(spec, reference, baseline)
    if isinstance(agent, ReplayAgent):
        agent.check_task_ids({task.task_id for task in tasks})
    return agent


def resolve_tasks(config: RunConfig) -> tuple[list[Pack], list[tuple[Pack, Task]]]:
    try:
        packs = packs_of_suite(config.suite)
        return packs, select_tasks(packs, config.tasks)
    except PackError as exc:
        raise UserError(str(exc)) from None


def open_run(config: RunConfig, out: Path, packs: list[Pack], fingerprint: dict[str, object]) -> RunStore:
    """Create the run dir, or check that an existing one holds this same run. Attempts reference the
    fingerprint of the machine they are measured on (a resumed run may be on another one)."""
    store = RunStore(out)
    infos = [PackInfo(name=p.name, version=p.spec.version, suite=p.spec.suite, content_hash=p.content_hash)
             for p in packs]
    if store.exists():
        manifest = store.read_manifest()
        if manifest.config.identity() != config.identity():
            raise UserError(
                f"{out} holds another run ({manifest.config.identity()}); use a new --out or repeat that command"
            )
        if [i.content_hash for i in manifest.packs] != [i.content_hash for i in infos]:
            raise UserError(f"the pack files changed since {out} was started; use a new --out to measure them")
        if config.samples != manifest.config.samples or config.k != manifest.config.k:
            manifest.config = manifest.config.model_copy(update={"samples": config.samples, "k": config.k})
            store.write_manifest(manifest)
    else:
        store.write_manifest(
            RunManifest(
                run_id=uuid.uuid4().hex[:12],
                created_at=now(),
                hpceval_version=__version__,
                git_revision=git_revision(),
                config=config,
                packs=infos,
                fingerprint=fingerprint,
            )
        )
    store.fingerprint_sha = store.put_artifact(json.dumps(fingerprint, sort_keys=True, indent=1), ".json")
    return store


def pending_units(
    store: RunStore, pairs: list[tuple[Pack, Task]], agent: Agent, samples: int
) -> tuple[list[Unit], list[str]]:
    """Units still to evaluate, and the ids of tasks the agent has no sample for."""
    finished = store.finished_keys(store.read_attempts(repair=True))
    units: list[Unit] = []
    without_samples: list[str] = []
    for pack, task in pairs:
        available = agent.samples_available(task)
        count = samples if available is None else min(samples, available)
        if count == 0:
            without_samples.append(task.task_id)
        units += [Unit(pack, task, s) for s in range(count) if (task.task_id, s) not in finished]
    return units, without_samples


def evaluate_unit(unit: Unit, agent: Agent, sandbox: Sandbox, store: RunStore, config: RunConfig) -> Attempt:
    started = now()
    task = unit.task
    prompt = render_prompt(unit.pack, task)
    resources = task_resources(unit.pack, task)
    code_sha: str | None = None
    try:
        completion = agent.generate(GenerationRequest(task=task, prompt=prompt, sample=unit.sample, seed=config.seed))
    except AgentError as exc:
        evaluation = Evaluation(verdict=Verdict.infra_error, message=f"agent failed: {exc}")
        completion = None
    if completion is not None and completion.code is None:
        code_sha = store.put_artifact(completion.text, ".txt")
        evaluation = Evaluation(verdict=Verdict.no_code, message="the completion holds no code")
    elif completion is not None and completion.code is not None:
        code_sha = store.put_artifact(completion.code, CODE_SUFFIX.get(task.language, ".txt"))
        evaluation = evaluate(sandbox, unit.pack, task, completion.code, config.run_timeout_s)
    log_sha = store.put_artifact(evaluation.log, ".log") if evaluation.log else None
    speedup = evaluation.speedup
    attempt = Attempt(
        task_id=task.task_id,
        sample=unit.sample,
        suite=task.suite,
        pack=task.pack,
        problem=task.problem,
        problem_type=task.problem_type,
        execution_model=task.execution_model,
        agent=agent.spec,
        verdict=evaluation.verdict,
        message=evaluation.message,
        built=evaluation.built,
        code_sha=code_sha,
        log_sha=log_sha,
        threads=resources.threads,
        ranks=resources.ranks,
        build_s=evaluation.build_s,
        check_s=evaluation.check_s,
        time_s=evaluation.time_s,
        baseline_times=evaluation.baseline_times,
        candidate_times=evaluation.candidate_times,
        baseline_median_s=evaluation.baseline_median_s,
        candidate_median_s=evaluation.candidate_median_s,
        speedup=speedup,
        speedup_ci=evaluation.speedup_interval(),
        efficiency=speedup / resources.cores if speedup is not None else None,
        usage=completion.usage if completion is not None else Usage(),
        fingerprint_sha=store.fingerprint_sha,
        started_at=started,
        finished_at=now(),
    )
    store.append_attempt(attempt)
    return attempt


def execute(
    units: list[Unit],
    agent: Agent,
    sandbox: Sandbox,
    store: RunStore,
    config: RunConfig,
    on_done: Callable[[Attempt], None] = lambda _a: None,
) -> list[Attempt]:
    """Evaluate the units with `max_sandboxes` in flight. On Ctrl-C, stop starting new ones, let those in
    flight finish and be recorded, then re-raise: the same command resumes."""
    done: list[Attempt] = []
    with ThreadPoolExecutor(max_workers=max(1, config.max_sandboxes), thread_name_prefix="unit") as pool:
        queue = iter(units)
        running: set[Future[Attempt]] = set()

        def fill() -> None:
            while len(running) < max(1, config.max_sandboxes):
                unit = next(queue, None)
                if unit is None:
                    return
                running.add(pool.submit(evaluate_unit, unit, agent, sandbox, store, config))

        try:
            fill()
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    running.discard(future)
                    attempt = future.result()
                    done.append(attempt)
                    on_done(attempt)
                fill()
        except KeyboardInterrupt:
            for future in running:
                future.cancel()
            wait(running)
            raise
    return done


def check_run_toolchain(pairs: list[tuple[Pack, Task]]) -> None:
    by_pack: dict[str, tuple[Pack, list[Task]]] = {}
    for pack, task in pairs:
        by_pack.setdefault(pack.name, (pack, []))[1].append(task)
    for pack, tasks in by_pack.values():
        check_toolchain(pack, tasks)
