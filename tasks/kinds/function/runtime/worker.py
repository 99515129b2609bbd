"""The zygote: the one process of a `function` job that holds the candidate's compiled code, and never runs it.

    python3 -s -S -P worker.py CONTROL_FD SOLUTION ENTRY_POINT [--native] [--counted LOG_FD]

SOLUTION is a file, or `@FD`: the reference itself in a memfd (an answer's job times the reference beside the answer).
Such a zygote makes itself undumpable before it reads it: no process of the job's uid (the candidate's among them)
can then read its memory or open its descriptors, nor those of the children it forks.

It compiles SOLUTION, reports over the control socket (a SOCK_SEQPACKET pair: one packet a message), then forks one
child per call on the trusted side's command. A child runs the candidate's module and one call of ENTRY_POINT in a
fresh interpreter state (a copy of this pristine process), so nothing survives from one call to the next: not a
cache, not a patched module, not a thread. The child talks to the trusted side over two pipes whose ends came with
the command (SCM_RIGHTS): it reads its input and says it is ready before any candidate code runs; the trusted side's
clock then spans "go", the candidate's module, the call and the output's way back.

--native: SOLUTION is a C++ solution built as a shared object with hpceval_function.hpp's glue. The zygote only
checks it is there; a child loads it (dlopen: its static constructors run then) after "go", and calls the glue
through ctypes: its input and output are the glue's bytes (native.py), and the load is timed like a module's.

--counted: the zygote runs under valgrind (the instruction timer, see trusted.py), whose summary of each process
goes to LOG_FD; this process closes its own copy first, so no candidate code can write to the log (valgrind's
copy is out of the client's reach). After "go" a child forks once more: the grandchild runs the candidate in one
thread of one process (RLIMIT_NPROC 1: no process or thread it could start would be counted), the child waits for
it and exits. Both inherited the count the zygote had at the fork, so the grandchild's final count minus the
child's is the candidate's run (plus a constant the echo run cancels), whatever the zygote did before."""

from __future__ import annotations

import builtins
import ctypes
import gc
import importlib.util
import os
import pickle
import resource
import socket
import struct
import sys
import traceback
import types


