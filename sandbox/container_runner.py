"""The job runner inside every Docker sandbox container, started as `python3 -I -S -c SOURCE`.

Standard library only: the harness sends this file's source as the container's command, so an image needs
nothing of hpceval but python3, and a runner never lags behind the harness that drives it.

It runs as root (all capabilities dropped but SETUID and SETGID) and reads one JSON request per line on
stdin, answering one JSON line on stdout. Everything a job does runs as the unprivileged `uid`, in a fresh
process group, with rlimits: the job cannot signal the runner, read its memory, or write outside /work,
/tmp and /dev/shm. Requests:
  {"op": "ping"}                                   -> facts about the container (for the fingerprint)
  {"op": "prepare", "job": ID, "files": {...}}     -> writes the files to /work/ID (as `uid`)
  {"op": "step", "job": ID, "argv", "env", "wall_s", "cpu_s", "rlimits", "output_bytes", "seal"}
                                                   -> exit status, signal, times, capped output, facts;
                                                      after a clean exit the files named in `seal` are moved
                                                      into /work/.sealed/ID (root's: the job cannot change
                                                      them), which argv items `@sealed/NAME` name
                                                      a step with "keep" (a cacheable build) also returns
                                                      those files, before sealing: {"kept": {NAME: {"data":
                                                      base64, "mode": bits}}}
  {"op": "put", "job": ID, "files": {NAME: {"data", "mode"}}, "seal": [...]}
                                                   -> writes those files into the job's dir (as `uid`), then
                                                      seals the named ones: a cached build in place of its step
  {"op": "finish", "job": ID}                      -> removes every file and process `uid` left behind
When stdin closes (the harness exited or died) the runner exits, and the container is removed with it.
"""

import base64
import hashlib
import json
import os
import resource
import select
import shutil
import signal
import stat
import sys
import time

UID = int(os.environ.get("HPCEVAL_UID", "1000"))  # one uid per pool slot: RLIMIT_NPROC is per uid, host-wide
WORK = "/work"
SAFE_PATH = "/usr/local/cuda/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
SCRATCH_DIRS = ("/work", "/tmp", "/dev/shm")
SEALED_ROOT = "/work/.sealed"  # root's, in the sticky /work: the job's uid can neither write nor rename it
SEALED_PREFIX = "@sealed/"
SEALED_DIGESTS: dict[str, dict[str, str]] = {}  # job -> {name: sha256}: checked again before every later step
RLIMITS = {
    "cpu_s": resource.RLIMIT_CPU,
    "data_bytes": resource.RLIMIT_DATA,
    "nproc": resource.RLIMIT_NPROC,
    "fsize_bytes": resource.RLIMIT_FSIZE,
    "core_bytes": resource.RLIMIT_CORE,
}


def as_job_user(action, *args, meanwhile=None):
    """Run `action(*args)` in a child that has dropped to the job's uid, and `meanwhile()` here while it runs;
    return the child's exit status."""
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            os.setgroups([])
            os.setgid(UID)
            os.setuid(UID)
            action(*args)
        except BaseException as exc:  # noqa: BLE001 - report, never return into the runner's loop
            os.write(2, f"runner: {exc}\n".encode())
            code = 1
        os._exit(code)
    if meanwhile is not None:
        meanwhile()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def job_dir(job):
    name = str(job)
    if not name.isalnum():
        raise ValueError(f"bad job id {name!r}")
    return os.path.join(WORK, name)


def write_files(root, files):
    os.mkdir(root, 0o700)
    os.mkdir(os.path.join(root, "tmp"), 0o700)
    for rel, content in files.items():
        path = os.path.normpath(os.path.join(root, rel))
        if not path.startswith(root + os.sep):
            raise ValueError(f"job file {rel!r} escapes the work dir")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(content)


def kill_all_job_processes():
    """`kill -KILL -1` as the job's uid: every process of that uid in the container, however detached."""
    try:
        os.kill(-1, signal.SIGKILL)
    except ProcessLookupError:
        pass


