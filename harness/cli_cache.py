"""`hpceval cache stats|clear`: the call cache shared by all runs."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console

from hpceval.agents.cache import CallCache

cache_app = typer.Typer(no_args_is_help=True, help="The model-call cache (HPCEVAL_CACHE_DIR overrides its place).")
stdout = Console()


@cache_app.command("stats")
def cache_stats(as_json: Annotated[bool, typer.Option("--json", help="Print the stats as JSON.")] = False) -> None:
    """Where the cache is, how many calls it holds, per model."""
    cache = CallCache()
    stats = cache.stats()
    cache.close()
    if as_json:
        stdout.print_json(json.dumps(stats.model_dump()))
        return
    stdout.print(f"{stats.path}: {stats.entries} cached call(s), {stats.bytes / 1e6:.2f} MB", highlight=False)
    for model, count in stats.by_model.items():
        stdout.print(f"  {model}: {count}", highlight=False)


@cache_app.command("clear")
def cache_clear(
    model: Annotated[str | None, typer.Option(help="Only the calls of this provider:model.")] = None,
) -> None:
    """Delete cached calls (all, or one model's); the next run pays for them again."""
    cache = CallCache()
    removed = cache.clear(model)
    cache.close()
    stdout.print(f"removed {removed} cached call(s) from {cache.path}", highlight=False)
