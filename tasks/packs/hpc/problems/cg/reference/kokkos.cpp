// Kokkos reference of cg: every pass of an iteration is a statically scheduled range loop on the host space (the same thread keeps the same rows); the SpMV is fused with p.Ap and the x/r updates with r.r (parallel_reduce).
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <vector>

void conjugate_gradient(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx,
                        const std::vector<double> &values, const std::vector<double> &b, std::vector<double> &x,
                        int iterations) {
    x.resize(n);
    std::vector<double> rv(n), pv(n), apv(n);
    const std::size_t *rp = row_ptr.data();
    const std::size_t *ci = col_idx.data();
    const double *va = values.data();
    const double *bp = b.data();
    double *xp = x.data();
    double *r = rv.data();
    double *p = pv.data();
    double *ap = apv.data();

    if (n <= 5000) {  // small systems: parallel overhead would dominate
        double rr = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            xp[i] = 0.0;
            r[i] = bp[i];
            p[i] = bp[i];
            rr += bp[i] * bp[i];
        }
        for (int it = 0; it < iterations && rr != 0.0; ++it) {
            double pap = 0.0;
            for (std::size_t i = 0; i < n; ++i) {
                double s = 0.0;
                for (std::size_t k = rp[i]; k < rp[i + 1]; ++k) s += va[k] * p[ci[k]];
                ap[i] = s;
                pap += p[i] * s;
            }
            const double alpha = rr / pap;
            double rr_new = 0.0;
            for (std::size_t i = 0; i < n; ++i) {
                xp[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
                rr_new += r[i] * r[i];
            }
            const double beta = rr_new / rr;
            for (std::size_t i = 0; i < n; ++i) p[i] = r[i] + beta * p[i];
            rr = rr_new;
        }
        return;
    }

    using Policy = Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>>;
    const Policy all(0, n);
    double rr = 0.0;
    Kokkos::parallel_reduce(
        "cg_init", all,
        KOKKOS_LAMBDA(const std::size_t i, double &acc) {
            xp[i] = 0.0;
            r[i] = bp[i];
            p[i] = bp[i];
            acc += bp[i] * bp[i];
        },
        rr);
    for (int it = 0; it < iterations && rr != 0.0; ++it) {
        double pap = 0.0;
        Kokkos::parallel_reduce(
            "cg_spmv", all,
            KOKKOS_LAMBDA(const std::size_t i, double &acc) {
                double s = 0.0;
                for (std::size_t k = rp[i]; k < rp[i + 1]; ++k) s += va[k] * p[ci[k]];
                ap[i] = s;
                acc += p[i] * s;
            },
            pap);
        const double alpha = rr / pap;
        double rr_new = 0.0;
        Kokkos::parallel_reduce(
            "cg_update", all,
            KOKKOS_LAMBDA(const std::size_t i, double &acc) {
                xp[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
                acc += r[i] * r[i];
            },
            rr_new);
        const double beta = rr_new / rr;
        Kokkos::parallel_for(
            "cg_direction", all, KOKKOS_LAMBDA(const std::size_t i) { p[i] = r[i] + beta * p[i]; });
        rr = rr_new;
    }
    Kokkos::fence();
}
