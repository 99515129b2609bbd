"""Terminal tables: the score summary. One table with every k when it fits the terminal (or with `--wide`),
else one block per k; under each group's row, its 95% bootstrap interval over tasks."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table

from hpceval.harness.records import Summary

METRIC_NAMES = ("pass", "build", "accuracy", "eff", "speedup_n", "efficiency_n")  # per-level eff: summary.json only
# group names as the terminal shows them (summary.json keeps the full `dimension=value`)
SHORT_DIMENSIONS = {"execution_model=": "model ", "problem_type=": "type ", "pack=": "pack "}


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _interval(bounds: list[float] | None) -> str:
    if not bounds or len(bounds) != 2:
        return ""
    return f"{bounds[0]:.2f}-{bounds[1]:.2f}"


def short_group(name: str) -> str:
    for prefix, short in SHORT_DIMENSIONS.items():
        if name.startswith(prefix):
            return short + name[len(prefix):]
    return name


def shown_groups(summary: Summary) -> list[str]:
    """"all", then one dimension at a time (cells and a lone pack are in summary.json only)."""
    packs = [name for name in summary.groups if name.startswith("pack=")]
    return ["all", *[name for name in summary.groups
                     if "/" not in name and not (name.startswith("pack=") and len(packs) < 2)]]


def summary_table(summary: Summary, title: str, ks: list[int]) -> Table:
    keys = [f"{name}@{k}" for k in ks for name in METRIC_NAMES]
    keys = [key for key in keys if key in summary.metrics]
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, caption="under each row: its 95% "
                  "bootstrap interval over tasks", caption_justify="left")
    table.add_column("group", no_wrap=True)
    for key in keys:
        table.add_column(key, justify="right", no_wrap=True)
    for name in shown_groups(summary):
        metrics = summary.metrics if name == "all" else summary.groups[name]
        table.add_row(short_group(name), *[_fmt(metrics.get(key)) for key in keys],
                      style="bold" if name == "all" else None)
        intervals = summary.intervals.get(name, {})
        if intervals:
            table.add_row("", *[_interval(intervals.get(key)) for key in keys], style="dim")
    return table


def natural_width(console: Console, table: Table) -> int:
    """The width the table takes uncut (rich clamps a measure to the console's width)."""
    return console.measure(table, options=console.options.update(max_width=100_000)).maximum


def summary_tables(console: Console, summary: Summary, title: str, wide: bool = False) -> list[Table]:
    """One table with every k when it fits (or `wide`), else one per k."""
    whole = summary_table(summary, title, list(summary.k))
    if wide or len(summary.k) < 2 or natural_width(console, whole) <= console.width:
        return [whole]
    return [summary_table(summary, f"{title}, k={k}", [k]) for k in summary.k]


def print_summary(console: Console, summary: Summary, title: str, wide: bool = False) -> None:
    for table in summary_tables(console, summary, title, wide):
        # --wide: the table's own width even where the terminal is narrower (lines wrap there, none is cut)
        console.print(table, width=max(console.width, natural_width(console, table)) if wide else None)
    counts = ", ".join(f"{verdict} {count}" for verdict, count in summary.counts.items())
    console.print(f"{summary.n_tasks} tasks, {summary.n_attempts} samples: {counts}", highlight=False)
    total = summary.usage.get("total")
    if total is not None and total.calls:
        roles = "; ".join(f"{role} {u.prompt_tokens} in + {u.completion_tokens} out tokens, ${u.cost_usd:.4f}"
                          for role, u in summary.usage.items() if role != "total")
        console.print(f"model calls: {total.calls} ({total.cached_calls} from cache, {total.retries} retries); "
                      f"{total.prompt_tokens} prompt + {total.completion_tokens} completion tokens; "
                      f"cost ${total.cost_usd:.4f} ({roles})", highlight=False, soft_wrap=True)
    for note in summary.notes:
        console.print(f"[yellow]note:[/yellow] {note}")
