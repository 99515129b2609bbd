#include <cstdint>
#include <vector>

// keys get dense ids from an insert-only open-addressing hash table; recency is a doubly linked list over the ids
std::int64_t lru_cache_hits(const std::vector<std::int64_t>& keys, std::int64_t capacity) {
    if (capacity <= 0 || keys.empty()) return 0;
    // hash table: slot_key / slot_id, slot_id == -1 for an empty slot; grown to keep the load under one half
    int bits = 10;
    std::vector<std::int64_t> slot_key(std::size_t{1} << bits);
    std::vector<std::int32_t> slot_id(std::size_t{1} << bits, -1);
    std::vector<std::int64_t> id_key;  // id -> key, used to rehash
    auto slot_of = [&](std::int64_t key) {
        return static_cast<std::size_t>((static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ull) >> (64 - bits));
    };
    // per id: its neighbours in the recency list (toward older / newer) and whether it is cached
    std::vector<std::int32_t> older, newer;
    std::vector<unsigned char> cached;
    std::int32_t oldest = -1, newest = -1;
    std::int64_t size = 0, hits = 0;
    auto unlink = [&](std::int32_t id) {
        if (older[id] >= 0) newer[older[id]] = newer[id]; else oldest = newer[id];
        if (newer[id] >= 0) older[newer[id]] = older[id]; else newest = older[id];
    };
    auto push_newest = [&](std::int32_t id) {
        older[id] = newest;
        newer[id] = -1;
        if (newest >= 0) newer[newest] = id; else oldest = id;
        newest = id;
    };
    for (const std::int64_t key : keys) {
        const std::size_t mask = (std::size_t{1} << bits) - 1;
        std::size_t s = slot_of(key);
        while (slot_id[s] >= 0 && slot_key[s] != key) s = (s + 1) & mask;
        std::int32_t id = slot_id[s];
        if (id < 0) {  // a key never seen: give it the next id
            id = static_cast<std::int32_t>(id_key.size());
            slot_key[s] = key;
            slot_id[s] = id;
            id_key.push_back(key);
            older.push_back(-1);
            newer.push_back(-1);
            cached.push_back(0);
            if (id_key.size() * 2 > (std::size_t{1} << bits)) {
                ++bits;
                const std::size_t new_mask = (std::size_t{1} << bits) - 1;
                slot_key.assign(std::size_t{1} << bits, 0);
                slot_id.assign(std::size_t{1} << bits, -1);
                for (std::size_t j = 0; j < id_key.size(); ++j) {
                    std::size_t t = slot_of(id_key[j]);
                    while (slot_id[t] >= 0) t = (t + 1) & new_mask;
                    slot_key[t] = id_key[j];
                    slot_id[t] = static_cast<std::int32_t>(j);
                }
            }
        }
        if (cached[id]) {
            ++hits;
            if (id != newest) {
                unlink(id);
                push_newest(id);
            }
        } else {
            if (size == capacity) {
                const std::int32_t victim = oldest;
                unlink(victim);
                cached[victim] = 0;
            } else {
                ++size;
            }
            cached[id] = 1;
            push_newest(id);
        }
    }
    return hits;
}
