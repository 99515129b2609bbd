#include <mpi.h>
#include <stdio.h>

#define LOCAL 3

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int left = rank > 0 ? rank - 1 : MPI_PROC_NULL;
    int right = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;

    /* cells[0] and cells[LOCAL + 1] are halos; the global cell g lives on rank g / LOCAL */
    int cells[LOCAL + 2] = {0}, next[LOCAL + 2] = {0};
    for (int i = 1; i <= LOCAL; i++) {
        int g = rank * LOCAL + i - 1;
        cells[i] = g == 5 ? 640 : (g == 6 ? 256 : 0);
    }
    for (int step = 0; step < 3; step++) {
        /* a halo from a missing neighbour (MPI_PROC_NULL) is left as it was: 0 */
        MPI_Sendrecv(&cells[1], 1, MPI_INT, left, 0, &cells[LOCAL + 1], 1, MPI_INT, right, 0,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&cells[LOCAL], 1, MPI_INT, right, 1, &cells[0], 1, MPI_INT, left, 1,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        for (int i = 1; i <= LOCAL; i++)
            next[i] = (cells[i - 1] + 2 * cells[i] + cells[i + 1]) / 4;
        for (int i = 1; i <= LOCAL; i++)
            cells[i] = next[i];
    }

    int all[LOCAL * 16];
    MPI_Gather(&cells[1], LOCAL, MPI_INT, all, LOCAL, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        int sum = 0;
        for (int g = 0; g < LOCAL * size; g++) {
            printf("%d%c", all[g], g + 1 < LOCAL * size ? ' ' : '\n');
            sum += all[g];
        }
        printf("sum %d\n", sum);
    }
    MPI_Finalize();
    return 0;
}
