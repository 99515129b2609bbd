// OpenMP reference of triangle_count: every triangle u < v < w is counted once from its smallest
// vertex, the vertices u handed out in dynamic chunks (the work per vertex varies). Each thread
// flags u's upper neighbours (those larger than u: a suffix of the sorted row) in its own byte
// array, sums the flags of the upper neighbours of every upper neighbour v of u (branch-free), and
// clears them again; the per-thread counts are combined by an OpenMP reduction.
#include <cstddef>
#include <cstdint>
#include <vector>

size_t triangle_count(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx) {
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    const std::ptrdiff_t nn = static_cast<std::ptrdiff_t>(n);
    std::size_t count = 0;
#pragma omp parallel reduction(+ : count) if (rp[n] > 50000)
    {
        std::vector<std::uint8_t> flag(n, 0);
        std::uint8_t *__restrict f = flag.data();
#pragma omp for schedule(dynamic, 1024) nowait
        for (std::ptrdiff_t uu = 0; uu < nn; ++uu) {
            const std::size_t u = static_cast<std::size_t>(uu);
            const std::size_t a1 = rp[u + 1];
            std::size_t a0 = a1;
            while (a0 > rp[u] && ci[a0 - 1] > u) f[ci[--a0]] = 1;  // flag u's upper neighbours
            if (a1 - a0 >= 2) {
                for (std::size_t a = a0; a < a1; ++a) {
                    const std::size_t v = ci[a];
                    const std::size_t b0 = rp[v];
                    std::size_t c = 0;
                    for (std::size_t b = rp[v + 1]; b > b0 && ci[b - 1] > v; --b) c += f[ci[b - 1]];
                    count += c;
                }
            }
            for (std::size_t a = a0; a < a1; ++a) f[ci[a]] = 0;
        }
    }
    return count;
}
