// Serial reference of pagerank: push-based power iteration, two sweeps per iteration. Each vertex's
// share r[u] / out(u) is pushed along its out-edges into an accumulator (dangling vertices add their
// rank to the dangling mass instead); one sweep then turns the accumulator into the new ranks and
// clears it for the next iteration. This kernel is memory-bound: variants with a precomputed
// contribution array, or pulling over a transposed graph, were measured slower here (the transpose
// alone costs several iterations, and the scattered adds are mostly band-local and cache-resident).
#include <cstddef>
#include <vector>

void pagerank(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, double damping,
              int iterations, std::vector<double> &rank) {
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    double *__restrict r = rank.data();
    const double inv_n = 1.0 / static_cast<double>(n);
    for (std::size_t v = 0; v < n; ++v) r[v] = inv_n;
    std::vector<double> accum(n, 0.0);
    double *__restrict acc = accum.data();
    for (int it = 0; it < iterations; ++it) {
        double dangling = 0.0;
        for (std::size_t u = 0; u < n; ++u) {
            const std::size_t k0 = rp[u], k1 = rp[u + 1];
            if (k0 == k1) {
                dangling += r[u];
                continue;
            }
            const double share = r[u] / static_cast<double>(k1 - k0);
            for (std::size_t k = k0; k < k1; ++k) acc[ci[k]] += share;
        }
        const double base = (1.0 - damping) * inv_n + damping * dangling * inv_n;
        for (std::size_t v = 0; v < n; ++v) {
            r[v] = base + damping * acc[v];
            acc[v] = 0.0;
        }
    }
}
