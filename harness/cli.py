"""The `hpceval` command line."""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from hpceval import __version__
from hpceval.harness.cli_cache import cache_app
from hpceval.harness.cli_export import export_command
from hpceval.harness.cli_leaderboard import leaderboard_app
from hpceval.harness.cli_report import report_command
from hpceval.harness.cli_show import show_command
from hpceval.harness.errors import UserError, user_errors
from hpceval.harness.executors import ExecutorOption, RayAddressOption, make_executor
from hpceval.harness.logs import run_log
from hpceval.harness.options import parse_ks as options_parse_ks
from hpceval.harness.options import parse_run_options
from hpceval.harness.pareval import import_pareval
from hpceval.harness.pipeline import (
    RunAbandoned,
    RunPlan,
    check_docker_cuda,
    check_run_toolchain,
    plan_run,
    run_plan,
    start_run,
)
from hpceval.harness.progress import RunDisplay
from hpceval.harness.records import RunConfig
from hpceval.harness.report import print_summary
from hpceval.harness.sandbox_cli import sandbox_app
from hpceval.harness.sandboxes import (
    CudaToolkitOption,
    GpusOption,
    ImageOption,
    SandboxOption,
    SandboxOptions,
    TimingCpusOption,
    make_sandbox,
    resolve_sandbox_name,
)
from hpceval.harness.scoring import score
from hpceval.harness.store import RunStore
from hpceval.harness.validate import Check, validate_tasks
from hpceval.metrics import compare_runs
from hpceval.sandbox.base import Sandbox, Verdict
from hpceval.tasks import load_packs, packs_of_suite, select_tasks
from hpceval.tasks.discovery import with_seed

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Benchmark LLM agents on code whose speed matters.")
console = Console(stderr=True)
stdout = Console()


def _print_version(value: bool) -> None:
    if value:
        stdout.print(f"hpceval {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _main_options(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Benchmark LLM agents on code whose speed matters."""

def parse_ks(text: str) -> list[int]:
    try:
        return options_parse_ks(text)
    except ValueError as exc:
        raise UserError(f"--k {exc}") from None


def progress_bar() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("eta"), TimeRemainingColumn(),
        TextColumn("{task.fields[status]}"), console=console, transient=False,
    )


@app.command("list")
@user_errors
def list_tasks(
    suite: Annotated[str | None, typer.Option(help="Only the tasks of this suite (or pack).")] = None,
    dataset: Annotated[str | None, typer.Option(help="The dataset of a suite that reads one (enamel).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of tasks.")] = False,
    seed: Annotated[int | None, typer.Option(
        help="The instance set of suites that generate their items (surrogate): another seed, other items.")] = None,
) -> None:
    """List the tasks of every installed pack."""
    if dataset and not suite:
        raise UserError("--dataset needs --suite (the suite that reads it, e.g. --suite enamel)")
    packs = packs_of_suite(suite, dataset, seed) if suite else with_seed(load_packs(), seed)
    tasks = [task for pack in packs for task in pack.tasks]
    if as_json:  # `category`: the problem type (a surrogate item's category), under the name users look for
        stdout.print_json(json.dumps([{**task.model_dump(), "category": task.problem_type} for task in tasks]))
        return
    suites = sorted({task.suite for task in tasks})
    table = Table(title=f"{len(tasks)} tasks ({', '.join(suites)})", title_justify="left", box=box.SIMPLE_HEAD)
    last = "entry_point" if any(task.entry_point for task in tasks) else "language"  # predictions have no entry point
    columns = ["task_id", *(["suite"] if len(suites) > 1 else []), "execution_model", "problem_type", last]
    for column in columns:
        table.add_column(column, no_wrap=column == "task_id", overflow="fold")
    for task in tasks:
        table.add_row(*[str(getattr(task, column)) for column in columns])
    stdout.print(table)


ENV_PREFIX = "HPCEVAL"  # every `run` flag can be set as HPCEVAL_<FLAG>, e.g. HPCEVAL_SAMPLES=5


