// Attack: wrong model in disguise. Has an OpenMP directive (an empty parallel region) so a source
// check passes, then does all the work on one thread. Expected: wrong_model (one busy thread).
#include <omp.h>

#include <cstddef>
#include <vector>

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    int threads = 0;
#pragma omp parallel
    {
#pragma omp atomic
        threads += omp_get_thread_num() >= 0 ? 1 : 0;
    }
    for (size_t i = 0; i < m; ++i) {
        double sum = 0.0;
        for (size_t j = 0; j < n; ++j) sum += A[i * n + j] * x[j];
        y[i] = sum;
    }
    if (threads < 0) y[0] = 0.0;
}
