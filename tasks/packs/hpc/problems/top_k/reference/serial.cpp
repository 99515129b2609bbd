// Serial reference of top_k: one streaming pass with a rising threshold. Candidates (values above
// the threshold t) are appended to a small buffer; when it is full it is cut back to its k largest
// with std::nth_element and t becomes the k-th largest seen so far, so after a short start almost
// no value passes. The pass tests blocks of 32 values with SSE2-width vector compares (GCC vector
// extensions), so it runs at memory bandwidth; only a block holding a candidate is appended, without
// branches. A value equal to t can be dropped: it would only replace an equal value. Finally the
// buffer's k largest are sorted in descending order.
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

}  // namespace

void top_k(const std::vector<double> &x, size_t k, std::vector<double> &out) {
    if (k == 0) return;
    local_top_k(x.data(), x.size(), k, out.data());
    std::sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k), std::greater<double>());
}
