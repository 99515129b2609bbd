"""Drive a run: plan it (the cheap checks), open its run dir, evaluate every (task, sample) not yet finished in
a pool, score it. The CLI only parses flags, picks the sandbox and shows progress."""

from __future__ import annotations

import json
import logging
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
from hpceval.harness.reuse import Reuse
from hpceval.harness.rounds import Unit, now, run_loop
from hpceval.harness.scoring import score, usage_totals
from hpceval.harness.store import RunStore
from hpceval.sandbox.base import Sandbox, Verdict
from hpceval.sandbox.cpus import process_cpus
from hpceval.tasks import Pack, PackError, Task, packs_of_suite, select_tasks
from hpceval.tasks.kinds import Timer, sweeps, timers_of

log = logging.getLogger("hpceval.run")


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
        agent.check_task_ids(tasks)
    if options is not None and agent.connections == 0 and (options.judge or options.loop != "single"):
        raise UserError(f"--judge and --loop {options.loop} need a model coder (openai:MODEL or anthropic:MODEL), "
                        f"not {spec}")
    return agent


def resolve_tasks(suite: str, globs: list[str], dataset: str | None = None, pack_defaults: bool = False,
                  seed: int | None = None) -> tuple[list[Pack], list[tuple[Pack, Task]]]:
    """The suite's packs and the tasks the globs select; with no glob, every task, or where `pack_defaults` each
    pack's `default_tasks`. Packs that generate their items make them from `seed`."""
    try:
        packs = packs_of_suite(suite, dataset, seed)
        if globs or not pack_defaults:
            return packs, select_tasks(packs, globs)
        return packs, [pair for pack in packs for pair in select_tasks([pack], pack.spec.default_tasks or None)]
    except PackError as exc:
        raise UserError(str(exc)) from None


def default_selection_note(packs: list[Pack], pairs: list[tuple[Pack, Task]]) -> str | None:
    """What a run without --task leaves out of a pack that names its default tasks."""
    notes = [f"{pack.name}: {sum(p is pack for p, _ in pairs)} of {len(pack.tasks)} tasks, the pack's default "
             f"selection; --task '{pack.name}/*' runs them all" for pack in packs if pack.spec.default_tasks]
    return "; ".join(notes) or None


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
        selection = {name: getattr(config, name) for name in ("samples", "k", "limit", "sample_ids")}
        if any(getattr(manifest.config, name) != value for name, value in selection.items()):
            manifest.config = manifest.config.model_copy(update=selection)
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


@dataclass
class Pending:
    units: list[Unit]  # still to evaluate (an unfinished loop with its stored rounds)
    without_samples: list[str]  # ids of the tasks the agent has no sample for
    resumed: int  # samples of this selection already finished in the run dir


def pending_units(store: RunStore, pairs: list[tuple[Pack, Task]], agent: Agent, samples: int,
                  sample_ids: list[int] | None = None) -> Pending:
    """What is left of the selection: every sample below `samples` (or only `sample_ids`) of every task."""
    attempts = store.read_attempts(repair=True)
    finished = store.finished_keys(attempts)
    history = store.rounds(attempts)
    units: list[Unit] = []
    without_samples: list[str] = []
    resumed = 0
    for pack, task in pairs:
        available = agent.samples_available(task)
        count = samples if available is None else min(samples, available)
        if count == 0:
            without_samples.append(task.task_id)
        chosen = [s for s in range(count) if sample_ids is None or s in sample_ids]
        units += [Unit(pack, task, s, tuple(history.get((task.task_id, s), ())))
                  for s in chosen if (task.task_id, s) not in finished]
        resumed += sum((task.task_id, s) in finished for s in chosen)
    return Pending(units, without_samples, resumed)


class RunAbandoned(KeyboardInterrupt):
    """A second Ctrl-C: the samples in flight were abandoned, not recorded; the same command redoes them."""

    def __init__(self, abandoned: int) -> None:
        super().__init__(abandoned)
        self.abandoned = abandoned


@dataclass
class RunEvents:
    """What a run tells whoever shows its progress (the CLI); each hook is called on the main thread."""

    on_start: Callable[[int, list[str]], None] = lambda _pending, _without: None  # samples to do, tasks without
    on_begin: Callable[[Unit], None] = lambda _unit: None
    on_done: Callable[[Unit, list[Attempt]], None] = lambda _unit, _attempts: None
    on_interrupt: Callable[[int], None] = lambda _finishing: None  # the first Ctrl-C: this many are finishing


