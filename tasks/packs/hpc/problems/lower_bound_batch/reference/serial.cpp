// Serial reference of lower_bound_batch: branchless binary search, 16 queries in lockstep. Every
// search over the same array takes the same sequence of step sizes, so a group of queries can
// advance together: each step is a conditional move (no mispredicted branches), and the group's
// 16 independent loads per step are in flight at once instead of one cache miss at a time.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t GROUP = 16;

// lower_bound of q in a[0, n), n >= 1, branchless.
inline std::size_t lower_bound_one(const double *a, std::size_t n, double q) {
    const double *base = a;
    std::size_t len = n;
    while (len > 1) {
        const std::size_t half = len / 2;
        base = base[half - 1] < q ? base + half : base;
        len -= half;
    }
    return static_cast<std::size_t>(base - a) + (*base < q ? 1 : 0);
}

// lower_bound of q[0, GROUP) in a[0, n), n >= 1, all searches advancing together.
inline void lower_bound_group(const double *a, std::size_t n, const double *q, int64_t *out) {
    std::size_t base[GROUP];
    for (std::size_t g = 0; g < GROUP; ++g) base[g] = 0;
    std::size_t len = n;
    while (len > 1) {
        const std::size_t half = len / 2;
        for (std::size_t g = 0; g < GROUP; ++g) base[g] = a[base[g] + half - 1] < q[g] ? base[g] + half : base[g];
        len -= half;
    }
    for (std::size_t g = 0; g < GROUP; ++g) out[g] = static_cast<int64_t>(base[g] + (a[base[g]] < q[g] ? 1 : 0));
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
    std::size_t i = 0;
    for (; i + GROUP <= m; i += GROUP) lower_bound_group(a, n, q + i, out + i);
    for (; i < m; ++i) out[i] = static_cast<int64_t>(lower_bound_one(a, n, q[i]));
}
