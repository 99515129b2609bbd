"""`hpceval cache stats|clear`: the call cache shared by all runs, and the `function` kind's tests and reference
times (made once per problem and machine)."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console

from hpceval.agents.cache import CallCache
from hpceval.harness.errors import UserError, user_errors
from hpceval.tasks.kinds.function.cache import TestsCache

cache_app = typer.Typer(no_args_is_help=True, help="The model-call cache and the function kind's tests "
                                                   "(HPCEVAL_CACHE_DIR overrides their place).")
stdout = Console()


@cache_app.command("stats")
def cache_stats(as_json: Annotated[bool, typer.Option("--json", help="Print the stats as JSON.")] = False) -> None:
    """Where the caches are, how many calls they hold per model, and how many problems' tests."""
    cache = CallCache()
    stats = cache.stats()
    cache.close()
    tests = TestsCache().stats()
    if as_json:
        stdout.print_json(json.dumps({**stats.model_dump(), "function_tests": tests.model_dump()}))
        return
    stdout.print(f"{stats.path}: {stats.entries} cached call(s), {stats.bytes / 1e6:.2f} MB", highlight=False)
    for model, count in stats.by_model.items():
        stdout.print(f"  {model}: {count}", highlight=False)
    stdout.print(f"{tests.path}: tests of {tests.problems} function problem(s), {tests.reference_timings} reference "
                 f"timing(s), {tests.bytes / 1e6:.2f} MB", highlight=False)


@cache_app.command("clear")
@user_errors
def cache_clear(
    model: Annotated[str | None, typer.Option(help="Only the calls of this provider:model.")] = None,
    tests: Annotated[bool, typer.Option("--tests", help=(
        "The function kind's tests and reference times instead (remade, and the references re-timed, next run)."
    ))] = False,
) -> None:
    """Delete cached calls (all, or one model's); the next run pays for them again."""
    if tests:
        if model:
            raise UserError("--tests clears no model calls; leave out --model")
        cache_of_tests = TestsCache()
        stdout.print(f"removed the tests of {cache_of_tests.clear()} function problem(s) from {cache_of_tests.root}",
                     highlight=False)
        return
    cache = CallCache()
    removed = cache.clear(model)
    cache.close()
    stdout.print(f"removed {removed} cached call(s) from {cache.path}", highlight=False)
