"""The trusted side of a `function` job: it holds the inputs and the expected outputs, runs the checker and owns
the clock. The candidate's code never runs in this process (see docs/measurement.md, "function tasks").

    python3 -I -S trusted.py --problem problem.json --tests TESTS [--reps R] [--echo E] [--limit-s L]

TESTS (a pickle, base64 when it ends in .b64) holds the levels: `{"levels": [{"size", "hardness", "cases":
[(args, answer), ...]}]}`. A level of hardness 0 is checked once per case, untimed; every other case is run
R times, each time in a new child of the zygote (worker.py), and each run's output is checked. A child first
reads its input and says it is ready (no candidate code has run in it yet); a run's time is the wall time from
the "go" this process sends to the last byte of the output arriving (the child runs the candidate's module and
the call in between) minus the fastest of E echo runs of the level's first case (a child that sends the
expected answer back: the cost of the exchange itself, which depends on the level's output size). A net time above L
seconds ends the measurement with `timeout` (right-censored). One line `HPCEVAL_RESULT <key> {json}` reports
it all; the key comes from HPCEVAL_RESULT_KEY, which no other process sees.

A C++ problem (language cpp): SOLUTION is the built solution.so; inputs go to the child, and outputs come back,
in the glue's byte format (native.py); `--record OUT` first runs the (reference) solution once per case and takes
its outputs as the answers, writing the completed tests to OUT (the reference's job: generate, record, time).
When HPCEVAL_TESTS_KEY is set, TESTS is sealed with it (see `unseal`): the candidate's process, which can read the
job dir, finds only ciphertext, and the key leaves this process's environment before any other process starts.

--timer instructions counts instead of timing: the zygote runs under valgrind's cachegrind (no cache simulation),
every run once (the count does not vary), and a run's count is the candidate process's instructions from "go" to
its exit (worker.py, --counted) minus the echo's. The counts come on a log pipe only valgrind can write to; a
run over --limit-count instructions is `timeout` (right-censored), and --limit-s bounds its wall time.
"""

from __future__ import annotations

import argparse
import base64
import ctypes
import gc
import hashlib
import json
import os
import pickle
import re
import resource
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
from typing import NamedTuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I leaves the script's folder out
import native  # noqa: E402
import wire  # noqa: E402

PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
CHECK_GRACE_S = 1.0  # untimed checks may take this much longer than the limit
FLOOR_S = 1e-6  # a net time below the exchange's own noise counts as this
INPUT_DEADLINE_S = 60.0  # for the child to read its input (untimed)
EXIT_GRACE_S = 0.05  # for a child to exit by itself after its output
CONFIRM_RUNS = 2  # a timed run over the limit counts only when the run made again is over it too
COUNTED_EXIT_S = 30.0  # for a counted child to exit (valgrind writes its summary) after the output
CALM_DEADLINE_S = 60.0  # for the zygote to start, and an echo run to finish
COUNTED_CALM_DEADLINE_S = 600.0  # the same under valgrind
COUNT_LINE = re.compile(rb"^==(\d+)== I\s+refs:\s+([\d,]+)\s*$")
WRITABLE = (".", "/tmp", "/dev/shm", "/var/tmp")  # where a job's uid may create names


class Failure(Exception):
    def __init__(self, verdict: str, message: str, level: int, case: int) -> None:
        super().__init__(message)
        self.verdict, self.message, self.level, self.case = verdict, message, level, case


def _harden() -> str:
    """No other process of this uid may read this one's memory, environment or descriptors; orphans of the
    candidate's processes become this process's children; the result key leaves the environment."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    return os.environ.pop("HPCEVAL_RESULT_KEY", "")


def unseal(key_hex: str, data: bytes) -> bytes:
    """XOR with SHAKE-256(key): jobs.py seals an answer job's tests so (the same function both ways)."""
    stream = hashlib.shake_256(bytes.fromhex(key_hex)).digest(len(data))
    return (int.from_bytes(data, "little") ^ int.from_bytes(stream, "little")).to_bytes(len(data), "little")


