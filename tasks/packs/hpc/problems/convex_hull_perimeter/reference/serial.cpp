// Serial reference of convex_hull_perimeter: Akl-Toussaint filtering, a radix sort and monotone chains.
//  1. The extreme points in eight directions (min/max of x, y, x + y, x - y) span a convex octagon
//     inside the hull; points strictly inside it cannot be on the hull boundary and are dropped.
//  2. The survivors are sorted by x with an LSD radix sort on order-preserving 64-bit keys (16-bit
//     digits, digits shared by every key skipped); runs of equal x are then sorted by y, which gives
//     the (x, y) order the chains need.
//  3. Andrew's monotone chain builds the lower hull (strict left turns) and the upper hull (strict
//     right turns) from left to right; the perimeter is the length of both chains (for collinear or
//     coincident points both are the same segment, counted twice, as the perimeter of a segment is).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace {

struct Rec {
    std::uint64_t key;  // order-preserving image of x
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

inline double cross(double ox, double oy, double ax, double ay, double bx, double by) {
    return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
}

}  // namespace

double convex_hull_perimeter(const std::vector<double> &x, const std::vector<double> &y) {
    const std::size_t n = x.size();
    if (n < 2) return 0.0;

    // 1. The octagon of extreme points, counter-clockwise from the leftmost.
    std::size_t ext[8] = {0, 0, 0, 0, 0, 0, 0, 0};  // min x, min x+y, min y, max x-y, max x, max x+y, max y, min x-y
    for (std::size_t i = 1; i < n; ++i) {
        const double xi = x[i], yi = y[i];
        if (xi < x[ext[0]]) ext[0] = i;
        if (xi + yi < x[ext[1]] + y[ext[1]]) ext[1] = i;
        if (yi < y[ext[2]]) ext[2] = i;
        if (xi - yi > x[ext[3]] - y[ext[3]]) ext[3] = i;
        if (xi > x[ext[4]]) ext[4] = i;
        if (xi + yi > x[ext[5]] + y[ext[5]]) ext[5] = i;
        if (yi > y[ext[6]]) ext[6] = i;
        if (xi - yi < x[ext[7]] - y[ext[7]]) ext[7] = i;
    }
    double ox[8], oy[8];
    for (int e = 0; e < 8; ++e) {
        ox[e] = x[ext[e]];
        oy[e] = y[ext[e]];
    }
    std::unique_ptr<Rec[]> a(new Rec[n]), b(new Rec[n]);
    std::size_t m = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double xi = x[i], yi = y[i];
        bool inside = true;
        for (int e = 0; e < 8; ++e)
            inside &= cross(ox[e], oy[e], ox[(e + 1) & 7], oy[(e + 1) & 7], xi, yi) > 0.0;
        if (!inside) a[m++] = {key_of(xi), yi};
    }

    // 2. Radix sort by x, then y order inside runs of equal x.
    std::vector<std::size_t> hist(DIGITS * RADIX, 0);
    for (std::size_t i = 0; i < m; ++i)
        for (int d = 0; d < DIGITS; ++d) ++hist[static_cast<std::size_t>(d) * RADIX + ((a[i].key >> (BITS * d)) & MASK)];
    Rec *src = a.get(), *dst = b.get();
    for (int d = 0; d < DIGITS; ++d) {
        std::size_t *h = hist.data() + static_cast<std::size_t>(d) * RADIX;
        const int shift = BITS * d;
        if (h[(src[0].key >> shift) & MASK] == m) continue;
        std::size_t sum = 0;
        for (std::size_t v = 0; v < RADIX; ++v) {
            const std::size_t c = h[v];
            h[v] = sum;
            sum += c;
        }
        for (std::size_t i = 0; i < m; ++i) dst[h[(src[i].key >> shift) & MASK]++] = src[i];
        std::swap(src, dst);
    }
    for (std::size_t i = 0; i < m;) {
        std::size_t j = i + 1;
        while (j < m && src[j].key == src[i].key) ++j;
        if (j - i > 1) std::sort(src + i, src + j, [](const Rec &p, const Rec &q) { return p.y < q.y; });
        i = j;
    }

    // 3. Lower and upper chains, then their lengths.
    std::vector<double> lx(m), ly(m), ux(m), uy(m);
    std::size_t kl = 0, ku = 0;
    for (std::size_t i = 0; i < m; ++i) {
        const double px = x_of(src[i].key), py = src[i].y;
        while (kl >= 2 && cross(lx[kl - 2], ly[kl - 2], lx[kl - 1], ly[kl - 1], px, py) <= 0.0) --kl;
        lx[kl] = px;
        ly[kl++] = py;
        while (ku >= 2 && cross(ux[ku - 2], uy[ku - 2], ux[ku - 1], uy[ku - 1], px, py) >= 0.0) --ku;
        ux[ku] = px;
        uy[ku++] = py;
    }
    double perimeter = 0.0;
    for (std::size_t i = 1; i < kl; ++i)
        perimeter += std::sqrt((lx[i] - lx[i - 1]) * (lx[i] - lx[i - 1]) + (ly[i] - ly[i - 1]) * (ly[i] - ly[i - 1]));
    for (std::size_t i = 1; i < ku; ++i)
        perimeter += std::sqrt((ux[i] - ux[i - 1]) * (ux[i] - ux[i - 1]) + (uy[i] - uy[i - 1]) * (uy[i] - uy[i - 1]));
    return perimeter;
}
