// Driver of the connected_components problem: label every vertex of an undirected graph (symmetric CSR,
// sorted duplicate-free rows, no self-loops) with the smallest vertex id of its connected component.
// size -> n = size vertices in three kinds:
//   - main (about 3/4): 0..8 partner draws among main vertices, seven in eight within +-1024 ids and the
//     rest anywhere (one giant component plus a few stragglers);
//   - clustered (about 3/16): 0..2 partner draws within the same aligned block of 32 ids, clustered
//     vertices only (many small components, some isolated vertices);
//   - path (about 1/16): the path vertices in a random order, linked into chains of about 256 on average
//     (long, thin components whose ids are scattered: the diameter is large).
// A draw is kept only when both ends are distinct and of the same kind; then the edges are mirrored,
// sorted and deduplicated.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

void connected_components(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                          std::vector<size_t> &component);
void hpceval_baseline_connected_components(size_t n, const std::vector<size_t> &row_ptr,
                                           const std::vector<size_t> &col_idx, std::vector<size_t> &component);

struct ConnectedComponentsProblem {
    static constexpr std::size_t BAND = 1024;
    static constexpr std::size_t BLOCK = 32;
    static constexpr std::size_t JUNK = 0x5a5a5a5aULL;  // contents of component on entry: must be overwritten

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
        enum : unsigned char { MAIN, CLUSTERED, PATH };
        std::vector<unsigned char> kind(n);
        std::vector<std::size_t> path;
        for (std::size_t v = 0; v < n; ++v) {
            const std::uint64_t r = rng.below(16);
            kind[v] = r < 12 ? MAIN : r < 15 ? CLUSTERED : PATH;
            if (kind[v] == PATH) path.push_back(v);
        }
        std::vector<std::size_t> eu, ev;
        eu.reserve(n * 4);
        ev.reserve(n * 4);
        for (std::size_t u = 0; u < n; ++u) {
            if (kind[u] == MAIN) {
                const std::size_t lo = u > BAND ? u - BAND : 0, hi = std::min(n, u + BAND + 1);
                const std::uint64_t deg = rng.below(9);
                for (std::uint64_t d = 0; d < deg; ++d) {
                    const std::size_t v = rng.below(8) != 0 ? lo + rng.below(hi - lo) : rng.below(n);
                    if (v != u && kind[v] == MAIN) {
                        eu.push_back(u);
                        ev.push_back(v);
                    }
                }
            } else if (kind[u] == CLUSTERED) {
                const std::size_t lo = u - u % BLOCK, hi = std::min(n, lo + BLOCK);
                const std::uint64_t deg = rng.below(3);
                for (std::uint64_t d = 0; d < deg; ++d) {
                    const std::size_t v = lo + rng.below(hi - lo);
                    if (v != u && kind[v] == CLUSTERED) {
                        eu.push_back(u);
                        ev.push_back(v);
                    }
                }
            }
        }
        // Chains through the path vertices in a random order (Fisher-Yates), cut with probability 1/256.
        for (std::size_t i = path.size(); i > 1; --i) std::swap(path[i - 1], path[rng.below(i)]);
        for (std::size_t i = 1; i < path.size(); ++i) {
            if (rng.below(256) == 0) continue;
            eu.push_back(path[i - 1]);
            ev.push_back(path[i]);
        }
        Input in;
        in.n = n;
        build_undirected(n, eu, ev, in.row_ptr, in.col_idx);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) {
        out.assign(in.n, static_cast<double>(JUNK));
    }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<std::size_t> component(in.n, JUNK);
        connected_components(in.n, in.row_ptr, in.col_idx, component);
        out.assign(component.begin(), component.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<std::size_t> component(in.n, JUNK);
        hpceval_baseline_connected_components(in.n, in.row_ptr, in.col_idx, component);
        out.assign(component.begin(), component.end());
    }
};

HPCEVAL_MAIN(ConnectedComponentsProblem)
