// Kokkos reference of lower_bound_batch: a static parallel_for over groups of 16 queries searched in lockstep.
// Every group runs branchless binary searches with the same step sizes, so its 16 loads per step are independent.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t GROUP = 16;

// lower_bound of q in a[0, n), n >= 1, without branches in the loop.
inline std::size_t search_one(const double *a, std::size_t n, double q) {
    std::size_t base = 0, len = n;
    while (len > 1) {
        const std::size_t half = len / 2;
        base = a[base + half - 1] < q ? base + half : base;
        len -= half;
    }
    return base + (a[base] < q ? 1 : 0);
}

// lower_bound of q[0, GROUP) in a[0, n), n >= 1: every search takes the same step sizes, so the
// group advances together and its GROUP loads per step are independent.
inline void search_group(const double *a, std::size_t n, const double *q, int64_t *out) {
    std::size_t base[GROUP] = {};
    for (std::size_t len = n; len > 1;) {
        const std::size_t half = len / 2;
        for (std::size_t g = 0; g < GROUP; ++g) base[g] = a[base[g] + half - 1] < q[g] ? base[g] + half : base[g];
        len -= half;
    }
    for (std::size_t g = 0; g < GROUP; ++g) out[g] = static_cast<int64_t>(base[g] + (a[base[g]] < q[g] ? 1 : 0));
}

// Queries [lo, hi) of q into out.
inline void search_range(const double *a, std::size_t n, const double *q, int64_t *out, std::size_t lo,
                         std::size_t hi) {
    std::size_t i = lo;
    for (; i + GROUP <= hi; i += GROUP) search_group(a, n, q + i, out + i);
    for (; i < hi; ++i) out[i] = static_cast<int64_t>(search_one(a, n, q[i]));
}

}  // namespace

void lower_bound_batch(const std::vector<double> &sorted, const std::vector<double> &queries,
                       std::vector<int64_t> &result) {
    const std::size_t n = sorted.size(), m = queries.size();
    const double *a = sorted.data(), *q = queries.data();
    int64_t *out = result.data();
    if (n == 0) {
        for (std::size_t i = 0; i < m; ++i) out[i] = 0;
        return;
    }
    if (m < 4096) {  // few queries: parallel overhead would dominate
        search_range(a, n, q, out, 0, m);
        return;
    }
    const std::size_t groups = (m + GROUP - 1) / GROUP;
    Kokkos::parallel_for(
        "lower_bound_batch",
        Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>>(0, groups),
        KOKKOS_LAMBDA(const std::size_t g) {
            const std::size_t lo = g * GROUP;
            search_range(a, n, q, out, lo, lo + GROUP < m ? lo + GROUP : m);
        });
    Kokkos::fence();
}
