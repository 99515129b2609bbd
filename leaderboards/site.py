"""What every static page of hpceval shares: the jinja2 environment (autoescaped: a candidate's code and a
model's words are untrusted text) and the stylesheet and sort script, copied next to the pages so that they
open from file:// with nothing fetched."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2

HERE = Path(__file__).resolve().parent
ASSETS = HERE / "assets"
TEMPLATES = HERE / "templates"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = format_number
    return env


def format_number(value: float | None, digits: int = 3) -> str:
    """A metric as the pages show it; "-" where it is not defined."""
    if value is None:
        return "-"
    return f"{value:.{digits}f}"


def copy_assets(out: Path) -> Path:
    """`out/assets/` with the stylesheet and the sort script; returns it."""
    target = out / "assets"
    target.mkdir(parents=True, exist_ok=True)
    for source in ASSETS.iterdir():
        if source.is_file():
            shutil.copyfile(source, target / source.name)
    return target
