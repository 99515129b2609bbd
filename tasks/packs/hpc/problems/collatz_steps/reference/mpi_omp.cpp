// MPI+OpenMP reference of collatz_steps: chunks of CHUNK values are dealt out cyclically over the
// ranks (chunk k to rank k % P, so every rank gets an equal share of cheap and expensive regions),
// and a rank's chunks are handed out dynamically to its threads. Rank 0 gathers the other ranks'
// packed chunks with MPI_Gatherv and puts them in place. Within a chunk:
//  - Runs of halvings are taken at once: after an odd step (3v + 1, always even) all factors of two
//    are stripped with one count-trailing-zeros, so the loop body has no data-dependent branch.
//  - A table of the step counts of all values below T is built first (each entry from a smaller
//    one, a few steps each); a trajectory stops as soon as it drops below T.
//  - L values are iterated side by side (independent dependency chains keep the core busy); a lane
//    whose value has dropped below T stores its count and takes the next value.
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::uint64_t T = 1u << 14;  // values below T are looked up
constexpr int L = 4;                    // values iterated side by side
constexpr std::size_t CHUNK = 2048;     // values per unit of work handed out

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
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    std::vector<std::uint16_t> tab;
    build_table(tab);
    const std::size_t n = values.size();
    const std::size_t chunks = (n + CHUNK - 1) / CHUNK, p = static_cast<std::size_t>(size);
    // Chunk k belongs to rank k % P; a rank's chunks are packed one after another.
    auto chunk_len = [&](std::size_t k) { return std::min(CHUNK, n - k * CHUNK); };
    auto packed_len = [&](std::size_t q) {
        std::size_t total = 0;
        for (std::size_t k = q; k < chunks; k += p) total += chunk_len(k);
        return total;
    };
    const std::size_t q = static_cast<std::size_t>(rank);
    const std::size_t mine = q < chunks ? (chunks - q + p - 1) / p : 0;
    // Every value of the rank's chunks is computed into its place in `steps`, then copied out.
    const std::uint64_t *vp = values.data();
    int *sp = steps.data();
    const std::uint16_t *tp = tab.data();
    const std::ptrdiff_t count = static_cast<std::ptrdiff_t>(mine);
#pragma omp parallel for schedule(dynamic, 1) if (mine * CHUNK > 20000)
    for (std::ptrdiff_t j = 0; j < count; ++j) {
        const std::size_t lo = (q + static_cast<std::size_t>(j) * p) * CHUNK;
        count_range(vp, sp, lo, std::min(lo + CHUNK, n), tp);
    }
    if (size == 1) return;

    std::vector<int> sizes(size), displs(size);
    for (std::size_t t = 0; t < p; ++t) {
        sizes[t] = static_cast<int>(packed_len(t));
        displs[t] = t == 0 ? 0 : displs[t - 1] + sizes[t - 1];
    }
    std::vector<int> packed(rank == 0 ? 0 : static_cast<std::size_t>(sizes[rank]));
    if (rank != 0) {
        std::size_t at = 0;
        for (std::size_t k = q; k < chunks; k += p) {
            std::copy(sp + k * CHUNK, sp + k * CHUNK + chunk_len(k), packed.begin() + static_cast<std::ptrdiff_t>(at));
            at += chunk_len(k);
        }
    }
    std::vector<int> all(rank == 0 ? n : 0);
    if (rank != 0) {
        MPI_Gatherv(packed.data(), sizes[rank], MPI_INT, nullptr, nullptr, nullptr, MPI_INT, 0, MPI_COMM_WORLD);
        return;
    }
    // Rank 0's part of `all` stays unused (MPI_IN_PLACE).
    MPI_Gatherv(MPI_IN_PLACE, 0, MPI_INT, all.data(), sizes.data(), displs.data(), MPI_INT, 0, MPI_COMM_WORLD);
    // Rank 0's own chunks are already in place; the others' go from `all` to their chunks.
    for (std::size_t t = 1; t < p; ++t) {
        std::size_t at = static_cast<std::size_t>(displs[t]);
        for (std::size_t k = t; k < chunks; k += p) {
            std::copy(all.begin() + static_cast<std::ptrdiff_t>(at),
                      all.begin() + static_cast<std::ptrdiff_t>(at + chunk_len(k)), sp + k * CHUNK);
            at += chunk_len(k);
        }
    }
}