def execute(units: list[Unit], agent: Agent, sandbox: Sandbox, store: RunStore, config: RunConfig,
            events: RunEvents | None = None, reuse: Reuse | None = None) -> list[Attempt]:
    """Run the units. Agents get `connections + max_sandboxes` units in flight: model calls are bounded by
    the agent's connection limit and sandbox jobs by the sandbox's slots, so neither throttles the other.
    Once the cost limit is reached no new unit starts. The first Ctrl-C starts no new unit, lets those in flight
    finish and be recorded, then raises KeyboardInterrupt; a second one raises RunAbandoned at once, leaving
    the threads in flight to the caller (who ends the process). Either way the same command resumes. An answer
    identical to one evaluated before for the same task is not evaluated again (`reuse`; default: a table of this
    call's own evaluations, unless the config turns reuse off)."""
    events = events or RunEvents()
    reuse = reuse or Reuse(config.reuse)
    done: list[Attempt] = []
    in_flight = max(1, config.max_sandboxes) + agent.connections
    pool = ThreadPoolExecutor(max_workers=in_flight, thread_name_prefix="unit")
    queue = iter(units)
    running: dict[Future[list[Attempt]], Unit] = {}
    stopping = abandoned = False

    def fill() -> None:
        while not stopping and len(running) < in_flight and not agent.meter.exhausted():
            unit = next(queue, None)
            if unit is None:
                return
            running[pool.submit(run_loop, unit, agent, sandbox, store, config, reuse)] = unit
            log.debug("begin %s sample %d", unit.task.task_id, unit.sample)
            events.on_begin(unit)

    def collect() -> None:
        finished, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in finished:
            unit = running.pop(future)
            attempts = future.result()
            done.extend(attempts)
            for attempt in attempts:
                log.log(logging.WARNING if attempt.verdict == Verdict.infra_error else logging.INFO, "%s%s",
                        attempt.log_line(), f" ({attempt.message})" if attempt.message else "")
            events.on_done(unit, attempts)

    try:
        fill()
        while running:
            try:
                collect()
                fill()
            except KeyboardInterrupt:
                if stopping:
                    abandoned = True
                    raise RunAbandoned(len(running)) from None
                stopping = True
                log.warning("interrupted: %d sample(s) finishing", len(running))
                events.on_interrupt(len(running))
    finally:
        pool.shutdown(wait=not abandoned, cancel_futures=True)
    if stopping:
        raise KeyboardInterrupt
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


def check_docker_cuda(pairs: list[tuple[Pack, Task]], image: str | None, cuda_toolkit: str | None) -> None:
    """Fail early, with the fix, when tasks need nvcc in a Docker sandbox whose image has none: the CPU image
    without a host toolkit mounted (a retry could never build them)."""
    if cuda_toolkit or os.environ.get("HPCEVAL_CUDA_TOOLKIT") or (image not in (None, "cpu") and
                                                                   not str(image).startswith("hpceval-cpu")):
        return
    needing = next((task for pack, task in pairs if pack.spec.kind == "kernel" and
                    pack.model_build(task.execution_model).compiler == "nvcc"), None)
    if needing is not None:
        raise UserError(f"{needing.task_id} needs nvcc, which the CPU image lacks; mount a host CUDA toolkit with "
                        "--cuda-toolkit /usr/local/cuda, use --image cuda on a GPU host, or leave the cuda tasks "
                        "out with --task")


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
    note: str | None = None  # what the selection left out (a run without --task of a pack with default tasks)

    def config(self, backend: str) -> RunConfig:
        o, m = self.options, self.model
        return RunConfig(suite=o.suite, dataset=o.dataset, tasks=list(o.tasks), agent=o.agent, samples=o.samples,
                         k=list(o.k),
                         limit=o.limit, sample_ids=o.sample_ids,
                         sandbox=backend, max_sandboxes=o.max_sandboxes, seed=o.seed or 0, run_timeout_s=o.timeout,
                         judge=m.judge, loop=m.loop, rounds=m.rounds, coder_sampling=m.coder_sampling,
                         judge_sampling=m.judge_sampling, base_url=o.base_url, judge_base_url=o.judge_base_url,
                         max_connections=o.max_connections, cache=m.cache, cost_limit_usd=o.cost_limit,
                         image=(o.image or "cpu") if backend == "docker" else None, gpus=o.gpus,
                         timing_cpus=o.timing_cpus, timer=o.timer, threads=list(o.threads), ranks=list(o.ranks),
                         counters=o.counters if o.counters is not None else m.loop == "coder-judge",
                         executor=o.executor, ray_address=o.ray_address if o.executor == "ray" else None,
                         reuse=not o.no_reuse)

    def requested_sandbox(self) -> str:
        """--sandbox, else the sandbox of the run being resumed, else auto."""
        previous = RunStore(self.out)
        return self.options.sandbox or (previous.read_manifest().config.sandbox if previous.exists() else "auto")


