// Serial reference of sort_pairs_by_key: an LSD radix sort of (key, value) records. The key's
// sign bit is flipped so that unsigned order is signed order; three passes of 11-bit digits, each
// a counting sort, which is stable, so equal keys keep their order. All digit histograms come from
// one read pass, and a pass whose digit is the same for every record is skipped.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace {

struct Rec {
    std::uint32_t key;  // key ^ 0x80000000
    double value;
};

// Stable LSD radix sort of a[0, n) by key; tmp has room for n records. Returns the buffer that
// holds the sorted records (a or tmp).
Rec *radix_sort(Rec *a, Rec *tmp, std::size_t n) {
    constexpr int BITS = 11, PASSES = 3;
    constexpr std::size_t RADIX = std::size_t{1} << BITS, MASK = RADIX - 1;
    std::vector<std::size_t> count(PASSES * RADIX, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t k = a[i].key;
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

void sort_pairs_by_key(std::vector<int32_t> &keys, std::vector<double> &values) {
    const std::size_t n = keys.size();
    if (n == 0) return;
    std::unique_ptr<Rec[]> a(new Rec[n]), tmp(new Rec[n]);
    for (std::size_t i = 0; i < n; ++i) a[i] = Rec{static_cast<std::uint32_t>(keys[i]) ^ 0x80000000u, values[i]};
    const Rec *sorted = radix_sort(a.get(), tmp.get(), n);
    for (std::size_t i = 0; i < n; ++i) {
        keys[i] = static_cast<int32_t>(sorted[i].key ^ 0x80000000u);
        values[i] = sorted[i].value;
    }
}