def live_job_pids():
    pids = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            if os.stat(f"/proc/{name}").st_uid != UID:
                continue
            with open(f"/proc/{name}/stat", "rb") as handle:
                state = handle.read().rsplit(b")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in (b"Z", b"X"):
            pids.append(int(name))
    return pids


def clear_processes(timeout_s=5.0):
    """Kill every process of the job's uid until none is alive; return how many were found."""
    found = len(live_job_pids())
    deadline = time.monotonic() + timeout_s
    while live_job_pids() and time.monotonic() < deadline:
        as_job_user(kill_all_job_processes)
        time.sleep(0.002)
    return found


def remove_owned(top):
    """Delete everything under `top` that the job's uid may delete (run as that uid)."""
    for dirpath, dirnames, filenames in os.walk(top, topdown=False):
        for name in filenames:
            try:
                os.unlink(os.path.join(dirpath, name))
            except OSError:
                pass
        for name in dirnames:
            path = os.path.join(dirpath, name)
            try:
                if os.path.islink(path):
                    os.unlink(path)
                else:
                    os.rmdir(path)
            except OSError:
                pass


def count_owned_outside(tops, skip):
    """Entries owned by the job's uid under `tops`, not counting the tree `skip` (the job's own dir)."""
    count = 0
    for top in tops:
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = [d for d in dirnames if os.path.join(dirpath, d) != skip]
            for name in dirnames + filenames:
                try:
                    if os.lstat(os.path.join(dirpath, name)).st_uid == UID:
                        count += 1
                except OSError:
                    pass
    return count


def ipc_objects():
    """System V shared memory segments, semaphore sets and message queues alive in the container: they outlive the
    processes that made them, so a job could leave one for the next job of the warm container to read."""
    count = 0
    for kind in ("shm", "sem", "msg"):
        try:
            with open(f"/proc/sysvipc/{kind}") as handle:
                count += max(len(handle.read().splitlines()) - 1, 0)  # a header line, then one line an object
        except OSError:
            pass
    return count


def oom_kills():
    """The container's OOM-kill count (cgroup v2 or v1), None where the cgroup files are not visible."""
    for path, key in (("/sys/fs/cgroup/memory.events", "oom_kill"), ("/sys/fs/cgroup/memory/memory.oom_control",
                                                                      "oom_kill")):
        try:
            with open(path) as handle:
                for line in handle:
                    name, _, value = line.partition(" ")
                    if name == key:
                        return int(value)
        except OSError:
            continue
    return None


def start_step(request, root, out_w, err_w):
    pid = os.fork()
    if pid != 0:
        return pid
    try:
        os.setsid()
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        try:
            with open("/proc/self/oom_score_adj", "w") as handle:
                handle.write("1000")  # under memory pressure the kernel kills the job, never the runner
        except OSError:
            pass
        for key, value in request.get("rlimits", {}).items():
            soft_hard = (value, value + 1) if key == "cpu_s" else (value, value)
            resource.setrlimit(RLIMITS[key], soft_hard)
        os.setgroups([])
        os.setgid(UID)
        os.setuid(UID)
        os.chdir(root)
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        env = {"PATH": SAFE_PATH, "HOME": root, "TMPDIR": os.path.join(root, "tmp"), "LANG": "C.UTF-8",
               **request.get("env", {})}
        os.execvpe(request["argv"][0], request["argv"], env)
    except FileNotFoundError:
        os.write(2, f"sandbox: command not found: {request['argv'][0]}\n".encode())
        os._exit(127)
    except BaseException as exc:  # noqa: BLE001
        os.write(2, f"sandbox: could not start {request['argv'][0]}: {exc}\n".encode())
        os._exit(126)


def sealed_dir(job):
    return os.path.join(SEALED_ROOT, os.path.basename(job_dir(job)))


def resolve_sealed(argv, job):
    return [os.path.join(sealed_dir(job), item[len(SEALED_PREFIX):]) if item.startswith(SEALED_PREFIX) else item
            for item in argv]


def seal(job, names):
    """Copy each named regular file of the job's dir into a new root-owned read-only file, delete the original;
    a problem, or None. Runs after the step's processes are all dead, so nothing of the job races it."""
    root = job_dir(job)
    target_dir = sealed_dir(job)
    os.makedirs(SEALED_ROOT, mode=0o755, exist_ok=True)
    os.makedirs(target_dir, mode=0o755, exist_ok=True)
    for name in names:
        if "/" in name or name in ("", ".", ".."):
            return f"cannot seal {name!r}: not a plain file name"
        data = read_and_remove_as_job_user(os.path.join(root, name))
        if data is None:
            return f"cannot seal {name}: not a regular file the job's uid can read and remove"
        target = os.path.join(target_dir, name)
        with open(target, "wb") as handle:
            handle.write(data)
        os.chmod(target, 0o555)
        SEALED_DIGESTS.setdefault(job, {})[name] = hashlib.sha256(data).hexdigest()
    return None


def read_and_remove_as_job_user(path):
    """The bytes of a regular file of the job's dir, which is then deleted (the runner has no CAP_DAC_OVERRIDE:
    the 0700 job dir is open to its uid only); None when it is not there or not a regular file."""
    found = read_as_job_user(path, remove=True)
    return None if found is None else found[0]


def read_as_job_user(path, remove=False):
    """(bytes, permission bits) of a regular file of the job's dir, read as the job's uid (and then deleted where
    `remove`); None when it is not there or not a regular file."""
    read_fd, write_fd = os.pipe()
    chunks = []

    def send():
        os.close(read_fd)
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path}: not a regular file")
        with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NOFOLLOW)) as handle:
            data = handle.read()
        if remove:
            os.unlink(path)
        with os.fdopen(write_fd, "wb") as out:
            out.write(stat.S_IMODE(info.st_mode).to_bytes(4, "little") + data)

    def receive():
        os.close(write_fd)
        with os.fdopen(read_fd, "rb") as incoming:
            chunks.extend(iter(lambda: incoming.read(1 << 20), b""))

    status = as_job_user(send, meanwhile=receive)
    raw = b"".join(chunks)
    if status != 0 or len(raw) < 4:
        return None
    return raw[4:], int.from_bytes(raw[:4], "little")


