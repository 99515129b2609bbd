// Serial reference of closest_pair: sort by x with an LSD radix sort, then sweep. The x coordinates
// become order-preserving 64-bit keys (sign bit flipped for positives, all bits for negatives); a
// record is (key, y). One read pass builds the histograms of the four 16-bit digits, and each digit
// is one stable scatter pass, skipped when all keys share that digit. The sweep compares each point
// with its predecessors in x order while their x distance alone is below the best distance found,
// with squared distances (one square root per improvement); x is decoded from the key on the fly, and
// the buffers are left uninitialised (no zeroing pass over memory that is overwritten anyway).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

namespace {

struct Rec {
    std::uint64_t key;
    double y;
};

constexpr std::uint64_t SIGN = std::uint64_t(1) << 63;
constexpr int DIGITS = 4, BITS = 16;
constexpr std::size_t RADIX = std::size_t(1) << BITS, MASK = RADIX - 1;

inline std::uint64_t key_of(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return (b & SIGN) ? ~b : (b | SIGN);
}

inline double x_of(std::uint64_t k) {
    const std::uint64_t b = (k & SIGN) ? (k ^ SIGN) : ~k;
    double x;
    std::memcpy(&x, &b, sizeof x);
    return x;
}

}  // namespace

double closest_pair(const std::vector<double> &x, const std::vector<double> &y) {
    const std::size_t n = x.size();
    if (n < 2) return std::numeric_limits<double>::infinity();
    std::unique_ptr<Rec[]> a(new Rec[n]), b(new Rec[n]);
    std::vector<std::size_t> hist(DIGITS * RADIX, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t k = key_of(x[i]);
        a[i] = {k, y[i]};
        for (int d = 0; d < DIGITS; ++d) ++hist[static_cast<std::size_t>(d) * RADIX + ((k >> (BITS * d)) & MASK)];
    }
    Rec *src = a.get(), *dst = b.get();
    for (int d = 0; d < DIGITS; ++d) {
        std::size_t *h = hist.data() + static_cast<std::size_t>(d) * RADIX;
        const int shift = BITS * d;
        if (h[(src[0].key >> shift) & MASK] == n) continue;  // every key has this digit value
        std::size_t sum = 0;
        for (std::size_t v = 0; v < RADIX; ++v) {
            const std::size_t c = h[v];
            h[v] = sum;
            sum += c;
        }
        for (std::size_t i = 0; i < n; ++i) dst[h[(src[i].key >> shift) & MASK]++] = src[i];
        Rec *t = src;
        src = dst;
        dst = t;
    }

    double best = std::numeric_limits<double>::infinity(), best2 = best;
    for (std::size_t i = 1; i < n; ++i) {
        const double xi = x_of(src[i].key), yi = src[i].y;
        for (std::size_t j = i; j-- > 0;) {
            const double dx = xi - x_of(src[j].key);
            if (dx >= best) break;
            const double dy = yi - src[j].y;
            const double d2 = dx * dx + dy * dy;
            if (d2 < best2) {
                best2 = d2;
                best = std::sqrt(d2);
            }
        }
    }
    return best;
}
