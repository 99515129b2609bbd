// Attack: wrong model the other way round. A serial task solved with std::thread.
// Expected: wrong_model.
#include <cstddef>
#include <thread>
#include <vector>

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    auto rows = [&](size_t lo, size_t hi) {
        for (size_t i = lo; i < hi; ++i) {
            double sum = 0.0;
            for (size_t j = 0; j < n; ++j) sum += A[i * n + j] * x[j];
            y[i] = sum;
        }
    };
    std::thread helper(rows, m / 2, m);
    rows(0, m / 2);
    helper.join();
}
