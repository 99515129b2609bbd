// MPI+OpenMP reference of nearest_value: the ranks split the value range and synchronize only
// twice. Every rank finds the minimum and maximum of all values and counts them into B = n / 16
// buckets of a monotone map floor((v - min) * B / (max - min)) (cheap streaming passes, done by
// every rank instead of a collective), and takes the run of buckets holding about the r-th P-th of
// all values. It picks those values (in index order) and bucket-sorts them: one stable counting
// pass, then every small bucket sorted in cache (insertion sort keeps equal values in index order;
// std::sort by (value, index) for a large bucket). MPI_Allgatherv concatenates the ranks' sorted
// parts in rank order, which is the globally sorted order; every rank collapses runs of equal
// values to (value, smallest index) and answers its block of the queries through a directory over
// the distinct values (a monotone map with one slot per distinct value, so a query is searched among
// the few values of its slot); rank 0 gathers the answers with MPI_Gatherv. Inside a rank, OpenMP
// threads count the buckets (private counts, then summed), sort the buckets (dynamically scheduled)
// and answer the queries (statically split); MPI is called outside parallel regions only.
#include <mpi.h>
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


// Answers queries [j0, j1) into out[], given the distinct values u[0, un) and their smallest indices
// m[], over the threads.
void answer(const double *u, const std::int64_t *m, std::size_t un, const double *qx, std::size_t j0,
            std::size_t j1, std::int64_t *out) {
    // Directory: dir[s] = the first distinct value whose slot is >= s (dir[ns] = un).
    const std::size_t ns = un;
    const SlotMap slot(u[0], u[un - 1], ns);
    std::vector<std::uint32_t> dir(ns + 1);
    std::size_t s = 0;
    for (std::size_t p = 0; p < un; ++p) {
        const std::size_t sp = slot(u[p]);
        while (s <= sp) dir[s++] = static_cast<std::uint32_t>(p);
    }
    while (s <= ns) dir[s++] = static_cast<std::uint32_t>(un);
    const std::uint32_t *d = dir.data();
    const std::ptrdiff_t a0 = static_cast<std::ptrdiff_t>(j0), a1 = static_cast<std::ptrdiff_t>(j1);
#pragma omp parallel for schedule(static) if (j1 - j0 > 10000)
    for (std::ptrdiff_t j = a0; j < a1; ++j) {
        const double x = qx[j];
        const std::size_t sl = slot(x);
        std::size_t a = d[sl], z = d[sl + 1];  // the first u >= x lies in [a, z]
        while (a < z) {
            const std::size_t mid = a + (z - a) / 2;
            if (u[mid] < x) a = mid + 1;
            else z = mid;
        }
        out[j] = pick(u, m, un, a, x);
    }
}

}  // namespace

void nearest_value(const std::vector<double> &values, const std::vector<double> &queries,
                   std::vector<int64_t> &result) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = values.size(), q = queries.size();
    const std::size_t P = static_cast<std::size_t>(size), R = static_cast<std::size_t>(rank);
    const double *vals = values.data();

    // Global range and bucket counts (every rank over all values; the threads split the work).
    const int nt_used = n > 20000 ? omp_get_max_threads() : 1;
    double vmin = vals[0], vmax = vals[0];
#pragma omp parallel for num_threads(nt_used) schedule(static) reduction(min : vmin) reduction(max : vmax)
    for (std::size_t i = 0; i < n; ++i) {
        vmin = vals[i] < vmin ? vals[i] : vmin;
        vmax = vals[i] > vmax ? vals[i] : vmax;
    }
    const std::size_t nb = std::max<std::size_t>(1, n / 16);
    const SlotMap bucket(vmin, vmax, nb);
    std::vector<std::uint64_t> hist(nb, 0);
    std::vector<std::uint64_t> priv(static_cast<std::size_t>(nt_used) * nb, 0);
#pragma omp parallel num_threads(nt_used)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        std::uint64_t *c = &priv[t * nb];
        const std::size_t a = n * t / nt, z = n * (t + 1) / nt;
        for (std::size_t i = a; i < z; ++i) ++c[bucket(vals[i])];
#pragma omp barrier
#pragma omp for schedule(static)
        for (std::size_t b = 0; b < nb; ++b) {
            std::uint64_t sum = 0;
            for (std::size_t u = 0; u < nt; ++u) sum += priv[u * nb + b];
            hist[b] = sum;
        }
    }

    // This rank's buckets [b0, b1): those starting in its share [n r / P, n (r + 1) / P) of the sorted order.
    std::vector<std::size_t> start(nb + 1, 0);
    for (std::size_t b = 0; b < nb; ++b) start[b + 1] = start[b] + hist[b];
    auto first_bucket = [&](std::size_t r) {
        if (r == 0) return std::size_t(0);
        if (r >= P) return nb;
        const std::size_t target = n * r / P;
        return static_cast<std::size_t>(std::lower_bound(start.begin(), start.begin() + nb, target) - start.begin());
    };
    const std::size_t b0 = first_bucket(R), b1 = first_bucket(R + 1);
    const std::size_t base = start[b0], len = start[b1] - base;

    // Pick this rank's values in index order and bucket-sort them.
    std::vector<Item> items(len);
    {
        std::vector<std::size_t> next(start.begin() + b0, start.begin() + b1);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t b = bucket(vals[i]);
            if (b >= b0 && b < b1) items[next[b - b0]++ - base] = Item{vals[i], static_cast<std::uint32_t>(i)};
        }
    }
#pragma omp parallel for schedule(dynamic, 256) if (len > 20000)
    for (std::size_t b = b0; b < b1; ++b) sort_bucket(items.data() + (start[b] - base), start[b + 1] - start[b]);

    // All sorted parts, in rank order; then one entry per distinct value: the value and the smallest
    // index holding it (equal values share a bucket, so a run never spans two parts).
    std::vector<int> counts(size), displs(size);
    for (std::size_t r = 0; r < P; ++r) {
        const std::size_t f0 = start[first_bucket(r)], f1 = start[first_bucket(r + 1)];
        counts[r] = static_cast<int>(f1 - f0);
        displs[r] = static_cast<int>(f0);
    }
    std::vector<Item> all(n);
    MPI_Datatype item_type;
    MPI_Type_contiguous(static_cast<int>(sizeof(Item)), MPI_BYTE, &item_type);
    MPI_Type_commit(&item_type);
    MPI_Allgatherv(items.data(), static_cast<int>(len), item_type, all.data(), counts.data(), displs.data(),
                   item_type, MPI_COMM_WORLD);
    MPI_Type_free(&item_type);
    std::vector<double> uval(n);
    std::vector<std::int64_t> umin(n);
    std::size_t un = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (i == 0 || all[i].v != all[i - 1].v) {
            uval[un] = all[i].v;
            umin[un] = all[i].i;
            ++un;
        }
    }

    // This rank's block of the queries, then rank 0 gathers all answers.
    const std::size_t q0 = q * R / P, q1 = q * (R + 1) / P;
    std::int64_t *out = result.data();
    answer(uval.data(), umin.data(), un, queries.data(), q0, q1, out);
    if (size == 1) return;
    for (std::size_t r = 0; r < P; ++r) {
        counts[r] = static_cast<int>(q * (r + 1) / P - q * r / P);
        displs[r] = static_cast<int>(q * r / P);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_INT64_T, out, counts.data(), displs.data(), MPI_INT64_T, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(out + q0, counts[rank], MPI_INT64_T, nullptr, nullptr, nullptr, MPI_INT64_T, 0,
                    MPI_COMM_WORLD);
}
