"""The board as a static site: `index.html`, its assets and its plots, all inside the output folder."""

from __future__ import annotations

from pathlib import Path

from hpceval.leaderboards.board import Board, Cell, column_title
from hpceval.leaderboards.entries import Entry
from hpceval.leaderboards.markdown import cell_text, digits_for
from hpceval.leaderboards.plots import Plot, section_plots
from hpceval.leaderboards.site import copy_assets, environment


def _value_attr(cell: Cell | None) -> str:
    return "" if cell is None or cell.value is None else repr(cell.value)


def _cell_value(cell: Cell | None) -> str:
    return cell_text(Cell(value=cell.value) if cell is not None else None)


def _cell_value_of(bound: float, value: float | None) -> str:
    """An interval bound with the digits its value is shown with."""
    return f"{bound:.{digits_for(value)}f}"


def render_site(board: Board, entries: list[Entry], out: Path, reports: dict[str, str] | None = None) -> Path:
    """Writes `out/index.html` (plus assets/ and plots/) and returns its path. `reports` maps a run id to the
    relative link of its run report, where one was built."""
    copy_assets(out)
    by_run = {entry.run_id: entry for entry in entries}
    plots: dict[str, list[Plot]] = {}
    titles: dict[str, str] = {}
    for suite in board.suites:
        for index, section in enumerate(suite.sections, start=1):
            sid = f"board-{suite.suite}-{index}"
            plots[sid] = section_plots(section, by_run, out, sid)
            titles.update({c: column_title(c) for c in section.columns})
    page = environment().get_template("board.html.j2").render(
        board=board, n_runs=sum(len(s.rows) for suite in board.suites for s in suite.sections), plots=plots,
        titles=titles, reports=reports or {}, value_attr=_value_attr, cell_value=_cell_value,
        cell_value_of=_cell_value_of)
    page_path = out / "index.html"
    page_path.write_text(page)
    return page_path
