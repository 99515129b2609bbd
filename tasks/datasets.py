"""Dataset formats a pack can read its problems from (`dataset:` in pack.yaml, `--dataset PATH_OR_ID`)."""

from __future__ import annotations

from hpceval.tasks.errors import PackError
from hpceval.tasks.schema import ProblemBase


def read_dataset(form: str, source: str) -> tuple[list[ProblemBase], str]:
    """The problems of `source` in format `form`, and the dataset's content hash."""
    if form == "enamel":
        from hpceval.tasks.kinds.function.dataset import load_enamel

        problems, digest = load_enamel(source)
        return list(problems), digest
    raise PackError(f"unknown dataset format {form!r} in a pack.yaml; known: ['enamel']")
