// Driver of the pagerank problem: ITERATIONS PageRank iterations with damping d on a directed graph whose
// out-edges are given in CSR (rows sorted, no duplicates, no self-loops); dangling vertices (no
// out-edges) spread their rank over all vertices.
// size -> n = size vertices. About 1 in 16 vertices is dangling; every other vertex draws 1..15 targets,
// seven in eight within +-1024 ids of itself and the rest skewed towards small ids (popular pages:
// a uniform id below a uniform bound), so in-degrees vary widely. Self-targets are dropped and each
// row is sorted and deduplicated. The damping factor is drawn per input from [0.80, 0.90).
#include "hpceval_driver.hpp"

#include <algorithm>
#include <vector>

void pagerank(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx, double damping,
              int iterations, std::vector<double> &rank);
void hpceval_baseline_pagerank(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                               double damping, int iterations, std::vector<double> &rank);

struct PagerankProblem {
    static constexpr int ITERATIONS = 20;  // stated in problem.yaml
    static constexpr std::size_t BAND = 1024;

    struct Input {
        std::size_t n = 0;
        double damping = 0.85;
        std::vector<std::size_t> row_ptr, col_idx;
        template <class F> void fields(F &&f) { f(n); f(damping); f(row_ptr); f(col_idx); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        const std::size_t n = size;
        Input in;
        in.n = n;
        in.damping = rng.uniform(0.80, 0.90);
        in.row_ptr.assign(n + 1, 0);
        in.col_idx.reserve(n * 8);
        std::size_t targets[16];
        for (std::size_t u = 0; u < n; ++u) {
            std::size_t cnt = 0;
            if (n > 1 && rng.below(16) != 0) {
                const std::size_t lo = u > BAND ? u - BAND : 0, hi = std::min(n, u + BAND + 1);
                const std::uint64_t draws = 1 + rng.below(15);
                for (std::uint64_t d = 0; d < draws; ++d) {
                    const std::size_t v = rng.below(8) != 0 ? lo + rng.below(hi - lo) : rng.below(1 + rng.below(n));
                    if (v != u) targets[cnt++] = v;
                }
                std::sort(targets, targets + cnt);
                cnt = static_cast<std::size_t>(std::unique(targets, targets + cnt) - targets);
            }
            in.col_idx.insert(in.col_idx.end(), targets, targets + cnt);
            in.row_ptr[u + 1] = in.col_idx.size();
        }
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.n, -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) {
        pagerank(in.n, in.row_ptr, in.col_idx, in.damping, ITERATIONS, out);
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_pagerank(in.n, in.row_ptr, in.col_idx, in.damping, ITERATIONS, out);
    }
};

HPCEVAL_MAIN(PagerankProblem)
