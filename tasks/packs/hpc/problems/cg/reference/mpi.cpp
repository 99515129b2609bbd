// MPI reference of conjugate_gradient: 1-D block-row decomposition. Every rank owns the rows
// [lo, hi) of A and the matching parts of x, r and Ap, and keeps a full copy of the search
// direction p, refreshed after each update with an in-place MPI_Allgatherv. Dot products are local
// partial sums combined with MPI_Allreduce (so every rank takes identical alpha/beta and the same
// early-exit decision); rank 0 gathers x with MPI_Gatherv at the end.
#include <mpi.h>

#include <cstddef>
#include <vector>

namespace {

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

double allreduce_sum(double local) {
    double global = 0.0;
    MPI_Allreduce(&local, &global, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    return global;
}

}  // namespace

void conjugate_gradient(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                        const std::vector<double> &values, const std::vector<double> &b, std::vector<double> &x,
                        int iterations) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    std::size_t lo = 0, hi = 0;
    block_range(n, rank, size, lo, hi);
    std::vector<int> counts(size), displs(size);
    for (int q = 0; q < size; ++q) {
        std::size_t b0 = 0, b1 = 0;
        block_range(n, q, size, b0, b1);
        counts[q] = static_cast<int>(b1 - b0);
        displs[q] = static_cast<int>(b0);
    }

    x.assign(n, 0.0);
    std::vector<double> pv(b);  // full p = b
    std::vector<double> rv(b.begin() + static_cast<std::ptrdiff_t>(lo), b.begin() + static_cast<std::ptrdiff_t>(hi));
    std::vector<double> apv(hi - lo);
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    const double *__restrict va = values.data();
    double *__restrict xl = x.data() + lo;  // local part of x
    double *__restrict r = rv.data();       // local part of r (index i - lo)
    double *p = pv.data();                  // full p (not restrict: pl aliases it)
    double *pl = p + lo;                    // local part of p
    double *__restrict ap = apv.data();     // local part of Ap
    const std::ptrdiff_t len = static_cast<std::ptrdiff_t>(hi - lo);

    double local = 0.0;
    for (std::ptrdiff_t i = 0; i < len; ++i) local += r[i] * r[i];
    double rr = allreduce_sum(local);

    for (int it = 0; it < iterations && rr != 0.0; ++it) {
        local = 0.0;
        for (std::ptrdiff_t i = 0; i < len; ++i) {
            const std::size_t row = lo + static_cast<std::size_t>(i);
            double s = 0.0;
            for (std::size_t k = rp[row]; k < rp[row + 1]; ++k) s += va[k] * p[ci[k]];
            ap[i] = s;
            local += pl[i] * s;
        }
        const double alpha = rr / allreduce_sum(local);
        local = 0.0;
        for (std::ptrdiff_t i = 0; i < len; ++i) {
            xl[i] += alpha * pl[i];
            r[i] -= alpha * ap[i];
            local += r[i] * r[i];
        }
        const double rr_new = allreduce_sum(local);
        const double beta = rr_new / rr;
        for (std::ptrdiff_t i = 0; i < len; ++i) pl[i] = r[i] + beta * pl[i];
        rr = rr_new;
        if (size > 1 && it + 1 < iterations && rr != 0.0)
            MPI_Allgatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, p, counts.data(), displs.data(), MPI_DOUBLE,
                           MPI_COMM_WORLD);
    }

    if (size == 1) return;
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, x.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(xl, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
