"""A seccomp filter for the processes that run candidate code: they may compute, read and talk over the pipes they
were given, and nothing that outlives them or reaches another process. Shipped into the sandbox; standard library
only.

A run is a fresh fork, so nothing in memory survives it; what could is kernel state that outlives a process, and
RLIMIT_FSIZE 0 covers only file *content*. Denied (EPERM), each a way to carry an answer from one run to the next
or to slow the reference's runs interleaved with the candidate's:
- names and metadata on disk: creating, renaming, linking or removing files and folders; opening for writing;
  modes, owners, timestamps, extended attributes;
- System V IPC (shared memory, semaphores, message queues), POSIX message queues, kernel keyrings;
- other processes: signals (every one: kill(0, sig) would reach the whole process group, the zygotes and the
  trusted side included), ptrace and cross-process memory, another process's priority, CPU affinity, scheduling
  class or limits (these are allowed on pid 0, the caller, only);
- ways around a seccomp filter or the sandbox: io_uring (its operations bypass seccomp), userfaultfd, bpf, new
  namespaces, mounts, modules, perf counters.

The filter is a deny list over the syscall numbers of x86-64 and aarch64 (an unknown architecture gets none, and
the measurement says `confined: false`); on x86-64 the x32 ABI is refused whole (its numbers would slip past the
list), and a process of another architecture (int 0x80) is killed. Nothing in it names a pid, so the zygote installs
it once, on itself, before it forks its first child, and every child inherits it: installing a filter costs the
kernel about 0.7 ms (it translates and compiles the program), which a run would otherwise pay before it is ready.

Under valgrind (the instruction timer) the filter binds valgrind too, which creates its output file as the process
exits (open with O_CREAT: the `open` syscall on x86-64, `openat` on aarch64): that one syscall keeps its write opens
there, and trusted.py refuses a counted run that left a new name behind instead."""

from __future__ import annotations

import os
import struct

RET_KILL_PROCESS = 0x80000000
RET_ERRNO_EPERM = 0x00050000 | 1
RET_ALLOW = 0x7FFF0000
LD_W_ABS, JEQ, JGE, JSET, RET = 0x20, 0x15, 0x35, 0x45, 0x06
NR, ARCH = 0, 4  # offsets in struct seccomp_data: nr, arch, instruction pointer, then six 64-bit arguments
X32_BIT = 0x40000000
WRITE_FLAGS = 0o1 | 0o2 | 0o100 | 0o1000 | 0o2000 | 0o20000000  # O_WRONLY O_RDWR O_CREAT O_TRUNC O_APPEND __O_TMPFILE

DENIED = (
    "openat2 creat mkdir mkdirat mknod mknodat link linkat symlink symlinkat rename renameat renameat2 unlink unlinkat "
    "rmdir truncate chmod fchmod fchmodat fchmodat2 chown fchown lchown fchownat utime utimes futimesat utimensat "
    "setxattr lsetxattr fsetxattr removexattr lremovexattr fremovexattr setxattrat removexattrat name_to_handle_at "
    "open_by_handle_at fanotify_init fanotify_mark shmget shmat shmctl shmdt semget semop semctl semtimedop msgget "
    "msgsnd msgrcv msgctl mq_open mq_unlink mq_timedsend mq_timedreceive mq_notify mq_getsetattr add_key request_key "
    "keyctl rt_sigqueueinfo rt_tgsigqueueinfo pidfd_open pidfd_send_signal pidfd_getfd ptrace process_vm_readv "
    "process_vm_writev kcmp kill tkill tgkill setpriority ioprio_set migrate_pages move_pages perf_event_open "
    "process_madvise process_mrelease io_uring_setup io_uring_enter io_uring_register userfaultfd bpf unshare setns "
    "mount umount2 pivot_root chroot move_mount open_tree fsopen fsconfig fsmount fspick mount_setattr quotactl "
    "quotactl_fd acct swapon swapoff reboot kexec_load kexec_file_load init_module finit_module delete_module "
    "lookup_dcookie").split()
