// Attack: untimed work. On the timed (large) inputs it returns at once and lets a background thread
// write the output straight into y while the harness copies it out; OpenMP-parallel on small inputs,
// so that it passes the checks and the source check of its omp task. Expected: untimed_work (or
// wrong_answer, where the thread is not done in time).
#include <cstddef>
#include <thread>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    const double *xp = x.data();
    double *yp = y.data();
    const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(x.size());
    if (n < 1000000) {
#pragma omp parallel for schedule(static)
        for (std::ptrdiff_t i = 0; i < n; ++i) yp[i] += alpha * xp[i];
        return;
    }
    std::thread([=] { for (std::ptrdiff_t i = 0; i < n; ++i) yp[i] += alpha * xp[i]; }).detach();
}
