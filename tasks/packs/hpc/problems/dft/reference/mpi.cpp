// MPI reference of dft: the serial reference's O(n^2) sum (one root table, the exponent advanced
// by additions) with the outputs split into one contiguous block per rank; rank 0 gathers the
// blocks with MPI_Gatherv.
#include <mpi.h>
#include <cmath>
#include <cstddef>
#include <vector>

namespace {

constexpr double kPi = 3.14159265358979323846264338327950288;

// The n roots of unity exp(-2 pi i t / n), t < n, each from its exact angle.
std::vector<double> root_table(std::size_t n) {
    std::vector<double> w(2 * n);
    for (std::size_t t = 0; t < n; ++t) {
        const double a = 2.0 * kPi * static_cast<double>(t) / static_cast<double>(n);
        w[2 * t] = std::cos(a);
        w[2 * t + 1] = -std::sin(a);
    }
    return w;
}

// X_k = sum_j x_j w^(j k mod n) for k in [k0, k1): the exponent advances by k per term and wraps
// without a branch; two independent accumulator pairs hide the latency of the additions.
void dft_rows(const double *__restrict x, const double *__restrict w, double *__restrict y, std::size_t n,
              std::size_t k0, std::size_t k1) {
    for (std::size_t k = k0; k < k1; ++k) {
        double r0 = 0.0, i0 = 0.0, r1 = 0.0, i1 = 0.0;
        std::size_t e0 = 0, e1 = k;  // exponents of terms j and j + 1
        const std::size_t step = 2 * k % n;
        std::size_t j = 0;
        for (; j + 2 <= n; j += 2) {
            const double a0 = x[2 * j], b0 = x[2 * j + 1], a1 = x[2 * j + 2], b1 = x[2 * j + 3];
            const double c0 = w[2 * e0], s0 = w[2 * e0 + 1], c1 = w[2 * e1], s1 = w[2 * e1 + 1];
            r0 += a0 * c0 - b0 * s0;
            i0 += a0 * s0 + b0 * c0;
            r1 += a1 * c1 - b1 * s1;
            i1 += a1 * s1 + b1 * c1;
            e0 += step;
            e0 -= e0 >= n ? n : 0;
            e1 += step;
            e1 -= e1 >= n ? n : 0;
        }
        if (j < n) {
            r0 += x[2 * j] * w[2 * e0] - x[2 * j + 1] * w[2 * e0 + 1];
            i0 += x[2 * j] * w[2 * e0 + 1] + x[2 * j + 1] * w[2 * e0];
        }
        y[2 * k] = r0 + r1;
        y[2 * k + 1] = i0 + i1;
    }
}

}  // namespace

void dft(const std::vector<double> &x, std::vector<double> &y, size_t n) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t p = static_cast<std::size_t>(size);
    std::vector<int> counts(p), displs(p);  // outputs [k0, k1) of rank q, as doubles
    for (std::size_t q = 0; q < p; ++q) {
        const std::size_t k0 = n * q / p, k1 = n * (q + 1) / p;
        displs[q] = static_cast<int>(2 * k0);
        counts[q] = static_cast<int>(2 * (k1 - k0));
    }
    const std::vector<double> w = root_table(n);  // each rank builds it: n cos/sin, cheap next to n^2
    const std::size_t k0 = static_cast<std::size_t>(displs[static_cast<std::size_t>(rank)]) / 2;
    const std::size_t k1 = k0 + static_cast<std::size_t>(counts[static_cast<std::size_t>(rank)]) / 2;
    dft_rows(x.data(), w.data(), y.data(), n, k0, k1);
    if (size == 1) return;
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, y.data(), counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(y.data() + 2 * k0, counts[static_cast<std::size_t>(rank)], MPI_DOUBLE, nullptr, nullptr, nullptr,
                    MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
