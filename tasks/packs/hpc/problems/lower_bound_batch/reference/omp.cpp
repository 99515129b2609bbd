// OpenMP reference of lower_bound_batch: the queries are split statically over the threads in
// groups of 16; each group runs branchless binary searches in lockstep (every search over the same
// array takes the same step sizes, so each step is a conditional move per query, and the group's
// 16 independent loads are in flight at once).
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

// Queries [lo, hi) of q into out.
void search_range(const double *a, std::size_t n, const double *q, int64_t *out, std::size_t lo, std::size_t hi) {
    std::size_t i = lo;
    for (; i + GROUP <= hi; i += GROUP) lower_bound_group(a, n, q + i, out + i);
    for (; i < hi; ++i) out[i] = static_cast<int64_t>(lower_bound_one(a, n, q[i]));
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
    const std::ptrdiff_t groups = static_cast<std::ptrdiff_t>((m + GROUP - 1) / GROUP);
#pragma omp parallel for schedule(static) if (m >= 4096)
    for (std::ptrdiff_t g = 0; g < groups; ++g) {
        const std::size_t lo = static_cast<std::size_t>(g) * GROUP;
        search_range(a, n, q, out, lo, lo + GROUP < m ? lo + GROUP : m);
    }
}
