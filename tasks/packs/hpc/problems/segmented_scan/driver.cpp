// Driver of the segmented_scan problem: inclusive prefix sums of 64-bit integers, restarted at every
// segment head (flags[i] == 1; element 0 always starts a segment).
// size -> n = size. values[i] is uniform in [-1000000, 3000000] (positive on average, so sums over
// long segments pass 2^31). Segment lengths: with probability 1/4 one element, 3/8 1..8, 5/16
// 1..1000, 1/16 1..max(1, n/2) (segments that span whole thread or rank blocks); flags[0] is 0 or 1
// at random (both are legal).
//
// The entry point writes a std::vector<int64_t>; reset_output allocates that vector (filled with a
// value no sum can take) outside the timed call, and the adapters copy it into `out` as doubles
// (exact: every sum is below 2^53 in magnitude).
#include "hpceval_driver.hpp"

#include <cstdint>
#include <vector>

void segmented_scan(const std::vector<int64_t> &values, const std::vector<uint8_t> &flags, std::vector<int64_t> &out);
void hpceval_baseline_segmented_scan(const std::vector<int64_t> &values, const std::vector<uint8_t> &flags,
                                     std::vector<int64_t> &out);

struct SegmentedScanProblem {
    static constexpr std::int64_t JUNK = std::int64_t(1) << 60;  // never a sum here

    struct Input {
        std::vector<std::int64_t> values;
        std::vector<std::uint8_t> flags;
        // The entry point's output vector; not an input field: reset_output sizes and fills it.
        mutable std::vector<std::int64_t> sums;
        template <class F> void fields(F &&f) { f(values); f(flags); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.values.resize(size);
        in.flags.assign(size, 0);
        for (std::int64_t &v : in.values) v = static_cast<std::int64_t>(rng.below(4000001)) - 1000000;
        const std::uint64_t longest = size / 2 > 1 ? size / 2 : 1;
        std::size_t left = 0;  // elements of the current segment still to place
        for (std::size_t i = 0; i < size; ++i) {
            if (left == 0) {
                in.flags[i] = 1;
                const std::uint64_t r = rng.below(16);
                left = static_cast<std::size_t>(r < 4 ? 1 : r < 10 ? 1 + rng.below(8) : r < 15 ? 1 + rng.below(1000)
                                                                                                : 1 + rng.below(longest));
            }
            --left;
        }
        if (size > 0) in.flags[0] = static_cast<std::uint8_t>(rng.below(2));
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) {
        in.sums.assign(in.values.size(), JUNK);
        out.assign(in.values.size(), 0.0);
    }
    // Copies the entry point's output into `out` as doubles. In a worker built with OpenMP (the omp and
    // mpi+omp tasks) the copy is split over the task's threads; the trusted baseline and the serial and
    // MPI workers (no -fopenmp: the pragma is ignored) copy serially. A serial copy after a parallel call
    // would be a single-threaded tail as long as a memory-bound parallel kernel itself, which dilutes the
    // speedup and can leave the second thread below the harness's busy share for an honest candidate.
    static void to_out(const std::vector<std::int64_t> &y, std::vector<double> &out) {
        out.resize(y.size());
        const std::int64_t *src = y.data();
        double *dst = out.data();
        const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(y.size());
#pragma omp parallel for schedule(static) if (n > 100000)
        for (std::ptrdiff_t i = 0; i < n; ++i) dst[i] = static_cast<double>(src[i]);
    }
    static void candidate(const Input &in, std::vector<double> &out) {
        segmented_scan(in.values, in.flags, in.sums);
        to_out(in.sums, out);
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_segmented_scan(in.values, in.flags, in.sums);
        to_out(in.sums, out);
    }
};

HPCEVAL_MAIN(SegmentedScanProblem)