@app.command(context_settings={"auto_envvar_prefix": ENV_PREFIX})
@user_errors
def run(
    suite: Annotated[str, typer.Option(help="Suite (or pack) to run.")] = "hpc",
    dataset: Annotated[str | None, typer.Option(help="The dataset of a suite that reads one (enamel): a local "
                                                     "CSV/JSON file, or a hub id.")] = None,
    agent: Annotated[
        str, typer.Option(help="The coder: reference, baseline, replay:PATH, openai:MODEL, anthropic:MODEL.")
    ] = "reference",
    task: Annotated[list[str] | None, typer.Option(help="Task-id glob (repeatable), e.g. 'hpc/gemm/*'.")] = None,
    samples: Annotated[int, typer.Option("-n", "--samples", help="Samples per task.")] = 1,
    k: Annotated[str, typer.Option("--k", help="k values for pass@k etc., comma-separated.")] = "1",
    limit: Annotated[int | None, typer.Option(help="Only the first N tasks (after the --task globs).")] = None,
    sample_id: Annotated[str | None, typer.Option("--sample-id", help="Only these samples, e.g. 0,3-5 "
                                                                      "(numbered from 0, below -n).")] = None,
    sandbox: SandboxOption = None,
    image: ImageOption = None,
    gpus: GpusOption = None,
    timing_cpus: TimingCpusOption = None,
    timer: Annotated[str | None, typer.Option(help="What a function-kind run costs: wall (the default: wall time, "
                                                   "repeated) or instructions (retired instructions, counted "
                                                   "under valgrind; deterministic).")] = None,
    threads: Annotated[str | None, typer.Option(help="Scaling sweep: also time each kernel answer at these thread "
                                                     "counts, e.g. 1,2,4 (capped at this machine's CPUs).")] = None,
    ranks: Annotated[str | None, typer.Option(help="Scaling sweep: also time each MPI answer at these rank counts, "
                                                   "e.g. 1,2.")] = None,
    counters: Annotated[bool | None, typer.Option(
        "--counters/--no-counters", help="Profile each kernel answer's call after its timing and give the judge the "
                                         "counters (perf stat where the host has a PMU, else valgrind's simulated "
                                         "counts). Default: on with a coder-judge loop.")] = None,
    cuda_toolkit: CudaToolkitOption = None,
    executor: ExecutorOption = None,
    ray_address: RayAddressOption = None,
    out: Annotated[Path | None, typer.Option(help="Run dir; repeat a command with the same --out to resume.")] = None,
    max_sandboxes: Annotated[int, typer.Option(help="Jobs in flight at once.")] = min(4, os.cpu_count() or 1),
    no_reuse: Annotated[bool, typer.Option(
        "--no-reuse", help="Evaluate every sample, even one whose answer is the same text as an answer evaluated "
                           "before for the task (by default that sample takes over the earlier outcome, marked "
                           "reused_from).")] = False,
    seed: Annotated[int | None, typer.Option(
        help="Seed passed to agents (and as `seed` to OpenAI-API calls), and the instance set of suites that "
             "generate their items (surrogate).")] = None,
    timeout: Annotated[
        float | None, typer.Option(help="Wall-clock limit (s) of each check/time step (default: the pack's).")
    ] = None,
    judge: Annotated[str | None, typer.Option(help="A judge model (openai:MODEL, anthropic:MODEL).")] = None,
    loop: Annotated[str | None, typer.Option(help="single, repair or coder-judge (default: coder-judge with "
                                                  "--judge, else single).")] = None,
    rounds: Annotated[int | None, typer.Option(help="Rounds of a repair/coder-judge loop (default 3).")] = None,
    base_url: Annotated[str | None, typer.Option(help="API base URL of the coder (an OpenAI-compatible server: "
                                                      "vLLM, Ollama, ...); also the judge's if same provider.")] = None,
    judge_base_url: Annotated[str | None, typer.Option(help="API base URL of the judge.")] = None,
    temperature: Annotated[float | None, typer.Option(help="Sampling temperature.")] = None,
    top_p: Annotated[float | None, typer.Option(help="Nucleus sampling mass.")] = None,
    max_tokens: Annotated[int | None, typer.Option(help="Completion token limit per call.")] = None,
    reasoning_effort: Annotated[str | None, typer.Option(help="Reasoning effort where the API has it "
                                                              "(minimal, low, medium, high, xhigh, max).")] = None,
    agent_config: Annotated[Path | None, typer.Option(help="YAML/TOML file of sampling settings (coder:, "
                                                          "judge:, policy:); flags override it.")] = None,
    max_connections: Annotated[int, typer.Option(help="Model calls in flight at once.")] = 16,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the call cache.")] = False,
    cost_limit: Annotated[float | None, typer.Option(help="Start no new work once this many USD are "
                                                                 "spent (this run, resumes included).")] = None,
    prices: Annotated[Path | None, typer.Option(help="Price table (YAML) overriding the shipped one.")] = None,
    request_timeout: Annotated[float | None, typer.Option(help="Per-call timeout, s (default 600).")] = None,
    max_retries: Annotated[int | None, typer.Option(help="Retries of a failing call (default 6).")] = None,
    retry_base_delay: Annotated[float | None, typer.Option(help="First backoff, s (default 1).")] = None,
    log_level: Annotated[str, typer.Option(help="debug, info, warning or error: what goes to the run dir's "
                                                "hpceval.log.")] = "info",
    wide: Annotated[bool, typer.Option("--wide", help="One score table with every k, however wide.")] = False,
) -> None:
    """Evaluate an agent on a suite. Exit status: 0 finished, 2 bad input, 3 samples left with infra_error
    (repeat the command to retry them), 130 interrupted. Every flag can be set as HPCEVAL_<FLAG>."""
    options = parse_run_options(
        suite=suite, dataset=dataset, agent=agent, tasks=list(task or []), samples=samples, k=k, limit=limit,
        sample_ids=sample_id,
        log_level=log_level, sandbox=sandbox, image=image,
        gpus=gpus, timing_cpus=timing_cpus, timer=timer, threads=threads, ranks=ranks, counters=counters,
        cuda_toolkit=cuda_toolkit, executor=executor, ray_address=ray_address,
        out=out, no_reuse=no_reuse,
        max_sandboxes=max_sandboxes,
        seed=seed, timeout=timeout, judge=judge, loop=loop, rounds=rounds, base_url=base_url,
        judge_base_url=judge_base_url, temperature=temperature, top_p=top_p, max_tokens=max_tokens,
        reasoning_effort=reasoning_effort, agent_config=agent_config, max_connections=max_connections,
        no_cache=no_cache, cost_limit=cost_limit, prices=prices, request_timeout=request_timeout,
        max_retries=max_retries, retry_base_delay=retry_base_delay)
    plan = plan_run(options)  # the cheap checks; the sandbox only after them
    if plan.note:
        typer.echo(f"note: {plan.note}", err=True)
    try:
        backend, note = resolve_sandbox_name(plan.requested_sandbox(), options.image)
        if backend == "local" and options.executor == "local":  # with ray, the nodes' toolchains build and run
            check_run_toolchain(plan.pairs)
        elif backend == "docker":
            check_docker_cuda(plan.pairs, options.image, options.cuda_toolkit)
        box = make_executor(options.executor, SandboxOptions(backend, options.max_sandboxes, options.image,
                                                             options.gpus, options.timing_cpus,
                                                             cuda_toolkit=options.cuda_toolkit), options.ray_address)
        show_run(plan, plan.config(backend), box, note if options.sandbox is None else None, wide)
    finally:
        plan.agent.close()


