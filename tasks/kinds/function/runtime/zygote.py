"""The processes of a `function` job's measurement, as the trusted side (trusted.py) drives them: the zygote
(worker.py) that forks one child per run, the process tree of a run (killed whole before the next run starts), and,
under the instruction timer, valgrind's log of counts. Shipped into the sandbox; standard library only."""

from __future__ import annotations

import fcntl
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

import confine
import native
import wire

PR_SET_DUMPABLE = 4
INPUT_DEADLINE_S = 60.0  # for the child to read its input (untimed)
EXIT_GRACE_S = 0.05  # for a child to exit by itself after its output
COUNTED_EXIT_S = 30.0  # for a counted child to exit (valgrind writes its summary) after the output
CALM_DEADLINE_S = 60.0  # for the zygote to start, and an echo run to finish
COUNTED_CALM_DEADLINE_S = 600.0  # the same under valgrind
COUNT_LINE = re.compile(rb"^==(\d+)== I\s+refs:\s+([\d,]+)\s*$")
WRITABLE = (".", "/tmp", "/dev/shm", "/var/tmp")  # where a job's uid may create names


class Failure(Exception):
    def __init__(self, verdict: str, message: str, level: int, case: int) -> None:
        super().__init__(message)
        self.verdict, self.message, self.level, self.case = verdict, message, level, case


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

    def echo_batch(self, cases: list) -> bytes:
        """The echo of a batch (mode EB): every case's arguments and answer; the child sends the answers back."""
        if self.native:
            return pickle.dumps([(native.encode_arguments(args), native.encode(answer)) for args, answer in cases],
                                protocol=5)
        return pickle.dumps(list(cases), protocol=5)

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


class Input:
    """A run's input (its pickled arguments), written once into a memfd sealed against every change: each run's
    child reads it there (a memcpy, not a pipe's thousands of round trips for a batch of megabytes), and no child
    can alter what the next run will read. One Input serves every run of a case, the reference's included."""

    def __init__(self, payload: bytes) -> None:
        self.fd = os.memfd_create("input", os.MFD_ALLOW_SEALING | os.MFD_CLOEXEC)
        view = memoryview(payload)
        while view:
            view = view[os.write(self.fd, view):]
        fcntl.fcntl(self.fd, fcntl.F_ADD_SEALS,
                    fcntl.F_SEAL_WRITE | fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_GROW | fcntl.F_SEAL_SEAL)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __del__(self) -> None:
        self.close()


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
    """A worker.py process. `solution` is the answer's file in the job dir; or `reference` holds the reference
    itself (its source, or the built library), which reaches the zygote in a memfd and nowhere else: that zygote
    makes itself undumpable first, so no process of the job's uid can read its memory or descriptors (an answer's
    job times the reference beside the answer, and the candidate's processes must not find it). `spare` is the set
    of processes that outlive a run (this one adds itself): shared by the zygotes of one job."""

    def __init__(self, solution: str | None, entry: str, counted: bool = False, codec: Codec | None = None,
                 spare: set[int] | None = None, reference: bytes | None = None) -> None:
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
        fds = [theirs.fileno()]
        if reference is not None:
            held = os.memfd_create("reference")
            os.write(held, reference)
            fds.append(held)
            source = f"@{held}"
        else:
            assert solution is not None
            source = os.path.relpath(solution, here)
        argv = [sys.executable, "-s", "-S", "-P", "worker.py", str(theirs.fileno()), source, entry,
                *(["--native"] if self.codec.native else [])]
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
        if reference is not None:
            os.close(held)
        self.control = ours
        self.control.send(confine.assemble(under_valgrind=counted))  # worker.py: the first message
        self.spare = spare if spare is not None else set()
        self.spare.update({os.getpid(), self.process.pid})
        reply = self._reply(COUNTED_CALM_DEADLINE_S if counted else CALM_DEADLINE_S)
        if reply[:1] == b"K":
            self.close()
            raise Failure("infra_error", f"the worker could not confine itself ({reply[1:].decode('utf-8', 'replace')}"
                          "): this kernel refuses seccomp filters to the sandbox's processes", -1, -1)
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

    def call(self, payload: bytes | Input, deadline_s: float, mode: bytes = b"F") -> Run:
        """One call in a new child (see worker.py for the modes) on `payload` (an Input made once for many runs, or
        the bytes of one). Every process the child left is killed before this returns."""
        held = payload if isinstance(payload, Input) else Input(payload)
        try:
            return self._call(held, deadline_s, mode)
        finally:
            if held is not payload:
                held.close()

    def _call(self, held: Input, deadline_s: float, mode: bytes) -> Run:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        socket.send_fds(self.control, [mode], [to_child_r, from_child_w, held.fd])
        os.close(to_child_r)
        os.close(from_child_w)
        start = time.perf_counter()
        pid = 0
        try:
            # the input, untimed (the child reads it from the memfd, then closes it): the child runs only the
            # zygote's code until it says it is ready
            tag, body = wire.receive(from_child_r, start + INPUT_DEADLINE_S)
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
