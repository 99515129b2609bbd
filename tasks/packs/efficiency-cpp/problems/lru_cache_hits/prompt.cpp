#include <cstdint>
#include <vector>

// A cache holds at most `capacity` keys (capacity >= 0) and starts empty. The keys are requested in order. A request
// for a key in the cache is a hit and makes that key the most recently used. A request for any other key is a miss:
// if the cache already holds `capacity` keys, the least recently used one is evicted first, then the key is stored
// as the most recently used (with capacity 0 nothing is ever stored). Return the number of hits. Keys are any 64-bit
// integers (negatives allowed); an empty request list gives 0.
// Example: lru_cache_hits({1, 2, 1, 3, 2, 1}, 2) == 1 (only the second 1 hits: 3 evicts 2, then 2 evicts 1,
//          then 1 evicts 3); lru_cache_hits({1, 2, 1, 3, 2, 1}, 3) == 3; lru_cache_hits({4, 4}, 0) == 0.
std::int64_t lru_cache_hits(const std::vector<std::int64_t>& keys, std::int64_t capacity);
