// Driver of the hist_int problem: counts of the integer values in [0, nbins).
// size -> n = size values, nbins = min(size / 64 + 3, 65521). One value in 16 lies outside
// [0, nbins) (as low as -nbins and as high as 2 nbins - 1, -1 and nbins included) and must be
// ignored; of the others, half are uniform over the bins and half skewed towards the low bins
// (a uniform value shifted right by 0..7 bits), so some bins are hit far more often than others.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

void hist_int(const std::vector<int> &values, size_t nbins, std::vector<int64_t> &counts);
void hpceval_baseline_hist_int(const std::vector<int> &values, size_t nbins, std::vector<int64_t> &counts);

struct HistIntProblem {
    struct Input {
        std::size_t nbins = 0;
        std::vector<int> values;
        std::vector<std::int64_t> counts0;  // arbitrary contents of counts on entry; must be overwritten
        template <class F> void fields(F &&f) { f(nbins); f(values); f(counts0); }
    };

    // floor(r32 * m / 2^32) for a 32-bit random r32: uniform in [0, m) without a division.
    static std::uint64_t scale(std::uint64_t r32, std::uint64_t m) { return (r32 * m) >> 32; }

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const std::uint64_t nb = std::min<std::uint64_t>(size / 64 + 3, 65521);
        in.nbins = nb;
        in.values.resize(size);
        for (int &v : in.values) {
            const std::uint64_t r = rng.next_u64();
            const std::uint64_t r32 = r >> 32, sel = r & 15;
            std::int64_t x;
            if (sel == 0) {  // outside: [-nb, -1] or [nb, 2 nb - 1]
                const std::int64_t off = static_cast<std::int64_t>(scale(r32, nb));
                x = (r & 16) ? -1 - off : static_cast<std::int64_t>(nb) + off;
            } else if (sel < 8) {  // uniform over the bins
                x = static_cast<std::int64_t>(scale(r32, nb));
            } else {  // skewed towards the low bins
                x = static_cast<std::int64_t>(scale(r32, nb) >> ((r >> 4) & 7));
            }
            v = static_cast<int>(x);
        }
        in.counts0.resize(nb);
        for (std::int64_t &c : in.counts0) c = static_cast<std::int64_t>(rng.below(1000)) - 500;
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.counts0.size(), -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> counts(in.counts0);
        hist_int(in.values, in.nbins, counts);
        out.assign(counts.begin(), counts.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> counts(in.counts0);
        hpceval_baseline_hist_int(in.values, in.nbins, counts);
        out.assign(counts.begin(), counts.end());
    }
};

HPCEVAL_MAIN(HistIntProblem)
