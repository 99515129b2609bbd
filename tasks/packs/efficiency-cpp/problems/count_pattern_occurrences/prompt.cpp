#include <cstdint>
#include <string>

// Return the number of positions i (0 <= i <= text.size() - pattern.size()) at which pattern occurs in text, that
// is text[i + k] == pattern[k] for every 0 <= k < pattern.size(). Occurrences may overlap, and each starting
// position counts once. Both strings consist only of the lowercase letters 'a' to 'z'; 1 <= pattern.size() and
// 0 <= text.size() <= 10^7. A pattern longer than the text gives 0.
// Example: count_pattern_occurrences("abababa", "aba") == 3 (at 0, 2 and 4);
//          count_pattern_occurrences("aaaa", "aa") == 3; count_pattern_occurrences("abc", "abcd") == 0;
//          count_pattern_occurrences("", "a") == 0.
std::int64_t count_pattern_occurrences(const std::string& text, const std::string& pattern);
