// Driver of the nearest_value problem: for every query x, the index of the element of `values`
// closest to x (ties: the smallest index).
// size -> n = size values, q = size + size / 2 + 1 queries. Values are multiples of 1/4 drawn from
// about 2n grid points around 0 (so about one value in five is a repeat and exact ties happen);
// queries are multiples of 1/8 over a slightly wider range (so they hit values exactly, fall exactly
// half-way between two values, and lie below the smallest and above the largest value). Every
// difference of two such numbers is exact in double precision.
#include "hpceval_driver.hpp"

#include <cstdint>
#include <vector>

void nearest_value(const std::vector<double> &values, const std::vector<double> &queries,
                   std::vector<int64_t> &result);
void hpceval_baseline_nearest_value(const std::vector<double> &values, const std::vector<double> &queries,
                                    std::vector<int64_t> &result);

struct NearestValueProblem {
    struct Input {
        std::vector<double> values, queries;
        std::vector<std::int64_t> result0;  // arbitrary contents of result on entry; must be overwritten
        template <class F> void fields(F &&f) { f(values); f(queries); f(result0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const std::size_t n = size, q = size + size / 2 + 1;
        const std::uint64_t span = 2 * static_cast<std::uint64_t>(n) + 1;  // grid points k/4, |k| <= n
        in.values.resize(n);
        for (double &v : in.values) v = 0.25 * (static_cast<double>(rng.below(span)) - static_cast<double>(n));
        // queries k/8 with |k| <= 2n + n/4 + 2: a little beyond the values on both sides
        const std::uint64_t reach = 2 * static_cast<std::uint64_t>(n) + n / 4 + 2;
        in.queries.resize(q);
        for (double &x : in.queries)
            x = 0.125 * (static_cast<double>(rng.below(2 * reach + 1)) - static_cast<double>(reach));
        in.result0.resize(q);
        for (std::int64_t &r : in.result0) r = static_cast<std::int64_t>(rng.below(1000)) - 500;
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.result0.size(), -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> result(in.result0);
        nearest_value(in.values, in.queries, result);
        out.assign(result.begin(), result.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> result(in.result0);
        hpceval_baseline_nearest_value(in.values, in.queries, result);
        out.assign(result.begin(), result.end());
    }
};

HPCEVAL_MAIN(NearestValueProblem)
