// Attack: steady untimed work, each call under the limit one call may use. On every timed call (the
// large inputs) it leaves a detached thread that burns 4 ms of CPU after the call returned: work the
// clock never sees, twice the 2 ms a call is allowed, half of the 8 ms one stalled call may use.
// OpenMP-parallel and correct otherwise. Expected: untimed_work, from the total over the calls.
#include <time.h>

#include <cstddef>
#include <thread>
#include <vector>

static double thread_cpu_s() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(x.size());
#pragma omp parallel for schedule(static)
    for (std::ptrdiff_t i = 0; i < n; ++i) y[i] += alpha * x[i];
    if (n >= 1000000)
        std::thread([] {
            volatile unsigned long spin = 0;
            while (thread_cpu_s() < 0.004) spin = spin + 1;
        }).detach();
}
