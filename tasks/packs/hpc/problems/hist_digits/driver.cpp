// Driver of the hist_digits problem: counts of the leading decimal digit (1..9) of positive
// 64-bit integers (Benford's law).
// size -> n = size values. Most values are a random 64-bit word shifted right by 0..63 bits (so
// every length from 1 to 20 decimal digits occurs and the leading digits follow roughly Benford's
// law); one value in 16 is a special one near a power of ten: 10^k - 1, 10^k, 10^k + 1 or
// d * 10^k - 1 (k = 0..19 where it fits), or 2^64 - 1, where a leading digit computed in double
// precision goes wrong.
#include "hpceval_driver.hpp"

#include <cstdint>
#include <vector>

void hist_digits(const std::vector<uint64_t> &values, std::vector<int64_t> &counts);
void hpceval_baseline_hist_digits(const std::vector<uint64_t> &values, std::vector<int64_t> &counts);

struct HistDigitsProblem {
    struct Input {
        std::vector<std::uint64_t> values;
        std::vector<std::int64_t> counts0;  // arbitrary contents of counts on entry; must be overwritten
        template <class F> void fields(F &&f) { f(values); f(counts0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        std::uint64_t pow10[20];
        pow10[0] = 1;
        for (int k = 1; k < 20; ++k) pow10[k] = pow10[k - 1] * 10;
        in.values.resize(size);
        for (std::uint64_t &v : in.values) {
            const std::uint64_t r = rng.next_u64();
            if ((r & 15) != 0) {
                v = rng.next_u64() >> ((r >> 4) & 63);
                if (v == 0) v = 1 + ((r >> 10) & 7);
                continue;
            }
            const int k = static_cast<int>((r >> 4) % 20);
            const std::uint64_t p = pow10[k];
            switch ((r >> 12) & 7) {
            case 0: v = k > 0 ? p - 1 : 1; break;  // 99...9
            case 1: v = p; break;                  // 10...0
            case 2: v = p + 1; break;              // 10...01
            case 3: v = ~std::uint64_t(0); break;  // 18446744073709551615
            default: {                             // d * 10^k - 1 = (d-1) 99...9, where it fits
                const std::uint64_t d = 2 + ((r >> 16) % 8);
                v = (k < 19 || d == 1) ? d * p - 1 : p - 1;
                break;
            }
            }
        }
        in.counts0.resize(9);
        for (std::int64_t &c : in.counts0) c = static_cast<std::int64_t>(rng.below(1000)) - 500;
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.counts0.size(), -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> counts(in.counts0);
        hist_digits(in.values, counts);
        out.assign(counts.begin(), counts.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> counts(in.counts0);
        hpceval_baseline_hist_digits(in.values, counts);
        out.assign(counts.begin(), counts.end());
    }
};

HPCEVAL_MAIN(HistDigitsProblem)
