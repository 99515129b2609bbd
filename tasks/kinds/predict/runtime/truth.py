"""Build and run `predict` items in the sandbox, and report what they did: the ground truth (stdlib only).

    python3 truth.py items.json ROUNDS

items.json is a list of items (tasks/kinds/predict/items.py, `Item`). Each item gets its own dir under items/,
its build commands run once, then its program runs ROUNDS times (a timed item: its `compare` commands, each
`timed_repeats` times a round, interleaved). One JSON line per item goes to stdout, in order:

    {"item_id", "built", "build_log", "rounds": [{"stdout", "stderr", "exit_code", "signal", "timed_out",
     "wall_s"} | {"times": {label: [seconds, ...]}}, ...]}

Nothing here decides a truth: the trusted side reads these facts (truths.py). Every command runs in its own
process group, which is killed whole at its timeout; output past OUTPUT_CAP bytes is cut, and a process that
writes more than FILE_CAP bytes to one file is stopped (SIGXFSZ). Untimed items run side by side, one per CPU
this process may use; an item with timed commands runs alone.
"""

from __future__ import annotations

import json
import os
import resource
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

OUTPUT_CAP = 64 * 1024
FILE_CAP = 16 * 1024 * 1024
SHELL_SYNTAX = set("|&;<>()$`\\*?[]#~={}\n")


def argv_of(command: str) -> list[str]:
    """A plain command runs as itself (its signal is its own, not a shell's 128+N); one with shell syntax in sh."""
    if any(ch in SHELL_SYNTAX for ch in command) or not command.strip():
        return ["sh", "-c", command]
    return shlex.split(command)


def execute(command: str, cwd: str, stdin: str, timeout_s: float) -> dict[str, object]:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as inp:
        inp.write(stdin.encode())
        inp.seek(0)
        started = time.perf_counter()
        try:
            process = subprocess.Popen(argv_of(command), cwd=cwd, stdin=inp, stdout=out, stderr=err,
                                       start_new_session=True)
        except OSError as exc:
            return {"stdout": "", "stderr": f"{command}: {exc.strerror}", "exit_code": 127, "signal": None,
                    "timed_out": False, "wall_s": 0.0}
        # a blocking wait ends the moment the program does (Popen.wait(timeout=) polls, in sleeps of up to 50 ms,
        # which rounded every timed run up to its next step); a timer kills the group at the limit instead
        expired = threading.Event()

        def stop() -> None:
            expired.set()
            _kill_group(process.pid)

        timer = threading.Timer(timeout_s, stop)
        timer.start()
        code = process.wait()
        wall = time.perf_counter() - started
        timer.cancel()
        timed_out = expired.is_set()
        _kill_group(process.pid)  # whatever the program left behind goes too
        out.seek(0)
        err.seek(0)
        return {"stdout": out.read(OUTPUT_CAP).decode("utf-8", "replace"),
                "stderr": err.read(OUTPUT_CAP).decode("utf-8", "replace"),
                "exit_code": code if code >= 0 else None,
                "signal": signal.Signals(-code).name if code < 0 else None,
                "timed_out": timed_out, "wall_s": wall}


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def timed_round(item: dict, cwd: str) -> dict[str, object]:
    times: dict[str, list[float]] = {label: [] for label in item["compare"]}
    failures = []
    for _ in range(item["timed_repeats"]):
        for label, command in item["compare"].items():
            run = execute(command, cwd, item["stdin"], item["timeout_s"])
            if run["exit_code"] != 0:
                failures.append(f"{label}: {command} ended {run['exit_code'] or run['signal']}"
                                f"{' (timed out)' if run['timed_out'] else ''}: {str(run['stderr'])[-300:]}")
            times[label].append(float(run["wall_s"]))  # type: ignore[arg-type]
    return {"times": times, "failures": failures}


def run_item(item: dict, root: str, rounds: int) -> dict[str, object]:
    cwd = os.path.join(root, str(item["number"]))
    os.makedirs(cwd)
    for name, text in item["files"].items():
        path = os.path.join(cwd, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    log = []
    for command in item["build"]:
        done = execute(command, cwd, "", item["timeout_s"])
        log.append(f"$ {command}\n{done['stdout']}{done['stderr']}")
        if done["exit_code"] != 0:
            log.append(f"(ended {done['exit_code'] if done['exit_code'] is not None else done['signal']}"
                       f"{', timed out' if done['timed_out'] else ''})")
            return {"item_id": item["item_id"], "built": False, "build_log": "\n".join(log)[-4000:], "rounds": []}
    results = [timed_round(item, cwd) if item["compare"] else execute(item["run"], cwd, item["stdin"],
                                                                         item["timeout_s"])
               for _ in range(rounds)]
    return {"item_id": item["item_id"], "built": True, "build_log": "\n".join(log)[-4000:], "rounds": results}


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        items = json.load(handle)
    rounds = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_CAP, FILE_CAP))  # the programs inherit it
    root = os.path.join(os.getcwd(), "items")
    os.makedirs(root, exist_ok=True)
    for number, item in enumerate(items):
        item["number"] = number
    timed = any(item["compare"] for item in items)
    workers = 1 if timed else max(1, len(os.sched_getaffinity(0)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for report in pool.map(lambda item: run_item(item, root, rounds), items):
            print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
