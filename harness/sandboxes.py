"""Choose and build the sandbox of a run: `local`, `docker`, or `auto` (docker wherever a daemon answers and
the image is built, local otherwise)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import typer

from hpceval.harness.errors import UserError
from hpceval.sandbox.base import Sandbox, SandboxError
from hpceval.sandbox.cpus import keep_off
from hpceval.sandbox.docker_host import parse_cpuset

SANDBOXES = ("auto", "local", "docker")


@dataclass(frozen=True)
class SandboxOptions:
    name: str = "auto"
    slots: int = 1
    image: str | None = None  # recipe name (cpu, cuda) or image reference; default cpu
    gpus: str | None = None  # "all" or device ids "0,1"
    timing_cpus: str | None = None  # reserved cpuset for timed steps, e.g. "8-15"
    warm: bool = True
    cuda_toolkit: str | None = None  # a host CUDA install mounted read-only at /usr/local/cuda (docker)


def docker_ready(image: str | None) -> str | None:
    """None when the docker sandbox can run here, else why not (one line)."""
    from hpceval.sandbox.images import docker_ready as ready

    return ready(image)


def resolve_sandbox_name(name: str, image: str | None) -> tuple[str, str | None]:
    """The backend `auto` stands for here, and a note saying why when it falls back to local."""
    if name not in SANDBOXES:
        raise UserError(f"unknown sandbox {name!r}; use one of: {', '.join(SANDBOXES)}")
    if name != "auto":
        return name, None
    reason = docker_ready(image)
    return ("docker", None) if reason is None else ("local", f"using the local sandbox: {reason}")


def make_sandbox(options: SandboxOptions) -> Sandbox:
    """The sandbox; with timing CPUs, this process (the harness) then keeps off them (sandbox/cpus.py), unless
    the jobs run on a remote Docker host, whose CPUs are not this machine's."""
    box = _make_sandbox(options)
    if options.timing_cpus and not getattr(box, "remote", False):
        keep_off(parse_cpuset(options.timing_cpus))
    return box


def _make_sandbox(options: SandboxOptions) -> Sandbox:
    if options.name == "local":
        from hpceval.sandbox.local import LocalSandbox

        try:
            return LocalSandbox(slots=options.slots, timing_cpus=options.timing_cpus)
        except SandboxError as exc:
            raise UserError(str(exc)) from None
    if options.name == "docker":
        from hpceval.sandbox.docker import DockerSandbox

        try:
            return DockerSandbox(slots=options.slots, image=options.image, warm=options.warm, gpus=options.gpus,
                                 timing_cpus=options.timing_cpus, cuda_toolkit=options.cuda_toolkit)
        except SandboxError as exc:
            raise UserError(str(exc)) from None
    raise UserError(f"unknown sandbox {options.name!r}; use one of: {', '.join(SANDBOXES)}")


SandboxOption = Annotated[str | None, typer.Option(
    "--sandbox", help="Where code runs: auto (docker where a daemon answers and the image is built, else local), "
                      "local or docker. A resumed run keeps its sandbox.")]
ImageOption = Annotated[str | None, typer.Option(help="Docker image: a recipe (cpu, cuda) or an image reference.")]
GpusOption = Annotated[str | None, typer.Option(help="Docker: GPUs for the jobs, 'all' or ids like '0,1'.")]
TimingCpusOption = Annotated[str | None, typer.Option(
    help="A cpuset reserved for timed steps (e.g. 8-15); builds and checks run in parallel on the other CPUs.")]
CudaToolkitOption = Annotated[str | None, typer.Option(
    help="Docker: mount this host CUDA install read-only at /usr/local/cuda (CUDA builds without a CUDA image); "
         "or HPCEVAL_CUDA_TOOLKIT.")]
