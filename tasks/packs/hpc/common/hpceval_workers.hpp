// hpceval_workers.hpp -- the trusted driver's hold on the worker: start it, talk to every rank,
// read its CPU clocks, freeze it. Part of the trusted side: never linked with candidate code.
//
// The trusted process is a child subreaper, so everything the worker starts, however detached
// (setsid, double fork), stays among its descendants: `freeze` stops all of them with SIGSTOP while
// the baseline runs and the trusted side works, `thaw` continues them. CPU time is read from the
// kernel (the process CPU clock of each rank, /proc/<pid>/task/<tid>/schedstat per thread), never
// from anything the worker says; a rank's pid comes from SO_PEERCRED, not from its HELLO.
#ifndef HPCEVAL_WORKERS_HPP
#define HPCEVAL_WORKERS_HPP

#include "hpceval_common.hpp"

#include <csignal>
#include <ctime>
#include <string>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>

namespace hpceval {

inline double now_s() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

inline bool read_file(const std::string &path, std::string &out) {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    char buf[4096];
    out.clear();
    for (;;) {
        const ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    close(fd);
    return true;
}

// State letter and parent pid from /proc/<pid>/stat (the command name may hold spaces and parens).
inline bool proc_stat(const std::string &dir, char &state, long &ppid) {
    std::string text;
    if (!read_file(dir + "/stat", text)) return false;
    const std::size_t close_paren = text.rfind(')');
    if (close_paren == std::string::npos || close_paren + 4 > text.size()) return false;
    state = text[close_paren + 2];
    ppid = std::strtol(text.c_str() + close_paren + 4, nullptr, 10);
    return true;
}

inline std::vector<long> list_numeric(const std::string &dir) {
    std::vector<long> out;
    DIR *d = opendir(dir.c_str());
    if (!d) return out;
    while (dirent *e = readdir(d)) {
        char *end = nullptr;
        const long v = std::strtol(e->d_name, &end, 10);
        if (end != e->d_name && *end == '\0') out.push_back(v);
    }
    closedir(d);
    return out;
}

// One thread's CPU time in seconds, -1 if gone: schedstat (nanoseconds on CPU, its first field), or where the
// kernel has none, utime + stime from stat (clock ticks). With `waited`, also the time it was runnable but
// waiting for a CPU (schedstat's second field; 0 without schedstat).
inline double thread_cpu_s(long pid, long tid, double *waited = nullptr) {
    const std::string dir = "/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid);
    std::string text;
    if (waited) *waited = 0.0;
    if (read_file(dir + "/schedstat", text)) {
        char *end = nullptr;
        const double on_cpu = 1e-9 * std::strtod(text.c_str(), &end);
        if (waited) *waited = 1e-9 * std::strtod(end, nullptr);
        return on_cpu;
    }
    if (!read_file(dir + "/stat", text)) return -1;
    const std::size_t close_paren = text.rfind(')');
    if (close_paren == std::string::npos) return -1;
    const char *at = text.c_str() + close_paren + 2;  // field 3 (state) onwards; utime, stime are fields 14, 15
    char *end = nullptr;
    for (int field = 3; field < 14 && *at; ++field) {
        at = std::strchr(at, ' ');
        if (!at) return -1;
        ++at;
    }
    const double utime = std::strtod(at, &end);
    const double stime = std::strtod(end, nullptr);
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct Rank {
    int sock = -1;
    long pid = 0;
    clockid_t clock{};
};

// CPU seconds of one rank: the whole process (exited threads included) and its main thread.
struct CpuSnap {
    double process = 0.0, main = 0.0;
};

class Workers {
public:
    std::vector<Rank> ranks;  // by rank
    pid_t child = -1;         // the process we started (the worker, or mpirun)
    int memfd = -1;
    std::string failure;      // why the worker could not be started or went away

    // Starts `argv` in a session of its own, stdout and stderr both on our stderr (so nothing the
    // worker prints reaches the stdout our verdict is read from), and waits for `nranks` ranks to
    // connect. Returns false (with `failure` set) when they do not.
    bool start(const std::vector<std::string> &argv, int nranks, double connect_timeout_s) {
        char dir_template[] = "hpceval-sock-XXXXXX";
        if (!mkdtemp(dir_template)) return fail("mkdtemp failed");
        const std::string dir = dir_template, path = dir + "/s";
        const int listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr;
        std::memset(&addr, 0, sizeof addr);
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
        if (listener < 0 || bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
            listen(listener, nranks + 4) != 0)
            return fail("cannot listen on a Unix socket in the work dir");
        memfd = static_cast<int>(syscall(SYS_memfd_create, "hpceval-io", 1u /* MFD_CLOEXEC */));
        if (memfd < 0) return fail("memfd_create failed");

        child = fork();
        if (child < 0) return fail("fork failed");
        if (child == 0) {
            setsid();
            const int devnull = open("/dev/null", O_RDONLY);
            if (devnull >= 0) dup2(devnull, 0);
            dup2(2, 1);
            setenv("HPCEVAL_SOCKET", path.c_str(), 1);
            std::vector<char *> args;
            for (const std::string &a : argv) args.push_back(const_cast<char *>(a.c_str()));
            args.push_back(nullptr);
            execvp(args[0], args.data());
            std::fprintf(stderr, "hpceval: cannot start %s: %s\n", args[0], std::strerror(errno));
            _exit(127);
        }
        ranks.assign(static_cast<std::size_t>(nranks), Rank());
        int connected = 0;
        const double deadline = now_s() + connect_timeout_s;
        while (connected < nranks) {
            if (exited()) break;
            if (now_s() > deadline) { failure = "the worker did not connect in time"; break; }
            pollfd p{listener, POLLIN, 0};
            if (poll(&p, 1, 50) <= 0) continue;
            const int sock = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (sock < 0) continue;
            ucred cred{};
            socklen_t len = sizeof cred;
            Msg hello;
            if (getsockopt(sock, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || !recv_msg(sock, hello) ||
                hello.op != OP_HELLO || hello.a >= static_cast<std::uint64_t>(nranks) ||
                hello.b != static_cast<std::uint64_t>(nranks) || ranks[hello.a].sock >= 0) {
                close(sock);
                failure = "a worker rank sent a bad hello";
                break;
            }
            Rank &r = ranks[hello.a];
            r.sock = sock;
            r.pid = cred.pid;
            if (clock_getcpuclockid(static_cast<pid_t>(r.pid), &r.clock) != 0) { failure = "no CPU clock"; break; }
            Msg memmsg;
            memmsg.op = OP_MEMFD;
            if (!send_msg(sock, memmsg, memfd)) { failure = "could not hand the worker its memory"; break; }
            ++connected;
        }
        close(listener);  // nobody else may connect
        unlink(path.c_str());
        rmdir(dir.c_str());
        return connected == nranks;
    }

    bool exited() {
        if (child <= 0) return true;
        int status = 0;
        if (waitpid(child, &status, WNOHANG) == child) {
            child = -1;
            failure = WIFSIGNALED(status) ? "the worker was killed by signal " + std::to_string(WTERMSIG(status))
                                          : "the worker exited with status " + std::to_string(WEXITSTATUS(status));
            return true;
        }
        return false;
    }

    // Sends `m` to every rank (or rank `only`) and waits for each to answer with `expect`.
    // `answers` receives the replies by rank.
    bool round_trip(Msg m, std::uint32_t expect, std::vector<Msg> *answers = nullptr, int only = -1) {
        for (std::size_t i = 0; i < ranks.size(); ++i)
            if (only < 0 || static_cast<int>(i) == only)
                if (!send_msg(ranks[i].sock, m)) return lost();
        if (answers) answers->assign(ranks.size(), Msg());
        for (std::size_t i = 0; i < ranks.size(); ++i) {
            if (only >= 0 && static_cast<int>(i) != only) continue;
            Msg reply;
            if (!recv_msg(ranks[i].sock, reply)) return lost();
            if (reply.op != expect) {
                failure = "worker rank " + std::to_string(i) + " broke the protocol (its code wrote to the "
                          "harness's socket?)";
                return false;
            }
            if (answers) (*answers)[i] = reply;
        }
        return true;
    }

    CpuSnap cpu(std::size_t rank) const {
        CpuSnap s;
        timespec ts;
        if (clock_gettime(ranks[rank].clock, &ts) == 0)
            s.process = static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
        s.main = thread_cpu_s(ranks[rank].pid, ranks[rank].pid);
        return s;
    }
    std::vector<CpuSnap> cpu_all() const {
        std::vector<CpuSnap> out;
        for (std::size_t i = 0; i < ranks.size(); ++i) out.push_back(cpu(i));
        return out;
    }

    // CPU seconds of every live descendant that is not a rank (mpirun, and whatever the candidate started).
    double others_cpu() const {
        double total = 0.0;
        for (long pid : descendants()) {
            bool is_rank = false;
            for (const Rank &r : ranks) is_rank = is_rank || r.pid == pid;
            clockid_t clock;
            timespec ts;
            if (!is_rank && clock_getcpuclockid(static_cast<pid_t>(pid), &clock) == 0 && clock_gettime(clock, &ts) == 0)
                total += static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
        }
        return total;
    }

    // Every live thread of a rank: its seconds on CPU, and its demand (on CPU plus runnable but waiting for one,
    // so that a thread that worked on a busy machine counts as working all the same).
    struct ThreadTimes {
        long tid = 0;
        double on_cpu = 0.0;
        double demand = 0.0;
    };
    std::vector<ThreadTimes> threads(std::size_t rank) const {
        std::vector<ThreadTimes> out;
        const long pid = ranks[rank].pid;
        for (long tid : list_numeric("/proc/" + std::to_string(pid) + "/task")) {
            double waited = 0.0;
            const double t = thread_cpu_s(pid, tid, &waited);
            if (t >= 0) out.push_back({tid, t, t + waited});
        }
        return out;
    }

    // Waits until no thread of any rank is running (state R) or `limit_s` passes; true if they settled.
    bool settle(double limit_s) const {
        const double deadline = now_s() + limit_s;
        for (;;) {
            bool running = false;
            for (const Rank &r : ranks) {
                const std::string task = "/proc/" + std::to_string(r.pid) + "/task/";
                for (long tid : list_numeric(task)) {
                    char state = '?';
                    long ppid = 0;
                    if (proc_stat(task + std::to_string(tid), state, ppid) && state == 'R') running = true;
                }
            }
            if (!running) return true;
            if (now_s() > deadline) return false;
            usleep(100);
        }
    }

    // Every process below us (the worker, mpirun, its ranks, and whatever they started).
    static std::vector<long> descendants() {
        const long self = getpid();
        std::vector<std::pair<long, long>> parent;  // (pid, ppid)
        for (long pid : list_numeric("/proc")) {
            char state = '?';
            long ppid = 0;
            if (pid != self && proc_stat("/proc/" + std::to_string(pid), state, ppid) && state != 'Z')
                parent.emplace_back(pid, ppid);
        }
        std::vector<long> out{self};
        for (bool grew = true; grew;) {
            grew = false;
            for (const auto &pp : parent) {
                bool have_parent = false, have_self = false;
                for (long o : out) {
                    have_parent = have_parent || o == pp.second;
                    have_self = have_self || o == pp.first;
                }
                if (have_parent && !have_self) {
                    out.push_back(pp.first);
                    grew = true;
                }
            }
        }
        out.erase(out.begin());
        return out;
    }

    // Stops every descendant and waits until the kernel reports each one stopped.
    bool freeze() {
        std::vector<long> stopped;
        for (int pass = 0; pass < 3; ++pass) {  // again, in case one forked while we signalled
            for (long pid : descendants()) {
                kill(static_cast<pid_t>(pid), SIGSTOP);
                stopped.push_back(pid);
            }
        }
        const double deadline = now_s() + 1.0;
        for (long pid : stopped) {
            for (;;) {
                char state = '?';
                long ppid = 0;
                if (!proc_stat("/proc/" + std::to_string(pid), state, ppid) || state == 'T' || state == 't' ||
                    state == 'Z' || state == 'X')
                    break;
                if (now_s() > deadline) return false;
                usleep(50);
            }
        }
        return true;
    }

    static void thaw() {
        for (long pid : descendants()) kill(static_cast<pid_t>(pid), SIGCONT);
    }

    // Ends the worker: QUIT to every rank, then a kill of whatever is left below us.
    void stop() {
        thaw();
        Msg quit;
        quit.op = OP_QUIT;
        for (Rank &r : ranks)
            if (r.sock >= 0) send_msg(r.sock, quit);
        const double deadline = now_s() + 5.0;
        while (child > 0 && !exited() && now_s() < deadline) usleep(1000);
        for (long pid : descendants()) kill(static_cast<pid_t>(pid), SIGKILL);
        while (waitpid(-1, nullptr, WNOHANG) > 0) {
        }
    }

private:
    bool fail(const char *why) {
        failure = why;
        return false;
    }
    bool lost() {
        usleep(20000);  // let the worker's exit status arrive
        if (!exited() && failure.empty()) failure = "a worker rank closed its connection";
        return false;
    }
};

}  // namespace hpceval

#endif  // HPCEVAL_WORKERS_HPP