class Codec:
    """How arguments go to a child and outputs come back: pickles of the Python values, or (native) the C++ glue's
    bytes inside the pickle (made here, untimed; read back strictly by native.decode)."""

    def __init__(self, is_native: bool) -> None:
        self.native = is_native

    def call(self, args: tuple) -> bytes:
        return pickle.dumps((native.encode_arguments(args),) if self.native else args, protocol=5)

    def batch(self, cases: list) -> bytes:
        items = [native.encode_arguments(args) if self.native else args for args, _ in cases]
        return pickle.dumps(items, protocol=5)

    def echo(self, args: tuple, answer: object) -> bytes:
        if self.native:
            return pickle.dumps((native.encode_arguments(args), native.encode(answer)), protocol=5)
        return pickle.dumps((args, answer), protocol=5)

    def output(self, value: object) -> object:
        """A child's output as plain data (raises wire.NotPlain for what a native child sent that is not one
        value of the glue's format)."""
        if not self.native:
            return value
        if not isinstance(value, bytes):
            raise wire.NotPlain("the output is not the glue's bytes")
        try:
            return native.decode(value)
        except native.NotNative as exc:
            raise wire.NotPlain(f"the output could not be read ({exc})") from None


def _children(pid: int) -> list[int] | None:
    """The children of every thread of `pid` (None where the kernel has no /proc/PID/task/TID/children)."""
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found: list[int] = []
    for tid in threads:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", "rb") as handle:
                found += [int(word) for word in handle.read().split()]
        except FileNotFoundError:
            if not os.path.exists(f"/proc/{pid}/task/{tid}/children"):
                return None
        except OSError:
            continue
    return found


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"  # a zombie runs nothing
    except (OSError, IndexError):
        return False


def _descendants(root: int, spare: set[int]) -> list[int]:
    """Every live process below `root` but those in `spare` (orphans come back to `root`: it is a subreaper)."""
    found: list[int] = []
    frontier = [root]
    while frontier:
        children = _children(frontier.pop())
        if children is None:
            return _descendants_by_scan(root, spare)
        for child in children:
            if _running(child):
                found.append(child)
            frontier.append(child)
    return [pid for pid in found if pid not in spare]


def _descendants_by_scan(root: int, spare: set[int]) -> list[int]:
    parents: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != b"Z":  # a zombie runs nothing; its parent reaps it
            parents.setdefault(int(fields[1]), []).append(int(name))
    found, frontier = [], [root]
    while frontier:
        for child in parents.get(frontier.pop(), []):
            found.append(child)
            frontier.append(child)
    return [pid for pid in found if pid not in spare]


def _reap_orphans(spare: set[int]) -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        if pid in spare:  # the zygote died: nothing more can run
            raise Failure("runtime_error", "the worker process died", -1, -1)


class Run(NamedTuple):
    elapsed: float  # wall seconds of the exchange, from "go" to the output's last byte
    tag: bytes  # the reply's tag (O: output, X: exception, N: not plain data, T: timeout, C: closed)
    body: bytes
    instructions: int | None = None  # counted runs with an output


def names_left() -> set[str]:
    """Every name in and below the places a run could create one (confine.py leaves valgrind's own open to it under
    the instruction timer: a counted run that adds a name is refused, so no name carries anything to a later run)."""
    found: set[str] = set()
    for place in WRITABLE:
        for folder, folders, files in os.walk(place):
            found.update(os.path.join(folder, name) for name in folders + files)
    return found


def valgrind_argv(log_fd: int) -> list[str]:
    tool = shutil.which("valgrind")
    if tool is None:
        raise Failure("infra_error", "--timer instructions needs valgrind in the sandbox (apt-get install valgrind, "
                      "or hpceval sandbox build for the image)", -1, -1)
    return [tool, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", "--vgdb=no",
            "--trace-children=no", f"--log-fd={log_fd}"]


