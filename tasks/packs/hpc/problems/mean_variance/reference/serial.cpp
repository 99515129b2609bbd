// Serial reference of mean_variance: one pass over memory instead of the baseline's two. Blocks
// of 2048 elements get exact two-pass moments (the block's mean, then its squared deviations, each
// with four accumulators, the second pass from L1), and the blocks' (count, mean, M2) are merged
// in order with the update of Chan, Golub and LeVeque, which stays accurate however far the mean
// is from zero (unlike sum x^2 - n mean^2).
#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t BLOCK = 2048;  // 16 KiB: the second pass over a block reads it from L1

// Count, mean and sum of squared deviations from the mean (M2) of some elements.
struct Moments {
    double n, mean, m2;
};

// Folds b into a: the pairwise update of Chan, Golub and LeVeque.
void merge(Moments &a, const Moments &b) {
    if (b.n == 0.0) return;
    if (a.n == 0.0) {
        a = b;
        return;
    }
    const double n = a.n + b.n, d = b.mean - a.mean;
    a.mean += d * (b.n / n);
    a.m2 += b.m2 + d * d * (a.n * b.n / n);
    a.n = n;
}

// Exact two-pass moments of one block (len >= 1), four accumulators per pass.
Moments block_moments(const double *__restrict x, std::size_t len) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    std::size_t j = 0;
    for (; j + 4 <= len; j += 4) {
        s0 += x[j];
        s1 += x[j + 1];
        s2 += x[j + 2];
        s3 += x[j + 3];
    }
    for (; j < len; ++j) s0 += x[j];
    const double mean = ((s0 + s1) + (s2 + s3)) / static_cast<double>(len);
    double q0 = 0.0, q1 = 0.0, q2 = 0.0, q3 = 0.0;
    for (j = 0; j + 4 <= len; j += 4) {
        const double d0 = x[j] - mean, d1 = x[j + 1] - mean, d2 = x[j + 2] - mean, d3 = x[j + 3] - mean;
        q0 += d0 * d0;
        q1 += d1 * d1;
        q2 += d2 * d2;
        q3 += d3 * d3;
    }
    for (; j < len; ++j) {
        const double d = x[j] - mean;
        q0 += d * d;
    }
    return Moments{static_cast<double>(len), mean, (q0 + q1) + (q2 + q3)};
}

// Moments of x[lo, hi): block by block, merged in order (one pass over memory).
Moments range_moments(const double *x, std::size_t lo, std::size_t hi) {
    Moments acc{0.0, 0.0, 0.0};
    for (std::size_t b = lo; b < hi; b += BLOCK) merge(acc, block_moments(x + b, hi - b < BLOCK ? hi - b : BLOCK));
    return acc;
}

}  // namespace

void mean_variance(const std::vector<double> &x, double &mean, double &variance) {
    const Moments m = range_moments(x.data(), 0, x.size());
    mean = m.mean;
    variance = m.m2 / m.n;
}
