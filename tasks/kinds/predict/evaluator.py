"""The `predict` kind: the answer is a prediction of what a program does; nothing is built from it.

A problem is a family of items (schema.py); each item expands into one task per prompt style:

    <pack>/<family>/s<seed>-<index>/<style>        style: zero-shot | cot | few-shot

The ground truth comes from building and running the item in the sandbox, once per machine (truths.py, cached by
content hash); `ready` makes it, a chunk of a family's items in one job. A prediction is then scored in this
process, with no sandbox job: the scorer of the item (metrics/surrogate.py) gives partial credit, and full credit is
a pass.
"""

from __future__ import annotations

import re
import shlex
import shutil
import threading
from collections.abc import Mapping
from typing import ClassVar

from hpceval.metrics.surrogate import full_credit, score_prediction
from hpceval.sandbox.base import Job, JobResult, Sandbox, Verdict
from hpceval.tasks.kinds.base import (
    AnswerKind,
    Measurement,
    Outcome,
    Prepared,
    SetupError,
    StaticAnswer,
    ValidationCase,
)
from hpceval.tasks.kinds.predict.items import Item, family_items
from hpceval.tasks.kinds.predict.schema import STYLES, TIMED_TRUTHS, PredictProblem
from hpceval.tasks.kinds.predict.truths import Truth, TruthCache, read_truths, truth_job
from hpceval.tasks.loader import Pack, PackError, Problem, Task

CHUNK = 4  # items of a family whose truth one sandbox job makes
TASK_ID = re.compile(r"^(?P<family>.+)/s(?P<seed>\d+)-(?P<index>\d+)/(?P<style>[^/]+)$")
# the `baseline` agent's constant guess, per category (a family's `baseline` or the pack's
# metadata.baseline.<category> wins), else per truth
BASELINE_BY_TRUTH = {"stdout": "0\n", "exit": "exit 0", "error": "Segmentation fault", "faster": "",
                     "ranking": "", "ratio_bucket": ""}


class PredictMeasurement(Measurement):
    score: float | None = None  # the scorer's credit in [0, 1]
    scorer: str = ""
    truth: str = ""  # what was predicted (stdout, exit, error, faster, ...)
    stable: bool = True  # the item's rounds all gave the same truth (validate rejects an item that is not)


def family_spec(problem: Problem) -> PredictProblem:
    assert isinstance(problem.spec, PredictProblem), f"{problem.path}: not a predict problem"
    return problem.spec


