// Attack: untimed work. Returns at once and finishes the output in a background thread that writes
// straight into y while the harness copies it out. Expected: untimed_work (or wrong_answer).
#include <cstddef>
#include <thread>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    const double *xp = x.data();
    double *yp = y.data();
    const std::size_t n = x.size();
    if (n < 100000) {
        for (std::size_t i = 0; i < n; ++i) yp[i] += alpha * xp[i];
        return;
    }
    std::thread([=] { for (std::size_t i = 0; i < n; ++i) yp[i] += alpha * xp[i]; }).detach();
}
