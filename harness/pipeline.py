"""Drive a run: plan it (the cheap checks), open its run dir, evaluate every (task, sample) not yet finished in
a pool, score it. The CLI only parses flags, picks the sandbox and shows progress."""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from hpceval import __version__
from hpceval.agents import Agent, Usage, make_agent
from hpceval.agents.llm import ModelOptions
from hpceval.agents.replay import ReplayAgent
from hpceval.harness.errors import UserError
from hpceval.harness.fingerprint import git_revision, machine_fingerprint
from hpceval.harness.options import RunOptions
from hpceval.harness.records import Attempt, PackInfo, RunConfig, RunManifest, Summary
from hpceval.harness.rounds import Unit, now, run_loop
from hpceval.harness.scoring import score, usage_totals
from hpceval.harness.store import RunStore
from hpceval.sandbox.base import Sandbox, Verdict
from hpceval.tasks import Pack, PackError, Task, packs_of_suite, select_tasks


def static_sources(packs: list[Pack]) -> tuple[Callable[[Task], str], Callable[[Task], str]]:
    """Lookups of a task's reference answer and of its baseline, from its pack's evaluator."""
    by_name = {pack.name: pack for pack in packs}

    def reference(task: Task) -> str:
        pack = by_name[task.pack]
        return pack.evaluator.static_answer(pack, task, "reference")

    def baseline(task: Task) -> str:
        pack = by_name[task.pack]
        return pack.evaluator.static_answer(pack, task, "baseline")

    return reference, baseline


def build_agent(spec: str, packs: list[Pack], tasks: list[Task], options: ModelOptions | None = None) -> Agent:
    reference, baseline = static_sources(packs)
    agent = make_agent(spec, reference, baseline, options)
    if isinstance(agent, ReplayAgent):
        agent.check_task_ids({task.task_id for task in tasks})
    if options is not None and agent.connections == 0 and (options.judge or options.loop != "single"):
        raise UserError(f"--judge and --loop {options.loop} need a model coder (openai:MODEL or anthropic:MODEL), "
                        f"not {spec}")
    return agent


def resolve_tasks(suite: str, globs: list[str]) -> tuple[list[Pack], list[tuple[Pack, Task]]]:
    try:
        packs = packs_of_suite(suite)
        return packs, select_tasks(packs, globs)
    except PackError as exc:
        raise UserError(str(exc)) from None


def open_run(config: RunConfig, out: Path, packs: list[Pack], fingerprint: dict[str, object]) -> RunStore:
    """Own the run dir (see RunStore.acquire), then create it, or check that it holds this same run. Attempts
    reference the fingerprint of the machine they are measured on (a resumed run may be on another one). The
    caller releases the store."""
    store = RunStore(out)
    store.acquire()
    try:
        _open_owned(store, config, out, packs, fingerprint)
    except BaseException:
        store.release()
        raise
    return store


def _open_owned(store: RunStore, config: RunConfig, out: Path, packs: list[Pack],
                fingerprint: dict[str, object]) -> None:
    infos = [PackInfo(name=p.name, version=p.spec.version, suite=p.spec.suite, content_hash=p.content_hash)
             for p in packs]
    if store.exists():
        manifest = store.read_manifest()
        differences = manifest.config.differences(config)
        if differences:
            raise UserError(f"{out} holds another run: this command asks for {'; '.join(differences)}; repeat "
                            "that run's settings to resume it, or use a new --out")
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


def pending_units(
    store: RunStore, pairs: list[tuple[Pack, Task]], agent: Agent, samples: int
) -> tuple[list[Unit], list[str]]:
    """Units still to evaluate (an unfinished loop with its stored rounds), and the ids of tasks the agent has
    no sample for."""
    attempts = store.read_attempts(repair=True)
    finished = store.finished_keys(attempts)
    history = store.rounds(attempts)
    units: list[Unit] = []
    without_samples: list[str] = []
    for pack, task in pairs:
        available = agent.samples_available(task)
        count = samples if available is None else min(samples, available)
        if count == 0:
            without_samples.append(task.task_id)
        units += [Unit(pack, task, s, tuple(history.get((task.task_id, s), ())))
                  for s in range(count) if (task.task_id, s) not in finished]
    return units, without_samples


def execute(
    units: list[Unit],
    agent: Agent,
    sandbox: Sandbox,
    store: RunStore,
    config: RunConfig,
    on_done: Callable[[list[Attempt]], None] = lambda _a: None,
) -> list[Attempt]:
    """Run the units. Agents get `connections + max_sandboxes` units in flight: model calls are bounded by
    the agent's connection limit and sandbox jobs by the sandbox's slots, so neither throttles the other.
    Once the cost limit is reached no new unit starts. On Ctrl-C, stop starting new ones, let those in flight
    finish and be recorded, then re-raise: the same command resumes."""
    done: list[Attempt] = []
    in_flight = max(1, config.max_sandboxes) + agent.connections
    with ThreadPoolExecutor(max_workers=in_flight, thread_name_prefix="unit") as pool:
        queue = iter(units)
        running: set[Future[list[Attempt]]] = set()

        def fill() -> None:
            while len(running) < in_flight:
                if agent.meter.exhausted():
                    return
                unit = next(queue, None)
                if unit is None:
                    return
                running.add(pool.submit(run_loop, unit, agent, sandbox, store, config))

        try:
            fill()
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    running.discard(future)
                    attempts = future.result()
                    done += attempts
                    on_done(attempts)
                fill()
        except KeyboardInterrupt:
            for future in running:
                future.cancel()
            wait(running)
            raise
    return done


