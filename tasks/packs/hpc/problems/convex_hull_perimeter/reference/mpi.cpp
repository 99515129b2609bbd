// MPI reference of convex_hull_perimeter: x slabs, one per rank. All ranks pick the same slab boundaries
// from a fixed sample of the x coordinates; each rank gathers the points of its slab
// (x in [s_r, s_{r+1}), so equal x never straddles two slabs) and works on them alone:
//  - Akl-Toussaint filtering: the slab's extreme points in eight directions (min/max of x, y, x + y,
//    x - y) span a convex octagon inside the hull; points strictly inside it are dropped;
//  - an LSD radix sort by x on order-preserving 64-bit keys (16-bit digits, digits shared by every key
//    skipped), then runs of equal x sorted by y;
//  - the lower and upper hull chains of the slab (Andrew's monotone chain).
// Every global hull vertex is a vertex of its slab's chain, and the slabs are in x order, so rank 0
// gathers the chains (MPI_Gather of the sizes, one MPI_Gatherv of the points) and runs one more chain
// over their concatenation. The perimeter is the length of both chains.
#include <mpi.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

namespace {

struct Rec {
    std::uint64_t key;  // order-preserving image of x
    double y;
};

struct Pt {
    double x, y;
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

inline double cross(const Pt &o, const Pt &a, const Pt &b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Appends p to the lower (sign = +1: strict left turns) or upper (sign = -1) chain.
inline void chain_push(std::vector<Pt> &c, const Pt &p, double sign) {
    while (c.size() >= 2 && sign * cross(c[c.size() - 2], c.back(), p) <= 0.0) c.pop_back();
    c.push_back(p);
}

// A hull chain: its points and the prefix lengths of its polyline.
struct Chain {
    std::vector<Pt> p;
    std::vector<double> len;  // len[i] = length of p[0 .. i]
};

// A piece chains[t].p[s .. e] (inclusive) of a merged chain.
struct Piece {
    std::size_t t, s, e;
};

// The hull chain (lower: sign = +1, upper: sign = -1) of the concatenation of the chains, which are
// x-sorted, convex, and in x order, as a sequence of pieces of them. Each junction is found by
// walking: the merged tail gives up points while it does not turn strictly towards the next chain's
// head, and the head moves on while the tail, the head and the point after it do not turn strictly.
std::vector<Piece> merge_pieces(const std::vector<Chain> &chains, double sign) {
    std::vector<Piece> m;
    std::size_t count = 0;  // points in m
    auto at = [&](std::size_t back) -> const Pt & {  // back = 0: last point of m
        std::size_t k = m.size() - 1;
        while (back > m[k].e - m[k].s) {
            back -= m[k].e - m[k].s + 1;
            --k;
        }
        return chains[m[k].t].p[m[k].e - back];
    };
    for (std::size_t t = 0; t < chains.size(); ++t) {
        const std::vector<Pt> &c = chains[t].p;
        if (c.empty()) continue;
        std::size_t j = 0;
        for (bool changed = true; changed && count > 0;) {
            changed = false;
            while (count >= 2 && sign * cross(at(1), at(0), c[j]) <= 0.0) {
                if (m.back().e == m.back().s) m.pop_back();
                else --m.back().e;
                --count;
                changed = true;
            }
            while (j + 1 < c.size() && sign * cross(at(0), c[j], c[j + 1]) <= 0.0) {
                ++j;
                changed = true;
            }
        }
        m.push_back({t, j, c.size() - 1});
        count += c.size() - j;
    }
    return m;
}

inline double dist(const Pt &a, const Pt &b) { return std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)); }

// Length of the merged chain, read off the prefix lengths of its pieces plus the bridges.
double merged_length(const std::vector<Chain> &chains, double sign) {
    const std::vector<Piece> m = merge_pieces(chains, sign);
    double total = 0.0;
    for (std::size_t k = 0; k < m.size(); ++k) {
        const Chain &c = chains[m[k].t];
        total += c.len[m[k].e] - c.len[m[k].s];
        if (k + 1 < m.size()) total += dist(c.p[m[k].e], chains[m[k + 1].t].p[m[k + 1].s]);
    }
    return total;
}

// Fills c.len with the prefix lengths of c.p.
void prefix_lengths(Chain &c) {
    c.len.resize(c.p.size());
    double s = 0.0;
    for (std::size_t i = 0; i < c.p.size(); ++i) {
        if (i > 0)
            s += std::sqrt((c.p[i].x - c.p[i - 1].x) * (c.p[i].x - c.p[i - 1].x) +
                           (c.p[i].y - c.p[i - 1].y) * (c.p[i].y - c.p[i - 1].y));
        c.len[i] = s;
    }
}

// Lower and upper chains of the points in recs (which is filtered and sorted in place).
void slab_chains(std::vector<Rec> &recs, Chain &lc, Chain &uc) {
    std::size_t n = recs.size();
    if (n == 0) return;
    // octagon of extreme points, counter-clockwise: min x, min x+y, min y, max x-y, max x, max x+y, max y, min x-y
    Pt e[8];
    for (Pt &p : e) p = {x_of(recs[0].key), recs[0].y};
    for (const Rec &r : recs) {
        const double x = x_of(r.key), y = r.y;
        if (x < e[0].x) e[0] = {x, y};
        if (x + y < e[1].x + e[1].y) e[1] = {x, y};
        if (y < e[2].y) e[2] = {x, y};
        if (x - y > e[3].x - e[3].y) e[3] = {x, y};
        if (x > e[4].x) e[4] = {x, y};
        if (x + y > e[5].x + e[5].y) e[5] = {x, y};
        if (y > e[6].y) e[6] = {x, y};
        if (x - y < e[7].x - e[7].y) e[7] = {x, y};
    }
    std::size_t m = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Pt p = {x_of(recs[i].key), recs[i].y};
        bool inside = true;
        for (int k = 0; k < 8; ++k) inside &= cross(e[k], e[(k + 1) & 7], p) > 0.0;
        if (!inside) recs[m++] = recs[i];
    }
    recs.resize(m);
    n = m;
    // radix sort by x key
    std::vector<Rec> tmp(n);
    std::vector<std::size_t> hist(DIGITS * RADIX, 0);
    for (const Rec &r : recs)
        for (int d = 0; d < DIGITS; ++d) ++hist[static_cast<std::size_t>(d) * RADIX + ((r.key >> (BITS * d)) & MASK)];
    Rec *src = recs.data(), *dst = tmp.data();
    for (int d = 0; d < DIGITS; ++d) {
        std::size_t *h = hist.data() + static_cast<std::size_t>(d) * RADIX;
        const int shift = BITS * d;
        if (h[(src[0].key >> shift) & MASK] == n) continue;
        std::size_t sum = 0;
        for (std::size_t v = 0; v < RADIX; ++v) {
            const std::size_t c = h[v];
            h[v] = sum;
            sum += c;
        }
        for (std::size_t i = 0; i < n; ++i) dst[h[(src[i].key >> shift) & MASK]++] = src[i];
        std::swap(src, dst);
    }
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i + 1;
        while (j < n && src[j].key == src[i].key) ++j;
        if (j - i > 1) std::sort(src + i, src + j, [](const Rec &p, const Rec &q) { return p.y < q.y; });
        i = j;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const Pt p = {x_of(src[i].key), src[i].y};
        chain_push(lc.p, p, 1.0);
        chain_push(uc.p, p, -1.0);
    }
    prefix_lengths(lc);
    prefix_lengths(uc);
}

}  // namespace

