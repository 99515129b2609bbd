// Serial reference of collatz_steps: three tricks on top of the plain loop.
//  - Runs of halvings are taken at once: after an odd step (3v + 1, always even) all factors of two
//    are stripped with one count-trailing-zeros, so the loop body has no data-dependent branch.
//  - A table of the step counts of all values below T is built first (each entry from a smaller
//    one, a few steps each); a trajectory stops as soon as it drops below T.
//  - L values are iterated side by side (independent dependency chains keep the core busy); a lane
//    whose value has dropped below T stores its count and takes the next value.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::uint64_t T = 1u << 14;  // values below T are looked up
constexpr int L = 4;                    // values iterated side by side

// Step counts of the values 1 .. T - 1 (entry 0 unused).
void build_table(std::vector<std::uint16_t> &tab) {
    tab.assign(T, 0);
    for (std::uint64_t v = 2; v < T; ++v) {
        std::uint64_t w = v;
        unsigned c = 0;
        while (w >= v) {  // until the trajectory drops below v, whose steps are known
            w = (w & 1) ? 3 * w + 1 : w / 2;
            ++c;
        }
        tab[v] = static_cast<std::uint16_t>(c + tab[w]);
    }
}

// Steps of values[lo, hi) into steps[lo, hi).
void count_range(const std::uint64_t *values, int *steps, std::size_t lo, std::size_t hi,
                 const std::uint16_t *tab) {
    std::uint64_t v[L];
    std::int64_t c[L];
    std::size_t idx[L];
    std::size_t next = lo;
    int live = 0;
    // A free lane holds v = 1 (below T) and idx = SIZE_MAX; it stores nothing.
    for (int l = 0; l < L; ++l) {
        v[l] = 1;
        c[l] = 0;
        idx[l] = SIZE_MAX;
    }
    auto refill = [&](int l) {
        while (next < hi) {
            const std::size_t i = next++;
            const std::uint64_t x = values[i];
            if (x < T) {
                steps[i] = tab[x];
                continue;
            }
            v[l] = x;
            c[l] = 0;
            idx[l] = i;
            ++live;
            return;
        }
        v[l] = 1;
        idx[l] = SIZE_MAX;
    };
    for (int l = 0; l < L; ++l) refill(l);
    while (live > 0) {
        for (int l = 0; l < L; ++l) {
            // One odd step when v is odd, then every halving up to the next odd value.
            std::uint64_t x = v[l];
            const std::uint64_t odd = x & 1;
            x = odd ? 3 * x + 1 : x;
            const int tz = __builtin_ctzll(x);
            v[l] = x >> tz;
            c[l] += static_cast<std::int64_t>(odd) + tz;
        }
        for (int l = 0; l < L; ++l) {
            if (v[l] < T && idx[l] != SIZE_MAX) {
                steps[idx[l]] = static_cast<int>(c[l] + tab[v[l]]);
                --live;
                refill(l);
            }
        }
    }
}

}  // namespace

void collatz_steps(const std::vector<uint64_t> &values, std::vector<int> &steps) {
    std::vector<std::uint16_t> tab;
    build_table(tab);
    count_range(values.data(), steps.data(), 0, values.size(), tab.data());
}