def sealed_changed(job):
    for name, digest in SEALED_DIGESTS.get(job, {}).items():
        try:
            with open(os.path.join(sealed_dir(job), name), "rb") as handle:
                if hashlib.sha256(handle.read()).hexdigest() != digest:
                    return name
        except OSError:
            return name
    return None


def pidfd(pid):
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def run_step(request):
    changed = sealed_changed(request["job"])
    if changed:
        return {"exit_code": 1, "signal": None, "wall_s": 0.0, "cpu_s": 0.0, "max_rss_kb": 0, "stdout": "",
                "stderr": f"sandbox: the job changed the sealed file {changed}\n", "timed_out": False,
                "output_exceeded": False, "oom_killed": False, "strays": 0}
    request = {**request, "argv": resolve_sealed(request["argv"], request["job"])}
    reply = run_step_once(request)
    succeeded = reply["exit_code"] == 0 and not reply["timed_out"] and not reply["output_exceeded"]
    if request.get("keep") and succeeded:
        reply["kept"] = kept_files(request["job"], request["keep"])
    if request.get("seal") and succeeded:
        reply["seal_error"] = seal(request["job"], request["seal"])
    return reply


def kept_files(job, names):
    """The files a cacheable build made, for the harness to keep (a name missing or odd is left out)."""
    kept = {}
    for name in names:
        if "/" in name or name in ("", ".", ".."):
            continue
        found = read_as_job_user(os.path.join(job_dir(job), name))
        if found is not None:
            kept[name] = {"data": base64.b64encode(found[0]).decode(), "mode": found[1]}
    return kept


def put(request):
    """A cached build's files in place of its step, then sealed as the step would have been."""
    root = job_dir(request["job"])
    files = {}
    for name, file in request["files"].items():
        if "/" in name or name in ("", ".", ".."):
            raise ValueError(f"cannot put {name!r}: not a plain file name")
        files[name] = (base64.b64decode(file["data"]), int(file["mode"]) & 0o777)

    def write():
        for name, (data, mode) in files.items():
            path = os.path.join(root, name)
            if os.path.lexists(path):
                os.unlink(path)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(path, mode)

    if as_job_user(write) != 0:
        raise OSError("could not write the cached build's files")
    return {"seal_error": seal(request["job"], request["seal"]) if request.get("seal") else None}


