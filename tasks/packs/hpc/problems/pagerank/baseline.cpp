// Sequential baseline of pagerank: power iteration that pushes every vertex's share of rank along its
// out-edges into an accumulator, then adds the teleport term and the dangling vertices' rank.
#include <cstddef>
#include <vector>

void pagerank(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, double damping,
              int iterations, std::vector<double> &rank) {
    std::vector<double> next(n);
    for (size_t v = 0; v < n; ++v) rank[v] = 1.0 / n;
    for (int it = 0; it < iterations; ++it) {
        for (size_t v = 0; v < n; ++v) next[v] = 0.0;
        double dangling = 0.0;
        for (size_t u = 0; u < n; ++u) {
            const size_t deg = row_ptr[u + 1] - row_ptr[u];
            if (deg == 0) {
                dangling += rank[u];
            } else {
                const double share = rank[u] / deg;
                for (size_t k = row_ptr[u]; k < row_ptr[u + 1]; ++k) next[col_idx[k]] += share;
            }
        }
        const double base = (1.0 - damping) / n + damping * dangling / n;
        for (size_t v = 0; v < n; ++v) rank[v] = base + damping * next[v];
    }
}
