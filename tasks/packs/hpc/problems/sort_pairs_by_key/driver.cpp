// Driver of the sort_pairs_by_key problem: sort (key, value) pairs in place by key, stably.
// size -> n = size pairs. Keys: about 3 in 4 uniform in [-R, R) with R = n / 8 + 1 (every such
// key occurs about 3 times), 1 in 4 uniform over the whole int32 range, and about 1 in 64 one of
// INT32_MIN, INT32_MAX, -1, 0. Values: distinct-looking uniform doubles in [-1, 1), so any
// reordering of equal keys shows.
// The output is the keys after the call (n entries, as doubles) followed by the values (n entries).
#include "hpceval_driver.hpp"

#include <cstdint>
#include <limits>
#include <vector>

void sort_pairs_by_key(std::vector<int32_t> &keys, std::vector<double> &values);
void hpceval_baseline_sort_pairs_by_key(std::vector<int32_t> &keys, std::vector<double> &values);

struct SortPairsByKeyProblem {
    struct Input {
        std::vector<std::int32_t> keys;
        std::vector<double> values;
        template <class F> void fields(F &&f) { f(keys); f(values); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.keys.resize(size);
        in.values.resize(size);
        const std::int64_t r = static_cast<std::int64_t>(size / 8 + 1);
        constexpr std::int32_t special[4] = {std::numeric_limits<std::int32_t>::min(),
                                             std::numeric_limits<std::int32_t>::max(), -1, 0};
        for (std::int32_t &k : in.keys) {
            const std::uint64_t kind = rng.below(64);
            if (kind == 0) k = special[rng.below(4)];
            else if (kind < 16) k = static_cast<std::int32_t>(static_cast<std::uint32_t>(rng.next_u64() >> 32));
            else k = static_cast<std::int32_t>(static_cast<std::int64_t>(rng.below(2 * r)) - r);
        }
        hpceval::fill_uniform(in.values, rng);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(2 * in.keys.size(), 0.0); }
    static void store(const std::vector<std::int32_t> &keys, const std::vector<double> &values,
                      std::vector<double> &out) {
        out.assign(keys.begin(), keys.end());
        out.insert(out.end(), values.begin(), values.end());
    }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<std::int32_t> keys(in.keys);
        std::vector<double> values(in.values);
        sort_pairs_by_key(keys, values);
        store(keys, values, out);
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<std::int32_t> keys(in.keys);
        std::vector<double> values(in.values);
        hpceval_baseline_sort_pairs_by_key(keys, values);
        store(keys, values, out);
    }
};

HPCEVAL_MAIN(SortPairsByKeyProblem)
