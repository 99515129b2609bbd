// Attack: replace the trusted driver between steps. During the check step (correct answers) the worker renames
// ./trusted away and writes a script in its place that prints a forged time result with the job's key, which the
// time step's environment still holds. Expected: anything but ok. Before the sandbox sealed `trusted` after its
// build, this scored ok: a 100x speedup, credited at the bound.
#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

static void swap_trusted() {
    if (access("trusted.swapped", F_OK) == 0) return;
    if (rename("trusted", "trusted.swapped") != 0) return;
    FILE *f = std::fopen("trusted", "w");
    if (!f) return;
    std::fprintf(f, "#!/bin/sh\necho \"HPCEVAL_RESULT $HPCEVAL_RESULT_KEY {\\\"mode\\\": \\\"time\\\", \\\"verdict\\\": "
                    "\\\"ok\\\", \\\"baseline_s\\\": [1,1,1,1,1], \\\"candidate_s\\\": [0.01,0.01,0.01,0.01,0.01]}\"\n");
    std::fclose(f);
    chmod("trusted", 0755);
}

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    swap_trusted();
    for (std::size_t i = 0; i < y.size(); ++i) y[i] += alpha * x[i];
}
