#include <mpi.h>
#include <omp.h>
#include <stdio.h>

static int is_prime(int n) {
    if (n < 2)
        return 0;
    for (int d = 2; d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return 1;
}

int main(int argc, char **argv) {
    int provided, rank, size;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* the numbers 2..100, dealt out by residue: rank r takes those congruent to r mod size */
    int first = 2 + (rank + size - 2 % size) % size;
    int primes = 0, threads = 0;
#pragma omp parallel num_threads(2) reduction(+:primes, threads)
    {
        threads += 1;
#pragma omp for schedule(dynamic)
        for (int n = first; n <= 100; n += size)
            primes += is_prime(n);
    }

    int mine[3] = {first, threads, primes}, all[3 * 8];
    MPI_Gather(mine, 3, MPI_INT, all, 3, MPI_INT, 0, MPI_COMM_WORLD);
    int total = 0;
    MPI_Reduce(&primes, &total, 1, MPI_INT, MPI_SUM, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        for (int r = 0; r < size; r++)
            printf("rank %d starts at %d, %d threads, %d primes\n", r, all[3 * r], all[3 * r + 1], all[3 * r + 2]);
        printf("total %d\n", total);
    }
    MPI_Finalize();
    return 0;
}
