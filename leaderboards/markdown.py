"""`leaderboard.md`: the board's tables as GitHub Markdown (numbers to 3 decimals, intervals in brackets)."""

from __future__ import annotations

from hpceval.leaderboards.board import Board, Cell, Row, Section, column_title

# values under this are shown with 4 decimals (dollars per solved task can be small)
_SMALL = 0.01


def digits_for(value: float | None) -> int:
    """The decimals a cell's value (and its interval's bounds) are shown with."""
    return 4 if value is not None and 0 < abs(value) < _SMALL else 3


def cell_text(cell: Cell | None) -> str:
    if cell is None or cell.value is None:
        return "-"
    digits = digits_for(cell.value)
    text = f"{cell.value:.{digits}f}"
    if cell.low is not None and cell.high is not None:
        text += f" [{cell.low:.{digits}f}, {cell.high:.{digits}f}]"
    return text


def _escape(text: str) -> str:
    """Text from an entry as Markdown text: no pipe splits a row, no markup is passed to a renderer."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\n", " ")


def _row_name(row: Row) -> str:
    name = _escape(row.name or row.label)
    return f"{name} *(stale: {_escape(row.stale_reason)})*" if row.stale else name


def section_table(section: Section) -> list[str]:
    header = ["agent", "run", "tasks", "n", *[column_title(c) for c in section.columns]]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---", "---"] + ["---:"] * (len(header) - 2)) + "|"]
    for row in section.rows:
        cells = [_row_name(row), row.run_id, str(row.n_tasks), str(row.samples),
                 *[cell_text(row.cells.get(c)) for c in section.columns]]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def render_markdown(board: Board) -> str:
    out = ["# hpceval leaderboard", "",
           "One table per suite and machine: speeds are compared only between runs measured on the same hardware "
           "with the same timer. Each number is the mean over tasks with its 95% bootstrap interval over tasks. "
           "Rows marked *stale* were measured on an older version of a pack.", ""]
    for suite in board.suites:
        out += [f"## {suite.suite}", ""]  # (the packs installed where it was built: in the JSON and the site)
        for section in suite.sections:
            out += [f"### {_escape(section.hardware)} · timer {_escape(section.timer)}", ""]
            out += section_table(section)
            out.append("")
            labels = {row.run_id: _row_name(row) for row in section.rows}
            for breakdown in section.breakdowns:
                out += [f"{breakdown.metric} by {breakdown.dimension}:", ""]
                out.append("| agent | run | " + " | ".join(breakdown.groups) + " |")
                out.append("|---|---|" + "|".join(["---:"] * len(breakdown.groups)) + "|")
                for run_id, label in labels.items():
                    values = breakdown.values.get(run_id, {})
                    out.append(f"| {label} | {run_id} | " + " | ".join(cell_text(Cell(value=values.get(g)))
                                                           for g in breakdown.groups) + " |")
                out.append("")
    return "\n".join(out).rstrip() + "\n"
