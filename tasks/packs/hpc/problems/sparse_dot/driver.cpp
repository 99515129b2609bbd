// Driver of the sparse_dot problem: out[p] = dot(v[pair_a[p]], v[pair_b[p]]) for npairs pairs drawn
// from a pool of sparse vectors v[0], ..., v[nvec - 1], each a sorted (index, value) list stored in a
// CSR-like layout. size -> npairs = size, nvec = 16 + size / 32.
// The pool is cut into clusters of 16 consecutive vectors; a cluster has a random base index (below
// 2^40) and a span of 256, 512 or 1024, and its vectors spread their entries over about that range
// with random gaps (strictly increasing indices), so vectors of one cluster overlap in part and
// vectors of different clusters practically never. Vector lengths: 1/16 empty, 1/8 long (100..1000
// entries), the rest 1..64. Three pairs in four take both vectors from one cluster (sometimes the
// same vector twice), the rest two random vectors.
#include "hpceval_driver.hpp"

#include <algorithm>
#include <vector>

void sparse_dot(size_t npairs, const std::vector<size_t> &pair_a, const std::vector<size_t> &pair_b,
                const std::vector<size_t> &vec_ptr, const std::vector<size_t> &vec_idx,
                const std::vector<double> &vec_val, std::vector<double> &out);
void hpceval_baseline_sparse_dot(size_t npairs, const std::vector<size_t> &pair_a, const std::vector<size_t> &pair_b,
                                 const std::vector<size_t> &vec_ptr, const std::vector<size_t> &vec_idx,
                                 const std::vector<double> &vec_val, std::vector<double> &out);

struct SparseDotProblem {
    static constexpr std::size_t CLUSTER = 16;

    struct Input {
        std::size_t npairs = 0;
        std::vector<std::size_t> pair_a, pair_b, vec_ptr, vec_idx;
        std::vector<double> vec_val;
        std::vector<double> out0;  // arbitrary contents of out on entry; must be overwritten
        template <class F> void fields(F &&f) { f(npairs); f(pair_a); f(pair_b); f(vec_ptr); f(vec_idx); f(vec_val); f(out0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        const std::size_t nvec = 16 + size / 32;
        in.vec_ptr.assign(nvec + 1, 0);
        in.vec_idx.reserve(nvec * 100);
        std::size_t base = 0, span = 1;
        for (std::size_t v = 0; v < nvec; ++v) {
            if (v % CLUSTER == 0) {
                base = rng.below(std::uint64_t(1) << 40);
                span = std::size_t(256) << rng.below(3);
            }
            const std::uint64_t kind = rng.below(16);
            const std::size_t len = kind == 0 ? 0 : kind <= 2 ? 100 + rng.below(901) : 1 + rng.below(64);
            // gaps average span/len; a vector longer than 2*span gets consecutive indices (never 0 - 1, which wrapped
            // round and gave long vectors random, unsorted indices)
            const std::size_t maxgap = std::max<std::size_t>(2, 2 * span / std::max<std::size_t>(len, 1)) - 1;
            std::size_t at = base + rng.below(maxgap);
            for (std::size_t k = 0; k < len; ++k) {
                in.vec_idx.push_back(at);
                at += 1 + rng.below(maxgap);
            }
            in.vec_ptr[v + 1] = in.vec_idx.size();
        }
        in.npairs = size;
        in.pair_a.resize(size);
        in.pair_b.resize(size);
        for (std::size_t p = 0; p < size; ++p) {
            const std::size_t a = rng.below(nvec);
            std::size_t b = rng.below(nvec);
            if (rng.below(4) != 0) b = std::min(nvec - 1, a / CLUSTER * CLUSTER + b % CLUSTER);
            in.pair_a[p] = a;
            in.pair_b[p] = b;
        }
        in.vec_val.resize(in.vec_idx.size());
        in.out0.resize(size);
        hpceval::fill_uniform(in.vec_val, rng);
        hpceval::fill_uniform(in.out0, rng, 100.0, 1000.0);
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.out0.begin(), in.out0.end()); }
    static void candidate(const Input &in, std::vector<double> &out) {
        sparse_dot(in.npairs, in.pair_a, in.pair_b, in.vec_ptr, in.vec_idx, in.vec_val, out);
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        hpceval_baseline_sparse_dot(in.npairs, in.pair_a, in.pair_b, in.vec_ptr, in.vec_idx, in.vec_val, out);
    }
};

HPCEVAL_MAIN(SparseDotProblem)
