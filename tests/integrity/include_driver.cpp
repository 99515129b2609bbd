// Attack: precompute from seeds. Includes the problem's driver to get its generator and baseline.
// Expected: policy_violation (the driver brings main and more global symbols).
#include "driver.cpp"

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] += alpha * x[i];
}
