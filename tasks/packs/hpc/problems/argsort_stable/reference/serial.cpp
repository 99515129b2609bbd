// Serial reference of argsort_stable: an LSD radix sort of (key, index) records. The key is the
// double's bit pattern mapped to an unsigned integer with the same order (-0.0 first made +0.0,
// so the two zeros tie); six passes of 11-bit digits, each a counting sort, which is stable, so
// equal values keep their index order. All six digit histograms come from one read pass, and a
// pass whose digit is the same for every record is skipped.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace {

struct Rec {
    std::uint64_t key;
    std::uint64_t idx;
};

// Monotone map of a double (not NaN) to an unsigned integer: a < b  <=>  order_key(a) < order_key(b).
inline std::uint64_t order_key(double v) {
    if (v == 0.0) v = 0.0;  // -0.0 == 0.0
    std::uint64_t b;
    std::memcpy(&b, &v, sizeof b);
    return (b >> 63) ? ~b : (b | (std::uint64_t{1} << 63));
}

// Stable LSD radix sort of a[0, n) by key; tmp has room for n records. Returns the buffer that
// holds the sorted records (a or tmp).
Rec *radix_sort(Rec *a, Rec *tmp, std::size_t n) {
    constexpr int BITS = 11, PASSES = 6;
    constexpr std::size_t RADIX = std::size_t{1} << BITS, MASK = RADIX - 1;
    std::vector<std::size_t> count(PASSES * RADIX, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t k = a[i].key;
        for (int p = 0; p < PASSES; ++p) ++count[p * RADIX + ((k >> (p * BITS)) & MASK)];
    }
    for (int p = 0; p < PASSES; ++p) {
        std::size_t *c = count.data() + p * RADIX;
        bool constant = false;
        std::size_t sum = 0;
        for (std::size_t d = 0; d < RADIX; ++d) {
            if (c[d] == n) constant = true;
            const std::size_t t = c[d];
            c[d] = sum;
            sum += t;
        }
        if (constant) continue;
        const int shift = p * BITS;
        for (std::size_t i = 0; i < n; ++i) tmp[c[(a[i].key >> shift) & MASK]++] = a[i];
        std::swap(a, tmp);
    }
    return a;
}

}  // namespace

void argsort_stable(const std::vector<double> &x, std::vector<int64_t> &perm) {
    const std::size_t n = x.size();
    if (n == 0) return;
    std::unique_ptr<Rec[]> a(new Rec[n]), tmp(new Rec[n]);
    for (std::size_t i = 0; i < n; ++i) a[i] = Rec{order_key(x[i]), i};
    const Rec *sorted = radix_sort(a.get(), tmp.get(), n);
    for (std::size_t i = 0; i < n; ++i) perm[i] = static_cast<int64_t>(sorted[i].idx);
}
