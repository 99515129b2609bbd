"""Process launcher of the local sandbox, run as `python -I -S sandbox/launch.py` with the spec (JSON) on stdin.

It runs in a fresh process (never a `preexec_fn` in the threaded harness) and, as far as the kernel
and our privileges allow:
  1. enters new network, PID and mount namespaces together (only loopback exists; when the
     namespace's first process exits the kernel kills every process left in it, detached children
     included). Without all three it enters none: a PID namespace without its own /proc would show
     the job other processes' /proc entries under its own pids;
  2. in the mount namespace, builds a root of its own and chroots into it: the toolchain (/usr, /etc,
     the /lib links, /opt/kokkos) and /sys read-only, the job's work dir read-write, a fresh /proc, a private /tmp
     and /dev/shm, a handful of /dev nodes. The repo, the packs, home directories and the rest of the
     host's files are not there;
  3. forks an init that reaps orphans, and a worker that pins itself to the given CPUs, sets rlimits,
     drops to an unprivileged uid/gid with no supplementary groups, and execs the command.
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
import stat
import struct
import sys
import warnings  # noqa: F401 - os.execvpe imports it lazily, after we lose access to the stdlib path

CLONE_NEWNET = 0x40000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000  # System V IPC objects and POSIX message queues outlive processes: each job gets its own
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
TOOLCHAIN_DIRS = ("usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "etc")
TOOLCHAIN_EXTRAS = ("opt/kokkos",)  # toolchains outside /usr, read-only where the host has them (the kokkos model)
DEV_NODES = ("null", "zero", "full", "random", "urandom")
# a GPU host's NVIDIA device nodes (the cuda model), where the host has them: nvidiactl, nvidia-uvm, nvidia0, ...
GPU_NODE_PREFIX = "nvidia"
SIOCGIFFLAGS = 0x8913
SIOCSIFFLAGS = 0x8914
IFF_UP = 0x1
PR_SET_CHILD_SUBREAPER = 36
PR_SET_PDEATHSIG = 1

_libc = ctypes.CDLL(None, use_errno=True)


def _unshare(flags: int) -> bool:
    return _libc.unshare(ctypes.c_int(flags)) == 0


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    def c(text: str | None) -> bytes | None:
        return text.encode() if text is not None else None

    if _libc.mount(c(source), c(target), c(fstype), ctypes.c_ulong(flags), c(data)) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"mount {target}: {os.strerror(errno)}")


def _bind(source: str, target: str, read_only: bool) -> None:
    _mount(source, target, None, MS_BIND | MS_REC)
    if read_only:
        _mount(None, target, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID)


def _enter_jail(root: str, workdir: str, ro_binds: list[str]) -> None:
    """Build the job's root in the (private) mount namespace and chroot into it."""
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    _mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=755,size=64m")
    for name in TOOLCHAIN_DIRS:
        source = "/" + name
        target = os.path.join(root, name)
        if os.path.islink(source):
            os.symlink(os.readlink(source), target)
        elif os.path.isdir(source):
            os.mkdir(target)
            _bind(source, target, read_only=True)
    for name in TOOLCHAIN_EXTRAS:
        if os.path.isdir("/" + name):
            os.makedirs(os.path.join(root, name))
            _bind("/" + name, os.path.join(root, name), read_only=True)
    for name, fstype, flags in (("proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC),
                                ("tmp", "tmpfs", MS_NOSUID | MS_NODEV)):
        os.mkdir(os.path.join(root, name))
        _mount(fstype, os.path.join(root, name), fstype, flags, "mode=1777" if fstype == "tmpfs" else None)
    os.makedirs(root + workdir, exist_ok=True)  # after /tmp: the work dir usually lives below it
    _bind(workdir, root + workdir, read_only=False)
    for path in ro_binds:  # the job's sealed files: at the same path, read-only
        os.makedirs(root + path, exist_ok=True)
        _bind(path, root + path, read_only=True)
    os.mkdir(os.path.join(root, "sys"))
    _bind("/sys", os.path.join(root, "sys"), read_only=True)  # hwloc (OpenMPI) reads the CPU topology here
    os.makedirs(os.path.join(root, "dev", "shm"))
    _mount("tmpfs", os.path.join(root, "dev", "shm"), "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777")
    gpu_nodes = sorted(n for n in os.listdir("/dev") if n.startswith(GPU_NODE_PREFIX)
                       and stat.S_ISCHR(os.stat("/dev/" + n).st_mode))
    for node in (*DEV_NODES, *gpu_nodes):
        target = os.path.join(root, "dev", node)
        open(target, "w").close()
        _bind("/dev/" + node, target, read_only=False)
    os.chroot(root)
    os.chdir("/")


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
        if spec.get("cpus"):
            os.sched_setaffinity(0, spec["cpus"])
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
    if spec.get("jail"):
        try:
            _enter_jail(spec["jail_root"], spec["cwd"], spec.get("ro_binds", []))
        except OSError as exc:  # the namespaces exist but the root cannot be built: do not run unconfined
            os.write(2, f"sandbox: could not build the job's root: {exc}\n".encode())
            os._exit(125)
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
    spec = json.loads(sys.stdin.buffer.read())  # on stdin, not argv: command lines are readable by all
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    isolation = {"netns": False, "pidns": False, "mountns": False, "ipcns": False, "private_root": False,
                 "uid_drop": False}
    if os.geteuid() == 0:
        flags = (CLONE_NEWNET if spec.get("want_netns", True) else 0) | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC
        if spec.get("jail_root") and _unshare(flags):
            isolation["netns"] = bool(flags & CLONE_NEWNET)
            isolation["pidns"] = isolation["mountns"] = isolation["ipcns"] = isolation["private_root"] = True
        isolation["uid_drop"] = spec.get("uid") is not None
    spec["netns"] = isolation["netns"]
    spec["jail"] = isolation["private_root"]
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
