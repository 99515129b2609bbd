// Driver of the inclusive_scan problem: y[i] = x[0] + ... + x[i] over 64-bit integers.
// size -> n = size. x[i] is uniform in [-1000000, 3000000] (positive on average, so the prefix sums
// pass 2^31 within a few thousand elements and a 32-bit accumulator overflows), with about one
// element in 16 set to 0.
//
// The entry point writes a std::vector<int64_t>; reset_output allocates that vector (filled with a
// value no prefix sum can take) outside the timed call, and the adapters copy it into `out` as
// doubles (exact: every prefix sum is below 2^53 in magnitude).
#include "hpceval_driver.hpp"

#include <cstdint>
#include <vector>

void inclusive_scan(const std::vector<int64_t> &x, std::vector<int64_t> &y);
void hpceval_baseline_inclusive_scan(const std::vector<int64_t> &x, std::vector<int64_t> &y);

struct InclusiveScanProblem {
    static constexpr std::int64_t JUNK = std::int64_t(1) << 60;  // never a prefix sum here

    struct Input {
        std::vector<std::int64_t> x;
        // The entry point's output vector; not an input field: reset_output sizes and fills it.
        mutable std::vector<std::int64_t> y;
        template <class F> void fields(F &&f) { f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.x.resize(size);
        for (std::int64_t &v : in.x)
            v = rng.below(16) == 0 ? 0 : static_cast<std::int64_t>(rng.below(4000001)) - 1000000;
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) {
        in.y.assign(in.x.size(), JUNK);
        out.assign(in.x.size(), 0.0);
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
        inclusive_scan(in.x, in.y);
        to_out(in.y, out);
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_inclusive_scan(in.x, in.y);
        to_out(in.y, out);
    }
};

HPCEVAL_MAIN(InclusiveScanProblem)
