#include <algorithm>
#include <cstdint>
#include <vector>

std::int64_t lru_cache_hits(const std::vector<std::int64_t>& keys, std::int64_t capacity) {
    // the cached keys from least recently used (front) to most recently used (back)
    std::vector<std::int64_t> cache;
    std::int64_t hits = 0;
    if (capacity <= 0) return 0;
    for (const std::int64_t key : keys) {
        auto it = std::find(cache.begin(), cache.end(), key);
        if (it != cache.end()) {
            ++hits;
            cache.erase(it);
        } else if (static_cast<std::int64_t>(cache.size()) == capacity) {
            cache.erase(cache.begin());
        }
        cache.push_back(key);
    }
    return hits;
}
