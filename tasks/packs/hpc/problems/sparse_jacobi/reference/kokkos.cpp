// Kokkos reference of sparse_jacobi: one TeamPolicy team of all threads, each owning a nonzero-balanced row range: it builds its part of a compact off-diagonal copy of A (32-bit columns, diagonal apart), then sweeps its rows every iteration with a team barrier between iterations; iterates swapped by pointer.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

// Fill rows [r0, r1) of the compact copy: off-diagonal entries of row i start at rp[i] - i (every row
// holds exactly one diagonal entry), so chunks can be filled independently.
template <class I>
void fill_rows(const std::size_t *rp, const std::size_t *ci, const double *va, I *ptr, I *col, double *val,
               double *diag, std::size_t r0, std::size_t r1, std::size_t n, bool last) {
    std::size_t at = rp[r0] - r0;
    for (std::size_t i = r0; i < r1; ++i) {
        ptr[i] = static_cast<I>(at);
        for (std::size_t k = rp[i]; k < rp[i + 1]; ++k) {
            if (ci[k] == i) {
                diag[i] = va[k];
            } else {
                col[at] = static_cast<I>(ci[k]);
                val[at] = va[k];
                ++at;
            }
        }
    }
    if (last) ptr[n] = static_cast<I>(at);
}

// nxt[i] = (b[i] - off-diagonal row i times cur) / a_ii for rows [r0, r1).
template <class I>
void sweep_rows(const I *__restrict ptr, const I *__restrict col, const double *__restrict val,
                const double *__restrict diag, const double *__restrict bp, const double *__restrict cur,
                double *__restrict nxt, std::size_t r0, std::size_t r1) {
    for (std::size_t i = r0; i < r1; ++i) {
        double s = 0.0;
        const std::size_t end = ptr[i + 1];
        for (std::size_t k = ptr[i]; k < end; ++k) s += val[k] * cur[col[k]];
        nxt[i] = (bp[i] - s) / diag[i];
    }
}

template <class I>
void run_jacobi(std::size_t n, const std::size_t *rp, const std::size_t *ci, const double *va, const double *bp,
                double *xp, int iterations) {
    const std::size_t off = rp[n] - n;
    std::unique_ptr<I[]> ptr_s(new I[n + 1]), col_s(new I[off ? off : 1]);
    std::unique_ptr<double[]> val_s(new double[off ? off : 1]), diag_s(new double[n ? n : 1]);
    std::unique_ptr<double[]> other_s(new double[n ? n : 1]);
    I *ptr = ptr_s.get(), *col = col_s.get();
    double *val = val_s.get(), *diag = diag_s.get(), *other = other_s.get();

    const std::size_t T = rp[n] + n > 20000
                              ? static_cast<std::size_t>(Kokkos::DefaultHostExecutionSpace::concurrency())
                              : 1;
    if (T == 1) {
        fill_rows<I>(rp, ci, va, ptr, col, val, diag, 0, n, n, true);
        for (std::size_t i = 0; i < n; ++i) xp[i] = 0.0;
        double *cur = xp, *nxt = other;
        for (int it = 0; it < iterations; ++it) {
            sweep_rows<I>(ptr, col, val, diag, bp, cur, nxt, 0, n);
            std::swap(cur, nxt);
        }
        if (cur != xp)
            for (std::size_t i = 0; i < n; ++i) xp[i] = cur[i];
        return;
    }
    // One team of T threads for the whole call (one launch, a team barrier per iteration, as in a
    // persistent parallel region): member r owns rows [bound(r), bound(r + 1)), about the same number of
    // nonzeros each, so its parts of the matrix and of both iterates stay near it.
    using Team = Kokkos::TeamPolicy<Kokkos::DefaultHostExecutionSpace>;
    Kokkos::parallel_for(
        "jacobi_team", Team(1, static_cast<int>(T)), KOKKOS_LAMBDA(const Team::member_type &team) {
            const std::size_t parts = static_cast<std::size_t>(team.team_size());
            const std::size_t r = static_cast<std::size_t>(team.team_rank());
            auto bound = [&](std::size_t q) -> std::size_t {
                if (q == 0) return 0;
                if (q >= parts) return n;
                const std::size_t target = (rp[n] * q) / parts;
                return std::min(n, static_cast<std::size_t>(std::lower_bound(rp, rp + n + 1, target) - rp));
            };
            const std::size_t r0 = bound(r), r1 = std::max(r0, bound(r + 1));
            fill_rows<I>(rp, ci, va, ptr, col, val, diag, r0, r1, n, r + 1 == parts);
            for (std::size_t i = r0; i < r1; ++i) xp[i] = 0.0;
            double *cur = xp, *nxt = other;
            for (int it = 0; it < iterations; ++it) {
                team.team_barrier();  // the whole previous iterate (and the compact copy) is written
                sweep_rows<I>(ptr, col, val, diag, bp, cur, nxt, r0, r1);
                double *t = cur;
                cur = nxt;
                nxt = t;
            }
            // Odd number of iterations: the result is in `other`, and x was read by the last sweep.
            if (cur != xp) {
                team.team_barrier();
                for (std::size_t i = r0; i < r1; ++i) xp[i] = cur[i];
            }
        });
    Kokkos::fence();
}

}  // namespace

void sparse_jacobi(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                   const std::vector<double> &values, const std::vector<double> &b, std::vector<double> &x,
                   int iterations) {
    if (row_ptr[n] <= UINT32_MAX)
        run_jacobi<std::uint32_t>(n, row_ptr.data(), col_idx.data(), values.data(), b.data(), x.data(), iterations);
    else
        run_jacobi<std::size_t>(n, row_ptr.data(), col_idx.data(), values.data(), b.data(), x.data(), iterations);
}
