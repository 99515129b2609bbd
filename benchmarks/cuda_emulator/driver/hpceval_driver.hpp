// hpceval_driver.hpp (emulation side) -- stands in for the pack's tasks/packs/hpc/common/hpceval_driver.hpp
// when benchmarks/cuda_emulate.py builds a problem's driver.cpp with its baseline and an emulated CUDA reference
// into one program: no worker process, no timing, one check case per run.
//
//   prog --case SIZE:SEED --rtol R --atol A
//
// generates the input twice (the baseline and the candidate each get a pristine copy), runs the baseline, then
// the candidate, and judges with the pack's own code (hpceval::judge_output: the problem's check() if it has
// one, else hpceval::compare). Prints one line, `ok`, `wrong: <mismatch>` or `error: <what>`, and exits 0, 1, 2.
#ifndef HPCEVAL_DRIVER_HPP
#define HPCEVAL_DRIVER_HPP

#include <cstddef>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "hpceval_common.hpp"
#include "hpceval_report.hpp"

// Defined by the emulator (cuda_emu_core.h) in the candidate's translation unit.
extern "C" std::size_t cuda_emu_live_allocations();

namespace hpceval_emulation {

template <class P> int run(int argc, char **argv) {
    hpceval::Case one;
    double rtol = -1.0, atol = -1.0;
    bool have_case = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], val = argv[i + 1];
        if (key == "--case") {
            const std::vector<hpceval::Case> cases = hpceval::parse_cases(val);
            if (cases.size() != 1) hpceval::usage_error("--case takes one SIZE:SEED");
            one = cases[0];
            have_case = true;
        } else if (key == "--rtol") {
            rtol = hpceval::parse_double(val, "--rtol");
        } else if (key == "--atol") {
            atol = hpceval::parse_double(val, "--atol");
        } else {
            hpceval::usage_error("unknown option '" + key + "' (emulation driver: --case SIZE:SEED --rtol R --atol A)");
        }
    }
    if (!have_case || rtol < 0.0 || atol < 0.0) hpceval::usage_error("needs --case, --rtol and --atol");

    const typename P::Input base_in = P::generate(one.size, one.seed);
    const typename P::Input cand_in = P::generate(one.size, one.seed);
    std::vector<double> base, cand;
    P::reset_output(base_in, base);
    P::baseline(base_in, base);
    P::reset_output(cand_in, cand);
    try {
        P::candidate(cand_in, cand);
    } catch (const std::exception &e) {
        std::printf("error: the reference threw: %s\n", e.what());
        return 2;
    }
    if (const std::size_t live = cuda_emu_live_allocations()) {
        std::printf("error: %zu device allocations still live after the call\n", live);
        return 2;
    }
    const hpceval::Comparison c = hpceval::judge_output<P>(base_in, cand, base, rtol, atol);
    if (c.ok) {
        std::printf("ok\n");
        return 0;
    }
    std::printf("wrong: %s (output length %zu, expected %zu)\n", hpceval::mismatch_text(c).c_str(), cand.size(),
                base.size());
    return 1;
}

}  // namespace hpceval_emulation

#define HPCEVAL_MAIN(PROBLEM) \
    int main(int argc, char **argv) { return hpceval_emulation::run<PROBLEM>(argc, argv); }

#endif  // HPCEVAL_DRIVER_HPP