def show_run(plan: RunPlan, config: RunConfig, box: Sandbox, note: str | None, wide: bool) -> None:
    """The run with its progress display, then its score table."""
    store = start_run(plan, config, box)
    if note:  # the sandbox is chosen and the run dir owned: nothing left to refuse the run
        console.print(f"[yellow]note:[/yellow] {note}", highlight=False, soft_wrap=True)
    with run_log(plan.out, plan.options.log_level, config):
        display = RunDisplay(console, config.suite, plan.agent.meter.retries, str(plan.out))
        try:
            with display:
                result = run_plan(plan, config, box, store, display.events())
        except RunAbandoned as abandoned:
            console.print(f"[yellow]abandoned[/yellow] {abandoned.abandoned} sample(s) in flight; finished samples "
                          f"are saved; repeat the command to resume ({plan.out})", highlight=False, soft_wrap=True)
            end_now(130)  # threads still in a sandbox job or a model call are not waited for
        except KeyboardInterrupt:
            console.print("[yellow]interrupted[/yellow]: finished samples are saved; repeat the command to resume "
                          f"({plan.out})", highlight=False, soft_wrap=True)
            raise typer.Exit(130) from None
    print_summary(stdout, result.summary, f"{config.agent} on {config.suite} ({plan.out})", wide)
    stdout.print(f"summary: {result.store.summary_path}\n{result.evaluated} sample(s) evaluated now, "
                 f"{result.resumed} resumed from the run dir", highlight=False, soft_wrap=True)
    if result.unfinished or plan.agent.meter.exhausted():
        console.print(f"[yellow]cost limit reached[/yellow]: ${plan.agent.meter.spent_usd:.4f} spent of "
                      f"${config.cost_limit_usd:g}; {result.unfinished} sample(s) not finished ({result.rounds} "
                      "round(s) ran); raise --cost-limit and repeat the command to go on", highlight=False,
                      soft_wrap=True)
    if result.infra_errors:
        first = result.infra_errors[0]
        console.print(f"[red]{len(result.infra_errors)} sample(s) ended in infra_error[/red], e.g. {first.task_id} "
                      f"sample {first.sample}: {first.message}; repeat the command to retry them", highlight=False,
                      soft_wrap=True)
        raise typer.Exit(3)


