"""`hpceval leaderboard build|publish`: boards from run dirs and from published results (leaderboards/)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Annotated

import typer

from hpceval import __version__
from hpceval.harness.board_entries import current_packs, entry_from_run
from hpceval.harness.errors import UserError, user_errors
from hpceval.leaderboards.entries import BadEntry, Entry, entry_file_name, read_entries

leaderboard_app = typer.Typer(no_args_is_help=True,
                              help="Leaderboards (Markdown, JSON, a static site with plots) from run dirs.")

RunDirs = Annotated[list[Path] | None, typer.Argument(metavar="RUN_DIR...", help="Run dirs written by `hpceval run`.")]


def _entries(run_dirs: list[Path], folders: list[Path]) -> list[Entry]:
    entries = []
    for run_dir in run_dirs:
        try:
            entries.append(entry_from_run(run_dir))
        except UserError as exc:
            raise UserError(f"{run_dir}: {exc}") from None
    for folder in folders:
        try:
            entries.extend(read_entries(folder))
        except BadEntry as exc:
            raise UserError(str(exc)) from None
    return entries


@leaderboard_app.command("build")
@user_errors
def build_command(
    run_dirs: RunDirs = None,
    from_folders: Annotated[list[Path] | None, typer.Option(
        "--from", help="A folder of published entries (e.g. leaderboards/results); may repeat.")] = None,
    out: Annotated[Path, typer.Option("--out", help="Where leaderboard.md, leaderboard.json and index.html go.")] = \
        Path("leaderboard"),
    markdown: Annotated[Path | None, typer.Option(
        "--markdown", help="Also copy leaderboard.md here (e.g. the checked-in leaderboards/leaderboard.md).")] = None,
    reports: Annotated[bool, typer.Option(
        "--reports", help="Also write each RUN_DIR's report into DIR/runs/<run id>/, linked from its row.")] = False,
) -> None:
    """Build the board from run dirs and published entries: one table per suite and machine, breakdowns,
    plots; rows of an older pack marked stale."""
    from hpceval.leaderboards.build import write_board  # matplotlib: imported only when a board is drawn

    started = time.perf_counter()
    entries = _entries(run_dirs or [], from_folders or [])
    if not entries:
        raise UserError("no runs to put on a board: give RUN_DIRs or --from leaderboards/results")
    links = _write_reports(run_dirs or [], out) if reports else {}
    board = write_board(entries, current_packs(entries), __version__, out, links)
    if markdown is not None:
        markdown.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out / "leaderboard.md", markdown)
    rows = sum(len(section.rows) for suite in board.suites for section in suite.sections)
    typer.echo(f"board of {rows} runs in {len(board.suites)} suites: {out / 'index.html'} "
               f"({time.perf_counter() - started:.1f} s)")


def _write_reports(run_dirs: list[Path], out: Path) -> dict[str, str]:
    """Each run dir's report under out/runs/<run id>/; returns the links from the board's page to them."""
    from hpceval.harness.report_pages import build_report
    from hpceval.leaderboards.run_report import write_report

    links = {}
    for run_dir in run_dirs:
        report = build_report(run_dir)
        target = out / "runs" / report.run.run_id
        if target.exists():
            shutil.rmtree(target)  # a report of this run from an earlier build: made again from the run dir
        write_report(report, target)
        links[report.run.run_id] = f"runs/{report.run.run_id}/index.html"
    return links


@leaderboard_app.command("publish")
@user_errors
def publish_command(
    run_dirs: RunDirs = None,
    to: Annotated[Path, typer.Option("--to", help="The folder of published entries.")] = Path("leaderboards/results"),
) -> None:
    """Write each run's entry (its summary, packs, fingerprint and timer) into the folder of published results."""
    if not run_dirs:
        raise UserError("name the run dirs to publish: hpceval leaderboard publish RUN_DIR... [--to FOLDER]")
    to.mkdir(parents=True, exist_ok=True)
    for entry in _entries(run_dirs, []):
        path = to / entry_file_name(entry)
        path.write_text(entry.model_dump_json(indent=1, exclude_defaults=False) + "\n")
        typer.echo(f"{path}")
