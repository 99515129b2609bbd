// Serial reference of triangle_count: every triangle u < v < w is counted once from its smallest
// vertex. Only the "upper" part of each row is used (the neighbours larger than the row's vertex: a
// suffix of the sorted row, walked from its end). For a vertex u its upper neighbours are flagged in
// a byte array; for every upper neighbour v of u the flags of v's upper neighbours are summed
// (branch-free), and the flags are cleared again. The work is the sum over edges (u, v), u < v, of
// v's upper degree, with no merge branches.
#include <cstddef>
#include <cstdint>
#include <vector>

size_t triangle_count(size_t n, const std::vector<size_t> &row_ptr, const std::vector<size_t> &col_idx) {
    const std::size_t *__restrict rp = row_ptr.data();
    const std::size_t *__restrict ci = col_idx.data();
    std::vector<std::uint8_t> flag(n, 0);
    std::uint8_t *__restrict f = flag.data();
    std::size_t count = 0;
    for (std::size_t u = 0; u < n; ++u) {
        const std::size_t a1 = rp[u + 1];
        std::size_t a0 = a1;
        while (a0 > rp[u] && ci[a0 - 1] > u) f[ci[--a0]] = 1;  // flag u's upper neighbours
        if (a1 - a0 >= 2) {  // a triangle needs two upper neighbours of u
            for (std::size_t a = a0; a < a1; ++a) {
                const std::size_t v = ci[a];
                const std::size_t b0 = rp[v];
                std::size_t c = 0;
                for (std::size_t b = rp[v + 1]; b > b0 && ci[b - 1] > v; --b) c += f[ci[b - 1]];
                count += c;
            }
        }
        for (std::size_t a = a0; a < a1; ++a) f[ci[a]] = 0;
    }
    return count;
}
