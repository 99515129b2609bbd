// Serial reference of first_match: the array is tested in blocks of 64 values with SSE2-width
// vector compares (GCC vector extensions; an early-exit loop is not vectorized by the compiler),
// so the scan runs at memory bandwidth; only a block that holds the target is searched value by
// value for the first match.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

typedef int v4si __attribute__((vector_size(16)));

constexpr std::size_t BLOCK = 64;

// Whether p[0, BLOCK) holds t.
inline bool block_has(const int32_t *p, int32_t t) {
    const v4si tv = {t, t, t, t};
    v4si acc = {0, 0, 0, 0};
    for (std::size_t j = 0; j < BLOCK; j += 4) {
        v4si v;
        std::memcpy(&v, p + j, sizeof v);
        acc |= v == tv;
    }
    return ((acc[0] | acc[1]) | (acc[2] | acc[3])) != 0;
}

// First index in [lo, hi) with x[i] == t, or hi.
std::size_t scan(const int32_t *x, std::size_t lo, std::size_t hi, int32_t t) {
    std::size_t i = lo;
    for (; i + BLOCK <= hi; i += BLOCK)
        if (block_has(x + i, t))
            for (std::size_t j = i;; ++j)
                if (x[j] == t) return j;
    for (; i < hi; ++i)
        if (x[i] == t) return i;
    return hi;
}

}  // namespace

int64_t first_match(const std::vector<int32_t> &x, int32_t target) {
    const std::size_t n = x.size();
    const std::size_t at = scan(x.data(), 0, n, target);
    return at < n ? static_cast<int64_t>(at) : -1;
}
