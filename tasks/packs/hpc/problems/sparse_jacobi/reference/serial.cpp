// Serial reference of sparse_jacobi: the matrix is streamed from memory once per iteration, so the
// call first builds a compact copy of it (one pass): the off-diagonal entries only, with 32-bit column
// indices (12 instead of 16 bytes per entry; 64-bit ones when the sizes need them), and the diagonal
// apart. Each iteration then reads fewer bytes and needs no per-entry test, and the two iterates are
// swapped by pointer instead of copied.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

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
    c.fill(rp, ci, va, 0, n);
    std::unique_ptr<double[]> otherv(new double[n ? n : 1]);
    double *cur = xp, *nxt = otherv.get();
    for (std::size_t i = 0; i < n; ++i) cur[i] = 0.0;
    for (int it = 0; it < iterations; ++it) {
        c.sweep(bp, cur, nxt, 0, n);
        double *t = cur;
        cur = nxt;
        nxt = t;
    }
    if (cur != xp)
        for (std::size_t i = 0; i < n; ++i) xp[i] = cur[i];
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
