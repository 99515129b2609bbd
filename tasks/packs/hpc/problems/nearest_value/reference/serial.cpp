// Serial reference of nearest_value. Sorting: a bucket sort on the value range (bucket
// floor((v - min) * B / (max - min)), B = n / 16 buckets, a monotone map), placing (value, index)
// pairs with one stable counting pass and then sorting each small bucket in cache (insertion
// sort, which keeps equal values in index order; std::sort by (value, index) for a large bucket),
// so the data is scattered once instead of once per radix digit. Runs of equal values collapse to
// (value, smallest index). Queries: a directory over the distinct values built with the same kind
// of monotone map (one directory slot per distinct value) narrows every query to the few distinct
// values of its slot, searched by bisection; data of any distribution stays correct (a crowded
// slot only means a longer bisection).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

// A monotone map of doubles to slots 0 .. nb-1: floor((x - lo) * nb / (hi - lo)), clamped.
struct SlotMap {
    double lo, scale;
    std::size_t nb;
    SlotMap(double lo_, double hi_, std::size_t nb_)
        : lo(lo_), scale(hi_ > lo_ ? static_cast<double>(nb_) / (hi_ - lo_) : 0.0), nb(nb_) {
        if (!(scale < 1e300)) scale = 0.0;  // an infinite range: everything in slot 0 (still correct)
    }
    std::size_t operator()(double x) const {
        const double t = (x - lo) * scale;
        if (!(t > 0.0)) return 0;
        if (t >= static_cast<double>(nb)) return nb - 1;
        return static_cast<std::size_t>(t);
    }
};

struct Item {
    double v;
    std::uint32_t i;
};

// Sorts a[0, len) by (value, index); the items arrive in index order.
void sort_bucket(Item *a, std::size_t len) {
    if (len <= 48) {
        for (std::size_t k = 1; k < len; ++k) {  // stable: equal values keep index order
            const Item x = a[k];
            std::size_t r = k;
            while (r > 0 && a[r - 1].v > x.v) {
                a[r] = a[r - 1];
                --r;
            }
            a[r] = x;
        }
    } else {
        std::sort(a, a + len, [](const Item &x, const Item &y) { return x.v < y.v || (x.v == y.v && x.i < y.i); });
    }
}

// Index of the value nearest to x, given the distinct values u[0, un) with their smallest indices
// m[], and p = the first position with u[p] >= x.
inline std::int64_t pick(const double *u, const std::int64_t *m, std::size_t un, std::size_t p, double x) {
    if (p == 0) return m[0];
    if (p == un) return m[un - 1];
    const double dl = x - u[p - 1], dr = u[p] - x;
    return dl < dr ? m[p - 1] : dr < dl ? m[p] : (m[p - 1] < m[p] ? m[p - 1] : m[p]);
}

}  // namespace

void nearest_value(const std::vector<double> &values, const std::vector<double> &queries,
                   std::vector<int64_t> &result) {
    const std::size_t n = values.size(), q = queries.size();
    const double *vals = values.data();
    double vmin = vals[0], vmax = vals[0];
    for (std::size_t i = 1; i < n; ++i) {
        vmin = vals[i] < vmin ? vals[i] : vmin;
        vmax = vals[i] > vmax ? vals[i] : vmax;
    }

    // Bucket sort of (value, index) pairs.
    const std::size_t nb = std::max<std::size_t>(1, n / 16);
    const SlotMap bucket(vmin, vmax, nb);
    std::vector<std::uint32_t> bk(n);
    std::vector<std::size_t> start(nb + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t b = bucket(vals[i]);
        bk[i] = static_cast<std::uint32_t>(b);
        ++start[b + 1];
    }
    for (std::size_t b = 0; b < nb; ++b) start[b + 1] += start[b];
    std::vector<Item> items(n);
    {
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < n; ++i) items[next[bk[i]]++] = Item{vals[i], static_cast<std::uint32_t>(i)};
    }
    for (std::size_t b = 0; b < nb; ++b) sort_bucket(items.data() + start[b], start[b + 1] - start[b]);

    // One entry per distinct value: the value and the smallest index holding it (the first of its run).
    std::vector<double> uval(n);
    std::vector<std::int64_t> umin(n);
    std::size_t un = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (i == 0 || items[i].v != items[i - 1].v) {
            uval[un] = items[i].v;
            umin[un] = items[i].i;
            ++un;
        }
    }
    const double *u = uval.data();
    const std::int64_t *m = umin.data();

    // Directory: dir[s] = the first distinct value whose slot is >= s (dir[ns] = un).
    const std::size_t ns = un;
    const SlotMap slot(u[0], u[un - 1], ns);
    std::vector<std::uint32_t> dir(ns + 1);
    {
        std::size_t s = 0;
        for (std::size_t p = 0; p < un; ++p) {
            const std::size_t sp = slot(u[p]);
            while (s <= sp) dir[s++] = static_cast<std::uint32_t>(p);
        }
        while (s <= ns) dir[s++] = static_cast<std::uint32_t>(un);
    }

    const double *qx = queries.data();
    std::int64_t *out = result.data();
    for (std::size_t j = 0; j < q; ++j) {
        const double x = qx[j];
        const std::size_t s = slot(x);
        std::size_t lo = dir[s], hi = dir[s + 1];  // the first u >= x lies in [lo, hi]
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (u[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        out[j] = pick(u, m, un, lo, x);
    }
}