double convex_hull_perimeter(const std::vector<double> &x, const std::vector<double> &y) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);

    // Slab boundaries: quantiles of a fixed sample (the same on every rank).
    const double INF = std::numeric_limits<double>::infinity();
    const std::size_t samples = std::min<std::size_t>(n, 1024 * p);
    std::vector<double> sample(samples);
    for (std::size_t i = 0; i < samples; ++i) sample[i] = x[i * n / samples];
    std::sort(sample.begin(), sample.end());
    const double lo = r == 0 ? -INF : sample[r * samples / p];
    const double hi = r + 1 == p ? INF : sample[(r + 1) * samples / p];

    std::vector<Rec> recs;
    recs.reserve(n / p + n / (8 * p) + 16);
    for (std::size_t i = 0; i < n; ++i)
        if (x[i] >= lo && x[i] < hi) recs.push_back({key_of(x[i]), y[i]});
    Chain lc, uc;
    slab_chains(recs, lc, uc);

    // Rank 0 gathers every slab's [lower chain, upper chain] as (x, y, prefix length) triples, in slab
    // (x) order, and joins them.
    std::vector<double> mine;
    mine.reserve(3 * (lc.p.size() + uc.p.size()));
    for (const Chain *c : {&lc, &uc})
        for (std::size_t i = 0; i < c->p.size(); ++i) {
            mine.push_back(c->p[i].x);
            mine.push_back(c->p[i].y);
            mine.push_back(c->len[i]);
        }
    const int sizes[2] = {static_cast<int>(lc.p.size()), static_cast<int>(uc.p.size())};
    std::vector<int> all_sizes(2 * p), counts(p), displs(p);
    MPI_Gather(sizes, 2, MPI_INT, all_sizes.data(), 2, MPI_INT, 0, MPI_COMM_WORLD);
    std::size_t total = 0;
    for (std::size_t q = 0; q < p; ++q) {
        counts[q] = 3 * (all_sizes[2 * q] + all_sizes[2 * q + 1]);
        displs[q] = static_cast<int>(total);
        total += static_cast<std::size_t>(counts[q]);
    }
    std::vector<double> gathered(rank == 0 ? total : 0);
    MPI_Gatherv(mine.data(), static_cast<int>(mine.size()), MPI_DOUBLE, gathered.data(), counts.data(),
                displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    if (rank != 0) return 0.0;
    std::vector<Chain> lower(p), upper(p);
    for (std::size_t q = 0; q < p; ++q) {
        const double *g = gathered.data() + displs[q];
        const std::size_t nl = static_cast<std::size_t>(all_sizes[2 * q]), nu = static_cast<std::size_t>(all_sizes[2 * q + 1]);
        for (std::size_t i = 0; i < nl + nu; ++i) {
            Chain &c = i < nl ? lower[q] : upper[q];
            c.p.push_back({g[3 * i], g[3 * i + 1]});
            c.len.push_back(g[3 * i + 2]);
        }
    }
    return merged_length(lower, 1.0) + merged_length(upper, -1.0);
}
