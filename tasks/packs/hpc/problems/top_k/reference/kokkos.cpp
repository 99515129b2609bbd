// Kokkos reference of top_k: a parallel_for over one contiguous chunk per thread, each finding its k largest values in one streaming pass with a rising threshold (vector compares on blocks of 32); the k largest of the candidates are then selected and sorted.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <functional>
#include <memory>
#include <vector>

namespace {

typedef double pair_d __attribute__((vector_size(16)));
typedef long long pair_l __attribute__((vector_size(16)));

constexpr std::size_t SCAN = 32;
constexpr std::size_t PAR_MIN = 1 << 16;

// Whether one of p[0, SCAN) exceeds thr.
inline bool block_has_above(const double *p, double thr) {
    const pair_d tv = {thr, thr};
    pair_l hit = {0, 0};
    for (std::size_t j = 0; j < SCAN; j += 2) {
        pair_d v;
        std::memcpy(&v, p + j, sizeof v);
        hit |= v > tv;
    }
    return (hit[0] | hit[1]) != 0;
}

// The k largest of x[0, n) (1 <= k <= n) into best[0, k), any order: values above a rising threshold
// are buffered; a full buffer is cut back to its k largest, whose smallest becomes the threshold.
void chunk_top_k(const double *x, std::size_t n, std::size_t k, double *best) {
    const std::size_t cap = 4 * k + 4 * SCAN;
    std::unique_ptr<double[]> store(new double[cap]);
    double *b = store.get();
    std::size_t c = 0;
    double thr = -HUGE_VAL;
    std::size_t i = 0;
    for (; i + SCAN <= n; i += SCAN) {
        const double *p = x + i;
        if (!block_has_above(p, thr)) continue;
        if (c + SCAN > cap) {
            std::nth_element(b, b + (k - 1), b + c, std::greater<double>());
            thr = b[k - 1];
            c = k;
        }
        for (std::size_t j = 0; j < SCAN; ++j) {
            b[c] = p[j];
            c += p[j] > thr;
        }
    }
    if (c + SCAN > cap) {
        std::nth_element(b, b + (k - 1), b + c, std::greater<double>());
        thr = b[k - 1];
        c = k;
    }
    for (; i < n; ++i) {
        b[c] = x[i];
        c += x[i] > thr;
    }
    // c >= k: everything left out is <= thr, and k buffered values are >= thr.
    std::nth_element(b, b + (k - 1), b + c, std::greater<double>());
    std::copy(b, b + k, best);
}

// As chunk_top_k, padding with -infinity when the chunk has fewer than k values.
void chunk_top_k_padded(const double *x, std::size_t n, std::size_t k, double *best) {
    if (n >= k) {
        chunk_top_k(x, n, k, best);
        return;
    }
    std::copy(x, x + n, best);
    std::fill(best + n, best + k, -HUGE_VAL);
}

}  // namespace

void top_k(const std::vector<double> &x, size_t k, std::vector<double> &out) {
    if (k == 0) return;
    const std::size_t n = x.size();
    const double *xp = x.data();
    const std::size_t T =
        n >= PAR_MIN ? static_cast<std::size_t>(Kokkos::DefaultHostExecutionSpace::concurrency()) : 1;
    std::vector<double> cand(T * k);
    double *cd = cand.data();
    if (T == 1) {
        chunk_top_k(xp, n, k, cd);
    } else {
        Kokkos::parallel_for(
            "top_k_chunks", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, T),
            KOKKOS_LAMBDA(const std::size_t c) {
                const std::size_t lo = (c * n) / T, hi = ((c + 1) * n) / T;
                chunk_top_k_padded(xp + lo, hi - lo, k, cd + c * k);
            });
        Kokkos::fence();
    }
    std::nth_element(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(k - 1), cand.end(),
                     std::greater<double>());
    std::sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(k), std::greater<double>());
    std::copy(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(k), out.begin());
}
