"""Terminal tables: the score summary and the task list."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from hpceval.harness.records import Summary


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def summary_table(summary: Summary, title: str) -> Table:
    keys = [f"{name}@{k}" for k in summary.k for name in ("pass", "build", "speedup_n", "efficiency_n")]
    keys = [key for key in keys if key in summary.metrics]
    table = Table(title=title)
    table.add_column("group")
    for key in keys:
        table.add_column(key, justify="right")
    table.add_row("all", *[_fmt(summary.metrics.get(key)) for key in keys], style="bold")
    packs = [name for name in summary.groups if name.startswith("pack=")]
    for name, metrics in summary.groups.items():
        if "/" in name or (name.startswith("pack=") and len(packs) < 2):
            continue  # cells and a lone pack are in summary.json; the terminal shows one dimension at a time
        table.add_row(name, *[_fmt(metrics.get(key)) for key in keys])
    return table


def print_summary(console: Console, summary: Summary, title: str) -> None:
    console.print(summary_table(summary, title))
    counts = ", ".join(f"{verdict} {count}" for verdict, count in summary.counts.items())
    console.print(f"{summary.n_tasks} tasks, {summary.n_attempts} samples: {counts}")
    total = summary.usage.get("total")
    if total is not None and total.calls:
        roles = "; ".join(f"{role} {u.prompt_tokens} in + {u.completion_tokens} out tokens, ${u.cost_usd:.4f}"
                          for role, u in summary.usage.items() if role != "total")
        console.print(f"model calls: {total.calls} ({total.cached_calls} from cache, {total.retries} retries); "
                      f"{total.prompt_tokens} prompt + {total.completion_tokens} completion tokens; "
                      f"cost ${total.cost_usd:.4f} ({roles})", highlight=False, soft_wrap=True)
    for note in summary.notes:
        console.print(f"[yellow]note:[/yellow] {note}")
