// Kokkos reference of conv2d: a static parallel_for over output rows; each row accumulates the k image rows it needs, with a branch-free vectorizable loop over interior columns (kernel width a compile-time constant for k = 3, 5, 7) and a bounds-checked loop for the border columns.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

// Output row i into o[0, n); KW is the kernel width when fixed at compile time, else 0 (use kr).
template <std::size_t KW>
void conv_row(const double *__restrict img, std::size_t m, std::size_t n, const double *__restrict ker,
              std::size_t kr, std::size_t i, double *__restrict o) {
    const std::size_t k = KW ? KW : kr;
    const std::size_t h = k / 2;
    for (std::size_t j = 0; j < n; ++j) o[j] = 0.0;
    // interior columns [lo, hi): the whole window row lies inside the image
    const std::size_t lo = std::min(h, n), hi = n > 2 * h ? n - h : lo;
    for (std::size_t a = 0; a < k; ++a) {
        if (i + a < h || i + a - h >= m) continue;  // image row outside: zero padding
        const double *row = img + (i + a - h) * n;
        const double *w = ker + a * k;
        const double *shifted = row - h;  // shifted[j + b] is row[j + b - h]
        for (std::size_t j = lo; j < hi; ++j) {
            double s = o[j];
            for (std::size_t b = 0; b < k; ++b) s += w[b] * shifted[j + b];
            o[j] = s;
        }
        auto border = [&](std::size_t j) {
            double s = o[j];
            for (std::size_t b = 0; b < k; ++b)
                if (j + b >= h && j + b - h < n) s += w[b] * row[j + b - h];
            o[j] = s;
        };
        for (std::size_t j = 0; j < lo; ++j) border(j);
        for (std::size_t j = hi; j < n; ++j) border(j);
    }
}

void conv_row_any(const double *img, std::size_t m, std::size_t n, const double *ker, std::size_t k, std::size_t i,
                  double *o) {
    switch (k) {
    case 3: conv_row<3>(img, m, n, ker, k, i, o); break;
    case 5: conv_row<5>(img, m, n, ker, k, i, o); break;
    case 7: conv_row<7>(img, m, n, ker, k, i, o); break;
    default: conv_row<0>(img, m, n, ker, k, i, o); break;
    }
}

}  // namespace

void conv2d(const std::vector<double> &image, size_t m, size_t n, const std::vector<double> &kernel, size_t k,
            std::vector<double> &out) {
    const double *img = image.data(), *ker = kernel.data();
    double *o = out.data();
    if (m * n * k * k <= 100000) {
        for (std::size_t i = 0; i < m; ++i) conv_row_any(img, m, n, ker, k, i, o + i * n);
        return;
    }
    Kokkos::parallel_for(
        "conv2d", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, m),
        KOKKOS_LAMBDA(const std::size_t i) { conv_row_any(img, m, n, ker, k, i, o + i * n); });
    Kokkos::fence();
}