def check_timer(timer: Timer, pairs: list[tuple[Pack, Task]]) -> None:
    """Every selected task's kind can measure by `timer` (a run uses one timer for all its tasks)."""
    for pack, task in pairs:
        if timer not in timers_of(pack.evaluator):
            raise UserError(f"--timer {timer}: {task.task_id} (kind {task.kind}) is measured only by "
                            f"{', '.join(timers_of(pack.evaluator))}; select function-kind tasks (--suite "
                            "enamel or efficiency) or leave out --timer")


def cap_sweep(options: RunOptions, pairs: list[tuple[Pack, Task]], cores: int) -> tuple[RunOptions, str | None]:
    """--threads/--ranks: only for kinds that sweep, and capped at the target's `cores` (a count above it would
    oversubscribe the cores it measures); the options with the kept counts, and a note on what was dropped."""
    if not options.threads and not options.ranks:
        return options, None
    cannot = next((task for pack, task in pairs if not sweeps(pack.evaluator)), None)
    if cannot is not None:
        raise UserError(f"--threads/--ranks: {cannot.task_id} (kind {cannot.kind}) has no thread or rank counts to "
                        "sweep; select kernel tasks (--suite hpc) or leave the flags out")
    kept = {name: [n for n in getattr(options, name) if n <= cores] for name in ("threads", "ranks")}
    dropped = sorted({n for name in kept for n in getattr(options, name) if n > cores})
    for name in ("threads", "ranks"):
        if getattr(options, name) and not kept[name]:
            raise UserError(f"--{name} {','.join(map(str, getattr(options, name)))}: this machine has {cores} "
                            f"CPU(s) for the sandbox; give counts up to {cores}")
    note = (f"scaling sweep capped at this machine's {cores} CPU(s): {', '.join(map(str, dropped))} left out"
            if dropped else None)
    return options.model_copy(update=kept), note


def plan_run(options: RunOptions) -> RunPlan:
    """The cheap checks, in order: flag combinations, suite, task globs, --out, the agent (the caller closes it)."""
    model = options.model()
    # a replay file names its own tasks: without --task it is evaluated whole, never cut to the packs' defaults
    packs, pairs = resolve_tasks(options.suite, list(options.tasks), options.dataset,
                                 pack_defaults=not options.agent.startswith("replay:"), seed=options.seed)
    check_timer(options.timer, pairs)
    options, sweep_note = cap_sweep(options, pairs, len(process_cpus()) or os.cpu_count() or 1)
    out = options.out or default_out(options.suite, options.agent)
    check_out_dir(out)
    agent = build_agent(options.agent, packs, [t for _, t in pairs], model)  # a replay file may hold more than --limit
    note = None if options.tasks else default_selection_note(packs, pairs)
    note = "; ".join(n for n in (note, sweep_note) if n) or None
    pairs = pairs[:options.limit] if options.limit else pairs
    return RunPlan(options=options, model=model, packs=packs, pairs=pairs, agent=agent, out=out, note=note)


@dataclass
class RunResult:
    store: RunStore
    summary: Summary
    rounds: int  # rounds evaluated by this process
    evaluated: int  # samples evaluated by this process
    resumed: int  # samples of the selection found finished in the run dir
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


def reuse_table(store: RunStore, config: RunConfig) -> Reuse:
    """The evaluations a later identical answer may take over, seeded with those the run dir holds (when the
    stored ones were measured with the same settings: --counters is the one a resume may change)."""
    reuse = Reuse(config.reuse)
    if config.reuse and store.read_manifest().config.counters == config.counters:
        reuse.seed(store.read_attempts())
    return reuse


def run_plan(plan: RunPlan, config: RunConfig, box: Sandbox, store: RunStore,
             events: RunEvents | None = None) -> RunResult:
    """Evaluate what is pending, then score; `box` is closed at the end. KeyboardInterrupt (see `execute`)
    passes through."""
    events = events or RunEvents()
    try:
        pending = pending_units(store, plan.pairs, plan.agent, config.samples, plan.options.sample_ids)
        events.on_start(len(pending.units), pending.without_samples)
        finished = execute(pending.units, plan.agent, box, store, config, events, reuse_table(store, config))
    except BaseException:
        store.release()
        raise
    finally:
        box.close()
    try:
        attempts = store.read_attempts()
        summary = score(attempts, list(config.k))
        store.write_summary(summary)
        left = (len(pending_units(store, plan.pairs, plan.agent, config.samples, plan.options.sample_ids).units)
                if plan.agent.meter.exhausted() else 0)
    finally:
        store.release()
    infra = [rounds[-1] for rounds in RunStore.rounds(attempts).values() if rounds[-1].verdict == Verdict.infra_error]
    return RunResult(store=store, summary=summary, rounds=len(finished),
                     evaluated=len({(a.task_id, a.sample) for a in finished}), resumed=pending.resumed,
                     unfinished=left, infra_errors=infra)
