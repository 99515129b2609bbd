#include <cstddef>
#include <vector>

// Horner's rule (no pow), run on 16 points at once: 8 independent vector chains hide the multiply-add latency
namespace {
typedef double v2d __attribute__((vector_size(16)));
}

std::vector<double> evaluate_polynomial(const std::vector<double>& c, const std::vector<double>& xs) {
    const std::size_t n = xs.size(), d = c.size();
    std::vector<double> values(n, 0.0);
    if (d == 0 || n == 0) return values;
    constexpr std::size_t W = 16, V = W / 2;
    const double top = c[d - 1];
    std::size_t start = 0;
    for (; start + W <= n; start += W) {
        v2d x[V], acc[V];
        for (std::size_t t = 0; t < V; ++t) {
            __builtin_memcpy(&x[t], xs.data() + start + 2 * t, sizeof(v2d));
            acc[t] = v2d{top, top};
        }
        for (std::size_t i = d - 1; i-- > 0;) {
            const v2d ci = {c[i], c[i]};
            for (std::size_t t = 0; t < V; ++t) acc[t] = acc[t] * x[t] + ci;
        }
        for (std::size_t t = 0; t < V; ++t) __builtin_memcpy(values.data() + start + 2 * t, &acc[t], sizeof(v2d));
    }
    for (; start < n; ++start) {
        const double x = xs[start];
        double acc = top;
        for (std::size_t i = d - 1; i-- > 0;) acc = acc * x + c[i];
        values[start] = acc;
    }
    return values;
}
