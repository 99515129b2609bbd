"""What `hpceval run` shows while it runs. On a terminal: a bar with an ETA and samples per minute, the counts
by verdict, the samples in flight and the calls waiting out a rate limit, redrawn live. Off a terminal (CI, a
Slurm log, a pipe): one plain line per finished sample, as it finishes."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from types import TracebackType

from rich.console import Console, RenderableType
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.text import Text

from hpceval.agents.retry import RetryGauge
from hpceval.harness.pipeline import RunEvents
from hpceval.harness.records import Attempt
from hpceval.harness.rounds import Unit
from hpceval.sandbox.base import Verdict

VERDICT_STYLES = {Verdict.ok.value: "green", Verdict.infra_error.value: "bold red"}
SHOWN_IN_FLIGHT = 6


class _LiveBar(Progress):
    """rich's Progress with the run's status lines under the bar (redrawn with it, so they stay current)."""

    def __init__(self, display: RunDisplay, console: Console) -> None:
        self._display = display  # first: rich may render during __init__
        super().__init__(TextColumn("[bold]{task.description}"), BarColumn(bar_width=None), MofNCompleteColumn(),
                         TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(), console=console,
                         transient=False, expand=True)

    def get_renderables(self) -> Iterable[RenderableType]:
        yield self.make_tasks_table(self.tasks)
        yield from self._display.status_lines()


class RunDisplay:
    """The run's progress, fed by the pipeline's RunEvents (`events()`); use as a context manager."""

    def __init__(self, console: Console, title: str, retries: RetryGauge, out: str) -> None:
        self.console = console
        self.title = title
        self.retries = retries
        self.out = out
        self.verdicts: Counter[str] = Counter()
        self.in_flight: dict[tuple[str, int], str] = {}
        self.finished = 0
        self.started = time.monotonic()
        self.stopping = False
        self._bar = _LiveBar(self, console) if console.is_terminal else None
        self._bar_id = self._bar.add_task(title, total=None) if self._bar else None

    def __enter__(self) -> RunDisplay:
        if self._bar:
            self._bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar:
            self._bar.stop()

    def events(self) -> RunEvents:
        return RunEvents(on_start=self.start, on_begin=self.begin, on_done=self.done, on_interrupt=self.interrupt)

    # -- the events --------------------------------------------------------------------------------------
    def start(self, pending: int, without: list[str]) -> None:
        if without:
            self.say(f"[yellow]note:[/yellow] the agent has no sample for {len(without)} task(s), e.g. {without[0]}")
        self.say(f"run dir {self.out}: {pending} sample(s) to evaluate")
        self.started = time.monotonic()
        if self._bar is not None and self._bar_id is not None:
            self._bar.update(self._bar_id, total=pending)

    def begin(self, unit: Unit) -> None:
        self.in_flight[(unit.task.task_id, unit.sample)] = f"{unit.task.task_id}#{unit.sample}"

    def done(self, unit: Unit, attempts: list[Attempt]) -> None:
        self.in_flight.pop((unit.task.task_id, unit.sample), None)
        self.finished += 1
        if attempts:
            last = attempts[-1]
            self.verdicts[last.verdict.value] += 1
            if last.verdict == Verdict.infra_error and self.verdicts[last.verdict.value] == 1:  # say it now
                self.say(f"[red]infra_error[/red] {last.task_id} sample {last.sample}: {last.message} (not the "
                         "model's fault; a repeated command retries it)")
            if self._bar is None:
                self.say(last.log_line())
        if self._bar is not None and self._bar_id is not None:
            self._bar.advance(self._bar_id)

    def interrupt(self, finishing: int) -> None:
        self.stopping = True
        self.say(f"[yellow]interrupted[/yellow]: no new samples start; {finishing} in flight are finishing and "
                 "will be saved. Press Ctrl-C again to abandon them (a repeated command redoes them).")

    # -- rendering ---------------------------------------------------------------------------------------
    def say(self, markup: str) -> None:
        self.console.print(markup, highlight=False, soft_wrap=True)

    def rate_per_minute(self) -> float:
        minutes = (time.monotonic() - self.started) / 60
        return self.finished / minutes if minutes > 0 else 0.0

    def status_lines(self) -> list[Text]:
        counts = Text(f"{self.rate_per_minute():.1f} samples/min", no_wrap=True, overflow="ellipsis")
        for verdict, count in sorted(self.verdicts.items()):
            counts.append("  ")
            counts.append(f"{verdict} {count}", style=VERDICT_STYLES.get(verdict, "yellow"))
        lines = [counts]
        names = list(self.in_flight.values())
        if names:
            shown = ", ".join(names[:SHOWN_IN_FLIGHT]) + (", ..." if len(names) > SHOWN_IN_FLIGHT else "")
            label = "finishing" if self.stopping else "in flight"
            lines.append(Text(f"{label} ({len(names)}): {shown}", no_wrap=True, overflow="ellipsis", style="dim"))
        waiting, total = self.retries.snapshot()
        if total:
            lines.append(Text(f"rate limits and outages: {waiting} call(s) waiting to retry, {total} retries so far",
                              no_wrap=True, overflow="ellipsis", style="yellow" if waiting else "dim"))
        return lines
