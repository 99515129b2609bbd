"""Sandbox images: recipes in `sandbox/images/<name>/`, tags from a content hash of the recipe, and builds
online (`docker build`) or offline (debootstrap a Debian rootfs, install the packages inside, `docker import`)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hpceval.sandbox.base import SandboxError

RECIPES = Path(__file__).resolve().parent / "images"
DEFAULT_IMAGE = "cpu"
DEBIAN_SUITE = "bookworm"
DEFAULT_MIRROR = "http://deb.debian.org/debian"
JOB_UID = 1000
RECIPE_LABEL = "org.hpceval.recipe"


@dataclass(frozen=True)
class Recipe:
    name: str  # cpu, cuda
    path: Path

    @property
    def content_hash(self) -> str:
        digest = hashlib.sha256()
        for file in sorted(p for p in self.path.rglob("*") if p.is_file()):
            digest.update(file.relative_to(self.path).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
        return digest.hexdigest()[:12]

    @property
    def tag(self) -> str:
        return f"hpceval-{self.name}:{self.content_hash}"

    def packages(self) -> list[str]:
        listing = self.path / "packages.txt"
        if not listing.exists():
            raise SandboxError(f"image {self.name!r} has no packages.txt, so it cannot be built offline; "
                               "build it online on a host that reaches a registry")
        lines = (line.split("#", 1)[0].strip() for line in listing.read_text().splitlines())
        return [line for line in lines if line]


def recipe(name: str) -> Recipe:
    path = RECIPES / name
    if not (path / "Dockerfile").exists():
        known = ", ".join(sorted(p.name for p in RECIPES.iterdir() if (p / "Dockerfile").exists()))
        raise SandboxError(f"unknown image {name!r}; use one of: {known}")
    return Recipe(name=name, path=path)


def resolve_image(spec: str | None) -> str:
    """`--image`: a recipe name (cpu, cuda) becomes its content-hash tag; anything else is an image ref."""
    spec = spec or os.environ.get("HPCEVAL_IMAGE") or DEFAULT_IMAGE
    if (RECIPES / spec / "Dockerfile").exists():
        return recipe(spec).tag
    return spec


def build_online(client: Any, item: Recipe, log: Callable[[str], None]) -> str:
    """`docker build` of the recipe's Dockerfile (needs a registry for the base image)."""
    import docker.errors

    try:
        image, lines = client.images.build(path=str(item.path), tag=item.tag, rm=True, labels={RECIPE_LABEL: item.tag})
    except docker.errors.BuildError as exc:
        raise SandboxError(f"docker build of {item.tag} failed: {exc.msg}; without a registry use --offline") from None
    except docker.errors.APIError as exc:
        raise SandboxError(f"docker build of {item.tag} failed: {exc.explanation}; "
                           "without a registry use --offline") from None
    for entry in lines:
        if isinstance(entry, dict) and entry.get("stream", "").strip():
            log(entry["stream"].rstrip())
    return str(image.id)


def _run(argv: list[str], log: Callable[[str], None], what: str) -> None:
    log("$ " + " ".join(argv[:6]) + (" ..." if len(argv) > 6 else ""))
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = " | ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
        raise SandboxError(f"{what} failed (exit {done.returncode}): {tail}")


def build_offline(item: Recipe, log: Callable[[str], None], mirror: str | None = None, client: Any = None) -> str:
    """Build the recipe's package set without a registry: debootstrap + chroot apt-get, then import the rootfs
    into the daemon `client` talks to (DOCKER_HOST: a remote one gets the image over its connection).
    Needs root, debootstrap and a reachable Debian mirror (HPCEVAL_DEBIAN_MIRROR or --mirror)."""
    if os.geteuid() != 0:
        raise SandboxError("an offline build needs root (debootstrap and chroot); run it as root or with sudo")
    for tool in ("debootstrap", "chroot", "tar"):
        if shutil.which(tool) is None:
            hint = "apt-get install debootstrap" if tool == "debootstrap" else f"install {tool}"
            raise SandboxError(f"{tool} not found; an offline build needs it ({hint})")
    if client is None:
        from hpceval.sandbox.docker_host import connect

        client = connect()
    packages = item.packages()
    mirror = mirror or os.environ.get("HPCEVAL_DEBIAN_MIRROR") or DEFAULT_MIRROR
    with tempfile.TemporaryDirectory(prefix="hpceval-rootfs-") as scratch:
        root = Path(scratch) / "root"
        _run(["debootstrap", "--variant=minbase", DEBIAN_SUITE, str(root), mirror], log, "debootstrap")
        shutil.copy("/etc/resolv.conf", root / "etc" / "resolv.conf")
        install = (
            "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "
            + " ".join(packages)
            + f" && apt-get clean && rm -rf /var/lib/apt/lists/* && useradd -u {JOB_UID} -M -d /work -s /bin/sh hpceval"
            + " && mkdir -m 1777 /work"
        )
        _run(["chroot", str(root), "sh", "-c", install], log, "installing the packages in the rootfs")
        if (item.path / "post-install.sh").exists():
            _post_install(item, root, log)
        (root / "etc" / "resolv.conf").unlink()
        return import_rootfs(client, root, item.tag, log)