def process_limit_holds() -> bool:
    """Whether RLIMIT_NPROC stops this uid's processes from starting others (not where the uid may ignore it,
    e.g. root): a counted run relies on it."""
    pid = os.fork()
    if pid == 0:
        resource.setrlimit(resource.RLIMIT_NPROC, (1, 1))
        try:
            child = os.fork()
        except OSError:
            os._exit(0)
        if child == 0:
            os._exit(0)
        os.waitpid(child, 0)
        os._exit(1)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0


class CountLog:
    """The summaries valgrind writes on the log pipe, one per process as it exits: `==PID== I refs: N`."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        os.set_blocking(fd, False)
        self.buffer = b""
        self.counts: dict[int, int] = {}
        self.forged = False

    def take(self) -> dict[int, int]:
        """The counts that arrived since the last take, by pid."""
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except BlockingIOError:
                break
            if not chunk:
                break
            self.buffer += chunk
        *lines, self.buffer = self.buffer.split(b"\n")
        for line in lines:
            match = COUNT_LINE.match(line)
            if match:
                pid = int(match[1])
                self.forged = self.forged or pid in self.counts
                self.counts[pid] = int(match[2].replace(b",", b""))
        taken, self.counts = self.counts, {}
        return taken


class Zygote:
    def __init__(self, solution: str, entry: str, counted: bool = False, codec: Codec | None = None) -> None:
        self.codec = codec or Codec(False)
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        # the environment is this one, whole: -s -S without -I lets PYTHONHASHSEED fix str hashes (and so the
        # instructions a dict costs), and nothing else of the caller's reaches the worker
        # counted, nothing of the job dir's path reaches the zygote (relative names, a fixed HOME and TMPDIR): its
        # length would move the heap, and a count with it
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
               "HOME": "/tmp" if counted else os.environ.get("HOME", "/tmp"),
               "TMPDIR": "/tmp" if counted else os.environ.get("TMPDIR", "/tmp"), "PYTHONHASHSEED": "0",
               "LC_ALL": "C.UTF-8"}
        here = os.path.dirname(os.path.abspath(__file__))
        argv = [sys.executable, "-s", "-S", "-P", "worker.py", str(theirs.fileno()),
                os.path.relpath(solution, here), entry, *(["--native"] if self.codec.native else [])]
        fds = [theirs.fileno()]
        self.log: CountLog | None = None
        if counted:
            log_r, log_w = os.pipe()
            self.log = CountLog(log_r)
            argv = [*valgrind_argv(log_w), *argv, "--counted", str(log_w)]
            fds.append(log_w)
        self.process = subprocess.Popen(argv, pass_fds=fds, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        env=env, cwd=here)
        theirs.close()
        if counted:
            os.close(log_w)
        self.control = ours
        self.spare = {os.getpid(), self.process.pid}
        reply = self._reply(COUNTED_CALM_DEADLINE_S if counted else CALM_DEADLINE_S)
        self.compile_error = reply[1:].decode("utf-8", "replace") if reply[:1] == b"E" else None
        self.names = names_left() if counted else set()

    def _reply(self, timeout: float) -> bytes:
        self.control.settimeout(timeout)
        try:
            reply = self.control.recv(65536)
        except (TimeoutError, OSError):
            reply = b""
        if not reply:
            raise Failure("runtime_error", "the worker process stopped answering", -1, -1)
        return reply

    def call(self, payload: bytes, deadline_s: float, mode: bytes = b"F") -> Run:
        """One call in a new child (see worker.py for the modes). Every process the child left is killed before
        this returns."""
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        socket.send_fds(self.control, [mode], [to_child_r, from_child_w])
        os.close(to_child_r)
        os.close(from_child_w)
        start = time.perf_counter()
        pid = 0
        try:
            # the input, untimed (it waits in the pipe while the zygote forks): the child runs only the zygote's
            # code until it says it is ready
            tag, body = wire.send_then_receive(to_child_w, from_child_r, wire.frame(b"I", payload),
                                               start + INPUT_DEADLINE_S)
            pid = int(self._reply(10.0)[1:])
            if tag != b"R":
                raise wire.Closed
            start = time.perf_counter()
            wire.send(to_child_w, b"G")
            tag, body = wire.receive(from_child_r, start + deadline_s)
            elapsed = time.perf_counter() - start
        except wire.Timeout:
            elapsed, tag, body = time.perf_counter() - start, b"T", b""
        except wire.Closed:
            elapsed, tag, body = time.perf_counter() - start, b"C", b""
        finally:
            os.close(to_child_w)
            os.close(from_child_r)
        if not pid:  # the child died before it was ready: the zygote still names it
            pid = int(self._reply(10.0)[1:])
        if self.log is None:
            self._end(pid, wait_s=EXIT_GRACE_S if tag == b"O" else 0.0)
            return Run(elapsed, tag, self._status_text(pid).encode() if tag == b"C" else body)
        return self._counted_end(pid, elapsed, tag, body)

    def _counted_end(self, pid: int, elapsed: float, tag: bytes, body: bytes) -> Run:
        """The run's count: the grandchild's summary minus the child's. Only a run whose processes all ended by
        themselves has one (a process killed here writes no summary, so its work would go uncounted)."""
        assert self.log is not None
        stray = self._end(pid, wait_s=COUNTED_EXIT_S if tag == b"O" else 0.0)
        if tag == b"C":
            body = self._status_text(pid).encode()
        counts = self.log.take()
        if tag != b"O":
            return Run(elapsed, tag, body)
        if names_left() != self.names:
            return Run(elapsed, b"C", b"the solution left a file or folder behind (a counted run may create none)")
        if self._status(pid) != 0:  # the grandchild did not exit by itself (worker.py)
            return Run(elapsed, b"C", b"the solution's process was killed after its output (a counted run must exit "
                                      b"by itself)")
        base = counts.pop(pid, None)
        counts.pop(self.process.pid, None)
        if self.log.forged:
            return Run(elapsed, b"C", b"the instruction log holds a second count for one process")
        if stray or base is None or len(counts) != 1:
            return Run(elapsed, b"C", b"the solution's process did not end by itself after its output (a counted "
                                      b"run must: its instructions would go uncounted)")
        return Run(elapsed, tag, body, next(iter(counts.values())) - base)

    def _end(self, pid: int, wait_s: float) -> bool:
        """Kill every process of the call that is still alive (the child included, after `wait_s` for it to exit
        by itself: an honest child does right after its output) and reap the orphans. True when one was left."""
        if wait_s:
            try:
                handle = os.pidfd_open(pid)
            except OSError:
                handle = -1
            if handle >= 0:
                select.select([handle], [], [], wait_s)
                os.close(handle)
        stray = False
        for _ in range(1000):
            left = _descendants(os.getpid(), self.spare)
            if not left:
                break
            stray = True
            for other in left:
                try:
                    os.kill(other, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            _reap_orphans(self.spare)
            time.sleep(0.0005)
        _reap_orphans(self.spare)
        return stray

    def _status(self, pid: int) -> int:
        """The wait status of a child of the zygote (it reaps them)."""
        self.control.send(b"W" + str(pid).encode())
        return int(self._reply(10.0)[1:])

    def _status_text(self, pid: int) -> str:
        status = self._status(pid)
        if os.WIFSIGNALED(status):
            return f"the solution's process was killed by signal {os.WTERMSIG(status)}"
        return f"the solution's process exited with status {os.WEXITSTATUS(status)} before returning"

    def close(self) -> None:
        try:
            self.control.send(b"Q")
        except OSError:
            pass
        self.process.kill()
        self.process.wait()
        if self.log is not None:
            os.close(self.log.fd)


def _checker(problem: dict) -> object:
    namespace: dict[str, object] = {"__name__": "__checker__"}
    prelude = "" if problem.get("language") == "cpp" else problem["prompt"].rstrip("\n") + "\n    pass\n\n"
    exec(prelude + problem["checker"], namespace)  # noqa: S102
    return namespace["__check"]


_UNREAD = object()


def _outcome_of(tag: bytes, body: bytes, check: object, args: tuple, answer: object,
                output: object = _UNREAD, codec: Codec | None = None) -> tuple[str, str]:
    if tag == b"T":
        return "timeout", "over the time limit"
    if tag == b"C":
        return "runtime_error", body.decode("utf-8", "replace")
    if tag == b"X":
        lines = body.decode("utf-8", "replace").strip().splitlines()
        return "runtime_error", lines[-1] if lines else "the solution raised an exception"
    if tag == b"N":
        return "wrong_answer", ("the output is not plain data (None, bool, int, float, str, bytes, list, tuple, "
                                f"dict, set): {body.decode('utf-8', 'replace')[:300]}")
    if tag != b"O":
        return "runtime_error", "the solution's process sent something other than its output"
    if output is _UNREAD:
        try:
            output = (codec or Codec(False)).output(wire.loads_plain(body))
        except wire.NotPlain as exc:
            return "wrong_answer", str(exc)
    try:
        accepted = bool(check(args, answer, output))  # type: ignore[operator]
    except Exception as exc:  # noqa: BLE001 - a checker that chokes on the output rejects it
        accepted = False
        return "wrong_answer", f"the checker rejected the output ({type(exc).__name__})"
    return ("ok", "") if accepted else ("wrong_answer", "wrong output")


def _check_level(zygote: Zygote, level_index: int, cases: list, check: object, limit_s: float,
                 report: dict) -> None:
    deadline = len(cases) * (limit_s + CHECK_GRACE_S)
    _elapsed, tag, body, _instructions = zygote.call(zygote.codec.batch(cases), deadline, b"FB")
    outputs: list[object] | None = None
    if tag == b"O":
        try:
            read = wire.loads_plain(body)
        except wire.NotPlain as exc:
            raise Failure("wrong_answer", f"level {level_index}: {exc}", level_index, 0) from None
        outputs = read if isinstance(read, list) else None
        if outputs is not None and len(outputs) == len(cases):
            try:
                outputs = [zygote.codec.output(item) for item in outputs]
            except wire.NotPlain as exc:
                raise Failure("wrong_answer", f"level {level_index}: {exc}", level_index, 0) from None
        if outputs is None or len(outputs) != len(cases):
            raise Failure("wrong_answer", f"level {level_index}: the outputs do not match the cases", level_index, 0)
    for case_index, (args, answer) in enumerate(cases):
        if outputs is None:
            verdict, message = _outcome_of(tag, body, check, args, answer, codec=zygote.codec)
            raise Failure(verdict, f"level {level_index}: {message}", level_index, 0)
        verdict, message = _outcome_of(b"O", b"", check, args, answer, outputs[case_index])
        if verdict != "ok":
            raise Failure(verdict, f"level {level_index} case {case_index}: {message}", level_index, case_index)
    report["levels"].append({"times": [[] for _ in cases]})
    report["echo_s"].append([0.0 for _ in cases])


class Limits(NamedTuple):
    seconds: float  # a run's net wall time above this is over the limit (a counted run's gross wall time)
    instructions: float | None = None  # counted runs: a net count above this is over the limit


def _echo(zygote: Zygote, args: tuple, answer: object, runs: int) -> float:
    """The exchange's own cost for this case: the fastest of `runs` echo runs (seconds, or instructions)."""
    payload = zygote.codec.echo(args, answer)
    values = []
    for _ in range(runs):
        run = zygote.call(payload, COUNTED_CALM_DEADLINE_S if zygote.log else CALM_DEADLINE_S, b"FE")
        if zygote.log is not None and run.instructions is None:
            raise Failure("infra_error", f"the echo run got no instruction count ({run.body[:200]!r})", -1, -1)
        values.append(float(run.instructions) if zygote.log is not None else run.elapsed)  # type: ignore[arg-type]
    return min(values)


