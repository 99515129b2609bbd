"""`hpceval report RUN [--out DIR]`: a run dir as static HTML pages (harness/report_pages.py reads the run,
leaderboards/run_report.py writes the pages)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from hpceval.harness.errors import UserError, user_errors
from hpceval.harness.report_pages import build_report
from hpceval.harness.store import RunStore
from hpceval.leaderboards.run_report import is_report, write_report

DEFAULT_OUT = "report"  # under the run dir


@user_errors
def report_command(
    run_dir: Annotated[Path, typer.Argument(metavar="RUN_DIR", help="A run dir written by `hpceval run`.")],
    out: Annotated[Path | None, typer.Option(
        "--out", help=f"Where to write the pages (default RUN_DIR/{DEFAULT_OUT}): a new or empty directory, or an "
                      "earlier report, whose pages are replaced.")] = None,
) -> None:
    """A static HTML report of one run: its settings, scores with their intervals, and a page per task with the
    prompt, every sample's answer, build and check logs, verdict, timings and judge. Opens from file://."""
    RunStore(run_dir).read_manifest()  # a run dir, or the one line that says it is not one
    target = out if out is not None else run_dir / DEFAULT_OUT
    check_out(target)
    report = build_report(run_dir)
    try:
        index = write_report(report, target)
    except OSError as exc:
        raise UserError(f"--out {target}: cannot write the report ({exc.strerror or exc}); pass a directory you "
                        "can write") from None
    Console().print(f"report of {len(report.tasks)} task(s): {index}", highlight=False, soft_wrap=True)


def check_out(target: Path) -> None:
    """Refuse to write into a file, or into a directory that holds anything but an earlier report (its task
    pages are replaced, so a wrong --out must not be a folder of the user's own)."""
    if target.exists() and not target.is_dir():
        raise UserError(f"--out {target} is a file; pass a directory (new, empty, or an earlier report)")
    if target.is_dir() and any(target.iterdir()) and not is_report(target):
        raise UserError(f"--out {target} is not empty and holds no hpceval report; pass a new or empty directory")
