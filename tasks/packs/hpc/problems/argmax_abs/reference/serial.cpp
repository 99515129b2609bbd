// Serial reference of argmax_abs: blocks of 2048 elements; the maximum |x| of a block comes from
// four independent branch-free running maxima (no compare-and-branch chain), and only a block
// whose maximum beats the best so far is scanned again for the first element of that value, so
// ties keep the smallest index. Memory-bound.
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
    double best_abs = 0.0;
    std::size_t best = 0;
    argmax_range(x.data(), 0, x.size(), best_abs, best);
    return best;
}
