"""A run report as static pages: `DIR/index.html` (the run, its scores, a sortable table of its tasks) and one page
per task under `DIR/tasks/`, with the shared stylesheet and sort script in `DIR/assets/`. The pages open from
file://, fetch nothing outside DIR and run no script but assets/sort.js; every text is escaped (autoescape), and a
Content-Security-Policy forbids inline scripts and any other origin, should a text ever slip through."""

from __future__ import annotations

import math
from pathlib import Path

from hpceval.leaderboards.report_model import RunReport
from hpceval.leaderboards.site import copy_assets, environment

GENERATOR = "hpceval report"  # the <meta name="generator"> of every page: marks a directory as a report's
INDEX = "index.html"
TASKS = "tasks"


def data_value(value: float | None) -> str:
    """A number cell's sort key (`data-value`): the float as Python writes it, empty where it is undefined."""
    if value is None or not math.isfinite(value):
        return ""
    return repr(float(value))


def is_report(out: Path) -> bool:
    """`out` holds a report written here before (so writing one again may replace its pages)."""
    index = out / INDEX
    try:
        return index.is_file() and f'name="generator" content="{GENERATOR}"' in index.read_text(errors="replace")
    except OSError:
        return False


def write_report(report: RunReport, out: Path) -> Path:
    """Write the pages into `out` (created if need be; task pages of an earlier report there that this one has
    not are removed); returns the index's path."""
    env = environment()
    env.filters["data_value"] = data_value
    env.globals["generator"] = GENERATOR
    tasks = out / TASKS
    tasks.mkdir(parents=True, exist_ok=True)
    copy_assets(out)
    index = out / INDEX
    index.write_text(env.get_template("report_index.html.j2").render(report=report), encoding="utf-8")
    template = env.get_template("report_task.html.j2")
    written = set()
    for page in report.pages:
        (tasks / page.page).write_text(template.render(report=report, page=page), encoding="utf-8")
        written.add(page.page)
    for stale in tasks.glob("*.html"):
        if stale.name not in written:
            stale.unlink()
    return index
