// Driver of the lower_bound_batch problem: for every query, the index of the first element of a
// sorted array that is not less than it.
// size -> n = size sorted values, m = size queries. The sorted array is a running sum of steps that
// are 0 one time in four (runs of equal values) and otherwise uniform in (0, 2), starting near
// -n / 2, so it holds negative, zero-crossing and positive values. Queries: about 3 in 8 are an
// element of the array (often one of a run of duplicates), 1 in 8 the next double above an element,
// 1 in 8 the next double below one, 3 in 8 uniform over a range 10% wider than the array's (some
// below the first element, some above the last), and the first query is above every element.
#include "hpceval_driver.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

void lower_bound_batch(const std::vector<double> &sorted, const std::vector<double> &queries,
                       std::vector<int64_t> &result);
void hpceval_baseline_lower_bound_batch(const std::vector<double> &sorted, const std::vector<double> &queries,
                                        std::vector<int64_t> &result);

struct LowerBoundBatchProblem {
    struct Input {
        std::vector<double> sorted, queries;
        template <class F> void fields(F &&f) { f(sorted); f(queries); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const std::size_t n = size, m = size;
        in.sorted.resize(n);
        in.queries.resize(m);
        double v = -0.5 * static_cast<double>(n) + rng.uniform();
        for (std::size_t i = 0; i < n; ++i) {
            if (rng.below(4) != 0) v += 2.0 * rng.unit();
            in.sorted[i] = v;
        }
        const double lo = in.sorted.front(), hi = in.sorted.back(), pad = 0.05 * (hi - lo) + 1.0;
        for (std::size_t q = 0; q < m; ++q) {
            const std::uint64_t kind = rng.below(8);
            const double e = in.sorted[rng.below(n)];
            if (kind < 3) in.queries[q] = e;
            else if (kind == 3) in.queries[q] = std::nextafter(e, HUGE_VAL);
            else if (kind == 4) in.queries[q] = std::nextafter(e, -HUGE_VAL);
            else in.queries[q] = rng.uniform(lo - pad, hi + pad);
        }
        if (m > 0) in.queries[0] = hi + 0.5;
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.queries.size(), -1.0); }
    // The entry point fills int64_t results (arbitrary contents on entry); out holds them as doubles.
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> result(in.queries.size(), -1);
        lower_bound_batch(in.sorted, in.queries, result);
        out.assign(result.begin(), result.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> result(in.queries.size(), -1);
        hpceval_baseline_lower_bound_batch(in.sorted, in.queries, result);
        out.assign(result.begin(), result.end());
    }
};

HPCEVAL_MAIN(LowerBoundBatchProblem)
