// Driver of the triangle_count problem: the number of triangles of an undirected graph given as a
// symmetric CSR structure (rows sorted ascending, no duplicates, no self-loops).
// size -> n = size vertices. Every vertex draws 0..12 partners (about 1 in 64 draws none): fifteen in
// sixteen within +-64 ids of itself (dense local neighbourhoods, so many triangles) and the rest
// anywhere; self-pairs are dropped, then the edges are mirrored, sorted and deduplicated.
// The count is returned once in out[0].
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

size_t triangle_count(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx);
size_t hpceval_baseline_triangle_count(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx);

struct TriangleCountProblem {
    static constexpr std::size_t BAND = 64;

    struct Input {
        std::size_t n = 0;
        std::vector<std::size_t> row_ptr, col_idx;
        template <class F> void fields(F &&f) { f(n); f(row_ptr); f(col_idx); }
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
        std::vector<std::size_t> eu, ev;
        eu.reserve(n * 6);
        ev.reserve(n * 6);
        for (std::size_t u = 0; u < n; ++u) {
            if (rng.below(64) == 0) continue;
            const std::size_t lo = u > BAND ? u - BAND : 0, hi = std::min(n, u + BAND + 1);
            const std::uint64_t deg = rng.below(13);
            for (std::uint64_t d = 0; d < deg; ++d) {
                const std::size_t v = rng.below(16) != 0 ? lo + rng.below(hi - lo) : rng.below(n);
                if (v == u) continue;
                eu.push_back(u);
                ev.push_back(v);
            }
        }
        Input in;
        in.n = n;
        build_undirected(n, eu, ev, in.row_ptr, in.col_idx);
        return in;
    }
    static void reset_output(const Input &, std::vector<double> &out) { out.assign(1, -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) {
        out[0] = static_cast<double>(triangle_count(in.n, in.row_ptr, in.col_idx));
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        out[0] = static_cast<double>(hpceval_baseline_triangle_count(in.n, in.row_ptr, in.col_idx));
    }
};

HPCEVAL_MAIN(TriangleCountProblem)
