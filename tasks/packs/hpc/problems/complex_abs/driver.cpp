// Driver of the complex_abs problem: mag[i] = |z[2i] + i z[2i+1]| for interleaved complex numbers.
// size -> n = size complex numbers (z has 2n doubles). Each number is, with probability 1/16 each:
// both components zero (random signs); one component zero; both huge (|c| < 2^1019, squares
// overflow); both tiny (|c| < 2^-531 but normal, squares underflow); one huge or ordinary and the
// other tiny; otherwise (11/16) both of one ordinary scale (|c| < 2^8). Moduli are normal numbers
// or exactly 0, so the relative tolerance applies everywhere.
#include "hpceval_driver.hpp"

#include <cmath>
#include <limits>
#include <utility>
#include <vector>

void complex_abs(const std::vector<double> &z, std::vector<double> &mag);
void hpceval_baseline_complex_abs(const std::vector<double> &z, std::vector<double> &mag);

struct ComplexAbsProblem {
    struct Input {
        std::vector<double> z;
        template <class F> void fields(F &&f) { f(z); }
    };

    // A component uniform in [-1, 1) scaled by 2^k, k in [k_lo, k_hi].
    static double component(hpceval::Rng &rng, int k_lo, int k_hi) {
        const int k = k_lo + static_cast<int>(rng.below(static_cast<std::uint64_t>(k_hi - k_lo + 1)));
        return std::ldexp(rng.uniform(), k);
    }

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.z.resize(2 * size);
        for (std::size_t i = 0; i < size; ++i) {
            double re = 0.0, im = 0.0;
            switch (rng.below(16)) {
            case 0:  // both zero, either sign
                re = rng.below(2) ? -0.0 : 0.0;
                im = rng.below(2) ? -0.0 : 0.0;
                break;
            case 1:  // one component zero
                re = component(rng, -8, 8);
                im = rng.below(2) ? -0.0 : 0.0;
                if (rng.below(2)) std::swap(re, im);
                break;
            case 2:  // both huge: re^2 + im^2 overflows
                re = component(rng, 830, 1019);
                im = component(rng, 830, 1019);
                break;
            case 3:  // both tiny: re^2 + im^2 underflows (at least 2^-960 * 2^-53, still normal)
                re = component(rng, -960, -531);
                im = component(rng, -960, -531);
                break;
            case 4:  // wildly different scales
                re = component(rng, -8, 1019);
                im = component(rng, -960, -531);
                if (rng.below(2)) std::swap(re, im);
                break;
            default: {  // ordinary numbers of one common scale
                const int k = -8 + static_cast<int>(rng.below(17));
                re = std::ldexp(rng.uniform(), k);
                im = std::ldexp(rng.uniform(), k);
            }
            }
            in.z[2 * i] = re;
            in.z[2 * i + 1] = im;
        }
        return in;
    }
    // mag arrives full of NaN: an element the candidate does not write fails the comparison.
    static void reset_output(const Input &in, std::vector<double> &out) {
        out.assign(in.z.size() / 2, std::numeric_limits<double>::quiet_NaN());
    }
    static void candidate(const Input &in, std::vector<double> &out) { complex_abs(in.z, out); }
    static void baseline(const Input &in, std::vector<double> &out) { hpceval_baseline_complex_abs(in.z, out); }
};

HPCEVAL_MAIN(ComplexAbsProblem)
