// Sequential baseline of poly_eval: Horner's rule, one element of x at a time.
#include <cstddef>
#include <vector>

void poly_eval(const std::vector<double> &coeffs, const std::vector<double> &x, std::vector<double> &y) {
    const size_t d = coeffs.size() - 1;
    for (size_t i = 0; i < x.size(); ++i) {
        double acc = coeffs[d];
        for (size_t k = d; k-- > 0;) acc = acc * x[i] + coeffs[k];
        y[i] = acc;
    }
}
