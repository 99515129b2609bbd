"""Find packs: the built-in `tasks/packs/*`, folders on `HPCEVAL_PACK_PATH`, and the `hpceval.packs`
entry-point group of installed packages (each entry point names a path, or a callable returning one,
to a folder holding `pack.yaml`)."""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import replace
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path

from hpceval.tasks.loader import Pack, PackError, Task, load_pack

BUILTIN_PACKS = Path(__file__).resolve().parent / "packs"
ENTRY_POINT_GROUP = "hpceval.packs"


def _folders_with_packs(root: Path) -> list[Path]:
    if (root / "pack.yaml").is_file():
        return [root]
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "pack.yaml").is_file())


@cache
def _warn_once(message: str) -> None:
    print(message, file=sys.stderr)


def pack_paths() -> dict[str, Path]:
    """Pack folder by folder name; later sources do not shadow earlier ones."""
    found: dict[str, Path] = {}
    roots = [BUILTIN_PACKS]
    for listed in (p for p in os.environ.get("HPCEVAL_PACK_PATH", "").split(os.pathsep) if p):
        if not Path(listed).is_dir():
            _warn_once(f"warning: HPCEVAL_PACK_PATH names {listed}, which is not a folder; it is skipped (fix or "
                       "remove that entry)")
        roots.append(Path(listed))
    for root in roots:
        for folder in _folders_with_packs(root):
            found.setdefault(folder.name, folder)
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            target = entry.load()
            folder = Path(target() if callable(target) else target)
        except Exception as exc:  # noqa: BLE001 - a broken third-party plug-in must not hide the others
            raise PackError(
                f"entry point {entry.name!r} in group {ENTRY_POINT_GROUP}: {exc}; fix or uninstall that package"
            ) from None
        found.setdefault(entry.name, folder)
    return found


def _load_each(paths: dict[str, Path]) -> tuple[list[Pack], dict[str, str]]:
    """Every pack that loads, and the error of each one that does not (it fails alone)."""
    packs: list[Pack] = []
    broken: dict[str, str] = {}
    for name, path in paths.items():
        try:
            packs.append(load_pack(path))
        except PackError as exc:
            broken[name] = str(exc)
    return packs, broken


def load_packs(names: list[str] | None = None, dataset: str | None = None) -> list[Pack]:
    """The packs named (each must load), or every pack that loads; a broken pack gets a warning that names
    its file, line and column, and the others keep working. Named packs that read a dataset read `dataset`."""
    paths = pack_paths()
    if names:
        unknown = [n for n in names if n not in paths]
        if unknown:
            raise PackError(f"unknown pack(s) {unknown}; known: {sorted(paths)} (`hpceval list` shows all)")
        return with_dataset([load_pack(paths[n]) for n in names], dataset, ", ".join(names))
    if dataset is not None:
        raise PackError("--dataset needs the pack that reads it named (e.g. `hpceval validate enamel --dataset ...`)")
    packs, broken = _load_each(paths)
    for name, error in broken.items():
        _warn_once(f"warning: pack {name!r} is skipped: {error}")
    return packs


def with_seed(packs: list[Pack], seed: int | None) -> list[Pack]:
    """`packs` whose kinds generate items from a seed (`predict`) make them from `seed` (None: the default, 0)."""
    return [replace(pack, seed=seed) if seed else pack for pack in packs]


def packs_of_suite(suite: str, dataset: str | None = None, seed: int | None = None) -> list[Pack]:
    """Every pack whose suite or name is `suite`; a broken pack of that name is an error, other broken packs
    get their warning. A pack that reads a dataset reads `dataset`, which it then needs; packs that generate their
    items make them from `seed`."""
    all_packs, broken = _load_each(pack_paths())
    if suite in broken:
        raise PackError(f"pack {suite!r}: {broken[suite]}")
    for name, error in broken.items():
        _warn_once(f"warning: pack {name!r} is skipped: {error}")
    packs = [p for p in all_packs if suite in (p.spec.suite, p.name)]
    if not packs:
        known = sorted({p.spec.suite for p in all_packs})
        raise PackError(f"unknown suite {suite!r}; known suites: {known}")
    return with_seed(with_dataset(packs, dataset, suite), seed)


def with_dataset(packs: list[Pack], dataset: str | None, asked: str) -> list[Pack]:
    """`packs`, those that read a dataset loaded from `dataset`, which they then need."""
    readers = [p for p in packs if p.spec.dataset is not None]
    if dataset is None:
        for pack in readers:
            raise PackError(f"{pack.name!r} reads its problems from a dataset: pass --dataset PATH_OR_ID "
                            f"({pack.spec.dataset_hint or 'see the pack README'})")
        return packs
    if not readers:
        raise PackError(f"--dataset applies to packs that read a dataset; {asked!r} has its own problems (drop "
                        "--dataset)")
    return [load_pack(p.path, dataset) if p.spec.dataset is not None else p for p in packs]


def select_tasks(packs: list[Pack], globs: list[str] | None) -> list[tuple[Pack, Task]]:
    """Tasks of the packs whose id matches any glob (all when no glob); each glob must match something."""
    pairs = [(pack, task) for pack in packs for task in pack.tasks]
    if not globs:
        return pairs
    for pattern in globs:
        if not any(fnmatch.fnmatchcase(task.task_id, pattern) for _, task in pairs):
            raise PackError(f"--task {pattern!r} matches no task; `hpceval list` shows the task ids")
    return [(p, t) for p, t in pairs if any(fnmatch.fnmatchcase(t.task_id, g) for g in globs)]
