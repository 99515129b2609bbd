// Driver of the sssp_bellman_ford problem: single-source shortest-path distances on a directed graph in
// CSR with non-negative integer edge weights; unreachable vertices read -1.
// size -> n = size vertices. About 1 in 32 vertices is isolated (no edges in or out). Every other vertex
// draws 0..10 out-edges to non-isolated vertices, seven in eight within +-1024 ids of itself and the
// rest anywhere; self-loops are dropped and each row is sorted and deduplicated. Weights: about 1 in 16
// is 0, the rest uniform in 1..1000, or 1..10^9 in the odd-seeded inputs below 100000 vertices (check
// cases only). The source is a random vertex with at least 3 out-edges (any vertex when n < 64). Vertices
// that no path reaches (isolated ones, and those with no in-edges from the reached part) must read -1.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

void sssp(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
          const std::vector<int64_t> &weight, size_t source, std::vector<int64_t> &dist);
void hpceval_baseline_sssp(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                           const std::vector<int64_t> &weight, size_t source, std::vector<int64_t> &dist);

struct SsspProblem {
    static constexpr std::size_t BAND = 1024;
    static constexpr std::int64_t JUNK = -2;  // contents of dist on entry: must be overwritten

    struct Input {
        std::size_t n = 0, source = 0;
        std::vector<std::size_t> row_ptr, col_idx;
        std::vector<std::int64_t> weight;
        template <class F> void fields(F &&f) { f(n); f(source); f(row_ptr); f(col_idx); f(weight); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        const std::size_t n = size;
        std::vector<unsigned char> isolated(n);
        for (std::size_t v = 0; v < n; ++v) isolated[v] = rng.below(32) == 0;
        Input in;
        in.n = n;
        in.row_ptr.assign(n + 1, 0);
        in.col_idx.reserve(n * 5);
        std::size_t targets[16];
        for (std::size_t u = 0; u < n; ++u) {
            std::size_t cnt = 0;
            if (!isolated[u]) {
                const std::size_t lo = u > BAND ? u - BAND : 0, hi = std::min(n, u + BAND + 1);
                const std::uint64_t draws = rng.below(11);
                for (std::uint64_t d = 0; d < draws; ++d) {
                    const std::size_t v = rng.below(8) != 0 ? lo + rng.below(hi - lo) : rng.below(n);
                    if (v != u && !isolated[v]) targets[cnt++] = v;
                }
                std::sort(targets, targets + cnt);
                cnt = static_cast<std::size_t>(std::unique(targets, targets + cnt) - targets);
            }
            in.col_idx.insert(in.col_idx.end(), targets, targets + cnt);
            in.row_ptr[u + 1] = in.col_idx.size();
        }
        // Heavy weights (up to the spec's 10^9) in the odd-seeded inputs below 100000 vertices (the timed size
        // is larger): distances then pass 2^31 and 2^24, so an int-sized "infinity" or single-precision
        // distances fail the check cases.
        const bool heavy = n < 100000 && (seed & 1) != 0;
        const std::uint64_t wmax = heavy ? 1000000000 : 1000;
        in.weight.resize(in.col_idx.size());
        for (std::int64_t &w : in.weight) w = rng.below(16) == 0 ? 0 : 1 + static_cast<std::int64_t>(rng.below(wmax));
        in.source = n ? rng.below(n) : 0;
        if (n >= 64)  // a source with a few out-edges, so that most of the graph is reached
            while (in.row_ptr[in.source + 1] - in.row_ptr[in.source] < 3) in.source = rng.below(n);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) {
        out.assign(in.n, static_cast<double>(JUNK));
    }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<std::int64_t> dist(in.n, JUNK);
        sssp(in.n, in.row_ptr, in.col_idx, in.weight, in.source, dist);
        out.assign(dist.begin(), dist.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<std::int64_t> dist(in.n, JUNK);
        hpceval_baseline_sssp(in.n, in.row_ptr, in.col_idx, in.weight, in.source, dist);
        out.assign(dist.begin(), dist.end());
    }
};

HPCEVAL_MAIN(SsspProblem)
