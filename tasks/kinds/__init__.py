"""Task kinds by name: hpceval's own (`kernel`), those registered in this process with `@register_evaluator`,
and those installed packages declare in the entry-point group `hpceval.evaluators` (each entry point names an
Evaluator class, e.g. `my-kind = my_package.evaluator:MyEvaluator`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path
from typing import TypeVar

from hpceval.tasks.kinds.base import (
    TIMERS,
    AnswerKind,
    Evaluator,
    Measurement,
    MeasureSettings,
    NeedsSetup,
    Outcome,
    Prepared,
    SetupError,
    StaticAnswer,
    Sweep,
    Timer,
    ValidationCase,
    counter_arguments,
    sweep_arguments,
    sweeps,
    timer_arguments,
    timers_of,
)
from hpceval.tasks.loader import PackError

ENTRY_POINT_GROUP = "hpceval.evaluators"
BUILTIN = {"kernel": "hpceval.tasks.kinds.kernel:KernelEvaluator",
           "function": "hpceval.tasks.kinds.function:FunctionEvaluator",
           "predict": "hpceval.tasks.kinds.predict:PredictEvaluator"}
_registered: dict[str, type] = {}
E = TypeVar("E", bound=type)


def register_evaluator(cls: E) -> E:
    """Class decorator: make `cls` the evaluator of the kind named by its `kind` attribute."""
    kind = getattr(cls, "kind", None)
    if not isinstance(kind, str) or not kind:
        raise TypeError(f"{cls.__name__} needs a class attribute `kind` naming its task kind")
    _registered[kind] = cls
    evaluator_for.cache_clear()
    return cls


def _load(target: str) -> type:
    module, _, name = target.partition(":")
    return getattr(import_module(module), name)  # type: ignore[no-any-return]


def known_kinds() -> list[str]:
    return sorted({*BUILTIN, *_registered, *(e.name for e in entry_points(group=ENTRY_POINT_GROUP))})


@cache
def evaluator_for(kind: str, where: Path | None = None) -> Evaluator:
    """The evaluator of `kind`; `where` (the pack.yaml that asks for it) goes into the error."""
    factory: Callable[[], object] | None = _registered.get(kind)
    if factory is None and kind in BUILTIN:
        factory = _load(BUILTIN[kind])
    if factory is None:
        for entry in entry_points(group=ENTRY_POINT_GROUP, name=kind):
            try:
                factory = entry.load()
            except Exception as exc:  # noqa: BLE001 - a broken plug-in gets one line naming it
                raise PackError(f"entry point {kind!r} in group {ENTRY_POINT_GROUP} failed to load ({exc}); "
                                "fix or reinstall the package that provides it") from None
            break
    if factory is None:
        source = f"{where}: " if where else ""
        raise PackError(f"{source}unknown task kind {kind!r}; known: {known_kinds()} (install the package that "
                        f"provides it, or register its evaluator in the {ENTRY_POINT_GROUP!r} entry-point group)")
    evaluator = factory()
    if not isinstance(evaluator, Evaluator):
        raise PackError(f"the evaluator of kind {kind!r} ({factory!r}) does not implement "
                        "hpceval.tasks.kinds.Evaluator; see docs/architecture.md")
    return evaluator


__all__ = [
    "ENTRY_POINT_GROUP", "TIMERS", "AnswerKind", "Evaluator", "MeasureSettings", "Measurement", "NeedsSetup",
    "Outcome", "Prepared", "SetupError", "StaticAnswer", "Sweep", "Timer", "ValidationCase", "evaluator_for",
    "known_kinds", "register_evaluator", "counter_arguments", "sweep_arguments", "sweeps", "timer_arguments",
    "timers_of",
]
