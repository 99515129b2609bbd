// Kokkos reference of mean_variance: a parallel_reduce over blocks with a Chan-Golub-LeVeque merging reducer.
// Every 2048-element block gets exact two-pass moments (count, mean, M2); a custom reducer merges them.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t BLOCK = 2048;  // 16 KiB: the second pass over a block reads it from L1

// Count, mean and sum of squared deviations from the mean (M2) of some elements.
struct Moments {
    double n, mean, m2;
};

// a then b combined: the pairwise update of Chan, Golub and LeVeque.
KOKKOS_INLINE_FUNCTION Moments combine(const Moments &a, const Moments &b) {
    if (b.n == 0.0) return a;
    if (a.n == 0.0) return b;
    const double n = a.n + b.n, d = b.mean - a.mean;
    return Moments{n, a.mean + d * (b.n / n), a.m2 + b.m2 + d * d * (a.n * b.n / n)};
}

// Reducer over Moments whose join is the merge above.
struct MergeMoments {
    using reducer = MergeMoments;
    using value_type = Moments;
    using result_view_type = Kokkos::View<Moments, Kokkos::HostSpace, Kokkos::MemoryUnmanaged>;

    result_view_type result;

    explicit MergeMoments(Moments &dest) : result(&dest) {}

    KOKKOS_INLINE_FUNCTION void join(Moments &dest, const Moments &src) const { dest = combine(dest, src); }
    KOKKOS_INLINE_FUNCTION void join(volatile Moments &dest, const volatile Moments &src) const {
        const Moments a{dest.n, dest.mean, dest.m2}, b{src.n, src.mean, src.m2};
        const Moments c = combine(a, b);
        dest.n = c.n;
        dest.mean = c.mean;
        dest.m2 = c.m2;
    }
    KOKKOS_INLINE_FUNCTION void init(Moments &v) const { v = Moments{0.0, 0.0, 0.0}; }
    KOKKOS_INLINE_FUNCTION Moments &reference() const { return *result.data(); }
    KOKKOS_INLINE_FUNCTION result_view_type view() const { return result; }
    KOKKOS_INLINE_FUNCTION bool references_scalar() const { return true; }
};

// Exact two-pass moments of x[0, len), len >= 1, four accumulators per pass.
inline Moments block_moments(const double *__restrict x, std::size_t len) {
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
    for (; j < len; ++j) q0 += (x[j] - mean) * (x[j] - mean);
    return Moments{static_cast<double>(len), mean, (q0 + q1) + (q2 + q3)};
}

}  // namespace

void mean_variance(const std::vector<double> &x, double &mean, double &variance) {
    const std::size_t n = x.size();
    const double *xp = x.data();
    const std::size_t blocks = (n + BLOCK - 1) / BLOCK;
    Moments total{0.0, 0.0, 0.0};
    if (n <= 50000) {  // small: parallel overhead would dominate
        for (std::size_t b = 0; b < blocks; ++b)
            total = combine(total, block_moments(xp + b * BLOCK, n - b * BLOCK < BLOCK ? n - b * BLOCK : BLOCK));
    } else {
        // static schedule: each thread folds a contiguous run of blocks in order, then the partials merge
        Kokkos::parallel_reduce(
            "mean_variance",
            Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>>(0, blocks),
            KOKKOS_LAMBDA(const std::size_t b, Moments &acc) {
                const std::size_t lo = b * BLOCK;
                acc = combine(acc, block_moments(xp + lo, n - lo < BLOCK ? n - lo : BLOCK));
            },
            MergeMoments(total));
    }
    mean = total.mean;
    variance = total.m2 / total.n;
}
