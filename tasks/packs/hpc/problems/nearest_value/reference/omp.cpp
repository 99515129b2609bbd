// OpenMP reference of nearest_value. Sorting: a parallel bucket sort on the value range (bucket
// floor((v - min) * B / (max - min)), B = n / 16 buckets, a monotone map): every thread counts the
// buckets of its block of values, the threads place their (value, index) pairs at offsets ordered by
// (bucket, thread), so every bucket holds its values in index order, and the buckets are then
// sorted in cache, dynamically scheduled (insertion sort keeps equal values in index order;
// std::sort by (value, index) for a large bucket). Runs of equal values collapse in parallel to
// (value, smallest index), and a directory over the distinct values (the same kind of monotone map,
// one slot per distinct value, filled in parallel: every distinct value owns the slots between its
// predecessor's slot and its own) narrows every query to the few distinct values of its slot,
// searched by bisection; the queries are split statically over the threads.
#include <omp.h>

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
    const int nt_used = n + q > 20000 ? omp_get_max_threads() : 1;
    const std::size_t NT = static_cast<std::size_t>(nt_used);
    const std::size_t nb = std::max<std::size_t>(1, n / 16);
    std::vector<double> tmin(NT, vals[0]), tmax(NT, vals[0]);
    std::vector<std::uint32_t> bk(n);
    std::vector<std::size_t> cnt(NT * nb);  // cnt[t * nb + b]: then the offset of thread t in bucket b
    std::vector<std::size_t> start(nb + 1);
    std::vector<Item> items(n);
    std::vector<double> uval(n);
    std::vector<std::int64_t> umin(n);
    std::vector<std::size_t> runs(NT + 1, 0);
    std::vector<std::uint32_t> dir;
    std::size_t un = 0;
    std::int64_t *out = result.data();

#pragma omp parallel num_threads(nt_used)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t lo = n * t / nt, hi = n * (t + 1) / nt;
        double mn = vals[0], mx = vals[0];
        for (std::size_t i = lo; i < hi; ++i) {
            mn = vals[i] < mn ? vals[i] : mn;
            mx = vals[i] > mx ? vals[i] : mx;
        }
        tmin[t] = mn;
        tmax[t] = mx;
#pragma omp barrier
        for (std::size_t u = 0; u < nt; ++u) {
            mn = tmin[u] < mn ? tmin[u] : mn;
            mx = tmax[u] > mx ? tmax[u] : mx;
        }
        const SlotMap bucket(mn, mx, nb);
        std::size_t *c = &cnt[t * nb];
        for (std::size_t i = lo; i < hi; ++i) {
            const std::size_t b = bucket(vals[i]);
            bk[i] = static_cast<std::uint32_t>(b);
            ++c[b];
        }
#pragma omp barrier
#pragma omp single
        {
            std::size_t s = 0;
            for (std::size_t b = 0; b < nb; ++b) {
                start[b] = s;
                for (std::size_t u = 0; u < nt; ++u) {
                    const std::size_t k = cnt[u * nb + b];
                    cnt[u * nb + b] = s;
                    s += k;
                }
            }
            start[nb] = n;
        }
        for (std::size_t i = lo; i < hi; ++i) items[c[bk[i]]++] = Item{vals[i], static_cast<std::uint32_t>(i)};
#pragma omp barrier
#pragma omp for schedule(dynamic, 256)
        for (std::size_t b = 0; b < nb; ++b) sort_bucket(items.data() + start[b], start[b + 1] - start[b]);

        // Collapse runs of equal values: count the run starts of this block, then write them.
        std::size_t starts = 0;
        for (std::size_t i = lo; i < hi; ++i) starts += (i == 0 || items[i].v != items[i - 1].v) ? 1 : 0;
        runs[t + 1] = starts;
#pragma omp barrier
#pragma omp single
        {
            for (std::size_t u = 0; u < nt; ++u) runs[u + 1] += runs[u];
            un = runs[nt];
            dir.resize(un + 1);
        }
        std::size_t w = runs[t];
        for (std::size_t i = lo; i < hi; ++i) {
            if (i == 0 || items[i].v != items[i - 1].v) {
                uval[w] = items[i].v;
                umin[w] = items[i].i;
                ++w;
            }
        }
#pragma omp barrier
        // Directory: dir[s] = the first distinct value whose slot is >= s; distinct value p owns the
        // slots (slot(u[p - 1]), slot(u[p])] (value 0 also every slot before its own).
        const double *u = uval.data();
        const std::int64_t *m = umin.data();
        const std::size_t ns = un;
        const SlotMap slot(u[0], u[un - 1], ns);
        std::uint32_t *d = dir.data();
        const std::size_t p0 = un * t / nt, p1 = un * (t + 1) / nt;
        for (std::size_t p = p0; p < p1; ++p) {
            const std::size_t sp = slot(u[p]);
            const std::size_t from = p == 0 ? 0 : slot(u[p - 1]) + 1;
            for (std::size_t s = from; s <= sp; ++s) d[s] = static_cast<std::uint32_t>(p);
        }
        if (t + 1 == nt)
            for (std::size_t s = slot(u[un - 1]) + 1; s <= ns; ++s) d[s] = static_cast<std::uint32_t>(un);
#pragma omp barrier
        const double *qx = queries.data();
        const std::size_t j0 = q * t / nt, j1 = q * (t + 1) / nt;
        for (std::size_t j = j0; j < j1; ++j) {
            const double x = qx[j];
            const std::size_t s = slot(x);
            std::size_t a = d[s], z = d[s + 1];  // the first u >= x lies in [a, z]
            while (a < z) {
                const std::size_t mid = a + (z - a) / 2;
                if (u[mid] < x) a = mid + 1;
                else z = mid;
            }
            out[j] = pick(u, m, un, a, x);
        }
    }
}
