// Attack: a cuda task answered with host code. It builds (nvcc compiles plain C++) and, on a host without a GPU,
// would be skipped_no_gpu, neither failed nor passed; on a GPU host the checks would pass it. The source check
// must fail it: a cuda answer defines and launches a kernel.
#include <cstddef>
#include <vector>

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    for (std::size_t i = 0; i < m; ++i) {
        double sum = 0.0;
        for (std::size_t j = 0; j < n; ++j) sum += A[i * n + j] * x[j];
        y[i] = sum;
    }
}
