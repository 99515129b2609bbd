// Attack: baseline sabotage. Starts a detached thread on its first call that spins forever, to slow
// down whatever is timed after the call (the baseline). Expected: untimed_work.
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
    for (std::size_t i = 0; i < x.size(); ++i) y[i] += alpha * x[i];
}