def import_rootfs(client: Any, root: Path, tag: str, log: Callable[[str], None]) -> str:
    """`tar -C root -c . | docker import - tag`, through the docker SDK: the tar streams to the daemon `client`
    talks to, wherever it is. Returns the image id."""
    import docker.errors

    changes = ["ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "ENV LANG=C.UTF-8",
               "WORKDIR /work", f"LABEL {RECIPE_LABEL}={tag}"]
    repository, _, version = tag.rpartition(":")
    log(f"$ tar -C ROOTFS -c . | docker import - {tag}")
    tar = subprocess.Popen(["tar", "-C", str(root), "--numeric-owner", "-c", "."], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    assert tar.stdout is not None and tar.stderr is not None

    def chunks() -> Iterator[bytes]:  # a generator: the SDK sends it chunked, never whole in memory
        while block := tar.stdout.read(1 << 20):  # type: ignore[union-attr]
            yield block

    try:
        client.api.import_image_from_data(chunks(), repository=repository, tag=version, changes=changes)
    except docker.errors.APIError as exc:
        raise SandboxError(f"docker import of {tag} failed: {exc.explanation}") from None
    finally:
        tar.stdout.close()
        tar_error = tar.stderr.read().decode(errors="replace").strip()
        tar.wait()
    if tar.returncode != 0:
        raise SandboxError(f"tar of the rootfs failed: {tar_error[-300:]}")
    found = image_id(client, tag)
    if found is None:
        raise SandboxError(f"docker import of {tag} ended without the image")
    return found


def _downloads(item: Recipe) -> list[tuple[str, str]]:
    listing = item.path / "downloads.txt"
    if not listing.exists():
        return []
    lines = (line.split("#", 1)[0].split() for line in listing.read_text().splitlines())
    return [(fields[0], fields[1]) for fields in lines if fields]


def _post_install(item: Recipe, root: Path, log: Callable[[str], None]) -> None:
    """The recipe's post-install.sh, run in the rootfs beside the recipe's files and its downloads.txt files
    (fetched here, on the host, and checked against their sha256: the rootfs has no TLS client)."""
    stage = root / "tmp" / "hpceval-recipe"
    shutil.copytree(item.path, stage)
    for url, sha256 in _downloads(item):
        log(f"$ fetch {url}")
        try:
            with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310 - a pinned https URL
                data = response.read()
        except OSError as exc:
            raise SandboxError(f"fetching {url} for image {item.name!r} failed ({exc}); the offline build needs "
                               "PyPI's file host (files.pythonhosted.org)") from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise SandboxError(f"{url} does not have the sha256 that {item.name}/downloads.txt pins")
        (stage / url.rsplit("/", 1)[-1]).write_bytes(data)
    _run(["chroot", str(root), "sh", "/tmp/hpceval-recipe/post-install.sh"], log, "the image's post-install.sh")
    shutil.rmtree(stage)


def image_id(client: Any, ref: str) -> str | None:
    """The id of image `ref` on the daemon `client` talks to, or None when it is not there."""
    import docker.errors

    try:
        return str(client.images.get(ref).id)
    except docker.errors.ImageNotFound:
        return None


def docker_ready(image: str | None) -> str | None:
    """None when the docker sandbox can run here (a daemon answers and the image is built), else why not."""
    from hpceval.sandbox.docker_host import connect, docker_host, is_remote

    try:
        client = connect(timeout_s=5)
        ref = resolve_image(image)
        try:
            if image_id(client, ref) is None:
                where = f" at {docker_host()}" if is_remote(docker_host()) else ""
                return (f"the Docker daemon{where} answers but image {ref} is not built there "
                        "(hpceval sandbox build --offline)")
        finally:
            client.close()
    except SandboxError as exc:
        return str(exc)
    return None
