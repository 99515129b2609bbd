// Driver of the radix_sort_u32 problem: sort a vector of 32-bit unsigned integers ascending, in place.
// size -> n = size. Each element is, with probability
//   1/2   uniform over all 2^32 values
//   1/8   below 256 (many repeats; high bytes zero)
//   1/8   0xC3A50000 + a value below 2^16 (shared high half)
//   1/8   within 2^20 of 2^31 on either side (signed and unsigned order disagree here)
//   1/16  a copy of a random earlier element
//   1/16  0 or 4294967295
// (the first element is always uniform).
//
// The entry point sorts a std::vector<uint32_t> in place; reset_output copies the input into that
// vector outside the timed call, and the adapters copy the sorted values into `out` as doubles.
#include "hpceval_driver.hpp"

#include <cstdint>
#include <vector>

void radix_sort_u32(std::vector<uint32_t> &x);
void hpceval_baseline_radix_sort_u32(std::vector<uint32_t> &x);

struct RadixSortU32Problem {
    struct Input {
        std::vector<std::uint32_t> x;
        // The vector the entry point sorts; not an input field: reset_output copies x into it.
        mutable std::vector<std::uint32_t> work;
        template <class F> void fields(F &&f) { f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.x.resize(size);
        for (std::size_t i = 0; i < size; ++i) {
            const std::uint64_t r = i == 0 ? 0 : rng.below(16);
            std::uint32_t v;
            if (r < 8) v = static_cast<std::uint32_t>(rng.next_u64() >> 32);
            else if (r < 10) v = static_cast<std::uint32_t>(rng.below(256));
            else if (r < 12) v = 0xC3A50000u + static_cast<std::uint32_t>(rng.below(65536));
            else if (r < 14) v = 0x80000000u - (1u << 20) + static_cast<std::uint32_t>(rng.below(1u << 21));
            else if (r == 14) v = in.x[rng.below(i)];
            else v = rng.below(2) ? 0xFFFFFFFFu : 0u;
            in.x[i] = v;
        }
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) {
        in.work.assign(in.x.begin(), in.x.end());
        out.assign(in.x.size(), 0.0);
    }
    // Copies the entry point's output into `out` as doubles. In a worker built with OpenMP (the omp and
    // mpi+omp tasks) the copy is split over the task's threads; the trusted baseline and the serial and
    // MPI workers (no -fopenmp: the pragma is ignored) copy serially. A serial copy after a parallel call
    // would be a single-threaded tail as long as a memory-bound parallel kernel itself, which dilutes the
    // speedup and can leave the second thread below the harness's busy share for an honest candidate.
    static void to_out(const std::vector<std::uint32_t> &y, std::vector<double> &out) {
        out.resize(y.size());
        const std::uint32_t *src = y.data();
        double *dst = out.data();
        const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(y.size());
#pragma omp parallel for schedule(static) if (n > 100000)
        for (std::ptrdiff_t i = 0; i < n; ++i) dst[i] = static_cast<double>(src[i]);
    }
    static void candidate(const Input &in, std::vector<double> &out) {
        radix_sort_u32(in.work);
        to_out(in.work, out);
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_radix_sort_u32(in.work);
        to_out(in.work, out);
    }
};

HPCEVAL_MAIN(RadixSortU32Problem)
