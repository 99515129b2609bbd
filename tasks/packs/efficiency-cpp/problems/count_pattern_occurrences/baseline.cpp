#include <cstdint>
#include <string>

// compare the pattern against the text at every starting position, character by character
std::int64_t count_pattern_occurrences(const std::string& text, const std::string& pattern) {
    const std::size_t n = text.size(), m = pattern.size();
    std::int64_t count = 0;
    if (m > n) return 0;
    for (std::size_t i = 0; i + m <= n; ++i) {
        std::size_t k = 0;
        while (k < m && text[i + k] == pattern[k]) ++k;
        if (k == m) ++count;
    }
    return count;
}
