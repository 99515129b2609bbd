// MPI+OpenMP reference of kth_smallest: selection by sampling and one counting pass instead of a
// copy and std::nth_element over all n values. Every rank draws the same regular sample of 32 Ki
// values from its copy of x and takes the same bracket [lo, hi] (sample quantiles k/n -/+ four
// standard deviations). Each rank scans one contiguous block of x, split again over its threads:
// every thread counts the values below lo, equal to lo and equal to hi with vector compares and
// appends the values strictly inside (lo, hi) to its own buffer. MPI_Allreduce sums the counts,
// which tell where rank k falls; when it is inside, rank 0 gathers the inside values (MPI_Gatherv)
// and selects with std::nth_element. If the bracket misses (or a buffer overflows), every rank
// falls back to the plain copy-and-select.
#include <mpi.h>
#include <omp.h>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <memory>
#include <vector>

namespace {

typedef double v2d __attribute__((vector_size(16)));
typedef long long v2l __attribute__((vector_size(16)));

constexpr std::size_t SAMPLE = std::size_t{1} << 15;
constexpr std::size_t BLOCK = 1024;

struct Tally {
    std::size_t below = 0, eq_lo = 0, eq_hi = 0, inside = 0;
};

// The bracket [lo, hi] around rank k (1-based) of x[0, n), from a regular sample (lo may be
// -infinity and hi +infinity when k is near an end).
void bracket(const double *x, std::size_t n, std::size_t k, double &lo, double &hi) {
    const std::size_t s = std::min(n, SAMPLE);
    std::vector<double> sample(s);
    for (std::size_t j = 0; j < s; ++j) sample[j] = x[(j * n) / s];
    const double p = (static_cast<double>(k) - 0.5) / static_cast<double>(n);
    const double pos = p * static_cast<double>(s);
    const double spread = 4.0 * std::sqrt(static_cast<double>(s) * p * (1.0 - p)) + 16.0;
    const double lo_pos = std::floor(pos - spread), hi_pos = std::ceil(pos + spread);
    lo = -HUGE_VAL;
    hi = HUGE_VAL;
    std::size_t lo_i = 0;
    if (lo_pos >= 0.0) {
        lo_i = static_cast<std::size_t>(lo_pos);
        std::nth_element(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(lo_i), sample.end());
        lo = sample[lo_i];
    }
    if (hi_pos < static_cast<double>(s)) {
        const std::size_t hi_i = static_cast<std::size_t>(hi_pos);
        std::nth_element(sample.begin() + static_cast<std::ptrdiff_t>(lo_i),
                         sample.begin() + static_cast<std::ptrdiff_t>(hi_i), sample.end());
        hi = sample[hi_i];
    }
}

// Counts x[0, n) against [lo, hi] and appends the values strictly inside to buf (room for cap);
// false when the buffer would overflow. Two values per SSE2-width vector compare (GCC vector
// extensions); a group of 8 values is appended (without branches) only if one of them is inside.
bool tally(const double *x, std::size_t n, double lo, double hi, double *buf, std::size_t cap, Tally &t) {
    const v2d lv = {lo, lo}, hv = {hi, hi};
    v2l below = {0, 0}, eq_lo = {0, 0}, eq_hi = {0, 0};
    std::size_t c = 0, i = 0;
    while (i + 8 <= n) {
        if (c + BLOCK > cap) return false;
        const std::size_t end = i + std::min(BLOCK, (n - i) / 8 * 8);
        for (; i < end; i += 8) {
            v2d v[4];
            v2l in[4], any = {0, 0};
            for (int u = 0; u < 4; ++u) {
                std::memcpy(&v[u], x + i + 2 * u, sizeof(v2d));
                below -= v[u] < lv;  // a true compare is -1
                eq_lo -= v[u] == lv;
                eq_hi -= v[u] == hv;
                in[u] = (v[u] > lv) & (v[u] < hv);
                any |= in[u];
            }
            if (any[0] | any[1])
                for (int u = 0; u < 4; ++u) {
                    buf[c] = v[u][0];
                    c -= in[u][0];
                    buf[c] = v[u][1];
                    c -= in[u][1];
                }
        }
    }
    t.below = static_cast<std::size_t>(below[0] + below[1]);
    t.eq_lo = static_cast<std::size_t>(eq_lo[0] + eq_lo[1]);
    t.eq_hi = static_cast<std::size_t>(eq_hi[0] + eq_hi[1]);
    if (c + 8 > cap) return false;
    for (; i < n; ++i) {
        const double v = x[i];
        t.below += v < lo;
        t.eq_lo += v == lo;
        t.eq_hi += v == hi;
        buf[c] = v;
        c += (v > lo) & (v < hi);
    }
    t.inside = c;
    return true;
}

// Where rank k (1-based) falls given the counts over all of x: 1 -> lo, 2 -> inside at 1-based
// rank *r of the inside values, 3 -> hi, 0 -> outside the bracket (the bracket missed).
int locate(Tally t, double lo, double hi, std::size_t k, std::size_t *r) {
    if (lo == hi) t.eq_hi = 0;  // counted once, as eq_lo
    if (k <= t.below) return 0;
    k -= t.below;
    if (k <= t.eq_lo) return 1;
    k -= t.eq_lo;
    if (k <= t.inside) {
        *r = k;
        return 2;
    }
    k -= t.inside;
    return k <= t.eq_hi ? 3 : 0;
}

double select_copy(const double *x, std::size_t n, std::size_t k) {
    std::vector<double> tmp(x, x + n);
    std::nth_element(tmp.begin(), tmp.begin() + static_cast<std::ptrdiff_t>(k - 1), tmp.end());
    return tmp[k - 1];
}

constexpr std::size_t PARALLEL_MIN = 1 << 16;

}  // namespace

