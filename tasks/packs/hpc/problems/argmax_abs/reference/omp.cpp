// OpenMP reference of argmax_abs: one contiguous range per thread, searched with the serial
// reference's blocked kernel (branch-free block maxima, a block rescanned only when it improves
// the best); the per-thread (value, first index) pairs are combined in thread order, a later
// thread winning only with a strictly larger value, so ties keep the smallest index.
#include <omp.h>

#include <cmath>
#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t BLOCK = 2048;

// The largest |x[j]|, j in [0, len): four independent running maxima, branch-free (maxsd).
double block_max_abs(const double *__restrict x, std::size_t len) {
    double m0 = 0.0, m1 = 0.0, m2 = 0.0, m3 = 0.0;
    std::size_t j = 0;
    for (; j + 4 <= len; j += 4) {
        const double a0 = std::fabs(x[j]), a1 = std::fabs(x[j + 1]);
        const double a2 = std::fabs(x[j + 2]), a3 = std::fabs(x[j + 3]);
        m0 = a0 > m0 ? a0 : m0;
        m1 = a1 > m1 ? a1 : m1;
        m2 = a2 > m2 ? a2 : m2;
        m3 = a3 > m3 ? a3 : m3;
    }
    for (; j < len; ++j) {
        const double a = std::fabs(x[j]);
        m0 = a > m0 ? a : m0;
    }
    m0 = m1 > m0 ? m1 : m0;
    m2 = m3 > m2 ? m3 : m2;
    return m2 > m0 ? m2 : m0;
}

// The first index of the largest |x[i]| over [lo, hi) in `best`, that value in `best_abs`; an empty
// range gives best_abs = -1 (loses to everything). A block whose maximum beats the best so far
// is searched again for its first such element: rare on most data, as the best seldom improves.
void argmax_range(const double *x, std::size_t lo, std::size_t hi, double &best_abs, std::size_t &best) {
    best_abs = -1.0;
    best = lo;
    for (std::size_t b = lo; b < hi; b += BLOCK) {
        const std::size_t len = hi - b < BLOCK ? hi - b : BLOCK;
        const double m = block_max_abs(x + b, len);
        if (m > best_abs) {
            std::size_t j = 0;
            while (j + 1 < len && std::fabs(x[b + j]) != m) ++j;
            best_abs = m;
            best = b + j;
        }
    }
}

}  // namespace

size_t argmax_abs(const std::vector<double> &x) {
    const std::size_t n = x.size();
    const double *xp = x.data();
    const bool par = n > 50000;
    const int max_threads = par ? omp_get_max_threads() : 1;
    std::vector<double> vals(static_cast<std::size_t>(max_threads), -1.0);
    std::vector<std::size_t> idxs(static_cast<std::size_t>(max_threads), 0);
    int used = 1;
#pragma omp parallel if (par)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        if (t == 0) used = static_cast<int>(nt);
        argmax_range(xp, n * t / nt, n * (t + 1) / nt, vals[t], idxs[t]);
    }
    std::size_t best = idxs[0];
    double best_abs = vals[0];
    for (int t = 1; t < used; ++t)
        if (vals[t] > best_abs) {
            best_abs = vals[t];
            best = idxs[t];
        }
    return best;
}