def _timed_run(zygote: Zygote, payload: bytes, echo: float, limits: Limits) -> tuple[Run, float, bool]:
    """One run (made again when over the limit, if timed by wall clock): the run, its net cost, and whether it
    was over the limit."""
    counted = zygote.log is not None
    for _again in range(1 if counted else CONFIRM_RUNS):
        run = zygote.call(payload, limits.seconds if counted else echo + limits.seconds)
        if counted:
            net = max(float(run.instructions) - echo, 1.0) if run.instructions is not None else 0.0
            limit = limits.instructions
            over = run.tag == b"T" or (run.instructions is not None and limit is not None and net > limit)
        else:
            net = max(run.elapsed - echo, FLOOR_S)
            over = run.tag == b"T" or (run.tag == b"O" and net > limits.seconds)
        if not over:
            break  # a run over the limit is run again: a machine's hiccup does not censor a level
    return run, net, over


def measure(zygote: Zygote, levels: list[dict], check: object, reps: int, echo_reps: int, limits: Limits,
            report: dict, known_echo: list[list[float]] | None = None) -> None:
    """As _measure; a counted job that makes its own echoes makes them after every timed run, so that the timed
    runs fork from the same zygote states as in a job given the echoes (a count depends on the zygote's heap)."""
    if zygote.log is None or known_echo is not None or not echo_reps:
        _measure(zygote, levels, check, reps, echo_reps, limits, report, known_echo)
        return
    _measure(zygote, levels, check, reps, 0, limits, report, [[0.0] * len(level["cases"]) for level in levels])
    for level, timed, echoes in zip(levels, report["levels"], report["echo_s"], strict=True):
        if float(level["hardness"]) <= 0:
            continue
        for case_index, (args, answer) in enumerate(level["cases"]):
            echoes[case_index] = _echo(zygote, args, answer, 1)
            timed["times"][case_index] = [max(raw - echoes[case_index], 1.0) for raw in timed["times"][case_index]]


