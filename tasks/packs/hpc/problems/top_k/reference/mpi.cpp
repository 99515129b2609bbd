// MPI reference of top_k: every rank finds the k largest values of its contiguous block of x in
// one streaming pass with a rising threshold (candidates above the threshold go to a small buffer,
// cut back to its k largest with std::nth_element when full; blocks of 32 values are tested with
// SSE2-width vector compares, so the pass runs at memory bandwidth); rank 0 gathers the P * k
// candidates with MPI_Gather and selects and sorts the k largest.
#include <mpi.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <functional>
#include <vector>

namespace {

typedef double v2d __attribute__((vector_size(16)));
typedef long long v2l __attribute__((vector_size(16)));

constexpr std::size_t BLOCK = 32;

// Whether any of p[0, BLOCK) is > t.
inline bool any_above(const double *p, double t) {
    const v2d tv = {t, t};
    v2l acc = {0, 0};
    for (std::size_t j = 0; j < BLOCK; j += 2) {
        v2d v;
        std::memcpy(&v, p + j, sizeof v);
        acc |= v > tv;
    }
    return (acc[0] | acc[1]) != 0;
}

// The k largest values of x[0, n) (1 <= k <= n) into best[0, k), in any order.
void local_top_k(const double *x, std::size_t n, std::size_t k, double *best) {
    const std::size_t cap = 4 * k + 4 * BLOCK;
    std::vector<double> buf(cap);
    double *b = buf.data();
    std::size_t c = 0;
    double t = -HUGE_VAL;  // x is finite: every value passes until the first cut
    auto cut = [&]() {
        std::nth_element(b, b + (k - 1), b + c, std::greater<double>());
        t = b[k - 1];
        c = k;
    };
    std::size_t i = 0;
    for (; i + BLOCK <= n; i += BLOCK) {
        const double *p = x + i;
        if (!any_above(p, t)) continue;
        if (c + BLOCK > cap) cut();
        for (std::size_t j = 0; j < BLOCK; ++j) {
            b[c] = p[j];
            c += p[j] > t;
        }
    }
    if (c + BLOCK > cap) cut();
    for (; i < n; ++i) {
        b[c] = x[i];
        c += x[i] > t;
    }
    // c >= k, and every value left out is <= t, which k buffered values reach.
    std::nth_element(b, b + (k - 1), b + c, std::greater<double>());
    std::copy(b, b + k, best);
}

// The k largest values of x[0, n) into best[0, k) (any order); when n < k the missing ones are
// -infinity, which every finite value beats.
void block_top_k(const double *x, std::size_t n, std::size_t k, double *best) {
    if (n >= k) return local_top_k(x, n, k, best);
    std::copy(x, x + n, best);
    std::fill(best + n, best + k, -HUGE_VAL);
}

}  // namespace

void top_k(const std::vector<double> &x, size_t k, std::vector<double> &out) {
    if (k == 0) return;
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size(), p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t lo = (r * n) / p, hi = ((r + 1) * n) / p;
    std::vector<double> mine(k), all;
    block_top_k(x.data() + lo, hi - lo, k, mine.data());
    if (rank == 0) all.resize(p * k);
    MPI_Gather(mine.data(), static_cast<int>(k), MPI_DOUBLE, all.data(), static_cast<int>(k), MPI_DOUBLE, 0,
               MPI_COMM_WORLD);
    if (rank != 0) return;
    std::nth_element(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k - 1), all.end(),
                     std::greater<double>());
    std::sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), std::greater<double>());
    std::copy(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), out.begin());
}
