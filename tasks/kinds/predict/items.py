"""Items out of families: draw each item's params from its seed, render the family's templates.

An item's randomness comes from one `random.Random` seeded with `pack/family/seed/index` (a string: Python hashes it
with SHA-512, the same on every machine and version), so `--seed N` gives the same items everywhere, and another
seed gives others. A draw that repeats an earlier item of the family is drawn again (`.../index/attempt`), so a
family's items are distinct programs. Rendering is strict: a template naming a param the family does not define is
a pack error.
"""

from __future__ import annotations

import hashlib
import json
import random
from functools import cache
from pathlib import Path

import jinja2
from pydantic import BaseModel, ConfigDict, Field

from hpceval.tasks.errors import PackError
from hpceval.tasks.kinds.predict.schema import (
    ChoiceParam,
    FloatParam,
    IntParam,
    IntsParam,
    Param,
    PredictProblem,
    ShuffleParam,
)

_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)


class Item(BaseModel):
    """One program to predict, rendered: everything the truth job and the prompt need."""

    model_config = ConfigDict(extra="forbid")
    item_id: str  # <family>/s<seed>-<index>
    family: str
    seed: int
    index: int
    category: str
    language: str
    files: dict[str, str]
    shown: list[str]
    build: list[str]
    run: str
    stdin: str
    compare: dict[str, str] = Field(default_factory=dict)
    buckets: list[float] = Field(default_factory=list)
    timed_repeats: int = 5
    truth: str
    scorer: str
    rtol: float
    question: str
    answer_format: str
    timeout_s: float
    cores: int
    params: dict[str, object]

    def key(self) -> str:
        """The content hash of what decides the truth (not the question's wording)."""
        decides = self.model_dump(include={"language", "files", "build", "run", "stdin", "compare", "buckets",
                                           "timed_repeats", "truth", "timeout_s", "cores"})
        return hashlib.sha256(json.dumps(decides, sort_keys=True).encode()).hexdigest()[:32]


def draw(params: dict[str, Param], rng: random.Random) -> dict[str, object]:
    """One value per param, in the order the family lists them."""
    out: dict[str, object] = {}
    for name, spec in params.items():
        if isinstance(spec, IntParam):
            out[name] = rng.randint(*spec.int)
        elif isinstance(spec, FloatParam):
            out[name] = round(rng.uniform(*spec.float), spec.digits)
        elif isinstance(spec, ChoiceParam):
            out[name] = rng.choice(spec.choice)
        elif isinstance(spec, IntsParam):
            length = rng.randint(*spec.length)
            low, high = spec.ints
            if spec.distinct:
                if high - low + 1 < length:
                    raise PackError(f"param {name}: {length} distinct values do not fit in [{low}, {high}]")
                out[name] = rng.sample(range(low, high + 1), length)
            else:
                out[name] = [rng.randint(low, high) for _ in range(length)]
        elif isinstance(spec, ShuffleParam):
            values = list(spec.shuffle)
            rng.shuffle(values)
            out[name] = values
    return out


@cache
def _template(text: str) -> jinja2.Template:
    return _ENV.from_string(text)


def render(text: str, values: dict[str, object], where: str) -> str:
    try:
        return _template(text).render(**values)
    except jinja2.TemplateError as exc:
        raise PackError(f"{where}: {exc}; define it under params or fix the template") from None


DEFAULT_QUESTIONS = {
    "stdout": "What exactly does this program print to standard output?",
    "exit": "How does this program end: with which exit status, or killed by which signal?",
    "error": "This program fails. What is the last line it writes to standard error?",
    "faster": "Which of these versions runs fastest on the target machine?",
    "ranking": "Order these versions from fastest to slowest on the target machine.",
    "ratio_bucket": "How many times faster is the second version than the first on the target machine?",
}
DEFAULT_FORMATS = {
    "stdout": "Give the exact output, every line of it, and nothing else.",
    "exit": "Answer `exit N` (its exit status) or `signal NAME` (e.g. `signal SIGSEGV`).",
    "error": "Give that one line exactly as the program writes it.",
    "faster": "Answer with the label of the fastest version only.",
    "ranking": "Give the labels, one per line, fastest first.",
    "ratio_bucket": "Answer with one of the buckets given.",
}


REDRAWS = 100


def family_items(family: PredictProblem, folder: Path, pack: str, seed: int) -> list[Item]:
    """The family's `count` items at `seed`, each a different program (or input)."""
    items: list[Item] = []
    seen: set[str] = set()
    for index in range(family.count):
        for attempt in range(REDRAWS):
            item = make_item(family, folder, pack, seed, index, attempt)
            if item.key() not in seen:
                break
        else:
            raise PackError(f"{folder / 'problem.yaml'}: {REDRAWS} draws of item {index} all repeat earlier items; "
                            "widen the params or lower count")
        seen.add(item.key())
        items.append(item)
    return items


def make_item(family: PredictProblem, folder: Path, pack: str, seed: int, index: int, attempt: int = 0) -> Item:
    rng = random.Random(f"{pack}/{family.name}/{seed}/{index}" + (f"/{attempt}" if attempt else ""))
    values: dict[str, object] = {**draw(family.params, rng), "index": index, "seed": seed}
    where = f"{folder / 'problem.yaml'}"
    files = {}
    for name, template in family.files.items():
        source = folder / template
        if not source.is_file():
            raise PackError(f"{source}: missing; {where} names it under files")
        files[name] = render(source.read_text(encoding="utf-8"), values, str(source))
    question = render(family.question or DEFAULT_QUESTIONS[family.truth], values, where)
    answer_format = family.answer_format or DEFAULT_FORMATS[family.truth]
    if family.truth == "ratio_bucket":
        answer_format += " Buckets: " + ", ".join(family.labels()) + "."
    elif family.truth in ("faster", "ranking"):
        answer_format += " Labels: " + ", ".join(family.compare) + "."
    return Item(
        item_id=f"{family.name}/s{seed}-{index:03d}", family=family.name, seed=seed, index=index,
        category=family.problem_type,
        language=family.language, files=files, shown=family.shown or list(family.files),
        build=[render(c, values, where) for c in family.build], run=render(family.run, values, where),
        stdin=render(family.stdin, values, where),
        compare={label: render(c, values, where) for label, c in family.compare.items()},
        buckets=family.buckets, timed_repeats=family.timed_repeats, truth=family.truth, scorer=family.scorer,
        rtol=family.rtol, question=question, answer_format=render(answer_format, values, where),
        timeout_s=family.timeout_s, cores=family.cores,
        params={k: v for k, v in values.items() if k not in ("index", "seed")})
