#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

// odd-only sieve of Eratosthenes up to the largest bound, in L1-sized segments straight into a bitset; a bound is
// answered by a per-word cumulative count plus one popcount of the masked word
namespace {
inline std::uint64_t popcount64(std::uint64_t x) {  // SWAR: no popcnt instruction on plain x86-64
    x -= (x >> 1) & 0x5555555555555555ULL;
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return (x * 0x0101010101010101ULL) >> 56;
}
}  // namespace

std::vector<std::int64_t> count_primes_below(const std::vector<std::int64_t>& ns) {
    std::vector<std::int64_t> counts(ns.size(), 0);
    std::int64_t limit = 0;
    for (const std::int64_t n : ns) limit = std::max(limit, n);
    if (limit <= 2) return counts;
    // bit i of the bitset stands for the odd number 2i + 1; the odd numbers below n are i < n / 2
    const std::int64_t odd = limit / 2;
    const std::size_t words = static_cast<std::size_t>(odd / 64) + 1;
    std::vector<std::uint64_t> bits(words, ~0ULL);
    std::int64_t root = 1;
    while ((root + 1) * (root + 1) < limit) ++root;
    std::vector<char> small(static_cast<std::size_t>(root) + 1, 1);
    std::vector<std::int64_t> primes, next;  // odd primes <= root, and the index of each one's next odd multiple
    for (std::int64_t p = 3; p <= root; p += 2)
        if (small[p]) {
            primes.push_back(p);
            next.push_back((p * p) / 2);
            for (std::int64_t m = p * p; m <= root; m += 2 * p) small[m] = 0;
        }
    bits[0] &= ~1ULL;  // 1 is not prime
    constexpr std::int64_t segment = 32768 * 8;  // odd numbers per segment: 32 KiB of bits
    std::uint64_t* b = bits.data();
    for (std::int64_t start = 0; start < odd; start += segment) {
        const std::int64_t end = std::min(odd, start + segment);
        for (std::size_t k = 0; k < primes.size(); ++k) {
            const std::int64_t p = primes[k];
            std::int64_t i = next[k];
            for (; i < end; i += p) b[i >> 6] &= ~(1ULL << (i & 63));
            next[k] = i;
        }
    }
    // clear the bits past odd - 1 in the last word, then cumulative counts per word
    b[odd / 64] &= (1ULL << (odd % 64)) - 1;
    std::vector<std::uint32_t> before(words);
    std::uint32_t run = 0;
    for (std::size_t w = 0; w < words; ++w) {
        before[w] = run;
        run += static_cast<std::uint32_t>(popcount64(b[w]));
    }
    for (std::size_t q = 0; q < ns.size(); ++q) {
        const std::int64_t n = ns[q];
        if (n <= 2) continue;
        const std::uint64_t k = static_cast<std::uint64_t>(n / 2), w = k >> 6;
        counts[q] = 1 + before[w] + static_cast<std::int64_t>(popcount64(b[w] & ((1ULL << (k & 63)) - 1)));
    }
    return counts;
}
