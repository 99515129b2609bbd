// Driver of the bfs_levels problem: BFS distances (edge counts) from one source in an undirected graph
// given as a symmetric CSR adjacency structure (sorted, duplicate-free rows, no self-loops).
// size -> n = size vertices. Each vertex gets a part: about 1/32 of the vertices are isolated, about 3/32
// form a sparse second part (many small components), the rest the main part. Every non-isolated vertex
// draws 0..8 partners, seven in eight within +-1024 ids of itself (locality) and the rest anywhere; a draw
// is kept only when both ends are distinct and in the same part (so parts never touch), then the edges
// are mirrored, sorted and deduplicated. The source is a random vertex of the main part (any vertex
// when n < 64, so it may be isolated); everything outside its component must read -1.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

void bfs_levels(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, size_t source,
                std::vector<int64_t> &dist);
void hpceval_baseline_bfs_levels(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                                 size_t source, std::vector<int64_t> &dist);

struct BfsLevelsProblem {
    static constexpr std::size_t BAND = 1024;
    static constexpr std::int64_t JUNK = -2;  // contents of dist on entry: must be overwritten

    struct Input {
        std::size_t n = 0, source = 0;
        std::vector<std::size_t> row_ptr, col_idx;
        template <class F> void fields(F &&f) { f(n); f(source); f(row_ptr); f(col_idx); }
    };

    // Symmetric CSR (rows sorted, duplicates merged) of the undirected edges (eu[e], ev[e]), eu[e] != ev[e].
    static void build_undirected(std::size_t n, const std::vector<std::size_t> &eu, const std::vector<std::size_t> &ev,
                                 std::vector<std::size_t> &row_ptr, std::vector<std::size_t> &col_idx) {
        std::vector<std::size_t> start(n + 1, 0);
        for (std::size_t e = 0; e < eu.size(); ++e) {
            ++start[eu[e] + 1];
            ++start[ev[e] + 1];
        }
        for (std::size_t i = 0; i < n; ++i) start[i + 1] += start[i];
        std::vector<std::size_t> slots(start[n]), fill(start.begin(), start.end() - 1);
        for (std::size_t e = 0; e < eu.size(); ++e) {
            slots[fill[eu[e]]++] = ev[e];
            slots[fill[ev[e]]++] = eu[e];
        }
        row_ptr.assign(n + 1, 0);
        col_idx.clear();
        col_idx.reserve(slots.size());
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t *first = slots.data() + start[i], *last = slots.data() + start[i + 1];
            std::sort(first, last);
            last = std::unique(first, last);
            col_idx.insert(col_idx.end(), first, last);
            row_ptr[i + 1] = col_idx.size();
        }
    }

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        const std::size_t n = size;
        std::vector<unsigned char> part(n);
        for (std::size_t v = 0; v < n; ++v) {
            const std::uint64_t r = rng.below(32);
            part[v] = r == 0 ? 2 : r < 4 ? 1 : 0;  // 2: isolated, 1: sparse second part, 0: main part
        }
        std::vector<std::size_t> eu, ev;
        eu.reserve(n * 4);
        ev.reserve(n * 4);
        for (std::size_t u = 0; u < n; ++u) {
            if (part[u] == 2) continue;
            const std::size_t lo = u > BAND ? u - BAND : 0, hi = std::min(n, u + BAND + 1);
            const std::uint64_t deg = rng.below(9);
            for (std::uint64_t d = 0; d < deg; ++d) {
                const std::size_t v = rng.below(8) != 0 ? lo + rng.below(hi - lo) : rng.below(n);
                if (v == u || part[v] != part[u]) continue;
                eu.push_back(u);
                ev.push_back(v);
            }
        }
        Input in;
        in.n = n;
        // The source: any vertex in graphs under 64 vertices (it may be isolated), else a vertex of the main part.
        in.source = n ? rng.below(n) : 0;
        if (n >= 64)
            while (part[in.source] != 0) in.source = rng.below(n);
        build_undirected(n, eu, ev, in.row_ptr, in.col_idx);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) {
        out.assign(in.n, static_cast<double>(JUNK));
    }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<std::int64_t> dist(in.n, JUNK);
        bfs_levels(in.n, in.row_ptr, in.col_idx, in.source, dist);
        out.assign(dist.begin(), dist.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<std::int64_t> dist(in.n, JUNK);
        hpceval_baseline_bfs_levels(in.n, in.row_ptr, in.col_idx, in.source, dist);
        out.assign(dist.begin(), dist.end());
    }
};

HPCEVAL_MAIN(BfsLevelsProblem)
