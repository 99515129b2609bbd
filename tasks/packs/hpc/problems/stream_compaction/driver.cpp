// Driver of the stream_compaction problem: keep the x[i] > threshold, in order, and count them.
// size -> n = size. threshold is uniform in [-0.5, 0.5); x[i] is uniform in [-4, 4) except that
// with probability 1/16 each it equals the threshold, 1/32 the next double above it (kept), 1/32
// the next double below it (not kept), and 1/16 its predecessor. About half of the elements are
// kept.
//
// The entry point fills out[0, count) and returns count; the adapters turn that into one output
// of fixed length n + 1: the kept elements, zeros up to index n - 1, and the count at index n (so
// a wrong element or a wrong count points at its index). reset_output reserves the extra slot, so
// this costs one pass of zero-filling after the call, the same for baseline and candidate.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

size_t stream_compaction(const std::vector<double> &x, double threshold, std::vector<double> &out);
size_t hpceval_baseline_stream_compaction(const std::vector<double> &x, double threshold, std::vector<double> &out);

struct StreamCompactionProblem {
    struct Input {
        double threshold = 0.0;
        std::vector<double> x;
        template <class F> void fields(F &&f) { f(threshold); f(x); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        in.threshold = rng.uniform(-0.5, 0.5);
        const double above = std::nextafter(in.threshold, 1.0), below = std::nextafter(in.threshold, -1.0);
        in.x.resize(size);
        for (std::size_t i = 0; i < size; ++i) {
            const std::uint64_t r = rng.below(32);
            if (r < 2) in.x[i] = in.threshold;
            else if (r == 2) in.x[i] = above;
            else if (r == 3) in.x[i] = below;
            else if (r < 6 && i > 0) in.x[i] = in.x[i - 1];
            else in.x[i] = rng.uniform(-4.0, 4.0);
        }
        return in;
    }
    // out's contents on entry are arbitrary: here a value no element takes.
    static void reset_output(const Input &in, std::vector<double> &out) {
        out.reserve(in.x.size() + 1);
        out.assign(in.x.size(), -7777.0);
    }
    // The kept elements, zeros up to length n, then the count (whatever the call left in out past count).
    static void finish(std::size_t count, std::size_t n, std::vector<double> &out) {
        const std::size_t kept = std::min(count, std::min(n, out.size()));
        out.resize(kept);
        out.resize(n, 0.0);
        out.push_back(static_cast<double>(count));
    }
    static void candidate(const Input &in, std::vector<double> &out) {
        finish(stream_compaction(in.x, in.threshold, out), in.x.size(), out);
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        finish(hpceval_baseline_stream_compaction(in.x, in.threshold, out), in.x.size(), out);
    }
};

HPCEVAL_MAIN(StreamCompactionProblem)
