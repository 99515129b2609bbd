#include <cstdint>
#include <string>
#include <vector>

// Knuth-Morris-Pratt. border[k] is the length of the longest proper prefix of pattern[0..k] that is also its
// suffix; a scan keeps how many pattern characters match the text ending at the current position and falls back
// along the borders on a mismatch, so every text character is read once (O(n + m)).
//
// For the patterns met in practice the borders are compiled into the KMP automaton: the letters of the pattern get
// columns 1..k (every other letter column 0, which always leads back toward the start), and next[state][column] is
// the state after reading that letter. The scan is then one table load per text character with no branch on the
// data. The automaton is built only while its table stays small enough to live in cache; longer patterns with many
// distinct letters fall back to the plain border scan.
namespace {

constexpr std::size_t kMaxAutomatonCells = std::size_t{1} << 18;

std::vector<std::uint32_t> borders(const char* p, std::size_t m) {
    std::vector<std::uint32_t> border(m);
    border[0] = 0;
    for (std::size_t k = 1, b = 0; k < m; ++k) {
        while (b > 0 && p[k] != p[b]) b = border[b - 1];
        if (p[k] == p[b]) ++b;
        border[k] = static_cast<std::uint32_t>(b);
    }
    return border;
}

}  // namespace

std::int64_t count_pattern_occurrences(const std::string& text, const std::string& pattern) {
    const std::size_t n = text.size(), m = pattern.size();
    if (m == 0 || m > n) return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(pattern.data());
    const auto* t = reinterpret_cast<const unsigned char*>(text.data());
    const std::vector<std::uint32_t> border = borders(pattern.data(), m);

    unsigned char column[256] = {};
    std::size_t letters = 0;
    for (std::size_t k = 0; k < m; ++k)
        if (column[p[k]] == 0) column[p[k]] = static_cast<unsigned char>(++letters);
    const std::size_t width = letters + 1;

    std::int64_t count = 0;
    if ((m + 1) * width <= kMaxAutomatonCells) {
        // states 0..m (m: the whole pattern just matched), each stored as the offset of its row (state * width),
        // so a step is one add and one load
        const auto w = static_cast<std::uint32_t>(width);
        std::vector<std::uint32_t> next((m + 1) * width, 0);
        next[column[p[0]]] = w;
        for (std::size_t s = 1; s <= m; ++s) {
            const std::uint32_t* fallback = next.data() + border[s - 1] * width;
            std::uint32_t* row = next.data() + s * width;
            for (std::size_t c = 0; c < width; ++c) row[c] = fallback[c];
            if (s < m) row[column[p[s]]] = static_cast<std::uint32_t>((s + 1) * width);
        }
        const std::uint32_t* table = next.data();
        const auto full = static_cast<std::uint32_t>(m * width);
        std::uint32_t state = 0;
        for (std::size_t i = 0; i < n; ++i) {
            state = table[state + column[t[i]]];
            count += state == full;
        }
        return count;
    }
    const std::uint32_t* fall = border.data();
    std::size_t matched = 0;  // pattern[0..matched) equals the text just before position i
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = t[i];
        while (matched > 0 && p[matched] != c) matched = fall[matched - 1];
        if (p[matched] == c) ++matched;
        if (matched == m) {
            ++count;
            matched = fall[m - 1];
        }
    }
    return count;
}