double kth_smallest(const std::vector<double> &x, size_t k) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size(), p = static_cast<std::size_t>(size), me = static_cast<std::size_t>(rank);
    const double *xp = x.data();
    if (n <= 4 * SAMPLE) return select_copy(xp, n, k);
    // Every rank draws the same sample from its copy of x, so all agree on the bracket.
    double lo = 0.0, hi = 0.0;
    bracket(xp, n, k, lo, hi);
    const std::size_t a = (me * n) / p, b = ((me + 1) * n) / p;
    const std::size_t len = b - a;
    // One buffer; thread t appends to its own slice (disjoint: slice t starts at c0_t / 8 + t * BLOCK).
    std::unique_ptr<double[]> buf;
    std::vector<std::size_t> slice;
    std::vector<Tally> tallies;
    bool ok = true;
#pragma omp parallel if (len >= PARALLEL_MIN)
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
#pragma omp single
        {
            buf.reset(new double[len / 8 + nt * BLOCK]);
            slice.resize(nt);
            tallies.resize(nt);
        }
        const std::size_t c0 = (t * len) / nt, c1 = ((t + 1) * len) / nt;
        slice[t] = c0 / 8 + t * BLOCK;
        if (!tally(xp + a + c0, c1 - c0, lo, hi, buf.get() + slice[t], (c1 - c0) / 8 + BLOCK, tallies[t])) {
#pragma omp atomic write
            ok = false;
        }
    }
    Tally local;
    if (ok) {
        for (std::size_t t = 0; t < tallies.size(); ++t) {  // sum the counts, pack the slices together
            std::memmove(buf.get() + local.inside, buf.get() + slice[t], tallies[t].inside * sizeof(double));
            local.below += tallies[t].below;
            local.eq_lo += tallies[t].eq_lo;
            local.eq_hi += tallies[t].eq_hi;
            local.inside += tallies[t].inside;
        }
    }
    // Sum the counts (and overflow flags) over the ranks.
    unsigned long long mine[5] = {local.below, local.eq_lo, local.eq_hi, local.inside, ok ? 0ULL : 1ULL};
    unsigned long long all[5] = {0, 0, 0, 0, 0};
    MPI_Allreduce(mine, all, 5, MPI_UNSIGNED_LONG_LONG, MPI_SUM, MPI_COMM_WORLD);
    if (all[4] == 0) {
        Tally total;
        total.below = all[0];
        total.eq_lo = all[1];
        total.eq_hi = all[2];
        total.inside = all[3];
        std::size_t r = 0;
        const int where = locate(total, lo, hi, k, &r);
        if (where == 1) return lo;
        if (where == 3) return hi;
        if (where == 2) {
            // Rank 0 gathers the values inside the bracket (a few percent of n) and selects.
            const int count = static_cast<int>(local.inside);
            std::vector<int> counts(p), displs(p);
            MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
            std::vector<double> inside;
            if (rank == 0) {
                int at = 0;
                for (std::size_t q = 0; q < p; ++q) {
                    displs[q] = at;
                    at += counts[q];
                }
                inside.resize(static_cast<std::size_t>(at));
            }
            MPI_Gatherv(buf.get(), count, MPI_DOUBLE, inside.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                        MPI_COMM_WORLD);
            if (rank != 0) return 0.0;  // only rank 0's answer counts
            std::nth_element(inside.begin(), inside.begin() + static_cast<std::ptrdiff_t>(r - 1), inside.end());
            return inside[r - 1];
        }
    }
    return select_copy(xp, n, k);  // the bracket missed rank k: rare
}
