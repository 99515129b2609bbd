// Driver of the hist_real problem: counts of doubles in nbins equal-width bins over [lo, hi).
// size -> n = size values, nbins = min(size / 32 + 5, 10007). The bin width w is a power of two
// (1/16 .. 1), lo = w * (an integer in [-nbins, nbins]) and hi = lo + nbins * w, so every bin edge
// lo + k * w is exact. Every value is lo + (k + f) * w with an integer k and a fraction f that keeps
// the bin unambiguous (no value is on an inner edge, where (v - lo) / (hi - lo) * nbins may round
// below k while (v - lo) / w does not):
//   1/16: outside [lo, hi) (k in [-nbins/2 - 1, -1] or [nbins, nbins + nbins/2], f in [0.001, 0.999]);
//   1/16: exactly lo or exactly hi;
//   1/16: within 1e-6 .. 1e-5 bin widths of an edge, on either side (k in [0, nbins)), so a bin
//         computed in single precision is wrong for some of them;
//   the rest: f in [0.001, 0.999], k uniform or skewed towards the low bins.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

void hist_real(const std::vector<double> &x, double lo, double hi, size_t nbins, std::vector<int64_t> &counts);
void hpceval_baseline_hist_real(const std::vector<double> &x, double lo, double hi, size_t nbins,
                                std::vector<int64_t> &counts);

struct HistRealProblem {
    struct Input {
        double lo = 0.0, hi = 0.0;
        std::size_t nbins = 0;
        std::vector<double> x;
        std::vector<std::int64_t> counts0;  // arbitrary contents of counts on entry; must be overwritten
        template <class F> void fields(F &&f) { f(lo); f(hi); f(nbins); f(x); f(counts0); }
    };

    // floor(r32 * m / 2^32) for a 32-bit random r32: uniform in [0, m) without a division.
    static std::uint64_t scale(std::uint64_t r32, std::uint64_t m) { return (r32 * m) >> 32; }

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const std::uint64_t nb = std::min<std::uint64_t>(size / 32 + 5, 10007);
        const double w = 1.0 / static_cast<double>(std::uint64_t(1) << rng.below(5));
        const std::int64_t nbi = static_cast<std::int64_t>(nb);
        in.nbins = nb;
        in.lo = w * static_cast<double>(static_cast<std::int64_t>(rng.below(2 * nb + 1)) - nbi);
        in.hi = in.lo + static_cast<double>(nb) * w;
        in.x.resize(size);
        for (double &v : in.x) {
            const std::uint64_t r = rng.next_u64();
            const std::uint64_t r32 = r >> 32, sel = r & 15;
            const double u = rng.unit();
            std::int64_t k;
            double f;
            if (sel == 0) {  // outside, below lo or at/above hi
                const std::int64_t off = static_cast<std::int64_t>(scale(r32, nb / 2 + 1));
                k = (r & 16) ? -1 - off : nbi + off;
                f = 0.001 + 0.998 * u;
            } else if (sel == 1) {  // exactly lo or exactly hi
                k = (r & 16) ? 0 : nbi;
                f = 0.0;
            } else if (sel == 2) {  // just above or just below an edge
                k = static_cast<std::int64_t>(scale(r32, nb));
                const double eps = 1e-6 + 9e-6 * u;
                f = (r & 16) ? eps : 1.0 - eps;
            } else {
                k = static_cast<std::int64_t>(scale(r32, nb));
                if (sel >= 10) k >>= (r >> 4) & 7;  // skewed towards the low bins
                f = 0.001 + 0.998 * u;
            }
            v = in.lo + (static_cast<double>(k) + f) * w;
        }
        in.counts0.resize(nb);
        for (std::int64_t &c : in.counts0) c = static_cast<std::int64_t>(rng.below(1000)) - 500;
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.counts0.size(), -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> counts(in.counts0);
        hist_real(in.x, in.lo, in.hi, in.nbins, counts);
        out.assign(counts.begin(), counts.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> counts(in.counts0);
        hpceval_baseline_hist_real(in.x, in.lo, in.hi, in.nbins, counts);
        out.assign(counts.begin(), counts.end());
    }
};

HPCEVAL_MAIN(HistRealProblem)
