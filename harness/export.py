"""`hpceval export`: the attempts of run dirs (`hpceval.results.load`) as a CSV, JSON Lines or Parquet file.

CSV cells that hold lists (`measurement.baseline_times`, ...) are JSON-encoded so that they read back with
`json.loads`; JSON Lines keeps them as lists and writes missing values as null; Parquet keeps types and lists.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any, Literal, cast, get_args

import pandas as pd  # type: ignore[import-untyped]

from hpceval import results
from hpceval.harness.errors import UserError

Format = Literal["csv", "jsonl", "parquet"]
FORMATS: tuple[str, ...] = get_args(Format)
STDOUT = Path("-")


def parse_format(text: str) -> Format:
    if text not in FORMATS:
        raise UserError(f"unknown --format {text!r}; use one of {', '.join(FORMATS)}")
    return cast(Format, text)


def default_out(run_dirs: list[Path], fmt: Format) -> Path:
    return run_dirs[0] / f"export.{fmt}"


def export_run(run_dirs: list[Path], fmt: Format, out: Path | None, final_only: bool) -> Path:
    """Write the attempts of `run_dirs` as `fmt` to `out` (default `<first run dir>/export.<fmt>`; `-`: stdout,
    csv and jsonl only) and return where they went."""
    return write_frame(load_runs(run_dirs, final_only), fmt, out or default_out(run_dirs, fmt))


def load_runs(run_dirs: list[Path], final_only: bool) -> pd.DataFrame:
    if not run_dirs:
        raise UserError("no run dir given; pass the --out of an `hpceval run`")
    return results.load(run_dirs, final_only=final_only)


def write_frame(frame: pd.DataFrame, fmt: Format, out: Path) -> Path:
    fmt = parse_format(fmt)
    if out == STDOUT:
        if fmt == "parquet":
            raise UserError("parquet is binary and is not written to stdout; pass --out FILE.parquet")
        sys.stdout.write(_text(frame, fmt))
        sys.stdout.flush()
        return out
    _check_out(out)
    temp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        if fmt == "parquet":
            _write_parquet(frame, temp)
        else:
            temp.write_text(_text(frame, fmt), encoding="utf-8")
        os.replace(temp, out)
    except OSError as exc:
        raise UserError(f"cannot write {out} ({exc.strerror or exc}); pass another --out") from None
    finally:
        temp.unlink(missing_ok=True)
    return out


def _check_out(out: Path) -> None:
    if out.is_dir():
        raise UserError(f"--out {out} is a directory; pass a file path, e.g. {out / 'export.csv'}")
    if not out.parent.is_dir():
        raise UserError(f"--out {out}: there is no directory {out.parent}; create it or pass another --out")


def _text(frame: pd.DataFrame, fmt: Format) -> str:
    if fmt == "csv":
        encoded = frame.copy()
        for name in encoded.columns:
            if encoded[name].dtype == object:
                encoded[name] = encoded[name].map(_json_if_list)
        return str(encoded.to_csv(index=False))
    rows = frame.to_dict(orient="records")
    return "".join(json.dumps({k: _plain(v) for k, v in row.items()}, default=_native) + "\n" for row in rows)


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    if importlib.util.find_spec("pyarrow") is None:  # to_parquet's engine
        raise UserError("--format parquet needs pyarrow; pip install 'pyarrow>=14'")
    try:
        frame.to_parquet(path, engine="pyarrow", index=False)
    except (TypeError, ValueError) as exc:  # pyarrow.ArrowInvalid is a ValueError: a column of mixed types
        raise UserError(f"parquet cannot hold these results ({exc}); use --format jsonl") from None


def _json_if_list(value: Any) -> Any:
    return json.dumps(value, default=_native) if isinstance(value, list | dict) else value


def _plain(value: Any) -> Any:
    """None for a missing value (NaN, NA), the value otherwise."""
    if isinstance(value, list | dict):
        return value
    return None if pd.isna(value) else value


def _native(value: Any) -> Any:
    if hasattr(value, "item"):  # a numpy scalar
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
