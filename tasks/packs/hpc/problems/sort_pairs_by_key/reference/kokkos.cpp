// Kokkos reference of sort_pairs_by_key: a parallel stable LSD radix sort of (key, value) records, three 11-bit passes; per-chunk digit counts give digit-major, chunk-minor offsets and each chunk scatters its records.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace {

struct Record {
    std::uint32_t key;  // the key with its sign bit flipped: unsigned order = signed order
    double value;
};

constexpr int DIGIT_BITS = 11, NPASS = 3;
constexpr std::size_t NDIGIT = std::size_t{1} << DIGIT_BITS, DIGIT_MASK = NDIGIT - 1;
constexpr std::size_t PAR_MIN = 1 << 15;

}  // namespace

void sort_pairs_by_key(std::vector<int32_t> &keys, std::vector<double> &values) {
    const std::size_t n = keys.size();
    if (n == 0) return;
    const std::size_t T =
        n < PAR_MIN ? 1 : static_cast<std::size_t>(Kokkos::DefaultHostExecutionSpace::concurrency());
    std::unique_ptr<Record[]> buf_a(new Record[n]), buf_b(new Record[n]);
    // hist[(p * T + c) * NDIGIT + d]: records of chunk c with digit d in pass p
    std::vector<std::size_t> hist(NPASS * T * NDIGIT, 0);
    std::size_t *hp = hist.data();
    int32_t *kp = keys.data();
    double *vp = values.data();
    using Policy = Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>;

    Record *src = buf_a.get(), *dst = buf_b.get();
    {
        Record *a = src;
        Kokkos::parallel_for(
            "pairs_load", Policy(0, T), KOKKOS_LAMBDA(const std::size_t c) {
                const std::size_t lo = c * n / T, hi = (c + 1) * n / T;
                std::size_t *h0 = hp + (0 * T + c) * NDIGIT;
                std::size_t *h1 = hp + (1 * T + c) * NDIGIT;
                std::size_t *h2 = hp + (2 * T + c) * NDIGIT;
                for (std::size_t i = lo; i < hi; ++i) {
                    const std::uint32_t k = static_cast<std::uint32_t>(kp[i]) ^ 0x80000000u;
                    a[i] = Record{k, vp[i]};
                    ++h0[k & DIGIT_MASK];
                    ++h1[(k >> DIGIT_BITS) & DIGIT_MASK];
                    ++h2[(k >> (2 * DIGIT_BITS)) & DIGIT_MASK];
                }
            });
        Kokkos::fence();
    }
    // A pass is the identity when one digit holds every record.
    bool trivial[NPASS];
    for (int p = 0; p < NPASS; ++p) {
        trivial[p] = false;
        for (std::size_t d = 0; d < NDIGIT && !trivial[p]; ++d) {
            std::size_t tot = 0;
            for (std::size_t c = 0; c < T; ++c) tot += hist[(p * T + c) * NDIGIT + d];
            trivial[p] = tot == n;
        }
    }
    bool fresh = true;  // the load counts are valid for the first pass that runs
    for (int p = 0; p < NPASS; ++p) {
        if (trivial[p]) continue;
        const int shift = p * DIGIT_BITS;
        std::size_t *hpass = hp + static_cast<std::size_t>(p) * T * NDIGIT;
        const Record *a = src;
        Record *b = dst;
        if (!fresh) {  // records moved between chunks in the previous pass: recount
            Kokkos::parallel_for(
                "pairs_count", Policy(0, T), KOKKOS_LAMBDA(const std::size_t c) {
                    const std::size_t lo = c * n / T, hi = (c + 1) * n / T;
                    std::size_t *h = hpass + c * NDIGIT;
                    for (std::size_t d = 0; d < NDIGIT; ++d) h[d] = 0;
                    for (std::size_t i = lo; i < hi; ++i) ++h[(a[i].key >> shift) & DIGIT_MASK];
                });
            Kokkos::fence();
        }
        fresh = false;
        // Exclusive prefix over (digit, chunk): equal digits keep their order across chunks.
        std::size_t run = 0;
        for (std::size_t d = 0; d < NDIGIT; ++d)
            for (std::size_t c = 0; c < T; ++c) {
                const std::size_t v = hpass[c * NDIGIT + d];
                hpass[c * NDIGIT + d] = run;
                run += v;
            }
        Kokkos::parallel_for(
            "pairs_scatter", Policy(0, T), KOKKOS_LAMBDA(const std::size_t c) {
                const std::size_t lo = c * n / T, hi = (c + 1) * n / T;
                std::size_t *pos = hpass + c * NDIGIT;
                for (std::size_t i = lo; i < hi; ++i) b[pos[(a[i].key >> shift) & DIGIT_MASK]++] = a[i];
            });
        Kokkos::fence();
        std::swap(src, dst);
    }
    const Record *res = src;
    Kokkos::parallel_for(
        "pairs_store", Policy(0, T), KOKKOS_LAMBDA(const std::size_t c) {
            const std::size_t lo = c * n / T, hi = (c + 1) * n / T;
            for (std::size_t i = lo; i < hi; ++i) {
                kp[i] = static_cast<int32_t>(res[i].key ^ 0x80000000u);
                vp[i] = res[i].value;
            }
        });
    Kokkos::fence();
}
