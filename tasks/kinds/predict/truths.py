"""Ground truth: items built and run in the sandbox (runtime/truth.py), read here, cached by content hash.

    <cache>/predict/<machine key>/<item key>.json

The item key hashes what decides the truth (its files, commands, input, what is predicted); the machine key the
sandbox's fingerprint, so a compiler or a machine that differs makes its own truth. Each item runs ROUNDS times;
the truth is the first round's, and `stable` says whether every round agreed (`hpceval validate` rejects an item
that is not).
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from hpceval.sandbox.base import Job, JobResult, Limits, Step, Verdict
from hpceval.tasks.kinds.base import SetupError
from hpceval.tasks.kinds.predict.items import Item
from hpceval.tasks.kinds.predict.schema import TIMED_TRUTHS, bucket_of

RUNTIME = Path(__file__).parent / "runtime" / "truth.py"
ROUNDS = 3
UNTIMED_CORES = 2  # an untimed family's job runs this many items side by side (a timed one runs alone)
CACHE_ENV = "HPCEVAL_CACHE_DIR"


class Truth(BaseModel):
    """What an item did on one machine: the answer it gives (`answer`), each round's (for `stable`), and the facts
    the rounds were read from, for the run report."""

    item_id: str
    answer: str
    rounds: list[str]
    stable: bool
    detail: str = ""  # timed truths: each label's median seconds per round
    measured_at: str = ""


def cache_root() -> Path:
    """As the function kind's cache (tasks/ may not import agents/), plus `predict`."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]) / "predict"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hpceval" / "predict"


class TruthCache:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or cache_root()

    def path(self, item: Item, machine: str) -> Path:
        return self.root / machine / f"{item.key()}.json"

    def get(self, item: Item, machine: str) -> Truth | None:
        path = self.path(item, machine)
        try:
            truth = Truth.model_validate_json(path.read_text())
        except (OSError, ValueError):
            return None
        return truth.model_copy(update={"item_id": item.item_id})

    def put(self, item: Item, machine: str, truth: Truth) -> None:
        path = self.path(item, machine)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(truth.model_dump_json())
        os.replace(handle.name, path)  # readers never see half a file


def truth_job(items: list[Item]) -> Job:
    """One job for a batch of items (a chunk of one family's): build each once, run it ROUNDS times."""
    timed = any(item.truth in TIMED_TRUTHS for item in items)
    per_item = sum(item.timeout_s * (len(item.build) + ROUNDS * max(1, len(item.compare) * item.timed_repeats))
                   for item in items)
    step = Step(name="truth", argv=["python3", "truth.py", "items.json", str(ROUNDS)],
                limits=Limits(wall_s=per_item + 30.0, memory_mb=4096, processes=256,
                              output_bytes=len(items) * 8 * 64 * 1024 + 100_000),
                exclusive=timed)
    payload = [item.model_dump(include={"item_id", "files", "build", "run", "stdin", "compare", "timed_repeats",
                                        "timeout_s"}) for item in items]
    return Job(files={"truth.py": RUNTIME.read_text(), "items.json": json.dumps(payload)}, steps=[step],
               cores=max(max(item.cores for item in items), 1 if timed else UNTIMED_CORES))


def read_truths(items: list[Item], result: JobResult) -> dict[str, Truth | str]:
    """Each item's truth, or why it has none (the pack's fault: its program did not build or did not run)."""
    step = result.step("truth")
    if step is None:
        raise SetupError(f"the truth job did not run: {result.verdict.value}")
    reports = {}
    for line in step.stdout.splitlines():
        try:
            report = json.loads(line)
        except ValueError:
            continue
        if isinstance(report, dict) and "item_id" in report:
            reports[report["item_id"]] = report
    out: dict[str, Truth | str] = {}
    when = datetime.now(UTC).isoformat(timespec="seconds")
    for item in items:
        report = reports.get(item.item_id)
        if report is None:
            why = step.message or step.stderr[-500:] or step.verdict.value
            out[item.item_id] = f"no report from the truth job ({why})"
        elif not report["built"]:
            out[item.item_id] = f"it did not build:\n{report['build_log']}"
        else:
            out[item.item_id] = _truth(item, report["rounds"], when)
    if step.verdict not in (Verdict.ok,) and not reports:
        raise SetupError(f"the truth job failed ({step.verdict.value}: {step.message or step.stderr[-300:]})")
    return out


def _truth(item: Item, rounds: list[dict[str, object]], when: str) -> Truth | str:
    answers, details = [], []
    for run in rounds:
        if item.truth in TIMED_TRUTHS:
            failures = run.get("failures")
            if isinstance(failures, list) and failures:
                return "a timed command failed: " + "; ".join(str(f) for f in failures)[:1000]
            medians = {label: statistics.median(times) for label, times in run["times"].items()}  # type: ignore
            answers.append(_timed_answer(item, medians))
            details.append(" ".join(f"{label}={seconds:.4f}s" for label, seconds in medians.items()))
            continue
        if run["timed_out"]:
            return f"the program ran past its {item.timeout_s:g} s limit"
        if item.truth == "stdout" and (run["exit_code"] != 0 or run["signal"]):
            return (f"the program ended {run['exit_code'] if run['signal'] is None else run['signal']} "
                    f"(an item whose output is predicted must exit 0): {str(run['stderr'])[-300:]}")
        answers.append(_answer(item.truth, run))
    return Truth(item_id=item.item_id, answer=answers[0], rounds=answers, stable=len(set(answers)) == 1,
                 detail="; ".join(details), measured_at=when)


def _answer(truth: str, run: dict[str, object]) -> str:
    if truth == "stdout":
        return str(run["stdout"])
    if truth == "exit":
        return f"exit {run['exit_code']}" if run["signal"] is None else f"signal {run['signal']}"
    lines = [line.strip() for line in str(run["stderr"]).splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _timed_answer(item: Item, medians: dict[str, float]) -> str:
    ordered = sorted(medians, key=lambda label: medians[label])
    if item.truth == "faster":
        return ordered[0]
    if item.truth == "ranking":
        return "\n".join(ordered)
    first, second = list(item.compare)
    return bucket_of(medians[first] / max(medians[second], 1e-9), item.buckets)