class PredictEvaluator:
    kind: ClassVar[str] = "predict"
    answers: ClassVar[AnswerKind] = AnswerKind.prediction
    problem_spec: ClassVar[type[PredictProblem]] = PredictProblem
    measurement: ClassVar[type[PredictMeasurement]] = PredictMeasurement

    def __init__(self, cache: TruthCache | None = None) -> None:
        self.cache = cache or TruthCache()
        self._items: dict[str, Item] = {}  # task id -> its item
        self._truths: dict[tuple[str, str], Truth] = {}  # (machine, item id) -> the item's truth there
        # item id -> the truth `ready` settled last: the one the reference agent answers with and a prediction is
        # scored against (a process measures on one machine: its sandbox's)
        self._current: dict[str, Truth] = {}
        self._failures: dict[tuple[str, str], str] = {}  # (machine, item id) -> why it has no truth there
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    # --- tasks --------------------------------------------------------------------------------------------

    def expand(self, pack: Pack, problem: Problem) -> list[Task]:
        spec = family_spec(problem)
        tasks = []
        for item in family_items(spec, problem.path, pack.name, pack.seed):
            for style in STYLES:
                task = Task(task_id=f"{pack.name}/{item.item_id}/{style}", suite=pack.spec.suite, pack=pack.name,
                            problem=spec.name, title=spec.title, problem_type=spec.problem_type, kind=self.kind,
                            execution_model=spec.execution_model, mode=style, language=spec.language)
                with self._guard:
                    self._items[task.task_id] = item
                tasks.append(task)
        return tasks

    def item(self, pack: Pack, task: Task) -> Item:
        with self._guard:
            known = self._items.get(task.task_id)
        if known is not None:
            return known
        match = TASK_ID.match(task.task_id.removeprefix(f"{pack.name}/"))
        if match is None:
            raise PackError(f"{task.task_id}: not a predict task id (<pack>/<family>/s<seed>-<index>/<style>)")
        problem = pack.problem_of(task)
        items = family_items(family_spec(problem), problem.path, pack.name, int(match["seed"]))
        if int(match["index"]) >= len(items):
            raise PackError(f"{task.task_id}: family {task.problem} has {len(items)} items")
        return items[int(match["index"])]

    def check_pack(self, pack: Pack) -> None:
        for problem in pack.problems.values():
            spec = family_spec(problem)
            for template in spec.files.values():
                if not (problem.path / template).is_file():
                    raise PackError(f"{problem.path / template}: missing; {problem.path / 'problem.yaml'} names it")
            unknown = [name for name in spec.shown if name not in spec.files]
            if unknown:
                raise PackError(f"{problem.path / 'problem.yaml'}: shown names {unknown}, which files does not hold")

    def host_problem(self, pack: Pack, tasks: list[Task]) -> str | None:
        """The programs the items' commands start, where one is missing on this host."""
        missing: dict[str, str] = {}
        for task in tasks:
            item = self.item(pack, task)
            for command in [*item.build, item.run, *item.compare.values()]:
                words = _first_words(command)
                for word in words:
                    if word not in missing and shutil.which(word) is None and "/" not in word:
                        missing[word] = task.task_id
        if missing:
            names = ", ".join(sorted(missing))
            return (f"the surrogate items need {names} (first needed by {next(iter(missing.values()))}); install "
                    "them (scripts/setup.sh --dev installs gcc, g++, gfortran and OpenMPI) or use --sandbox docker")
        return None

    # --- answers ------------------------------------------------------------------------------------------

    def static_answer(self, pack: Pack, task: Task, which: StaticAnswer) -> str:
        if which == "baseline":
            return self._baseline(pack, task, self.item(pack, task))
        return self.truth_of(pack, task).answer  # made by `ready`, which the harness calls before any answer

    def _baseline(self, pack: Pack, task: Task, item: Item) -> str:
        spec = family_spec(pack.problem_of(task))
        if spec.baseline is not None:
            return spec.baseline
        by_category = pack.spec.metadata.get("baseline", {})
        if isinstance(by_category, dict) and item.category in by_category:
            return str(by_category[item.category])
        if item.truth in TIMED_TRUTHS:  # the first label (or bucket) shown: a constant, not a guess of the truth
            return spec.labels()[0]
        return BASELINE_BY_TRUTH[item.truth]

    def prompt_context(self, pack: Pack, task: Task) -> Mapping[str, object]:
        item = self.item(pack, task)
        return {"item": item, "style": task.mode, "toolchain": pack.spec.metadata.get("toolchain", ""),
                "shown_files": [(name, item.files[name]) for name in item.shown],
                "examples": pack.spec.metadata.get("few_shot", []) if task.mode == "few-shot" else []}

    # --- ground truth -------------------------------------------------------------------------------------

    def ready(self, pack: Pack, task: Task, sandbox: Sandbox, machine: str) -> None:
        """The truth of the task's item on `machine`: from memory, the cache, or one sandbox job that builds and
        runs the items of its chunk (CHUNK neighbours in its family, at its seed) that have none. SetupError if the
        item has none."""
        item = self.item(pack, task)
        start, size = _chunk_of(item)
        with self._guard:
            lock = self._locks.setdefault(f"{pack.name}/{task.problem}/{machine}/{item.seed}/{start}", threading.Lock())
        with lock:
            if not self._known(machine, item):
                missing = []
                problem = pack.problem_of(task)
                siblings = family_items(family_spec(problem), problem.path, pack.name, item.seed)[start:start + size]
                for sibling in siblings:
                    cached = None if self._known(machine, sibling) else self.cache.get(sibling, machine)
                    if cached is not None:
                        self._settle(machine, cached)
                    elif not self._known(machine, sibling):
                        missing.append(sibling)
                if missing:
                    self._measure(missing, sandbox, machine)
        with self._guard:
            failed = self._failures.get((machine, item.item_id))  # a program fails the same way every time
            if failed is None:
                self._current[item.item_id] = self._truths[machine, item.item_id]
        if failed is not None:
            raise SetupError(f"{task.task_id}: the pack's program has no truth: {failed}")

    def _known(self, machine: str, item: Item) -> bool:
        """Whether this process has measured the item on `machine` (a truth, or why it has none)."""
        with self._guard:
            return (machine, item.item_id) in self._truths or (machine, item.item_id) in self._failures

    def _measure(self, items: list[Item], sandbox: Sandbox, machine: str) -> None:
        """Run the truth job of `items`; cache what it found, and remember why the others have no truth."""
        readings = read_truths(items, sandbox.run(truth_job(items)))
        for item in items:
            reading = readings[item.item_id]
            if isinstance(reading, str):
                with self._guard:
                    self._failures[machine, item.item_id] = reading
                continue
            self.cache.put(item, machine, reading)
            self._settle(machine, reading)

    def _settle(self, machine: str, truth: Truth) -> None:
        with self._guard:
            self._truths[machine, truth.item_id] = truth

    def truth_of(self, pack: Pack, task: Task) -> Truth:
        item = self.item(pack, task)
        with self._guard:
            truth = self._current.get(item.item_id)
        if truth is None:
            raise SetupError(f"{task.task_id}: evaluate it through hpceval.harness.evaluate (it makes the truth "
                             "first)")
        return truth

    # --- scoring --------------------------------------------------------------------------------------------

    def prepare(self, pack: Pack, task: Task, answer: str, run_timeout_s: float | None) -> Prepared:
        """No sandbox job: a prediction is scored against the truth made by `ready`."""
        return Prepared(job=Job(files={}, steps=[]), secret=self.truth_of(pack, task).model_dump_json())

    def interpret(self, pack: Pack, task: Task, answer: str, prepared: Prepared, result: JobResult) -> Outcome:
        item = self.item(pack, task)
        truth = Truth.model_validate_json(prepared.secret)
        score = score_prediction(item.scorer, answer, truth.answer, item.rtol)
        measured = PredictMeasurement(score=score, scorer=item.scorer, truth=item.truth, stable=truth.stable)
        passed = full_credit(score)
        # the message and log never hold the truth: a repair loop shows them to the model
        return Outcome(verdict=Verdict.ok if passed else Verdict.wrong_answer, built=True, measurement=measured,
                       message="" if passed else f"score {score:.3f} ({item.scorer})")

    def feedback(self, measurement: Measurement | None) -> list[str]:
        if measurement is None:
            return []
        m = PredictMeasurement.model_validate(measurement.model_dump())
        return [f"score: {m.score:.3f} by the {m.scorer} scorer (1 is right)"] if m.score is not None else []

    def validation_cases(self, pack: Pack, task: Task) -> list[ValidationCase]:
        """The true answer scores 1 (and the item's rounds agreed), a wrong one does not."""
        item = self.item(pack, task)
        reference = self.static_answer(pack, task, "reference")
        said = (lambda _outcome: "the program wrote nothing to standard error: an `error` item must fail with a "
                "message; fix the family") if item.truth == "error" and not reference.strip() else _stable
        return [ValidationCase("reference", reference, Verdict.ok, also=said),
                ValidationCase("wrong", _wrong(item, pack, task, self, reference), Verdict.wrong_answer)]


