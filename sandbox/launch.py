"""Process launcher of the local sandbox, run as `python -I -S sandbox/launch.py SPEC_JSON`.

It runs in a fresh process (never a `preexec_fn` in the threaded harness) and, as far as the kernel
and our privileges allow:
  1. enters new network and PID namespaces (only loopback exists; when the namespace's first
     process exits the kernel kills every process left in it, detached children included);
  2. forks an init that reaps orphans, and a worker that sets rlimits, drops to an unprivileged
     uid/gid with no supplementary groups, and execs the command with the given environment.
The launcher's exit status mirrors the command's: the code, or 128 + signal number.
It writes one JSON line to the spec's `info_fd` saying which isolation it got.
"""

from __future__ import annotations

import ctypes
import fcntl
import json
import os
import resource
import signal
import socket
import struct
import sys
import warnings  # noqa: F401 - os.execvpe imports it lazily, after we lose access to the stdlib path

CLONE_NEWNET = 0x40000000
CLONE_NEWPID = 0x20000000
SIOCGIFFLAGS = 0x8913
SIOCSIFFLAGS = 0x8914
IFF_UP = 0x1
PR_SET_CHILD_SUBREAPER = 36
PR_SET_PDEATHSIG = 1

_libc = ctypes.CDLL(None, use_errno=True)


def _unshare(flags: int) -> bool:
    return _libc.unshare(ctypes.c_int(flags)) == 0


def _loopback_up() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        request = struct.pack("16sH14x", b"lo", 0)
        flags = struct.unpack("16sH14x", fcntl.ioctl(sock, SIOCGIFFLAGS, request))[1]
        fcntl.ioctl(sock, SIOCSIFFLAGS, struct.pack("16sH14x", b"lo", flags | IFF_UP))


def _set_limits(limits: dict[str, int]) -> None:
    table = {
        "cpu_s": resource.RLIMIT_CPU,
        "data_bytes": resource.RLIMIT_DATA,
        "nproc": resource.RLIMIT_NPROC,
        "fsize_bytes": resource.RLIMIT_FSIZE,
        "core_bytes": resource.RLIMIT_CORE,
    }
    for key, value in limits.items():
        which = table[key]
        if key == "cpu_s":  # soft limit sends SIGXCPU, hard limit SIGKILL a second later
            resource.setrlimit(which, (value, value + 1))
        else:
            resource.setrlimit(which, (value, value))


def _exit_status(status: int) -> int:
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def _worker(spec: dict) -> None:
    """In the final child: limits, privileges, exec. Never returns."""
    try:
        os.chdir(spec["cwd"])
        _set_limits(spec["limits"])
        uid, gid = spec.get("uid"), spec.get("gid")
        if uid is not None and gid is not None and os.geteuid() == 0:
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        os.execvpe(spec["argv"][0], spec["argv"], spec["env"])
    except FileNotFoundError:
        os.write(2, f"sandbox: command not found: {spec['argv'][0]}\n".encode())
        os._exit(127)
    except Exception as exc:  # noqa: BLE001 - report any setup failure on stderr of the job
        os.write(2, f"sandbox: could not start {spec['argv'][0]}: {exc}\n".encode())
        os._exit(126)


def _init(spec: dict, in_pid_ns: bool) -> None:
    """PID 1 of the namespace (or a subreaper without one): start the worker, reap everything."""
    if spec.get("netns"):
        try:
            _loopback_up()
        except OSError:
            pass
    if not in_pid_ns:
        _libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    worker = os.fork()
    if worker == 0:
        _worker(spec)
    worker_status = 0
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        if pid == worker:
            worker_status = status
            break
    os._exit(_exit_status(worker_status))  # as PID 1, our exit kills the rest of the namespace


def main() -> None:
    parent = os.getppid()
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # the harness died: take the job with us
    if os.getppid() != parent:
        os._exit(137)
    spec = json.loads(sys.argv[1])
    isolation = {"netns": False, "pidns": False, "uid_drop": False}
    if os.geteuid() == 0:
        flags = (CLONE_NEWNET if spec.get("want_netns", True) else 0) | CLONE_NEWPID
        if _unshare(flags):
            isolation["netns"] = bool(flags & CLONE_NEWNET)
            isolation["pidns"] = True
        isolation["uid_drop"] = spec.get("uid") is not None
    spec["netns"] = isolation["netns"]
    try:
        os.write(spec["info_fd"], (json.dumps(isolation) + "\n").encode())
        os.close(spec["info_fd"])
    except OSError:
        pass
    child = os.fork()
    if child == 0:
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        _init(spec, isolation["pidns"])
    _, status = os.waitpid(child, 0)
    sys.exit(_exit_status(status))


if __name__ == "__main__":
    main()
