// Serial reference of conv2d: one output row at a time (it stays in L1). For each kernel row a the
// matching image row is added in: the interior columns, whose whole window lies inside the image,
// run a branch-free loop that the compiler vectorizes (the kernel width is a compile-time constant
// for k = 3, 5, 7, so the inner loop over the kernel row is unrolled); the few border columns take
// a bounds-checked path. Each pixel adds its terms in the same order as the plain loop.
#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

// Output row i; K is the kernel width (k) when known at compile time, else 0.
template <std::size_t K>
void conv_row(const double *__restrict img, std::size_t m, std::size_t n, const double *__restrict ker,
              std::size_t k_runtime, std::size_t i, double *__restrict o) {
    const std::size_t k = K ? K : k_runtime;
    const std::size_t h = k / 2;
    for (std::size_t j = 0; j < n; ++j) o[j] = 0.0;
    const std::size_t j0 = std::min(h, n), j1 = n > 2 * h ? n - h : j0;  // interior columns [j0, j1)
    for (std::size_t a = 0; a < k; ++a) {
        if (i + a < h || i + a - h >= m) continue;
        const double *row = img + (i + a - h) * n;
        const double *w = ker + a * k;
        const double *base = row - h;  // base[j + b] = row[j + b - h]
        for (std::size_t j = j0; j < j1; ++j) {
            double s = o[j];
            for (std::size_t b = 0; b < k; ++b) s += w[b] * base[j + b];
            o[j] = s;
        }
        for (std::size_t j = 0; j < n; ++j) {
            if (j == j0 && j1 > j0) j = j1;  // skip the interior
            if (j >= n) break;
            double s = o[j];
            for (std::size_t b = 0; b < k; ++b)
                if (j + b >= h && j + b - h < n) s += w[b] * row[j + b - h];
            o[j] = s;
        }
    }
}

}  // namespace

void conv2d(const std::vector<double> &image, size_t m, size_t n, const std::vector<double> &kernel, size_t k,
            std::vector<double> &out) {
    const double *img = image.data(), *ker = kernel.data();
    double *o = out.data();
    for (std::size_t i = 0; i < m; ++i) {
        switch (k) {
            case 3: conv_row<3>(img, m, n, ker, k, i, o + i * n); break;
            case 5: conv_row<5>(img, m, n, ker, k, i, o + i * n); break;
            case 7: conv_row<7>(img, m, n, ker, k, i, o + i * n); break;
            default: conv_row<0>(img, m, n, ker, k, i, o + i * n); break;
        }
    }
}
