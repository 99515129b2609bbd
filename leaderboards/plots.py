"""The board's figures, drawn with matplotlib at build time into PNG files next to the pages. Every figure is
of one section (one machine, one timer), so no figure puts speeds from two machines side by side."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from statistics import fmean

from matplotlib.figure import Figure
from pydantic import BaseModel

from hpceval.leaderboards.board import Row, Section, metric_order
from hpceval.leaderboards.entries import Entry

HEATMAP_METRICS = ("eff@1", "accuracy@1", "pass@1")
MAX_BOX_ROWS = 8  # rows drawn in a distribution plot (the best by pass@1): more boxes are not readable
DPI = 100


class Plot(BaseModel):
    file: str  # relative to the site's folder
    title: str
    caption: str


def _save(figure: Figure, out: Path, name: str) -> str:
    path = out / "plots" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.tight_layout()
    figure.savefig(path, dpi=DPI, metadata={"Software": None})
    return f"plots/{name}"


def _short(label: str, width: int = 28) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def pass_at_k(section: Section, out: Path, stem: str) -> Plot | None:
    figure = Figure(figsize=(6.4, 4.0))
    axes = figure.add_subplot()
    drawn = 0
    for row in section.rows:
        points = sorted((int(name.split("@")[1]), cell.value) for name, cell in row.cells.items()
                        if name.startswith("pass@") and cell.value is not None)
        if points:
            axes.plot([k for k, _ in points], [v for _, v in points], marker="o", label=_short(row.name))
            drawn += 1
    if not drawn:
        return None
    axes.set_xticks(sorted({int(n.split("@")[1]) for r in section.rows for n in r.cells if n.startswith("pass@")}))
    axes.set_xlabel("k (samples)")
    axes.set_ylabel("pass@k")
    axes.set_ylim(-0.02, 1.02)
    axes.grid(alpha=0.3)
    if drawn <= 12:
        axes.legend(fontsize=8)
    return Plot(file=_save(figure, out, f"{stem}-passk.png"), title="pass@k against k",
                caption="The unbiased pass@k estimate of each run for every k it has samples for.")


def speedup_distribution(section: Section, entries: dict[str, Entry], out: Path, stem: str) -> Plot | None:
    metric = "speedup_n@1"
    rows = [row for row in section.rows if metric in row.cells][:MAX_BOX_ROWS]
    per_model: dict[str, dict[str, list[float]]] = defaultdict(dict)  # execution model -> run -> task speedups
    for row in rows:
        scores = entries[row.run_id].scores
        for task, values in scores.tasks.items():
            model = scores.labels.get(task, {}).get("execution_model")
            if model is not None and metric in values:
                per_model[model].setdefault(row.run_id, []).append(values[metric])
    if not per_model:
        return None
    models = sorted(per_model)
    figure = Figure(figsize=(max(6.4, 1.2 * len(models) * max(1, len(rows)) ** 0.5), 4.2))
    axes = figure.add_subplot()
    width = 0.8 / len(rows)
    for index, row in enumerate(rows):
        data = [per_model[m].get(row.run_id, []) for m in models]
        positions = [m + (index - (len(rows) - 1) / 2) * width for m in range(len(models))]
        present = [(p, d) for p, d in zip(positions, data, strict=True) if d]
        if not present:
            continue
        boxes = axes.boxplot([d for _, d in present], positions=[p for p, _ in present], widths=width * 0.9,
                             patch_artist=True, manage_ticks=False)
        colour = f"C{index % 10}"
        for patch in boxes["boxes"]:
            patch.set_facecolor(colour)
            patch.set_alpha(0.6)
        axes.plot([], [], color=colour, linewidth=6, alpha=0.6, label=_short(row.name))
    axes.axhline(1.0, color="grey", linewidth=0.8, linestyle="--")
    axes.set_xticks(range(len(models)), models)
    axes.set_ylabel("speedup over the baseline (0 = not correct)")
    axes.legend(fontsize=8)
    axes.grid(axis="y", alpha=0.3)
    return Plot(file=_save(figure, out, f"{stem}-speedup.png"), title="Speedup per execution model",
                caption=f"Each task's speedup_n@1 by execution model (the best {len(rows)} rows by pass@1); "
                        "the dashed line is the baseline's speed.")


def eff_per_level(section: Section, out: Path, stem: str) -> Plot | None:
    rows = [row for row in section.rows if _level_cells(row)]
    if not rows:
        return None
    figure = Figure(figsize=(6.4, 4.0))
    axes = figure.add_subplot()
    drawn = 0
    for row in rows[:12]:
        levels = sorted((metric_order(name), name, value) for name, value in _level_cells(row).items())
        if levels:
            axes.plot(range(len(levels)), [v for _, _, v in levels], marker="o", label=_short(row.name))
            axes.set_xticks(range(len(levels)), [f"level {name[9:].split('@')[0]}" for _, name, _ in levels])
            drawn += 1
    if not drawn:
        return None
    axes.set_ylabel("eff@1 at the level")
    axes.set_ylim(bottom=0.0)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8)
    return Plot(file=_save(figure, out, f"{stem}-eff-levels.png"), title="eff@1 per input level",
                caption="ENAMEL's efficiency score at each input level (harder levels weigh more in eff@k).")


def _level_cells(row: Row) -> dict[str, float]:
    return {name: cell.value for name, cell in row.cells.items()
            if name.startswith("eff_level") and name.endswith("@1") and cell.value is not None}


def score_against_cost(section: Section, out: Path, stem: str) -> Plot | None:
    points = [(row.cells["cost_usd"].value or 0.0 if "cost_usd" in row.cells else 0.0,
               row.cells["pass@1"].value, row.name) for row in section.rows
              if "pass@1" in row.cells and row.cells["pass@1"].value is not None]
    if not points:
        return None
    figure = Figure(figsize=(6.4, 4.0))
    axes = figure.add_subplot()
    axes.scatter([p[0] for p in points], [p[1] for p in points])
    for cost, value, label in points[:20]:
        axes.annotate(_short(label, 20), (cost, value), fontsize=7, xytext=(4, 3), textcoords="offset points")
    axes.set_xlabel("model cost of the run, US$ (0: no paid calls)")
    axes.set_ylabel("pass@1")
    axes.set_ylim(-0.02, 1.05)
    axes.grid(alpha=0.3)
    return Plot(file=_save(figure, out, f"{stem}-cost.png"), title="pass@1 against cost",
                caption="What each run paid for its model calls (cache hits are free) and what it scored.")


def problem_heatmap(section: Section, entries: dict[str, Entry], out: Path, stem: str) -> Plot | None:
    rows = section.rows
    # the score with the most to tell: partial credit or efficiency where the suite has one, else pass@1
    metric = next((m for m in HEATMAP_METRICS if any(m in row.cells for row in rows)), "pass@1")
    table: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))  # problem -> run -> values
    for row in rows:
        scores = entries[row.run_id].scores
        for task, values in scores.tasks.items():
            labels = scores.labels.get(task, {})
            if "problem" in labels and metric in values:
                table[f"{labels.get('pack', '')}/{labels['problem']}"][row.run_id].append(values[metric])
    if not table:
        return None
    problems = sorted(table)
    matrix = [[fmean(table[p][row.run_id]) if table[p].get(row.run_id) else float("nan") for row in rows]
              for p in problems]
    many = len(problems) > 40
    height = min(1.6 + (0.085 if many else 0.17) * len(problems), 14.0)
    figure = Figure(figsize=(min(3.5 + 0.45 * len(rows), 30.0), height))
    axes = figure.add_subplot()
    image = axes.imshow(matrix, aspect="auto", cmap="viridis", vmin=0.0, vmax=1.0, interpolation="nearest")
    axes.set_yticks(range(len(problems)), problems, fontsize=4.5 if many else 8)
    axes.set_xticks(range(len(rows)), [_short(r.name, 18) for r in rows], rotation=60, ha="right", fontsize=7)
    figure.colorbar(image, ax=axes, label=metric)
    return Plot(file=_save(figure, out, f"{stem}-heatmap.png"), title="Problems × runs",
                caption=f"{metric} of each problem (the mean over its tasks: execution models, modes, items) per run; "
                        "blank where the run did not have the problem.")


def section_plots(section: Section, entries: dict[str, Entry], out: Path, stem: str) -> list[Plot]:
    made = [pass_at_k(section, out, stem), speedup_distribution(section, entries, out, stem),
            eff_per_level(section, out, stem), score_against_cost(section, out, stem),
            problem_heatmap(section, entries, out, stem)]
    return [plot for plot in made if plot is not None]
