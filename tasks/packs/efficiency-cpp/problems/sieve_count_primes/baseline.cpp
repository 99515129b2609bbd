#include <algorithm>
#include <cstdint>
#include <vector>

namespace {
bool is_prime(std::int64_t m) {
    if (m < 2) return false;
    if (m % 2 == 0) return m == 2;
    for (std::int64_t d = 3; d * d <= m; d += 2)
        if (m % d == 0) return false;
    return true;
}
}  // namespace

std::vector<std::int64_t> count_primes_below(const std::vector<std::int64_t>& ns) {
    std::int64_t largest = 0;
    for (const std::int64_t n : ns) largest = std::max(largest, n);
    // below[m]: the number of primes < m, testing every number by trial division
    std::vector<std::int64_t> below(static_cast<std::size_t>(largest) + 1, 0);
    for (std::int64_t m = 0; m < largest; ++m) below[m + 1] = below[m] + is_prime(m);
    std::vector<std::int64_t> counts;
    counts.reserve(ns.size());
    for (const std::int64_t n : ns) counts.push_back(n <= 0 ? 0 : below[n]);
    return counts;
}