def _stable(outcome: Outcome) -> str | None:
    m = PredictMeasurement.model_validate(outcome.measurement.model_dump()) if outcome.measurement else None
    if m is None:
        return "no measurement"
    if not m.stable:
        return "the item's three runs disagree: its truth is not deterministic; fix the family"
    return None


def _wrong(item: Item, pack: Pack, task: Task, evaluator: PredictEvaluator, truth: str) -> str:
    """An answer the scorer must not give full credit: another label, the reverse order, or the truth with a
    number and words added."""
    if item.truth in ("faster", "ratio_bucket"):
        labels = family_spec(pack.problem_of(task)).labels()
        return next(label for label in labels if label != truth.strip())
    if item.truth == "ranking":
        return "\n".join(reversed(truth.strip().splitlines()))
    return truth.rstrip("\n") + "\nhpceval says 7 more\n"


def _chunk_of(item: Item) -> tuple[int, int]:
    """The first index and the size of the item's chunk, its family's items measured in one job: a job's fixed cost
    is shared, and a selection of a few items (CI's) does not pay for whole families. A timed item's job holds the
    timing lane, so it holds one item."""
    size = 1 if item.truth in TIMED_TRUTHS else CHUNK
    return item.index - item.index % size, size


def _first_words(command: str) -> list[str]:
    """The programs a command line starts (the first word of each part between | ; && ||), env settings skipped."""
    words = []
    for part in re.split(r"\|\||&&|[|;]", command):
        try:
            tokens = shlex.split(part)
        except ValueError:
            continue
        tokens = [t for t in tokens if not re.match(r"^\w+=", t)]
        if tokens and tokens[0] not in ("exec", "cd", "test", "[", "echo", "timeout"):
            words.append(tokens[0])
    return words
