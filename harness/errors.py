"""Errors a user can cause; the CLI prints their message on one line and exits with status 2."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console

from hpceval.agents.base import AgentError
from hpceval.sandbox.base import SandboxError
from hpceval.tasks.loader import PackError

P = ParamSpec("P")
R = TypeVar("R")


class UserError(Exception):
    pass


def user_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Errors a user can cause: one line naming the fix, exit status 2."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (UserError, PackError, AgentError, SandboxError) as exc:
            Console(stderr=True).print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None

    return wrapper