def run_step_once(request):
    root = job_dir(request["job"])
    cap = int(request["output_bytes"])
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    oom_before = oom_kills()
    started = time.monotonic()
    pid = start_step(request, root, out_w, err_w)
    os.close(out_w)
    os.close(err_w)
    deadline = started + float(request["wall_s"])
    chunks = {out_r: [], err_r: []}
    total = 0
    open_fds = [out_r, err_r]
    exit_fd = pidfd(pid)  # readable once the main process exits: no polling delay
    status = None
    rusage = None
    strays = 0
    timed_out = exceeded = killed = False
    while True:
        if status is None:
            reaped, raw, usage = os.wait4(pid, os.WNOHANG)
            if reaped == pid:
                status, rusage = raw, usage
        if status is not None and not killed:
            # the main process is gone: whatever it left running (detached children) dies now
            killed = True
            strays = clear_processes()
        if not open_fds and status is not None:
            break
        now = time.monotonic()
        if not killed and (now >= deadline or exceeded):
            timed_out = not exceeded
            killed = True
            clear_processes()
            continue
        watched = open_fds + ([exit_fd] if status is None and exit_fd is not None else []) + [0]
        poll_s = 0.005 if status is None and exit_fd is None else 1.0
        ready, _, _ = select.select(watched, [], [], 1.0 if killed else min(poll_s, max(0.0, deadline - now)))
        for fd in ready:
            if fd == 0:
                harness_gone()
                continue
            if fd == exit_fd:
                continue
            data = os.read(fd, 65536)
            if not data:
                open_fds.remove(fd)
                os.close(fd)
                continue
            room = cap - total
            total += len(data)
            if room > 0:
                chunks[fd].append(data[:room])
            if total > cap:
                exceeded = True
        if killed and status is None:
            reaped, raw, usage = os.wait4(pid, 0)
            status, rusage = raw, usage
    wall = time.monotonic() - started
    if exit_fd is not None:
        os.close(exit_fd)
    code = os.waitstatus_to_exitcode(status)
    oom_after = oom_kills()
    return {
        "exit_code": code if code >= 0 else 128 - code,
        "signal": -code if code < 0 else None,
        "wall_s": wall,
        "cpu_s": rusage.ru_utime + rusage.ru_stime,
        "max_rss_kb": rusage.ru_maxrss,
        "stdout": b"".join(chunks[out_r]).decode("utf-8", "replace"),
        "stderr": b"".join(chunks[err_r]).decode("utf-8", "replace"),
        "timed_out": timed_out,
        "output_exceeded": exceeded,
        "oom_killed": oom_before is not None and oom_after is not None and oom_after > oom_before,
        "strays": strays,
    }


def finish(request):
    strays = clear_processes()
    shutil.rmtree(sealed_dir(request["job"]), ignore_errors=True)
    SEALED_DIGESTS.pop(request["job"], None)
    tops = [d for d in SCRATCH_DIRS if os.path.isdir(d)]
    left = count_owned_outside(tops, skip=job_dir(request["job"]))
    for top in tops:
        as_job_user(remove_owned, top)
    return {"strays": strays, "files_outside_workdir": left, "ipc_objects": ipc_objects(),
            "clean": not live_job_pids()}


def ping(_request):
    paranoid = None
    try:
        with open("/proc/sys/kernel/perf_event_paranoid") as handle:
            paranoid = int(handle.read())
    except (OSError, ValueError):
        pass
    return {"uid": UID, "cpus": sorted(os.sched_getaffinity(0)), "perf_event_paranoid": paranoid,
            "oom_kills_visible": oom_kills() is not None, "python": sys.version.split()[0]}


def handle(request):
    op = request.get("op")
    if op == "prepare":
        status = as_job_user(write_files, job_dir(request["job"]), request["files"])
        if status != 0:
            raise OSError(f"could not write the job's files (status {status})")
        return {}
    if op == "step":
        return run_step(request)
    if op == "put":
        return put(request)
    if op == "finish":
        return finish(request)
    if op == "ping":
        return ping(request)
    raise ValueError(f"unknown op {op!r}")


class Requests:
    """Request lines from stdin (fd 0), read unbuffered so that a step can watch fd 0 for the harness going away."""

    def __init__(self):
        self.pending = b""

    def feed(self):
        data = os.read(0, 1 << 16)
        if not data:
            return False
        self.pending += data
        return True

    def next(self):
        while b"\n" not in self.pending:
            if not self.feed():
                return None
        line, _, self.pending = self.pending.partition(b"\n")
        return line


REQUESTS = Requests()


def harness_gone():
    """Called when fd 0 is readable during a step: EOF means the harness exited or died; take the job with us."""
    if REQUESTS.feed():
        return
    clear_processes()
    os._exit(0)


def main():
    os.umask(0o022)
    for top in (WORK, "/tmp"):
        if os.path.isdir(top):
            os.chmod(top, 0o1777)  # a tmpfs takes the mode of the image's dir; the job user must create here
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    out = sys.stdout
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    while True:
        line = REQUESTS.next()
        if line is None:
            return
        if not line.strip():
            continue
        try:
            reply = {"ok": True, **handle(json.loads(line))}
        except Exception as exc:  # noqa: BLE001 - the harness turns this into infra_error
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(reply) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
