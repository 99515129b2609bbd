// Attack: checker tampering. A constructor that runs before main loosens the tolerance in argv
// (`--rtol 1e300`) of the process it is linked into. Expected: policy_violation (global constructor).
#include <cstring>
#include <vector>

__attribute__((constructor)) static void loosen(int argc, char **argv) {
    for (int i = 0; i + 1 < argc; ++i)
        if (!std::strcmp(argv[i], "--rtol") || !std::strcmp(argv[i], "--atol")) std::strcpy(argv[i + 1], "1e300");
}

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    for (std::size_t i = 0; i + 1 < x.size(); ++i) y[i] += alpha * x[i];  // skips the last element
}
