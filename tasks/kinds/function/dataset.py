"""ENAMEL's problems as `function` problems, read with the `datasets` library from a local CSV or JSON file, or
from the hub where it is reachable (`q-rz/enamel`). Columns: task_id, prompt, input_generator, input_levels,
reference_solution, checker, entry_point (see ../shared/data/README.md for the local copy)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hpceval.tasks.errors import PackError
from hpceval.tasks.kinds.function.schema import FunctionProblem

COLUMNS = ("task_id", "prompt", "input_generator", "input_levels", "reference_solution", "checker", "entry_point")
# ENAMEL's 22 constant-time problems, which its scores leave out (positions in the dataset)
UNSCORED = frozenset({2, 23, 41, 45, 53, 60, 71, 92, 97, 99, 102, 123, 124, 135, 137, 138, 144, 148, 156, 157,
                      159, 160})
# ENAMEL's subsets: problems whose efficiency needs a better algorithm, or a better implementation of one
ALGORITHM = frozenset({10, 18, 36, 39, 40, 43, 46, 49, 55, 59, 63, 76, 83, 96, 107, 109, 114, 129, 147, 154})
IMPLEMENTATION = frozenset({1, 5, 8, 9, 11, 12, 15, 16, 17, 19, 21, 22, 24, 25, 26, 27, 31, 33, 37, 38, 44, 48,
                            50, 51, 52, 56, 57, 58, 61, 64, 66, 69, 70, 72, 73, 74, 75, 78, 80, 82, 85, 87, 89, 91,
                            93, 94, 95, 98, 100, 104, 105, 108, 110, 111, 112, 113, 116, 117, 118, 121, 122, 125,
                            127, 128, 131, 140, 142, 143, 150, 152, 155, 161})
HUB_SPLIT = "ENAMEL_HumanEval"


def _rows(source: str) -> tuple[list[dict[str, str]], str]:
    """The dataset's rows, in order, and a hash of its content."""
    import datasets  # heavy: only where a dataset is read

    datasets.disable_progress_bars()
    path = Path(source)
    try:
        if path.exists():
            if not path.is_file():
                raise PackError(f"--dataset {source} is a folder; pass the ENAMEL CSV or JSON file itself")
            builder = {".csv": "csv", ".json": "json", ".jsonl": "json"}.get(path.suffix.lower())
            if builder is None:
                raise PackError(f"--dataset {source}: not a .csv, .json or .jsonl file; pass ENAMEL's enamel.csv")
            table = datasets.load_dataset(builder, data_files=str(path), split="train")
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            table = datasets.load_dataset(source, split=HUB_SPLIT)
            digest = hashlib.sha256(f"{source}:{table._fingerprint}".encode()).hexdigest()
    except PackError:
        raise
    except Exception as exc:  # noqa: BLE001 - a missing file, an unreachable hub, a malformed CSV: one line
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise PackError(f"--dataset {source}: cannot be read ({first[:200]}); pass a local enamel.csv, or a hub "
                        "id where the hub is reachable") from None
    missing = [c for c in COLUMNS if c not in table.column_names]
    if missing:
        raise PackError(f"--dataset {source}: no column(s) {missing}; an ENAMEL dataset has {list(COLUMNS)}")
    return [{c: str(row[c]) for c in COLUMNS} for row in table], digest


def _problem_type(index: int) -> str:
    return "algorithm" if index in ALGORITHM else "implementation" if index in IMPLEMENTATION else "other"


def load_enamel(source: str) -> tuple[list[FunctionProblem], str]:
    """ENAMEL's 142 scored problems (of its 164 rows) and the dataset's content hash."""
    rows, digest = _rows(source)
    problems = []
    for index, row in enumerate(rows):
        if index in UNSCORED:
            continue
        try:
            sizes = [int(s) for s in row["input_levels"].split()]
        except ValueError:
            raise PackError(f"--dataset {source}: row {index} ({row['task_id']}): input_levels {row['input_levels']!r}"
                            " is not a list of integers") from None
        problems.append(FunctionProblem(
            name=row["task_id"], title=row["entry_point"], problem_type=_problem_type(index),
            description=row["prompt"], entry_point=row["entry_point"], prompt=row["prompt"],
            generator=row["input_generator"], reference=row["reference_solution"], checker=row["checker"],
            sizes=sizes, seed=f"enamel:{index}", source_index=index))
    if not problems:
        raise PackError(f"--dataset {source}: no problems in it")
    return problems, digest