def check_run_toolchain(pairs: list[tuple[Pack, Task]]) -> None:
    """Fail early, with the fix, when this host lacks what the tasks need to run outside a container."""
    by_pack: dict[str, tuple[Pack, list[Task]]] = {}
    for pack, task in pairs:
        by_pack.setdefault(pack.name, (pack, []))[1].append(task)
    for pack, tasks in by_pack.values():
        problem = pack.evaluator.host_problem(pack, tasks)
        if problem:
            raise UserError(problem)


def default_out(suite: str, agent: str) -> Path:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{suite}-{agent}").strip("-")[:60]
    return Path("runs") / f"{slug}-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}"


def check_out_dir(out: Path) -> None:
    """`--out` must be a run dir, or a place where one can be made."""
    if out.exists() and not out.is_dir():
        raise UserError(f"--out {out} is a file; pass a directory")
    if out.is_dir() and any(p.name != "run.lock" for p in out.iterdir()) and not (out / "run.json").is_file():
        raise UserError(f"--out {out} holds other files but no run; pass a new or empty directory")
    parent = next((p for p in [out, *out.parents] if p.exists()), Path("."))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserError(f"--out {out}: {parent} is not writable; pass a directory you can write")


@dataclass
class RunPlan:
    """A run whose cheap checks have passed: its tasks, its agent and its run dir; no sandbox yet."""

    options: RunOptions
    model: ModelOptions
    packs: list[Pack]
    pairs: list[tuple[Pack, Task]]
    agent: Agent
    out: Path

    def config(self, backend: str) -> RunConfig:
        o, m = self.options, self.model
        return RunConfig(suite=o.suite, tasks=list(o.tasks), agent=o.agent, samples=o.samples, k=list(o.k),
                         sandbox=backend, max_sandboxes=o.max_sandboxes, seed=o.seed or 0, run_timeout_s=o.timeout,
                         judge=m.judge, loop=m.loop, rounds=m.rounds, coder_sampling=m.coder_sampling,
                         judge_sampling=m.judge_sampling, base_url=o.base_url, judge_base_url=o.judge_base_url,
                         max_connections=o.max_connections, cache=m.cache, cost_limit_usd=o.cost_limit,
                         image=(o.image or "cpu") if backend == "docker" else None, gpus=o.gpus,
                         timing_cpus=o.timing_cpus)

    def requested_sandbox(self) -> str:
        """--sandbox, else the sandbox of the run being resumed, else auto."""
        previous = RunStore(self.out)
        return self.options.sandbox or (previous.read_manifest().config.sandbox if previous.exists() else "auto")


def plan_run(options: RunOptions) -> RunPlan:
    """The cheap checks, in order: flag combinations, suite, task globs, --out, the agent (the caller closes it)."""
    model = options.model()
    packs, pairs = resolve_tasks(options.suite, list(options.tasks))
    out = options.out or default_out(options.suite, options.agent)
    check_out_dir(out)
    agent = build_agent(options.agent, packs, [t for _, t in pairs], model)
    return RunPlan(options=options, model=model, packs=packs, pairs=pairs, agent=agent, out=out)


@dataclass
class RunResult:
    store: RunStore
    summary: Summary
    rounds: int  # rounds evaluated by this process
    unfinished: int  # samples left (cost limit reached)
    infra_errors: list[Attempt]  # the last round of every sample that ended in infra_error (retried on resume)


def start_run(plan: RunPlan, config: RunConfig, box: Sandbox) -> RunStore:
    """Open (or check and reopen) the run dir, and count what its attempts already spent; `box` is closed when
    this fails."""
    try:
        store = open_run(config, plan.out, plan.packs, machine_fingerprint(box))
    except BaseException:
        box.close()
        raise
    plan.agent.meter.add(usage_totals(store.read_attempts()).get("total", Usage()).cost_usd)
    return store  # owned until run_plan releases it


def run_plan(plan: RunPlan, config: RunConfig, box: Sandbox, store: RunStore,
             on_start: Callable[[int, list[str]], None], on_done: Callable[[list[Attempt]], None]) -> RunResult:
    """Evaluate what is pending, then score; `box` is closed at the end. `on_start` hears the number of samples
    to evaluate and the tasks the agent has no sample for; KeyboardInterrupt passes through once the samples in
    flight are recorded."""
    try:
        units, without = pending_units(store, plan.pairs, plan.agent, config.samples)
        on_start(len(units), without)
        finished = execute(units, plan.agent, box, store, config, on_done)
    except BaseException:
        store.release()
        raise
    finally:
        box.close()
    try:
        attempts = store.read_attempts()
        summary = score(attempts, list(config.k))
        store.write_summary(summary)
        left = (len(pending_units(store, plan.pairs, plan.agent, config.samples)[0]) if plan.agent.meter.exhausted()
                else 0)
    finally:
        store.release()
    infra = [rounds[-1] for rounds in RunStore.rounds(attempts).values() if rounds[-1].verdict == Verdict.infra_error]
    return RunResult(store=store, summary=summary, rounds=len(finished), unfinished=left, infra_errors=infra)