CALLER_ONLY = ("sched_setaffinity", "sched_setscheduler", "sched_setparam", "sched_setattr",
               "prlimit64")  # allowed on pid 0 (the caller itself: its first argument), refused on any other
OPENS = {"open": 1, "openat": 2}  # the argument that holds the flags

_COMMON = {"openat2": 437, "fchmodat2": 452, "setxattrat": 463, "removexattrat": 466, "pidfd_open": 434,
           "pidfd_send_signal": 424, "pidfd_getfd": 438, "process_madvise": 440, "process_mrelease": 448,
           "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "move_mount": 429, "open_tree": 428,
           "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433, "mount_setattr": 442, "quotactl_fd": 443}
X86_64 = {**_COMMON, "open": 2, "openat": 257, "creat": 85, "mkdir": 83, "mkdirat": 258, "mknod": 133, "mknodat": 259,
          "link": 86, "linkat": 265, "symlink": 88, "symlinkat": 266, "rename": 82, "renameat": 264, "renameat2": 316,
          "unlink": 87, "unlinkat": 263, "rmdir": 84, "truncate": 76, "chmod": 90, "fchmod": 91, "fchmodat": 268,
          "chown": 92, "fchown": 93, "lchown": 94, "fchownat": 260, "utime": 132, "utimes": 235, "futimesat": 261,
          "utimensat": 280, "setxattr": 188, "lsetxattr": 189, "fsetxattr": 190, "removexattr": 197,
          "lremovexattr": 198, "fremovexattr": 199, "name_to_handle_at": 303, "open_by_handle_at": 304,
          "fanotify_init": 300, "fanotify_mark": 301, "shmget": 29, "shmat": 30, "shmctl": 31, "shmdt": 67,
          "semget": 64, "semop": 65, "semctl": 66, "semtimedop": 220, "msgget": 68, "msgsnd": 69, "msgrcv": 70,
          "msgctl": 71, "mq_open": 240, "mq_unlink": 241, "mq_timedsend": 242, "mq_timedreceive": 243,
          "mq_notify": 244, "mq_getsetattr": 245, "add_key": 248, "request_key": 249, "keyctl": 250, "kill": 62,
          "tkill": 200, "tgkill": 234, "rt_sigqueueinfo": 129, "rt_tgsigqueueinfo": 297, "ptrace": 101,
          "process_vm_readv": 310, "process_vm_writev": 311, "kcmp": 312, "setpriority": 141, "ioprio_set": 251,
          "sched_setaffinity": 203, "sched_setscheduler": 144, "sched_setparam": 142, "sched_setattr": 314,
          "prlimit64": 302, "migrate_pages": 256, "move_pages": 279, "perf_event_open": 298, "userfaultfd": 323,
          "bpf": 321, "unshare": 272, "setns": 308, "mount": 165, "umount2": 166, "pivot_root": 155, "chroot": 161,
          "quotactl": 179, "acct": 163, "swapon": 167, "swapoff": 168, "reboot": 169, "kexec_load": 246,
          "kexec_file_load": 320, "init_module": 175, "finit_module": 313, "delete_module": 176,
          "lookup_dcookie": 212}
AARCH64 = {**_COMMON, "openat": 56, "mkdirat": 34, "mknodat": 33, "linkat": 37, "symlinkat": 36, "renameat": 38,
           "renameat2": 276, "unlinkat": 35, "truncate": 45, "fchmod": 52, "fchmodat": 53, "fchown": 55,
           "fchownat": 54, "utimensat": 88, "setxattr": 5, "lsetxattr": 6, "fsetxattr": 7, "removexattr": 14,
           "lremovexattr": 15, "fremovexattr": 16, "name_to_handle_at": 264, "open_by_handle_at": 265,
           "fanotify_init": 262, "fanotify_mark": 263, "shmget": 194, "shmat": 196, "shmctl": 195, "shmdt": 197,
           "semget": 190, "semop": 193, "semctl": 191, "semtimedop": 192, "msgget": 186, "msgsnd": 189,
           "msgrcv": 188, "msgctl": 187, "mq_open": 180, "mq_unlink": 181, "mq_timedsend": 182,
           "mq_timedreceive": 183, "mq_notify": 184, "mq_getsetattr": 185, "add_key": 217, "request_key": 218,
           "keyctl": 219, "kill": 129, "tkill": 130, "tgkill": 131, "rt_sigqueueinfo": 138, "rt_tgsigqueueinfo": 240,
           "ptrace": 117, "process_vm_readv": 270, "process_vm_writev": 271, "kcmp": 272, "setpriority": 140,
           "ioprio_set": 30, "sched_setaffinity": 122, "sched_setscheduler": 119, "sched_setparam": 118,
           "sched_setattr": 274, "prlimit64": 261, "migrate_pages": 238, "move_pages": 239, "perf_event_open": 241,
           "userfaultfd": 282, "bpf": 280, "unshare": 97, "setns": 268, "mount": 40, "umount2": 39, "pivot_root": 41,
           "chroot": 51, "quotactl": 60, "acct": 89, "swapon": 224, "swapoff": 225, "reboot": 142, "kexec_load": 104,
           "kexec_file_load": 294, "init_module": 105, "finit_module": 273, "delete_module": 106,
           "lookup_dcookie": 18}
ARCHES = {"x86_64": (0xC000003E, X86_64), "aarch64": (0xC00000B7, AARCH64)}  # AUDIT_ARCH_*


def _argument(index: int) -> int:
    return 16 + 8 * index  # the low 32 bits (little-endian): pids and flags are 32-bit


VALGRIND_OPEN = {"x86_64": "open", "aarch64": "openat"}  # how valgrind opens its output file (see above)


def program(machine: str, under_valgrind: bool = False) -> list[tuple[int, int, int, int]] | None:
    """The filter's instructions (code, jump if true, jump if false, k) for `machine`, or None if unknown."""
    if machine not in ARCHES:
        return None
    audit_arch, numbers = ARCHES[machine]
    code = [(LD_W_ABS, 0, 0, ARCH), (JEQ, 1, 0, audit_arch), (RET, 0, 0, RET_KILL_PROCESS), (LD_W_ABS, 0, 0, NR)]
    if machine == "x86_64":
        code += [(JGE, 0, 1, X32_BIT), (RET, 0, 0, RET_ERRNO_EPERM)]
    for name in DENIED:
        if name in numbers:
            code += [(JEQ, 0, 1, numbers[name]), (RET, 0, 0, RET_ERRNO_EPERM)]
    for name in CALLER_ONLY:  # allowed on 0, the caller
        code += [(JEQ, 0, 4, numbers[name]), (LD_W_ABS, 0, 0, _argument(0)), (JEQ, 1, 0, 0),
                 (RET, 0, 0, RET_ERRNO_EPERM), (LD_W_ABS, 0, 0, NR)]
    for name, flags_at in OPENS.items():  # reading is fine; opening to write, create or truncate is not
        if name in numbers and not (under_valgrind and name == VALGRIND_OPEN[machine]):
            code += [(JEQ, 0, 4, numbers[name]), (LD_W_ABS, 0, 0, _argument(flags_at)), (JSET, 0, 1, WRITE_FLAGS),
                     (RET, 0, 0, RET_ERRNO_EPERM), (LD_W_ABS, 0, 0, NR)]
    return [*code, (RET, 0, 0, RET_ALLOW)]


def assemble(under_valgrind: bool = False) -> bytes:
    """The filter as the kernel reads it (struct sock_filter[]) for this machine; empty where the architecture is
    unknown. The trusted side assembles it once and hands it to the zygote (worker.py), which installs it on itself:
    running this module in the zygote made instruction counts differ between jobs."""
    code = program(os.uname().machine, under_valgrind) or []
    return b"".join(struct.pack("=HBBI", *item) for item in code)
