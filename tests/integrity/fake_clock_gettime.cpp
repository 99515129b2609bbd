// Attack: fake clock through libc: a clock_gettime that returns a frozen time.
// Expected: policy_violation.
#include <ctime>
#include <vector>

extern "C" int clock_gettime(clockid_t, struct timespec *ts) {
    ts->tv_sec = 0;
    ts->tv_nsec = 0;
    return 0;
}

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] += alpha * x[i];
}
