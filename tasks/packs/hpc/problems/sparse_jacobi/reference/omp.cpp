// OpenMP reference of sparse_jacobi: the matrix is streamed from memory once per iteration, so the
// call first builds a compact copy of it: the off-diagonal entries only, with 32-bit column indices (12
// instead of 16 bytes per entry; 64-bit ones when the sizes need them), and the diagonal apart. Every
// thread owns one contiguous, nonzero-balanced range of rows for the whole call: it builds that part
// of the copy (row i's entries start at row_ptr[i] - i, so no prefix sum is needed), clears its part
// of x, and updates its rows each iteration (first touch puts its data near it; its parts of both
// iterates stay in its cache). One barrier per iteration; the iterates are swapped by pointer.
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

// First row whose nonzeros start at or after `target`.
std::size_t row_for_nnz(const std::size_t *rp, std::size_t nrows, std::size_t target) {
    return static_cast<std::size_t>(std::lower_bound(rp, rp + nrows + 1, target) - rp);
}

// Rows [r0, r1) of part `part` out of `parts` parts of rows [lo, hi), balanced by nonzeros.
void nnz_block(const std::size_t *rp, std::size_t nrows, std::size_t lo, std::size_t hi, std::size_t part,
               std::size_t parts, std::size_t &r0, std::size_t &r1) {
    const std::size_t first = rp[lo], nnz = rp[hi] - rp[lo];
    r0 = part == 0 ? lo : std::max(lo, std::min(hi, row_for_nnz(rp, nrows, first + (nnz * part) / parts)));
    r1 = part + 1 == parts ? hi
                           : std::max(lo, std::min(hi, row_for_nnz(rp, nrows, first + (nnz * (part + 1)) / parts)));
}

// A compact copy of the off-diagonal part of rows [lo, hi) (CSR with index type I; row i's entries start
// at ptr[i - lo], and since every row holds exactly one diagonal entry, that is rp[i] - i - (rp[lo] - lo))
// and their diagonal. Built once per call, read every iteration.
template <class I>
struct Compact {
    std::size_t lo = 0, hi = 0;
    std::unique_ptr<I[]> ptr, col;
    std::unique_ptr<double[]> val, diag;

    Compact(const std::size_t *rp, std::size_t lo_, std::size_t hi_) : lo(lo_), hi(hi_) {
        const std::size_t off = (rp[hi] - hi) - (rp[lo] - lo);
        ptr.reset(new I[hi - lo + 1]);
        col.reset(new I[off ? off : 1]);
        val.reset(new double[off ? off : 1]);
        diag.reset(new double[hi > lo ? hi - lo : 1]);
    }
    // Fills rows [r0, r1) (a part of [lo, hi); parts can be filled by different threads).
    void fill(const std::size_t *rp, const std::size_t *ci, const double *va, std::size_t r0, std::size_t r1) {
        const std::size_t base = rp[lo] - lo;
        std::size_t at = (rp[r0] - r0) - base;
        for (std::size_t i = r0; i < r1; ++i) {
            ptr[i - lo] = static_cast<I>(at);
            for (std::size_t k = rp[i]; k < rp[i + 1]; ++k) {
                if (ci[k] == i) {
                    diag[i - lo] = va[k];
                } else {
                    col[at] = static_cast<I>(ci[k]);
                    val[at] = va[k];
                    ++at;
                }
            }
        }
        if (r1 == hi) ptr[hi - lo] = static_cast<I>(at);
    }
    // nxt[i] = (b[i] - sum of the off-diagonal entries times cur) / a_ii for rows [r0, r1).
    void sweep(const double *__restrict bp, const double *__restrict cur, double *__restrict nxt, std::size_t r0,
               std::size_t r1) const {
        const I *__restrict p = ptr.get();
        const I *__restrict c = col.get();
        const double *__restrict v = val.get();
        const double *__restrict d = diag.get();
        for (std::size_t i = r0; i < r1; ++i) {
            double s = 0.0;
            const std::size_t end = p[i - lo + 1];
            for (std::size_t k = p[i - lo]; k < end; ++k) s += v[k] * cur[c[k]];
            nxt[i] = (bp[i] - s) / d[i - lo];
        }
    }
};

template <class I>
void solve(std::size_t n, const std::size_t *rp, const std::size_t *ci, const double *va, const double *bp,
           double *xp, int iterations) {
    Compact<I> c(rp, 0, n);
    std::unique_ptr<double[]> otherv(new double[n ? n : 1]);
    double *const other = otherv.get();
#pragma omp parallel if (rp[n] + n > 20000)
    {
        std::size_t r0 = 0, r1 = 0;
        nnz_block(rp, n, 0, n, static_cast<std::size_t>(omp_get_thread_num()),
                  static_cast<std::size_t>(omp_get_num_threads()), r0, r1);
        c.fill(rp, ci, va, r0, r1);
        for (std::size_t i = r0; i < r1; ++i) xp[i] = 0.0;
        double *cur = xp, *nxt = other;
        for (int it = 0; it < iterations; ++it) {
#pragma omp barrier
            c.sweep(bp, cur, nxt, r0, r1);
            double *t = cur;
            cur = nxt;
            nxt = t;
        }
        // With an odd number of iterations the result is in `other` and x was read by the last sweep:
        // wait until every thread is done with that sweep before overwriting x.
        if (cur != xp) {
#pragma omp barrier
            for (std::size_t i = r0; i < r1; ++i) xp[i] = cur[i];
        }
    }
}

}  // namespace

void sparse_jacobi(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                   const std::vector<double> &values, const std::vector<double> &b, std::vector<double> &x,
                   int iterations) {
    if (row_ptr[n] <= UINT32_MAX)
        solve<std::uint32_t>(n, row_ptr.data(), col_idx.data(), values.data(), b.data(), x.data(), iterations);
    else
        solve<std::size_t>(n, row_ptr.data(), col_idx.data(), values.data(), b.data(), x.data(), iterations);
}
