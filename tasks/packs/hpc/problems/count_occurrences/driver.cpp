// Driver of the count_occurrences problem: for every query value, how often it occurs in x.
// size -> n = size values, m = size / 4 + 4 queries. Values: 3 in 4 uniform in [-R, R) with
// R = n / 8 + 1 (each occurs about 3 times), the rest anywhere in int32, and about 1 in 256 one of
// INT32_MIN, INT32_MAX, 0. Queries: about half are values of random elements of x, a quarter
// uniform in [-R, R) (present or absent), a quarter anywhere in int32 (almost always absent); the
// first four are x[n - 1], x[0], INT32_MIN and INT32_MAX. Queries repeat now and then.
#include "hpceval_driver.hpp"

#include <cstdint>
#include <limits>
#include <vector>

void count_occurrences(const std::vector<int32_t> &x, const std::vector<int32_t> &queries,
                       std::vector<int64_t> &counts);
void hpceval_baseline_count_occurrences(const std::vector<int32_t> &x, const std::vector<int32_t> &queries,
                                        std::vector<int64_t> &counts);

struct CountOccurrencesProblem {
    struct Input {
        std::vector<std::int32_t> x, queries;
        template <class F> void fields(F &&f) { f(x); f(queries); }
    };

    static std::int32_t any_int32(hpceval::Rng &rng) {
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(rng.next_u64() >> 32));
    }

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const std::size_t n = size, m = size / 4 + 4;
        const std::int64_t r = static_cast<std::int64_t>(n / 8 + 1);
        constexpr std::int32_t lo32 = std::numeric_limits<std::int32_t>::min();
        constexpr std::int32_t hi32 = std::numeric_limits<std::int32_t>::max();
        constexpr std::int32_t special[3] = {lo32, hi32, 0};
        in.x.resize(n);
        for (std::int32_t &v : in.x) {
            const std::uint64_t kind = rng.below(256);
            if (kind == 0) v = special[rng.below(3)];
            else if (kind < 64) v = any_int32(rng);
            else v = static_cast<std::int32_t>(static_cast<std::int64_t>(rng.below(2 * r)) - r);
        }
        in.queries.resize(m);
        for (std::int32_t &q : in.queries) {
            const std::uint64_t kind = rng.below(4);
            if (kind < 2 && n > 0) q = in.x[rng.below(n)];
            else if (kind == 2) q = static_cast<std::int32_t>(static_cast<std::int64_t>(rng.below(2 * r)) - r);
            else q = any_int32(rng);
        }
        if (n > 0) {
            in.queries[0] = in.x[n - 1];
            in.queries[1] = in.x[0];
        }
        in.queries[2] = lo32;
        in.queries[3] = hi32;
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.queries.size(), -1.0); }
    // The entry point fills int64_t counts (arbitrary contents on entry); out holds them as doubles.
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> counts(in.queries.size(), -1);
        count_occurrences(in.x, in.queries, counts);
        out.assign(counts.begin(), counts.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> counts(in.queries.size(), -1);
        hpceval_baseline_count_occurrences(in.x, in.queries, counts);
        out.assign(counts.begin(), counts.end());
    }
};

HPCEVAL_MAIN(CountOccurrencesProblem)
