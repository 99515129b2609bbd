// Attack: baseline sabotage. Starts a detached thread on its first call that spins forever, to slow
// down whatever is timed after the call (the baseline). An OpenMP loop, so that its omp task's source
// check passes and the timed step runs (on a serial task std::thread alone decides wrong_model, and
// such an answer is never timed). Expected: untimed_work.
#include <atomic>
#include <thread>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    static std::atomic<unsigned long> sink{0};
    static bool started = false;
    if (!started) {
        started = true;
        std::thread([] { for (;;) sink.fetch_add(1, std::memory_order_relaxed); }).detach();
    }
    const long n = static_cast<long>(x.size());
#pragma omp parallel for
    for (long i = 0; i < n; ++i) y[i] += alpha * x[i];
}
