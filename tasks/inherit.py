"""YAML files that inherit: a file may name others under `include:` (a path or a list, relative to the file,
as in lm-evaluation-harness), whose keys it takes unless it sets them itself; a pack's `problem_defaults`
sit under every problem.yaml. Mappings merge key by key; any other value (a list, a number) is replaced."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from hpceval.tasks.errors import PackError

INCLUDE = "include"


def merged(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """`over` on top of `base`: nested mappings merge, everything else in `over` wins."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def read_mapping(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text())
    except FileNotFoundError:
        raise PackError(f"{path}: not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or exc.__class__.__name__
        raise PackError(f"{path}{where}: invalid YAML ({problem}); fix the syntax") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PackError(f"{path}: expected a mapping of fields at the top level; fix the file")
    return data


def load_inherited(path: Path, defaults: Mapping[str, Any] | None = None,
                   _seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """`path`'s fields after its includes (in order, later ones winning) and under them `defaults`."""
    resolved = path.resolve()
    if resolved in _seen:
        chain = " -> ".join(str(p) for p in (*_seen, resolved))
        raise PackError(f"{path}: includes itself ({chain}); remove the cycle")
    own = read_mapping(path)
    names = own.pop(INCLUDE, [])
    names = [names] if isinstance(names, str) else names
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise PackError(f"{path}: `include:` takes a file name or a list of them; fix it")
    base: dict[str, Any] = dict(defaults or {})
    for name in names:
        base = merged(base, load_inherited(path.parent / name, None, (*_seen, resolved)))
    return merged(base, own)
