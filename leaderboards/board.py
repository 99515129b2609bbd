"""The leaderboard as data (`leaderboard.json`): one board per suite, split into sections by hardware and
timer, one row per run. The Markdown and the HTML are renderings of this and nothing else, so the three agree."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from pydantic import BaseModel, Field

from hpceval.leaderboards.entries import Entry, PackRef
from hpceval.leaderboards.hardware import hardware_facts, hardware_key, hardware_label

BOARD_SCHEMA = 1
# metric families in column order; each appears once per k the rows have (e.g. pass@1, pass@5)
FAMILIES = ("pass", "build", "accuracy", "eff", "speedup_n", "efficiency_n", "fast_1")
COST_COLUMNS = ("cost_usd", "cost_per_solved")
BREAKDOWN_DIMENSIONS = ("execution_model", "problem_type")
_METRIC = re.compile(r"^(?P<family>[a-z_0-9]+?)@(?P<k>\d+)$")
# the speed metric a suite's breakdowns and plots show besides pass@1, in order of preference
SPEED_HEADLINES = ("speedup_n@1", "eff@1", "accuracy@1")


class Cell(BaseModel):
    value: float | None = None
    low: float | None = None  # the 95% bootstrap interval over tasks, where the run has one
    high: float | None = None


class Row(BaseModel):
    run_id: str
    label: str
    name: str = ""  # the label, with the run id where two rows of a section share a label
    agent: str
    created_at: str
    samples: int
    n_tasks: int
    packs: list[PackRef]
    stale: bool = False
    stale_reason: str = ""
    cells: dict[str, Cell]
    fingerprint: dict[str, object]


class Breakdown(BaseModel):
    """One metric of every row, per group of one dimension (e.g. pass@1 per execution model)."""

    dimension: str
    metric: str
    groups: list[str]
    values: dict[str, dict[str, float | None]]  # run_id -> group -> value


class Section(BaseModel):
    """The rows measured on one machine with one timer: the only rows whose speeds may be compared."""

    hardware_key: str
    hardware: str
    hardware_facts: dict[str, object]
    timer: str
    columns: list[str]
    rows: list[Row]
    breakdowns: list[Breakdown] = Field(default_factory=list)


class SuiteBoard(BaseModel):
    suite: str
    current_packs: list[PackRef]
    sections: list[Section]


class Board(BaseModel):
    board_schema: int = BOARD_SCHEMA
    hpceval_version: str
    suites: list[SuiteBoard]


def _family_index(family: str) -> int | None:
    if family.startswith("eff_level"):  # per-level eff right after eff itself
        return FAMILIES.index("eff")
    return FAMILIES.index(family) if family in FAMILIES else None


def metric_order(name: str) -> tuple[int, int, str]:
    match = _METRIC.match(name)
    index = _family_index(match["family"]) if match else None
    if match and index is not None:
        level = match["family"].removeprefix("eff_level")
        return index, int(match["k"]) * 100 + (int(level) + 1 if level.isdigit() else 0), name
    if name in COST_COLUMNS:
        return len(FAMILIES) + COST_COLUMNS.index(name), 0, name
    return len(FAMILIES) + len(COST_COLUMNS), 0, name


def is_board_metric(name: str) -> bool:
    match = _METRIC.match(name)
    return bool(match and _family_index(match["family"]) is not None)


CurrentPacks = Mapping[tuple[str, str], PackRef]  # (pack, dataset or "") -> the pack as installed now


def stale_reason(entry: Entry, current: CurrentPacks) -> str:
    """Why a row's numbers are not for the packs installed now ("" when they are, or the pack is unknown here)."""
    reasons = []
    for pack in entry.packs:
        now = current.get((pack.name, entry.dataset or ""))
        if now is None:
            continue
        if pack.version != now.version:
            reasons.append(f"{pack.name} {pack.version} (now {now.version})")
        elif pack.content_hash != now.content_hash:
            reasons.append(f"{pack.name} {pack.version} with other content ({pack.content_hash[:8]}, "
                           f"now {now.content_hash[:8]})")
    return "; ".join(reasons)


