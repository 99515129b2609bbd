"""`hpceval export RUN... [--format csv|jsonl|parquet] [--out PATH] [--final-only]`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from hpceval.harness.errors import user_errors

console = Console(stderr=True)


@user_errors
def export_command(
    run_dirs: Annotated[list[Path], typer.Argument(
        metavar="RUN...", help="Run dirs (the --out of `hpceval run`), one or more.", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl or parquet.")] = "csv",
    out: Annotated[Path | None, typer.Option(
        "--out", help="The file to write (default: <first RUN>/export.<format>); '-': stdout (csv, jsonl).",
        show_default=False)] = None,
    final_only: Annotated[bool, typer.Option(
        "--final-only", help="Only the round that counts for the scores of each sample.")] = False,
) -> None:
    """Every attempt of the runs as one table, one row per attempt (the columns of `hpceval.results.load`)."""
    from hpceval.harness import export  # pandas loads only for this command

    fmt_ = export.parse_format(fmt)
    frame = export.load_runs(run_dirs, final_only)
    where = export.write_frame(frame, fmt_, out or export.default_out(run_dirs, fmt_))
    target = "stdout" if where == export.STDOUT else str(where)
    console.print(f"wrote {len(frame)} attempt row(s) from {len(run_dirs)} run(s) to {target}", highlight=False,
                  soft_wrap=True)
