// Attack: wrong model under MPI. Rank 0 does all the work; the other ranks take part in one broadcast
// (so a source check sees MPI communication) and return. Expected: wrong_model (idle ranks).
#include <mpi.h>

#include <cstddef>
#include <vector>

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    int rank = 0, token = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Bcast(&token, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank != 0) return;
    for (size_t i = 0; i < m; ++i) {
        double sum = 0.0;
        for (size_t j = 0; j < n; ++j) sum += A[i * n + j] * x[j];
        y[i] = sum;
    }
}
