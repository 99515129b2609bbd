// Kokkos reference of bfs_levels: direction-optimizing BFS; top-down levels expand queue chunks (dynamic schedule) claiming vertices by atomic compare-exchange, bottom-up levels scan the frontier bitmap word by word (parallel_reduce, no atomics).
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace {

using Exec = Kokkos::DefaultHostExecutionSpace;
using Policy = Kokkos::RangePolicy<Exec>;
using DynPolicy = Kokkos::RangePolicy<Exec, Kokkos::Schedule<Kokkos::Dynamic>>;

constexpr std::size_t ALPHA = 15;       // top-down -> bottom-up when frontier edges > unexplored edges / ALPHA
constexpr std::size_t BETA = 18;        // bottom-up -> top-down when the frontier shrinks below n / BETA
constexpr std::size_t TD_CHUNK = 128;   // queue entries per top-down work item
constexpr std::size_t LOCAL = 2048;     // discoveries buffered per work item before one atomic append
constexpr std::size_t BU_CHUNK = 256;   // bitmap words per dynamic chunk in bottom-up levels

inline bool test_bit(const std::uint64_t *bits, std::size_t v) { return (bits[v >> 6] >> (v & 63)) & 1u; }

struct Counts {
    std::size_t count;
    std::size_t edges;
};

// One bottom-up level over bitmap word w: every unvisited vertex of the word looks for a neighbour in
// the frontier; the word of the next frontier and the distances are written by this item alone.
struct BottomUp {
    using value_type = Counts;
    std::size_t n;
    const std::size_t *rp, *ci;
    std::int64_t *d;
    const std::uint64_t *front;
    std::uint64_t *next;
    std::int64_t level;

    KOKKOS_INLINE_FUNCTION void operator()(const std::size_t w, value_type &acc) const {
        std::uint64_t word = 0;
        const std::size_t v0 = w * 64, v1 = n < v0 + 64 ? n : v0 + 64;
        for (std::size_t v = v0; v < v1; ++v) {
            if (d[v] >= 0) continue;
            for (std::size_t k = rp[v], end = rp[v + 1]; k < end; ++k) {
                if (test_bit(front, ci[k])) {
                    d[v] = level;
                    word |= std::uint64_t(1) << (v - v0);
                    ++acc.count;
                    acc.edges += end - rp[v];
                    break;
                }
            }
        }
        next[w] = word;
    }
    KOKKOS_INLINE_FUNCTION void init(value_type &v) const {
        v.count = 0;
        v.edges = 0;
    }
    KOKKOS_INLINE_FUNCTION void join(value_type &dst, const value_type &src) const {
        dst.count += src.count;
        dst.edges += src.edges;
    }
    KOKKOS_INLINE_FUNCTION void join(volatile value_type &dst, const volatile value_type &src) const {
        dst.count += src.count;
        dst.edges += src.edges;
    }
};

}  // namespace

void bfs_levels(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, size_t source,
                std::vector<int64_t> &dist) {
    const std::size_t *rp = row_ptr.data();
    const std::size_t *ci = col_idx.data();
    std::int64_t *d = dist.data();
    const bool par = n > 20000;
    if (par)
        Kokkos::parallel_for("bfs_init", Policy(0, n), KOKKOS_LAMBDA(const std::size_t v) { d[v] = -1; });
    else
        for (std::size_t v = 0; v < n; ++v) d[v] = -1;
    if (n == 0) return;
    const std::size_t words = (n + 63) / 64;

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
            // Switch to bottom-up: the queue becomes a bitmap.
            bottom_up = true;
            const std::size_t *q = queue.data();
            std::uint64_t *f = front;
            if (par) {
                Kokkos::parallel_for("bfs_clear", Policy(0, words), KOKKOS_LAMBDA(const std::size_t w) { f[w] = 0; });
                Kokkos::parallel_for(
                    "bfs_to_bitmap", Policy(0, queue_len), KOKKOS_LAMBDA(const std::size_t i) {
                        Kokkos::atomic_fetch_or(&f[q[i] >> 6], std::uint64_t(1) << (q[i] & 63));
                    });
                Kokkos::fence();
            } else {
                for (std::size_t w = 0; w < words; ++w) f[w] = 0;
                for (std::size_t i = 0; i < queue_len; ++i) f[q[i] >> 6] |= std::uint64_t(1) << (q[i] & 63);
            }
        }
        std::size_t count = 0, edges = 0;
        if (bottom_up) {
            const BottomUp step{n, rp, ci, d, front, next, level};
            Counts c{0, 0};
            if (par) {
                Kokkos::parallel_reduce("bfs_bottom_up", DynPolicy(0, words, Kokkos::ChunkSize(BU_CHUNK)), step, c);
            } else {
                for (std::size_t w = 0; w < words; ++w) step(w, c);
            }
            count = c.count;
            edges = c.edges;
            std::swap(front, next);
            if (count < n / BETA && count < prev_count) {  // shrinking: back to a queue, in vertex order
                bottom_up = false;
                queue_len = 0;
                for (std::size_t w = 0; w < words; ++w)
                    for (std::uint64_t b = front[w]; b; b &= b - 1)
                        queue[queue_len++] = w * 64 + static_cast<std::size_t>(__builtin_ctzll(b));
            }
        } else {
            const std::size_t *q = queue.data();
            std::size_t *nq = next_queue.data();
            const std::size_t ql = queue_len;
            if (par && ql > 64) {
                std::size_t next_len = 0;
                std::size_t *nlp = &next_len;
                const std::size_t nchunks = (ql + TD_CHUNK - 1) / TD_CHUNK;
                Kokkos::parallel_reduce(
                    "bfs_top_down", DynPolicy(0, nchunks, Kokkos::ChunkSize(1)),
                    KOKKOS_LAMBDA(const std::size_t c, std::size_t &e) {
                        std::size_t local[LOCAL];
                        std::size_t nl = 0;
                        const std::size_t i1 = (c + 1) * TD_CHUNK < ql ? (c + 1) * TD_CHUNK : ql;
                        for (std::size_t i = c * TD_CHUNK; i < i1; ++i) {
                            const std::size_t u = q[i];
                            for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
                                const std::size_t v = ci[k];
                                if (*static_cast<const volatile std::int64_t *>(d + v) < 0 &&
                                    Kokkos::atomic_compare_exchange(d + v, std::int64_t(-1), level) == -1) {
                                    local[nl++] = v;
                                    e += rp[v + 1] - rp[v];
                                    if (nl == LOCAL) {
                                        const std::size_t at = Kokkos::atomic_fetch_add(nlp, nl);
                                        for (std::size_t j = 0; j < nl; ++j) nq[at + j] = local[j];
                                        nl = 0;
                                    }
                                }
                            }
                        }
                        const std::size_t at = Kokkos::atomic_fetch_add(nlp, nl);
                        for (std::size_t j = 0; j < nl; ++j) nq[at + j] = local[j];
                    },
                    edges);
                count = next_len;
            } else {
                std::size_t nl = 0;
                for (std::size_t i = 0; i < ql; ++i) {
                    const std::size_t u = q[i];
                    for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
                        const std::size_t v = ci[k];
                        if (d[v] < 0) {
                            d[v] = level;
                            nq[nl++] = v;
                            edges += rp[v + 1] - rp[v];
                        }
                    }
                }
                count = nl;
            }
            queue.swap(next_queue);
            queue_len = count;
        }
        frontier_count = count;
        frontier_edges = edges;
        unexplored_edges -= edges < unexplored_edges ? edges : unexplored_edges;
    }
}
