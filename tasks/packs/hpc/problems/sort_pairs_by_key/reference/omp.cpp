// OpenMP reference of sort_pairs_by_key: a parallel LSD radix sort of (key, value) records (the
// key's sign bit flipped so that unsigned order is signed order), three passes of 11-bit digits.
// Every thread owns one contiguous chunk of the array for a whole pass: it counts the digits of its
// chunk, the counts are turned into digit-major, thread-minor offsets (so the scatter is stable),
// and every thread scatters its chunk (the first pass uses the histograms of the loading pass, later
// passes recount their chunk). A pass whose digit is the same for every record is skipped.
#include <omp.h>

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

constexpr int BITS = 11, PASSES = 3;
constexpr std::size_t RADIX = std::size_t{1} << BITS, MASK = RADIX - 1;
constexpr std::size_t PARALLEL_MIN = 1 << 15;

}  // namespace

void sort_pairs_by_key(std::vector<int32_t> &keys, std::vector<double> &values) {
    const std::size_t n = keys.size();
    if (n == 0) return;
    std::unique_ptr<Rec[]> buf0(new Rec[n]), buf1(new Rec[n]);
    std::vector<std::size_t> count;  // [pass][thread][digit]
    bool skip[PASSES] = {false, false, false};
    int32_t *kp = keys.data();
    double *vp = values.data();
#pragma omp parallel if (n >= PARALLEL_MIN)
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t lo = (t * n) / nt, hi = ((t + 1) * n) / nt;
#pragma omp single
        count.assign(PASSES * nt * RADIX, 0);
        auto hist = [&](int p, std::size_t q) { return count.data() + (static_cast<std::size_t>(p) * nt + q) * RADIX; };
        // Load the chunk and count the digits of all passes at once.
        Rec *a = buf0.get(), *b = buf1.get();
        for (std::size_t i = lo; i < hi; ++i) {
            const std::uint32_t k = static_cast<std::uint32_t>(kp[i]) ^ 0x80000000u;
            a[i] = Rec{k, vp[i]};
            for (int p = 0; p < PASSES; ++p) ++hist(p, t)[(k >> (p * BITS)) & MASK];
        }
#pragma omp barrier
#pragma omp single
        for (int p = 0; p < PASSES; ++p)  // a pass is trivial when one digit holds every record
            for (std::size_t d = 0; d < RADIX && !skip[p]; ++d) {
                std::size_t total = 0;
                for (std::size_t q = 0; q < nt; ++q) total += hist(p, q)[d];
                skip[p] = total == n;
            }
        bool counted = true;  // the chunk counts are valid for the first pass that runs
        for (int p = 0; p < PASSES; ++p) {
            if (skip[p]) continue;
            const int shift = p * BITS;
            std::size_t *c = hist(p, t);
            if (!counted) {  // records moved between chunks in the previous pass: recount this chunk
                for (std::size_t d = 0; d < RADIX; ++d) c[d] = 0;
                for (std::size_t i = lo; i < hi; ++i) ++c[(a[i].key >> shift) & MASK];
#pragma omp barrier
            }
            counted = false;
#pragma omp single
            {
                // Exclusive prefix over (digit, thread): stable placement.
                std::size_t sum = 0;
                for (std::size_t d = 0; d < RADIX; ++d)
                    for (std::size_t q = 0; q < nt; ++q) {
                        const std::size_t v = hist(p, q)[d];
                        hist(p, q)[d] = sum;
                        sum += v;
                    }
            }
            for (std::size_t i = lo; i < hi; ++i) b[c[(a[i].key >> shift) & MASK]++] = a[i];
            std::swap(a, b);
#pragma omp barrier
        }
        for (std::size_t i = lo; i < hi; ++i) {
            kp[i] = static_cast<int32_t>(a[i].key ^ 0x80000000u);
            vp[i] = a[i].value;
        }
    }
}