def end_now(code: int) -> NoReturn:
    """Exit without joining the threads left in flight (a second Ctrl-C); jobs of the local sandbox die with
    the process (PR_SET_PDEATHSIG), the docker sandbox's containers were removed by its close()."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    logging.shutdown()
    os._exit(code)


@app.command("score")
@user_errors
def score_command(
    run_dir: Annotated[Path, typer.Argument(help="A run dir written by `hpceval run`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print summary.json to stdout.")] = False,
    k: Annotated[str | None, typer.Option("--k", help="k values (default: those of the run).")] = None,
    pareval_compat: Annotated[
        bool, typer.Option("--pareval-compat", help="Imported ParEval runs: reproduce ParEval's published numbers.")
    ] = False,
    wide: Annotated[bool, typer.Option("--wide", help="One score table with every k, however wide.")] = False,
) -> None:
    """Recompute every metric from attempts.jsonl and rewrite summary.json."""
    store = RunStore(run_dir)
    manifest = store.read_manifest()
    ks = parse_ks(k) if k else manifest.config.k
    summary = score(store.read_attempts(), ks, pareval_compat)
    store.write_summary(summary)
    if as_json:
        stdout.print_json(summary.model_dump_json())
    else:
        print_summary(stdout, summary, f"{manifest.config.agent} on {manifest.config.suite} ({run_dir})", wide)


@app.command()
@user_errors
def compare(
    run_a: Annotated[Path, typer.Argument(help="Run dir A.")],
    run_b: Annotated[Path, typer.Argument(help="Run dir B (compared against A).")],
    metric: Annotated[str, typer.Option(help="Per-task metric to compare, e.g. pass@1 or speedup_n@1.")] = "pass@1",
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
) -> None:
    """Paired comparison of two runs on their shared tasks: mean(B - A) with a 95% bootstrap interval."""
    per_run: list[dict[str, float]] = []
    for run_dir in (run_a, run_b):
        store = RunStore(run_dir)
        ks = store.read_manifest().config.k
        summary = score(store.read_attempts(), sorted(set(ks) | set(parse_ks(metric.rpartition("@")[2]))))
        values = {tid: m[metric] for tid, m in summary.tasks.items() if metric in m}
        if not values:
            raise UserError(f"{run_dir}: no task has {metric!r}; try pass@1, build@1, speedup_n@1, efficiency_n@1")
        per_run.append(values)
    try:
        result = compare_runs(per_run[0], per_run[1])
    except ValueError as exc:
        raise UserError(f"{exc}; compare runs of the same tasks") from None
    data = {"metric": metric, "n_tasks": result.n_tasks, "mean_a": result.mean_a, "mean_b": result.mean_b,
            "difference": result.difference.estimate, "interval": [result.difference.low, result.difference.high],
            "wins": result.wins, "losses": result.losses, "ties": result.ties,
            "only_in_a": list(result.only_in_a), "only_in_b": list(result.only_in_b)}
    if as_json:
        stdout.print_json(json.dumps(data))
        return
    stdout.print(
        f"{metric} on {result.n_tasks} shared tasks: A {result.mean_a:.3f}, B {result.mean_b:.3f}, "
        f"B - A = {result.difference.estimate:+.3f} [{result.difference.low:+.3f}, {result.difference.high:+.3f}] "
        f"(95% paired bootstrap); B better on {result.wins}, worse on {result.losses}, tied on {result.ties}",
        highlight=False, soft_wrap=True,
    )


app.command("export")(export_command)
app.command("show")(show_command)
app.command("report")(report_command)
app.add_typer(sandbox_app, name="sandbox")
app.add_typer(cache_app, name="cache")
app.add_typer(leaderboard_app, name="leaderboard")
import_app = typer.Typer(no_args_is_help=True, help="Turn other benchmarks' results into hpceval run dirs.")
app.add_typer(import_app, name="import")


@import_app.command("pareval")
@user_errors
def import_pareval_command(
    results: Annotated[Path, typer.Argument(help="ParEval's results JSON (a list of prompt records).")],
    out: Annotated[Path, typer.Option(help="The run dir to create.")],
    problem_sizes: Annotated[Path | None, typer.Option(
        "--problem-sizes", help="ParEval's drivers/problem-sizes.json (problem -> {model: \"(1<<n)\"}): CUDA and HIP "
                                "efficiency divide by the problem size, as ParEval's analysis does.")] = None,
) -> None:
    """Import ParEval's results (serial, omp, mpi, mpi+omp, kokkos, cuda, hip); then
    `hpceval score DIR [--pareval-compat]`."""
    store, notes = import_pareval(results, out, datetime.now(UTC).isoformat(timespec="milliseconds"), problem_sizes)
    summary = score(store.read_attempts(), store.read_manifest().config.k)
    store.write_summary(summary)
    console.print(f"imported {summary.n_attempts} samples of {summary.n_tasks} prompts into {out}", highlight=False)
    for note in notes:
        console.print(f"note: {note}", highlight=False, soft_wrap=True)


@app.command()
@user_errors
def validate(
    packs: Annotated[list[str] | None, typer.Argument(help="Pack names (default: all).")] = None,
    task: Annotated[list[str] | None, typer.Option(help="Task-id glob (repeatable).")] = None,
    dataset: Annotated[str | None, typer.Option(help="The dataset of a pack that reads one (enamel).")] = None,
    sandbox: SandboxOption = None,
    image: ImageOption = None,
    max_sandboxes: Annotated[int, typer.Option(min=1)] = min(4, os.cpu_count() or 1),
    full_timing: Annotated[bool, typer.Option(
        help="Time with the packs' own repeats, as a run does (default: a warm-up and 2 timed pairs, which prove "
             "the timed path but not the speedup).")] = False,
    gpus: GpusOption = None,
    cuda_toolkit: CudaToolkitOption = None,
    seed: Annotated[int | None, typer.Option(
        help="The instance set of packs that generate their items (surrogate), as `run --seed`.")] = None,
) -> None:
    """For every task: the reference passes; the broken solution, near-miss mutants and (on parallel tasks) the
    sequential baseline fail."""
    loaded = with_seed(load_packs(list(packs) if packs else None, dataset), seed)
    pairs = select_tasks(loaded, list(task or []))
    backend, note = resolve_sandbox_name(sandbox or "auto", image)
    if note and sandbox is None:
        console.print(f"[yellow]note:[/yellow] {note}", highlight=False, soft_wrap=True)
    if backend == "local":
        check_run_toolchain(pairs)
    else:
        check_docker_cuda(pairs, image, cuda_toolkit)
    box = make_sandbox(SandboxOptions(backend, max_sandboxes, image, gpus, cuda_toolkit=cuda_toolkit))
    with progress_bar() as progress:
        bar = progress.add_task("validate", total=None, status="making tasks ready")
        failures: list[Check] = []

        def on_done(check: Check) -> None:
            if not check.holds:
                failures.append(check)
            progress.update(bar, advance=1, status=f"{len(failures)} failing")

        checks = validate_tasks(pairs, box, max_sandboxes, on_done, full_timing,
                                on_cases=lambda count: progress.update(bar, total=count, status=""))
    box.close()
    bad = [c for c in checks if not c.holds]
    for check in bad:
        stdout.print(f"FAIL {check.task_id} {check.solution}: {check.verdict} (expected {check.expectation}) "
                     f"{check.message}",
                     highlight=False, soft_wrap=True)
    validated = len({check.task_id for check in checks})  # tasks with validation cases (each gives checks)
    stdout.print(f"{len(checks) - len(bad)} of {len(checks)} checks hold on {validated} tasks")
    skipped = [c for c in checks if c.verdict == Verdict.skipped_no_gpu]
    if skipped:
        stdout.print(f"{len(skipped)} of them built but were skipped_no_gpu: no GPU in the sandbox, so their checks "
                     "and timing did not run (validate on a GPU host, with --gpus all under docker)",
                     highlight=False, soft_wrap=True)
    if validated < len(pairs):  # translate and optimize tasks run their generate task's job (only the prompt differs)
        stdout.print(f"{len(pairs) - validated} tasks of other modes (translate, optimize) run the job of their "
                     "model's generate task, which validates them", highlight=False)
    raise typer.Exit(1 if bad else 0)


def main() -> None:
    app(prog_name="hpceval")


if __name__ == "__main__":
    main()
