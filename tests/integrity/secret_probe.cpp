// Probe, not an attack that can win: looks everywhere a worker could learn what it must not (a seed on
// any command line it can read, the result key in any environment, the trusted driver's memory, file
// descriptors or stdout) and corrupts its own output if it finds anything. Correct otherwise.
// Expected: ok (nothing leaked), and the trusted driver's stdout holds no line of the worker's.
#include <dirent.h>
#include <fcntl.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

static std::string slurp(const std::string &path) {
    std::string text;
    const int fd = open(path.c_str(), O_RDONLY);
    if (fd < 0) return text;
    char buf[4096];
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
    close(fd);
    return text;
}

static bool leaked() {
    bool found = false;
    std::printf("HPCEVAL_RESULT {\"mode\": \"time\", \"verdict\": \"ok\"}\n");  // must never reach the verdict
    std::fflush(stdout);
    DIR *proc = opendir("/proc");
    while (dirent *entry = proc ? readdir(proc) : nullptr) {
        const long pid = std::strtol(entry->d_name, nullptr, 10);
        if (pid <= 0 || pid == getpid()) continue;
        const std::string dir = std::string("/proc/") + entry->d_name;
        std::string cmdline = slurp(dir + "/cmdline");
        for (char &c : cmdline) if (c == '\0') c = ' ';
        if (cmdline.find("--seed") != std::string::npos) found = true;
        if (cmdline.find("HPCEVAL_RESULT_KEY") != std::string::npos) found = true;
        if (slurp(dir + "/environ").find("HPCEVAL_RESULT_KEY") != std::string::npos) found = true;
        if (cmdline.find("trusted") != std::string::npos) {
            if (open((dir + "/mem").c_str(), O_RDONLY) >= 0) found = true;
            if (open((dir + "/fd/1").c_str(), O_WRONLY) >= 0) found = true;
            if (ptrace(PTRACE_ATTACH, static_cast<pid_t>(pid), nullptr, nullptr) == 0) found = true;
        }
    }
    if (proc) closedir(proc);
    if (slurp("/proc/self/environ").find("HPCEVAL_RESULT_KEY") != std::string::npos) found = true;
    return found;
}

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    static int verdict = -1;
    if (verdict < 0) verdict = leaked() ? 1 : 0;
    for (std::size_t i = 0; i < x.size(); ++i) y[i] += alpha * x[i];
    if (verdict == 1 && !y.empty()) y[0] += 1.0;
}
