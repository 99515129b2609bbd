// OpenMP reference of bfs_levels: direction-optimizing BFS. Top-down levels expand the frontier queue
// in parallel (dynamic chunks), claim a vertex with a compare-and-swap on its distance, collect
// discoveries in per-thread buffers and append them to the next queue with one atomic add per
// thread. Bottom-up levels split the vertices by 64-bit words of the frontier bitmap, so every
// thread writes only its own words of the next bitmap and its own distances (no atomics).
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t ALPHA = 15;  // top-down -> bottom-up when frontier edges > unexplored edges / ALPHA
constexpr std::size_t BETA = 18;   // bottom-up -> top-down when the frontier shrinks below n / BETA
constexpr std::size_t LOCAL_FLUSH = 4096;  // per-thread discoveries buffered before one atomic append

inline bool test_bit(const std::uint64_t *bits, std::size_t v) { return (bits[v >> 6] >> (v & 63)) & 1u; }

}  // namespace

void bfs_levels(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, size_t source,
                std::vector<int64_t> &dist) {
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    std::int64_t *d = dist.data();
    const std::ptrdiff_t nn = static_cast<std::ptrdiff_t>(n);
    const bool par = n > 20000;
#pragma omp parallel for schedule(static) if (par)
    for (std::ptrdiff_t v = 0; v < nn; ++v) d[v] = -1;
    if (n == 0) return;
    const std::size_t words = (n + 63) / 64;
    const std::ptrdiff_t nwords = static_cast<std::ptrdiff_t>(words);

    std::vector<std::size_t> queue(n), next_queue(n);
    std::size_t queue_len = 0;
    std::vector<std::uint64_t> frontv(words, 0), nextv(words, 0);
    std::uint64_t *front = frontv.data(), *next = nextv.data();

    d[source] = 0;
    queue[queue_len++] = source;
    std::size_t frontier_count = 1;
    std::size_t frontier_edges = rp[source + 1] - rp[source];
    std::size_t unexplored_edges = rp[n] - frontier_edges;
    bool bottom_up = false;

    for (std::int64_t level = 1; frontier_count > 0; ++level) {
        const std::size_t prev_count = frontier_count;
        if (!bottom_up && frontier_edges > unexplored_edges / ALPHA) {
            bottom_up = true;
            const std::size_t *q = queue.data();
            const std::ptrdiff_t ql = static_cast<std::ptrdiff_t>(queue_len);
#pragma omp parallel if (par)
            {
#pragma omp for schedule(static)
                for (std::ptrdiff_t w = 0; w < nwords; ++w) front[w] = 0;
#pragma omp for schedule(static)
                for (std::ptrdiff_t i = 0; i < ql; ++i)
                    __atomic_fetch_or(&front[q[i] >> 6], std::uint64_t(1) << (q[i] & 63), __ATOMIC_RELAXED);
            }
        }
        std::size_t count = 0, edges = 0;
        if (bottom_up) {
#pragma omp parallel for schedule(dynamic, 256) reduction(+ : count, edges) if (par)
            for (std::ptrdiff_t w = 0; w < nwords; ++w) {
                std::uint64_t word = 0;
                const std::size_t v0 = static_cast<std::size_t>(w) * 64, v1 = std::min(n, v0 + 64);
                for (std::size_t v = v0; v < v1; ++v) {
                    if (d[v] >= 0) continue;
                    for (std::size_t k = rp[v], end = rp[v + 1]; k < end; ++k) {
                        if (test_bit(front, ci[k])) {
                            d[v] = level;
                            word |= std::uint64_t(1) << (v - v0);
                            ++count;
                            edges += end - rp[v];
                            break;
                        }
                    }
                }
                next[w] = word;
            }
            std::swap(front, next);
            if (count < n / BETA && count < prev_count) {  // shrinking: back to a queue, in vertex order
                bottom_up = false;
                queue_len = 0;
                for (std::size_t w = 0; w < words; ++w)
                    for (std::uint64_t b = front[w]; b; b &= b - 1)
                        queue[queue_len++] = w * 64 + static_cast<std::size_t>(__builtin_ctzll(b));
            }
        } else {
            std::size_t next_len = 0;
            const std::size_t *q = queue.data();
            std::size_t *nq = next_queue.data();
            const std::ptrdiff_t ql = static_cast<std::ptrdiff_t>(queue_len);
#pragma omp parallel reduction(+ : edges) if (par && queue_len > 64)
            {
                std::vector<std::size_t> local;
                local.reserve(LOCAL_FLUSH);
#pragma omp for schedule(dynamic, 64) nowait
                for (std::ptrdiff_t i = 0; i < ql; ++i) {
                    const std::size_t u = q[i];
                    for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
                        const std::size_t v = ci[k];
                        std::int64_t expected = -1;
                        if (__atomic_load_n(&d[v], __ATOMIC_RELAXED) < 0 &&
                            __atomic_compare_exchange_n(&d[v], &expected, level, false, __ATOMIC_RELAXED,
                                                        __ATOMIC_RELAXED)) {
                            local.push_back(v);
                            edges += rp[v + 1] - rp[v];
                            if (local.size() == LOCAL_FLUSH) {
                                const std::size_t at = __atomic_fetch_add(&next_len, local.size(), __ATOMIC_RELAXED);
                                std::copy(local.begin(), local.end(), nq + at);
                                local.clear();
                            }
                        }
                    }
                }
                const std::size_t at = __atomic_fetch_add(&next_len, local.size(), __ATOMIC_RELAXED);
                std::copy(local.begin(), local.end(), nq + at);
            }
            count = next_len;
            queue.swap(next_queue);
            queue_len = next_len;
        }
        frontier_count = count;
        frontier_edges = edges;
        unexplored_edges -= edges < unexplored_edges ? edges : unexplored_edges;
    }
}
