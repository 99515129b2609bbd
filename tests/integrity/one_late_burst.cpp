// Not an attack: a stand-in for one stall of a loaded machine (an honest gemm/omp reference once used
// 2.67 ms of CPU after its call returned in CI, over the 2 ms + 3 % a call is allowed). On its second
// timed call only, a detached thread burns 4 ms of CPU after the call returned. OpenMP-parallel and
// correct. Expected: ok, since one call may use four allowances and the calls together stay within one
// each (tests/integrity/late_trickle.cpp does the same on every call).
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
    static int large_calls = 0;
    const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(x.size());
#pragma omp parallel for schedule(static)
    for (std::ptrdiff_t i = 0; i < n; ++i) y[i] += alpha * x[i];
    if (n >= 1000000 && ++large_calls == 2)
        std::thread([] {
            volatile unsigned long spin = 0;
            while (thread_cpu_s() < 0.004) spin = spin + 1;
        }).detach();
}