def _load(name: str) -> types.ModuleType:
    """A sibling module, from the folder this runs in (the job dir, its cwd) by a relative name: an import through
    sys.path would store the folder's absolute path, whose length moves the heap (and a count with it)."""
    spec = importlib.util.spec_from_file_location(name, os.path.join(os.path.dirname(__file__), f"{name}.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


wire = _load("wire")

# Modules a solution commonly imports, loaded once here so that a child's `import` finds them.
# (A small zygote forks fast: each module here costs every run a little, so only the common ones.)
PR_SET_DUMPABLE = 4
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2

NULL_ENTRY = "_hpceval_null"
NULL_MODULE = compile(f"def {NULL_ENTRY}(answer):\n    return answer\n", "<hpceval-null>", "exec")
PRELOADED = ("bisect", "collections", "copy", "functools", "hashlib", "heapq", "itertools", "math", "operator",
             "random", "re", "string", "typing")


def _preload() -> None:
    for name in PRELOADED:
        try:
            __import__(name)
        except ImportError:
            pass


def _preload_native() -> None:
    """The C++ runtime, mapped once here (a system library, no candidate code), so a child's load maps only the
    solution."""
    for name in ("libstdc++.so.6", "libm.so.6", "libgcc_s.so.1"):
        try:
            ctypes.CDLL(name, mode=ctypes.RTLD_GLOBAL)
        except OSError:
            pass


def _native_calls(path: str) -> tuple[object, object]:
    """hpceval_call and hpceval_echo of the built solution (loading it runs its static constructors)."""
    library = ctypes.CDLL(path, mode=os.RTLD_NOW | os.RTLD_LOCAL)
    data, size, pointer, length = ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(
        ctypes.c_size_t)
    call, echo = library.hpceval_call, library.hpceval_echo
    call.argtypes = [data, size, pointer, length]
    echo.argtypes = [data, size, data, size, pointer, length]
    call.restype = echo.restype = ctypes.c_int

    def run(function: object, *parts: bytes) -> bytes:
        data, size = ctypes.c_void_p(), ctypes.c_size_t()
        arguments = [value for part in parts for value in (part, len(part))]
        status = function(*arguments, ctypes.byref(data), ctypes.byref(size))  # type: ignore[operator]
        result = ctypes.string_at(data, size.value) if data.value else b""
        if status:
            raise RuntimeError(result.decode("utf-8", "replace")[:2000] or "the solution failed")
        return result

    return (lambda data: run(call, data)), (lambda data, answer: run(echo, data, answer))


def _run_native(path: str, received: object, mode: bytes) -> object:
    """A native child's work after "go": the load, then the call(s) or the echo(es); the glue's output bytes."""
    call, echo = _native_calls(path)
    if mode == b"FE":
        return echo(*received)  # type: ignore[operator, misc]
    if mode == b"EB":
        return [echo(data, answer) for data, answer in received]  # type: ignore[attr-defined, operator]
    if mode == b"FB":
        return [call(data) for data in received]  # type: ignore[operator, attr-defined]
    return call(received[0])  # type: ignore[operator, index]


def _run_child(code: types.CodeType | str, entry: str, in_fd: int, out_fd: int, data_fd: int, mode: bytes,
               counted: bool) -> None:
    """One call (mode b"F"), the calls of a list of inputs (b"FB": an untimed level's checks, or a timed batch), or
    an echo of one input (b"FE") or of a batch (b"EB").
    `code` is the compiled module, or (native) the built solution's path. Runs in a fresh fork; ends with
    os._exit, whatever the candidate does."""
    try:
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # no file gets any content: no cache on disk
        # the trusted side's sealed memfd, read and closed; copied twice as a pipe's reader did, so the heap the
        # call starts with is the one the timings were checked against (the references scored 1.017, not 1.004,
        # against themselves when read once)
        payload = bytes(bytearray(_read_all(data_fd)))
        os.close(data_fd)
        received = pickle.loads(payload)  # no candidate code has run in this process yet
        gc.disable()  # as ENAMEL's evaluator times: no collector pauses inside a run (a run is one process)
        wire.send(out_fd, b"R")
        wire.receive(in_fd)  # "go": the trusted side's clock is running from here
        if counted:
            _split_for_count(in_fd, out_fd)
        if isinstance(code, str):
            output = _run_native(code, received, mode)
        elif mode in (b"FE", b"EB"):
            # the trusted side's calibration: the same path with no candidate code in it, a module executed in a
            # fresh namespace and its function called (each first touch of the interpreter's pages in this fork
            # costs the same), which hands the answer back: about 25 us a run that an echo of the bare answer
            # left in every run's time, the answer's and the reference's alike (eff@1 pulled towards 1)
            namespace = {"__name__": "__solution__", "__builtins__": builtins}
            exec(NULL_MODULE, namespace)  # noqa: S102 - hpceval's own one-line module
            null = namespace[NULL_ENTRY]
            output = (null(received[1]) if mode == b"FE"  # type: ignore[operator]
                      else [null(answer) for _args, answer in received])  # type: ignore[operator]
        else:
            namespace = {"__name__": "__solution__", "__builtins__": builtins}
            exec(code, namespace)  # noqa: S102 - the candidate's module, in this throw-away process
            function = namespace.get(entry)
            if not callable(function):
                raise NameError(f"the solution defines no function {entry}()")
            output = [function(*args) for args in received] if mode == b"FB" else function(*received)
        try:
            data = pickle.dumps(output, protocol=5)
        except Exception as exc:  # noqa: BLE001 - an object pickle cannot write is no plain data either
            wire.send(out_fd, b"N", f"{type(exc).__name__}: {exc}"[:2000].encode("utf-8", "replace"))
        else:
            wire.send(out_fd, b"O", data)
    except BaseException:  # noqa: BLE001 - sys.exit, KeyboardInterrupt included: all are the candidate's failure
        try:
            wire.send(out_fd, b"X", traceback.format_exc(limit=8)[-4000:].encode("utf-8", "replace"))
        except BaseException:  # noqa: BLE001
            pass
    os._exit(0)


def _confine(filter_code: bytes) -> None:
    """Nothing this process, or any process it forks, does from here may outlive it or reach another process: the
    seccomp filter (confine.py), installed once here in the zygote and inherited by every child. Raises OSError
    where the kernel refuses it."""
    if not filter_code:
        return  # an architecture confine.py does not know
    code = bytearray(filter_code)
    instructions = (ctypes.c_char * len(code)).from_buffer(code)
    program = ctypes.create_string_buffer(struct.pack("@HP", len(code) // 8, ctypes.addressof(instructions)))
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
    if prctl(PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0 or prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER,
                                                               ctypes.addressof(program), 0, 0) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"seccomp filter refused: {os.strerror(error)}")


def _split_for_count(in_fd: int, out_fd: int) -> None:
    """The parent side waits for the grandchild and exits (the same instructions every time), with status 1 when
    the grandchild did not exit by itself (a killed process writes no count: its own summary could then be a
    forged one); the grandchild returns to run the call, unable to start a process or a thread."""
    pid = os.fork()
    if pid:
        os.close(in_fd)
        os.close(out_fd)
        status = os.waitpid(pid, 0)[1]
        os._exit(0 if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else 1)  # 1: it was killed
    resource.setrlimit(resource.RLIMIT_NPROC, (1, 1))


def _read_all(fd: int) -> bytes:
    chunks, offset = [], 0
    while chunk := os.pread(fd, 1 << 20, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _reap(statuses: dict[int, int]) -> None:
    """Collect the children that have ended (the trusted side asks for a status only when a child died
    without an answer)."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        statuses[pid] = status
        if len(statuses) > 64:
            statuses.pop(next(iter(statuses)))


def main() -> None:
    control = socket.socket(fileno=int(sys.argv[1]))
    source_path, entry = sys.argv[2], sys.argv[3]
    options = sys.argv[4:]
    native = "--native" in options
    counted = "--counted" in options
    if counted:
        # valgrind keeps its own copy of the log, which the client cannot reach
        os.close(int(options[options.index("--counted") + 1]))
    filter_code = control.recv(1 << 20)  # the first message: the seccomp filter (confine.py), from trusted.py
    held = int(source_path[1:]) if source_path.startswith("@") else None
    if held is not None:
        ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    _preload()
    code: types.CodeType | str
    try:
        if native:
            _preload_native()
            if held is not None:
                source_path = f"/proc/self/fd/{held}"  # a child's dlopen reads the memfd it inherited
            if not os.path.isfile(source_path):
                raise OSError(f"the build made no {source_path}")
            code = os.path.join(".", source_path)  # dlopen reads a name with a slash as a path
        elif held is not None:
            code = compile(_read_all(held).decode("utf-8"), "reference.py", "exec")
            os.close(held)
        else:
            with open(source_path, encoding="utf-8") as handle:
                code = compile(handle.read(), "solution.py", "exec")
    except (SyntaxError, ValueError, OSError) as exc:
        control.send(b"E" + f"{type(exc).__name__}: {exc}".encode()[:60000])
        return
    try:
        _confine(filter_code)
    except OSError as exc:
        control.send(b"K" + str(exc).encode()[:60000])
        return
    control.send(b"R")
    statuses: dict[int, int] = {}
    while True:
        message, fds, _flags, _addr = socket.recv_fds(control, 16, 3)
        _reap(statuses)
        if not message or message == b"Q":
            return
        if message[:1] == b"W":
            pid = int(message[1:])
            status = statuses.pop(pid) if pid in statuses else os.waitpid(pid, 0)[1]
            control.send(b"S" + str(status).encode())
            continue
        in_fd, out_fd, data_fd = fds
        pid = os.fork()
        if pid == 0:
            control.close()
            _run_child(code, entry, in_fd, out_fd, data_fd, message, counted)
        for fd in fds:
            os.close(fd)
        control.send(b"P" + str(pid).encode())


if __name__ == "__main__":
    main()
