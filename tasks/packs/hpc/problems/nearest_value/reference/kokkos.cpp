// Kokkos reference of nearest_value: a parallel bucket sort, runs collapsed, a slot directory, a parallel_for over queries.
// Per-chunk bucket counts and a scatter keep equal values in index order; buckets are sorted under a dynamic
// schedule; a directory over the distinct values narrows every query to a few candidates.
#include <Kokkos_Core.hpp>

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
        if (!(scale < 1e300)) scale = 0.0;  // an overflowing range: everything in slot 0 (still correct)
    }
    KOKKOS_INLINE_FUNCTION std::size_t operator()(double x) const {
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
inline void sort_bucket(Item *a, std::size_t len) {
    if (len <= 48) {
        for (std::size_t k = 1; k < len; ++k) {  // insertion sort is stable: equal values keep index order
            const Item x = a[k];
            std::size_t r = k;
            for (; r > 0 && a[r - 1].v > x.v; --r) a[r] = a[r - 1];
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

// f(0) .. f(count - 1): a Kokkos parallel_for (static, or dynamic with the given chunk) when par,
// else a plain loop (tiny inputs, where parallel overhead would dominate).
template <class F> void for_each(const char *name, std::size_t count, bool par, const F &f, int dynamic_chunk = 0) {
    if (!par) {
        for (std::size_t k = 0; k < count; ++k) f(k);
    } else if (dynamic_chunk > 0) {
        Kokkos::parallel_for(name,
                             Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Dynamic>>(
                                 0, count, Kokkos::ChunkSize(dynamic_chunk)),
                             f);
    } else {
        Kokkos::parallel_for(
            name, Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>>(0, count), f);
    }
}

}  // namespace

void nearest_value(const std::vector<double> &values, const std::vector<double> &queries,
                   std::vector<int64_t> &result) {
    const std::size_t n = values.size(), q = queries.size();
    const double *vals = values.data();
    const double *qx = queries.data();
    std::int64_t *out = result.data();
    const bool par = n + q > 20000;
    const std::size_t nc =
        par ? static_cast<std::size_t>(std::max(1, Kokkos::DefaultHostExecutionSpace::concurrency())) : 1;
    const std::size_t nb = std::max<std::size_t>(1, n / 16);  // buckets

    std::vector<double> cmin(nc), cmax(nc);
    std::vector<std::uint32_t> bk(n);
    std::vector<std::size_t> cnt(nc * nb, 0);  // cnt[c * nb + b]: then chunk c's write offset in bucket b
    std::vector<std::size_t> start(nb + 1);
    std::vector<Item> items(n);
    std::vector<double> uval(n);
    std::vector<std::int64_t> umin(n);
    std::vector<std::size_t> runs(nc + 1, 0);
    double *cminp = cmin.data(), *cmaxp = cmax.data();
    std::uint32_t *bkp = bk.data();
    std::size_t *cntp = cnt.data(), *startp = start.data(), *runsp = runs.data();
    Item *it = items.data();
    double *up = uval.data();
    std::int64_t *mp = umin.data();

    // 1. the value range, chunk by chunk
    for_each("nearest_value_range", nc, par, KOKKOS_LAMBDA(const std::size_t c) {
        double mn = vals[n * c / nc], mx = mn;
        for (std::size_t i = n * c / nc; i < n * (c + 1) / nc; ++i) {
            mn = vals[i] < mn ? vals[i] : mn;
            mx = vals[i] > mx ? vals[i] : mx;
        }
        cminp[c] = mn;
        cmaxp[c] = mx;
    });
    double mn = vals[0], mx = vals[0];
    for (std::size_t c = 0; c < nc; ++c) {
        mn = cmin[c] < mn ? cmin[c] : mn;
        mx = cmax[c] > mx ? cmax[c] : mx;
    }
    const SlotMap bucket(mn, mx, nb);

    // 2. every chunk counts the buckets of its values
    for_each("nearest_value_count", nc, par, KOKKOS_LAMBDA(const std::size_t c) {
        std::size_t *cc = cntp + c * nb;
        for (std::size_t i = n * c / nc; i < n * (c + 1) / nc; ++i) {
            const std::size_t b = bucket(vals[i]);
            bkp[i] = static_cast<std::uint32_t>(b);
            ++cc[b];
        }
    });
    // offsets ordered by (bucket, chunk): every bucket receives its values in index order
    std::size_t s = 0;
    for (std::size_t b = 0; b < nb; ++b) {
        start[b] = s;
        for (std::size_t c = 0; c < nc; ++c) {
            const std::size_t k = cnt[c * nb + b];
            cnt[c * nb + b] = s;
            s += k;
        }
    }
    start[nb] = n;

    // 3. scatter, then sort every bucket in cache (dynamic: bucket sizes vary)
    for_each("nearest_value_scatter", nc, par, KOKKOS_LAMBDA(const std::size_t c) {
        std::size_t *cc = cntp + c * nb;
        for (std::size_t i = n * c / nc; i < n * (c + 1) / nc; ++i)
            it[cc[bkp[i]]++] = Item{vals[i], static_cast<std::uint32_t>(i)};
    });
    for_each(
        "nearest_value_sort", nb, par,
        KOKKOS_LAMBDA(const std::size_t b) { sort_bucket(it + startp[b], startp[b + 1] - startp[b]); }, 256);

    // 4. collapse runs of equal values to (value, smallest index): count the run starts per chunk,
    // then every chunk writes its own at the summed offset
    for_each("nearest_value_runs", nc, par, KOKKOS_LAMBDA(const std::size_t c) {
        std::size_t k = 0;
        for (std::size_t i = n * c / nc; i < n * (c + 1) / nc; ++i) k += (i == 0 || it[i].v != it[i - 1].v) ? 1 : 0;
        runsp[c + 1] = k;
    });
    for (std::size_t c = 0; c < nc; ++c) runs[c + 1] += runs[c];
    const std::size_t un = runs[nc];
    for_each("nearest_value_unique", nc, par, KOKKOS_LAMBDA(const std::size_t c) {
        std::size_t w = runsp[c];
        for (std::size_t i = n * c / nc; i < n * (c + 1) / nc; ++i) {
            if (i == 0 || it[i].v != it[i - 1].v) {
                up[w] = it[i].v;
                mp[w] = it[i].i;
                ++w;
            }
        }
    });

    // 5. directory over un slots: dir[s] = the first distinct value whose slot is >= s; distinct
    // value p owns the slots (slot(u[p - 1]), slot(u[p])] (value 0 also every slot before its own)
    std::vector<std::uint32_t> dir(un + 1);
    std::uint32_t *d = dir.data();
    const SlotMap slot(uval[0], uval[un - 1], un);
    for_each("nearest_value_directory", nc, par, KOKKOS_LAMBDA(const std::size_t c) {
        for (std::size_t p = un * c / nc; p < un * (c + 1) / nc; ++p) {
            const std::size_t from = p == 0 ? 0 : slot(up[p - 1]) + 1;
            for (std::size_t t = from, last = slot(up[p]); t <= last; ++t) d[t] = static_cast<std::uint32_t>(p);
        }
    });
    for (std::size_t t = slot(uval[un - 1]) + 1; t <= un; ++t) d[t] = static_cast<std::uint32_t>(un);

    // 6. the queries: bisection among the few distinct values of the query's slot
    for_each("nearest_value_queries", q, par, KOKKOS_LAMBDA(const std::size_t j) {
        const double x = qx[j];
        const std::size_t t = slot(x);
        std::size_t a = d[t], z = d[t + 1];  // the first u >= x lies in [a, z]
        while (a < z) {
            const std::size_t mid = a + (z - a) / 2;
            if (up[mid] < x) a = mid + 1;
            else z = mid;
        }
        out[j] = pick(up, mp, un, a, x);
    });
    Kokkos::fence();
}
