// Serial reference of bfs_levels: direction-optimizing BFS (Beamer et al.). Small frontiers are
// expanded top-down from a queue; once the frontier's edges outnumber a fraction of the edges still
// unexplored, levels run bottom-up: every unvisited vertex scans its neighbours for one in the
// frontier bitmap and stops at the first hit, which skips most edges of the big middle levels.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t ALPHA = 15;  // top-down -> bottom-up when frontier edges > unexplored edges / ALPHA
constexpr std::size_t BETA = 18;   // bottom-up -> top-down when the frontier shrinks below n / BETA

inline bool test_bit(const std::uint64_t *bits, std::size_t v) { return (bits[v >> 6] >> (v & 63)) & 1u; }
inline void set_bit(std::uint64_t *bits, std::size_t v) { bits[v >> 6] |= std::uint64_t(1) << (v & 63); }

}  // namespace

void bfs_levels(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, size_t source,
                std::vector<int64_t> &dist) {
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    std::int64_t *__restrict d = dist.data();
    for (std::size_t v = 0; v < n; ++v) d[v] = -1;
    if (n == 0) return;
    const std::size_t words = (n + 63) / 64;

    std::vector<std::size_t> queue, next_queue;
    queue.reserve(n);
    next_queue.reserve(n);
    std::vector<std::uint64_t> front(words, 0), next(words, 0);

    d[source] = 0;
    queue.push_back(source);
    std::size_t frontier_count = 1;
    std::size_t frontier_edges = rp[source + 1] - rp[source];
    std::size_t unexplored_edges = rp[n] - frontier_edges;
    bool bottom_up = false;

    for (std::int64_t level = 1; frontier_count > 0; ++level) {
        const std::size_t prev_count = frontier_count;
        if (!bottom_up && frontier_edges > unexplored_edges / ALPHA) {
            bottom_up = true;
            std::fill(front.begin(), front.end(), 0);
            for (std::size_t u : queue) set_bit(front.data(), u);
        }
        std::size_t count = 0, edges = 0;
        if (bottom_up) {
            std::fill(next.begin(), next.end(), 0);
            for (std::size_t v = 0; v < n; ++v) {
                if (d[v] >= 0) continue;
                for (std::size_t k = rp[v], end = rp[v + 1]; k < end; ++k) {
                    if (test_bit(front.data(), ci[k])) {
                        d[v] = level;
                        set_bit(next.data(), v);
                        ++count;
                        edges += end - rp[v];
                        break;
                    }
                }
            }
            front.swap(next);
            if (count < n / BETA && count < prev_count) {  // shrinking: back to top-down with a queue
                bottom_up = false;
                queue.clear();
                for (std::size_t w = 0; w < words; ++w)
                    for (std::uint64_t b = front[w]; b; b &= b - 1)
                        queue.push_back(w * 64 + static_cast<std::size_t>(__builtin_ctzll(b)));
            }
        } else {
            next_queue.clear();
            for (std::size_t u : queue) {
                for (std::size_t k = rp[u], end = rp[u + 1]; k < end; ++k) {
                    const std::size_t v = ci[k];
                    if (d[v] < 0) {
                        d[v] = level;
                        next_queue.push_back(v);
                        edges += rp[v + 1] - rp[v];
                    }
                }
            }
            count = next_queue.size();
            queue.swap(next_queue);
        }
        frontier_count = count;
        frontier_edges = edges;
        unexplored_edges -= edges < unexplored_edges ? edges : unexplored_edges;
    }
}