def _measure(zygote: Zygote, levels: list[dict], check: object, reps: int, echo_reps: int, limits: Limits,
             report: dict, known_echo: list[list[float]] | None = None) -> None:
    """Fill report["levels"][l]["times"][case] (net seconds, or instructions, per run), ["wall_s"] (the runs'
    gross wall seconds) and report["echo_s"][l][case]; raise Failure at the first run that is not ok (what was
    measured until then stays in the report)."""
    report.update(levels=[], echo_s=[])
    counted = zygote.log is not None
    for level_index, level in enumerate(levels):
        if float(level["hardness"]) <= 0:  # checked, not timed: every case in one child
            _check_level(zygote, level_index, level["cases"], check, limits.seconds, report)
            continue
        times: list[list[float]] = []
        walls: list[list[float]] = []
        echoes: list[float] = []
        report["levels"].append({"times": times, "wall_s": walls})
        report["echo_s"].append(echoes)
        for case_index, (args, answer) in enumerate(level["cases"]):
            if known_echo is not None:
                echo = known_echo[level_index][case_index]
            elif echo_reps and (counted or case_index == 0):  # by wall, the exchange costs alike for a level's cases
                echo = _echo(zygote, args, answer, 1 if counted else echo_reps)
            else:
                echo = echoes[0] if echoes else 0.0
            echoes.append(echo)
            payload = zygote.codec.call(args)
            case_times: list[float] = []
            case_walls: list[float] = []
            times.append(case_times)
            walls.append(case_walls)
            for _ in range(1 if counted else reps):  # a count does not vary from run to run
                run, net, over = _timed_run(zygote, payload, echo, limits)
                verdict, message = _outcome_of(run.tag, run.body, check, args, answer, codec=zygote.codec)
                if verdict == "ok" and over:
                    verdict = "timeout"
                if verdict == "timeout":
                    message = "over the instruction limit" if counted and run.tag != b"T" else "over the time limit"
                if verdict != "ok":
                    raise Failure(verdict, f"level {level_index} case {case_index}: {message}", level_index,
                                  case_index)
                case_times.append(net)
                case_walls.append(run.elapsed)


