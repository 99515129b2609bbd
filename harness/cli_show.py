"""`hpceval show RUN [TASK]`: a run's per-task table, or one sample in full (harness/show.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from hpceval.harness.errors import UserError, user_errors
from hpceval.harness.show import print_run, print_sample
from hpceval.harness.store import RunStore


@user_errors
def show_command(
    run_dir: Annotated[Path, typer.Argument(metavar="RUN", help="A run dir written by `hpceval run`.")],
    task: Annotated[
        str | None, typer.Argument(metavar="TASK", help="A task id, or a glob matching one task of the run.")
    ] = None,
    sample: Annotated[int | None, typer.Option("--sample", help="The sample to show (default 0).")] = None,
    round_number: Annotated[
        int | None, typer.Option("--round", help="The round to show (default: the kept one, which scores).")
    ] = None,
) -> None:
    """Why a sample got its verdict: prompt, answer, build commands and output, first wrong element, timings and
    judge; without TASK, a table of the run's tasks."""
    store = RunStore(run_dir)
    console = Console()
    if task is None:
        if sample is not None or round_number is not None:
            raise UserError("--sample and --round pick a sample of a TASK; name the task too")
        print_run(console, store)
    else:
        print_sample(console, store, task, sample, round_number)
