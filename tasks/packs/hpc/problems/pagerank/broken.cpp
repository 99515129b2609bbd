// Deliberately wrong pagerank: the rank of dangling vertices is dropped instead of being spread over
// all vertices, so rank leaks out of the graph every iteration.
#include <cstddef>
#include <vector>

void pagerank(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, double damping,
              int iterations, std::vector<double> &rank) {
    std::vector<double> next(n);
    rank.assign(n, 1.0 / n);
    for (int it = 0; it < iterations; ++it) {
        next.assign(n, (1.0 - damping) / n);
        for (size_t u = 0; u < n; ++u) {
            const size_t deg = row_ptr[u + 1] - row_ptr[u];
            for (size_t k = row_ptr[u]; k < row_ptr[u + 1]; ++k) next[col_idx[k]] += damping * rank[u] / deg;
        }
        rank.swap(next);
    }
}