def record(zygote: Zygote, levels: list[dict], limit_s: float) -> None:
    """The answers, in place: the solution's output for every case, run once (the reference's job, C++)."""
    for level_index, level in enumerate(levels):
        for case_index, (args, _) in enumerate(level["cases"]):
            run = zygote.call(zygote.codec.call(args), limit_s)
            where = f"level {level_index} case {case_index}"
            if run.tag != b"O":
                verdict, message = _outcome_of(run.tag, run.body, None, args, None)
                raise Failure(verdict, f"{where}: {message}", level_index, case_index)
            try:
                answer = zygote.codec.output(wire.loads_plain(run.body))
            except wire.NotPlain as exc:
                raise Failure("wrong_answer", f"{where}: {exc}", level_index, case_index) from None
            level["cases"][case_index] = (args, answer)


def main() -> None:
    key = _harden()
    tests_key = os.environ.pop("HPCEVAL_TESTS_KEY", "")
    gc.disable()  # no collection of this process's garbage inside a timed exchange
    parser = argparse.ArgumentParser()
    parser.add_argument("--problem", required=True)
    parser.add_argument("--tests", required=True)
    parser.add_argument("--solution", default="solution.py")
    parser.add_argument("--reps", type=int, default=6)
    parser.add_argument("--echo", type=int, default=3)
    parser.add_argument("--limit-s", type=float, default=60.0)
    parser.add_argument("--echo-from", help="a JSON file of echo times per level and case (no echo runs then)")
    parser.add_argument("--timer", choices=("wall", "instructions"), default="wall")
    parser.add_argument("--limit-count", type=float, help="--timer instructions: the most instructions of a run")
    parser.add_argument("--record", help="take the solution's outputs as the answers; write the tests here")
    args = parser.parse_args()
    with open(args.problem, encoding="utf-8") as handle:
        problem = json.load(handle)
    with open(args.tests, "rb") as handle:
        raw = handle.read()
    raw = base64.b64decode(raw) if args.tests.endswith(".b64") else raw
    tests = pickle.loads(unseal(tests_key, raw) if tests_key else raw)
    codec = Codec(problem.get("language") == "cpp")
    check = _checker(problem)
    known_echo = None
    if args.echo_from:
        with open(args.echo_from, encoding="utf-8") as handle:
            known_echo = json.load(handle)
    result: dict = {"verdict": "ok", "message": "", "timer": args.timer}
    counted = args.timer == "instructions"
    try:
        if counted and not process_limit_holds():
            raise Failure("infra_error", "--timer instructions needs a job uid that RLIMIT_NPROC binds (not root): "
                          "run the sandbox's jobs under their own uid", -1, -1)
        zygote = Zygote(os.path.abspath(args.solution), problem["entry_point"], counted, codec)
    except Failure as failure:
        result.update(verdict=failure.verdict, message=failure.message)
        zygote = None
    try:
        if zygote is None:
            pass
        elif zygote.compile_error:
            result.update(verdict="build_error", message=zygote.compile_error)
        else:
            try:
                if args.record:
                    started = time.perf_counter()
                    record(zygote, tests["levels"], args.limit_s)
                    data = pickle.dumps(tests, protocol=5)
                    with open(args.record, "wb") as handle:
                        handle.write(data)
                    result.update(tests_b64=base64.b64encode(data).decode(), generate_s=time.perf_counter() - started)
                else:
                    measure(zygote, tests["levels"], check, args.reps, args.echo,
                            Limits(args.limit_s, args.limit_count), result, known_echo)
            except Failure as failure:
                result.update(verdict=failure.verdict, message=failure.message, failed_level=failure.level,
                              failed_case=failure.case)
    finally:
        if zygote is not None:
            zygote.close()
    sys.stdout.write(f"HPCEVAL_RESULT {key} {json.dumps(result)}\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