def row_cells(entry: Entry) -> dict[str, Cell]:
    scores = entry.scores
    bounds = scores.intervals.get("all", {})
    cells: dict[str, Cell] = {}
    for name, value in scores.metrics.items():
        if not is_board_metric(name):
            continue
        low_high = bounds.get(name)
        cells[name] = Cell(value=value, low=low_high[0] if low_high else None, high=low_high[1] if low_high else None)
    cost = scores.cost_usd
    if scores.usage.get("total"):
        cells["cost_usd"] = Cell(value=cost)
        solved = scores.solved
        cells["cost_per_solved"] = Cell(value=cost / solved if solved else None)
    return cells


def make_row(entry: Entry, current: CurrentPacks) -> Row:
    reason = stale_reason(entry, current)
    return Row(run_id=entry.run_id, label=entry.label, agent=entry.agent, created_at=entry.created_at,
               samples=entry.samples, n_tasks=entry.scores.n_tasks, packs=entry.packs, stale=bool(reason),
               stale_reason=reason, cells=row_cells(entry), fingerprint=entry.fingerprint)


def breakdowns(entries: list[Entry], columns: list[str]) -> list[Breakdown]:
    metrics = ["pass@1", *[m for m in SPEED_HEADLINES if m in columns][:1]]
    out = []
    for dimension in BREAKDOWN_DIMENSIONS:
        prefix = f"{dimension}="
        groups = sorted({name[len(prefix):] for e in entries for name in e.scores.groups
                         if name.startswith(prefix) and "/" not in name})
        if len(groups) < 2:  # one group repeats the row's overall number
            continue
        for metric in metrics:
            values = {e.run_id: {g: e.scores.groups.get(prefix + g, {}).get(metric) for g in groups} for e in entries}
            out.append(Breakdown(dimension=dimension, metric=metric, groups=groups, values=values))
    return out


def _row_order(row: Row) -> tuple[bool, float, float, str]:
    """Current rows first, then by pass@1, then by the suite's speed metric, best first."""
    def value(name: str) -> float:
        cell = row.cells.get(name)
        return cell.value if cell is not None and cell.value is not None else -1.0

    speed = next((name for name in SPEED_HEADLINES if name in row.cells), "")
    return (row.stale, -value("pass@1"), -value(speed), row.label)


def build_board(entries: list[Entry], current: CurrentPacks, version: str) -> Board:
    """Entries of the same run (the same run id) count once: the first given wins."""
    unique: dict[str, Entry] = {}
    for entry in entries:
        unique.setdefault(entry.run_id, entry)
    by_suite: dict[str, dict[tuple[str, str], list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for entry in unique.values():
        by_suite[entry.suite][(hardware_key(entry.fingerprint), entry.timer)].append(entry)
    suites = []
    for suite in sorted(by_suite):
        sections = []
        for (key, timer), members in sorted(by_suite[suite].items(), key=lambda item: (-len(item[1]), item[0])):
            rows = sorted((make_row(e, current) for e in members), key=_row_order)
            shared = {label for label in (r.label for r in rows) if sum(r.label == label for r in rows) > 1}
            for row in rows:
                row.name = f"{row.label} ({row.run_id[:6]})" if row.label in shared else row.label
            columns = sorted({name for row in rows for name in row.cells}, key=metric_order)
            first = members[0].fingerprint
            sections.append(Section(hardware_key=key, hardware=hardware_label(first),
                                    hardware_facts=hardware_facts(first), timer=timer, columns=columns, rows=rows,
                                    breakdowns=breakdowns(members, columns)))
        keys = sorted({(p.name, e.dataset or "") for e in unique.values() if e.suite == suite for p in e.packs})
        here = list({current[key].name: current[key] for key in keys if key in current}.values())
        suites.append(SuiteBoard(suite=suite, current_packs=here, sections=sections))
    return Board(hpceval_version=version, suites=suites)


COLUMN_TITLES = {"cost_usd": "cost $", "cost_per_solved": "$ / solved"}


def column_title(name: str) -> str:
    return COLUMN_TITLES.get(name, name)
