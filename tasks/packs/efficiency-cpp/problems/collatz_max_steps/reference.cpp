#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <utility>
#include <vector>

// Memoised step counts. known[x] (x <= hi) holds steps(x) + 1 once it is known (0: not yet). A start's sequence is
// followed only until it reaches a known value; every value <= hi met on the way is then filled in from the end, so
// no value <= hi is ever walked through twice. An odd x is followed by the even 3x + 1, so both steps are taken at
// once: x -> (3x + 1) / 2 counts 2.
// Only starts above hi / 2 can win: for s <= hi / 2 the start 2s is also in [lo, hi] and takes one step more.
std::pair<std::int64_t, std::int64_t> collatz_max_steps(std::int64_t lo, std::int64_t hi) {
    const std::uint64_t top = static_cast<std::uint64_t>(hi);
    const std::uint64_t first = static_cast<std::uint64_t>(lo > hi / 2 ? lo : hi / 2 + 1);
    // calloc hands out fresh zero pages without writing them: only the pages the walks touch are ever faulted in
    const std::unique_ptr<std::uint16_t, decltype(&std::free)> table(
        static_cast<std::uint16_t*>(std::calloc(top + 1, sizeof(std::uint16_t))), &std::free);
    if (!table) throw std::bad_alloc();
    std::uint16_t* known = table.get();
    known[1] = 1;
    struct Visit {
        std::uint32_t value;  // a value <= hi whose count is not known yet
        std::uint32_t at;     // the steps taken from the start before reaching it
    };
    std::vector<Visit> path;
    path.reserve(1024);
    std::uint64_t best_start = first;
    std::uint32_t best_steps = 0;
    for (std::uint64_t s = first; s <= top; ++s) {
        std::uint32_t total;
        if (known[s] != 0) {
            total = known[s] - 1u;
        } else {
            path.clear();
            std::uint64_t x = s;
            std::uint32_t taken = 0;
            for (;;) {
                if (x <= top) {
                    if (known[x] != 0) break;
                    path.push_back({static_cast<std::uint32_t>(x), taken});
                }
                if (x & 1) {
                    x = (3 * x + 1) >> 1;
                    taken += 2;
                } else {
                    x >>= 1;
                    taken += 1;
                }
            }
            total = taken + known[x] - 1u;
            for (const Visit& v : path) known[v.value] = static_cast<std::uint16_t>(total - v.at + 1u);
        }
        if (total > best_steps || s == first) {
            best_steps = total;
            best_start = s;
        }
    }
    return {static_cast<std::int64_t>(best_start), static_cast<std::int64_t>(best_steps)};
}
