"""Where a run's sandbox jobs run: the executor. Either one is a `Sandbox` to the pipeline, so the driver (this
process) keeps the model calls, the run loop and the run store, and only it writes attempts.

- `local` (the default): this host's sandbox (sandbox/local.py or sandbox/docker.py): a bounded pool of slots
  (`--max-sandboxes`) and the host-wide timing lane for timed steps.
- `ray`: every job becomes a Ray task on a node of a Ray cluster, run there by that node's own sandbox (its local
  sandbox, or its own Docker daemon); the result comes back with the node's fingerprint (harness/ray_executor.py).
"""

from __future__ import annotations

import importlib.util
from typing import Annotated

import typer

from hpceval.harness.errors import UserError
from hpceval.harness.sandboxes import SandboxOptions, make_sandbox
from hpceval.sandbox.base import Sandbox

EXECUTORS = ("local", "ray")
RAY_INSTALL = "pip install 'hpceval[ray]'"


def ray_installed() -> bool:
    return importlib.util.find_spec("ray") is not None


def make_executor(name: str, options: SandboxOptions, ray_address: str | None = None) -> Sandbox:
    """The sandbox the pipeline runs jobs through: this host's (`local`), or a Ray cluster's nodes (`ray`)."""
    if name == "local":
        return make_sandbox(options)
    if name == "ray":
        if not ray_installed():
            raise UserError(f"--executor ray needs Ray, which is not installed here: {RAY_INSTALL}")
        from hpceval.harness.ray_executor import RaySandbox

        return RaySandbox(options, ray_address)
    raise UserError(f"unknown executor {name!r}; use one of: {', '.join(EXECUTORS)}")


ExecutorOption = Annotated[str | None, typer.Option(
    "--executor", help="Where sandbox jobs run: local (this host; the default) or ray (a Ray cluster's nodes, each "
                       "in its own sandbox; needs pip install 'hpceval[ray]').")]
RayAddressOption = Annotated[str | None, typer.Option(
    "--ray-address", help="--executor ray: the cluster (HOST:PORT of its head, or ray://HOST:10001); default "
                          "RAY_ADDRESS, else a one-node Ray started here.")]
