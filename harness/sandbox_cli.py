"""`hpceval sandbox build|doctor|cleanup`."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from hpceval.harness.errors import UserError, user_errors
from hpceval.sandbox.base import SandboxError

sandbox_app = typer.Typer(no_args_is_help=True, help="Build, check and clean up the Docker sandbox.")
console = Console(stderr=True)
stdout = Console()


@sandbox_app.command("build")
@user_errors
def build(
    image: Annotated[str, typer.Option(help="Recipe under sandbox/images/: cpu or cuda.")] = "cpu",
    offline: Annotated[bool, typer.Option(help="No registry: debootstrap a rootfs, docker import it.")] = False,
    mirror: Annotated[str | None, typer.Option(help="Debian mirror for --offline (or HPCEVAL_DEBIAN_MIRROR).")] = None,
    force: Annotated[bool, typer.Option(help="Rebuild even when the image of this recipe exists.")] = False,
) -> None:
    """Build a sandbox image, tagged hpceval-NAME:<hash of its recipe>."""
    from hpceval.sandbox.docker_host import connect
    from hpceval.sandbox.images import build_offline, build_online, image_id, recipe

    try:
        item = recipe(image)
        client = connect()
        existing = image_id(client, item.tag)
        if existing is not None and not force:
            console.print(f"{item.tag} is already built ({existing[:19]}); --force rebuilds it")
            stdout.print(item.tag)
            return
        console.print(f"building {item.tag} {'offline (debootstrap)' if offline else 'with docker build'} ...")
        built = (build_offline(item, console.print, mirror, client) if offline
                 else build_online(client, item, console.print))
    except SandboxError as exc:
        raise UserError(str(exc)) from None
    console.print(f"built {item.tag} ({built[:19]})")
    stdout.print(item.tag)


@sandbox_app.command("doctor")
@user_errors
def doctor(
    image: Annotated[str | None, typer.Option(help="Recipe name or image reference (default: cpu).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
) -> None:
    """Say what works here (daemon, image, isolation, GPUs, perf counters, user namespaces) and how to fix the
    rest. Exits 1 when the docker sandbox cannot run."""
    from hpceval.sandbox.doctor import docker_findings, host_findings

    findings = docker_findings(image) + host_findings()
    broken = [f for f in findings if f.essential and not f.ok]
    if as_json:
        stdout.print_json(json.dumps({"docker_usable": not broken, "findings": [f.to_dict() for f in findings]}))
    else:
        table = Table(title="hpceval sandbox doctor")
        for column in ("check", "", "detail", "fix"):
            table.add_column(column, overflow="fold")
        for f in findings:
            table.add_row(f.check, "[green]ok[/green]" if f.ok else ("[red]no[/red]" if f.essential else
                                                                   "[yellow]no[/yellow]"), f.detail, f.fix)
        stdout.print(table)
        stdout.print("the docker sandbox works here" if not broken else
                     f"the docker sandbox cannot run here: fix {', '.join(f.check for f in broken)}")
    raise typer.Exit(1 if broken else 0)


@sandbox_app.command("cleanup")
@user_errors
def cleanup_command(
    everything: Annotated[bool, typer.Option("--all", help="Also containers of live runs and other hosts.")] = False,
) -> None:
    """Remove sandbox containers left behind by runs that are gone (after a crash of the daemon connection)."""
    from hpceval.sandbox.docker_host import cleanup, connect

    try:
        removed = cleanup(connect(), everything)
    except SandboxError as exc:
        raise UserError(str(exc)) from None
    console.print(f"removed {len(removed)} sandbox container(s)" + (f": {', '.join(removed)}" if removed else ""))
