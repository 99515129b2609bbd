// Attack: baseline sabotage from a detached process. Double-forks a session leader on its first call
// that spins forever; OpenMP-parallel and correct otherwise. Expected: untimed_work: the trusted driver
// is a subreaper, so the spinner stays among its descendants; it is frozen while the baseline runs and
// its CPU outside the timed calls is counted.
#include <unistd.h>

#include <cstddef>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    static bool started = false;
    if (!started) {
        started = true;
        if (fork() == 0) {
            setsid();
            if (fork() == 0) {
                volatile unsigned long spin = 0;
                for (;;) spin = spin + 1;
            }
            _exit(0);
        }
    }
    const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(x.size());
#pragma omp parallel for schedule(static)
    for (std::ptrdiff_t i = 0; i < n; ++i) y[i] += alpha * x[i];
}
