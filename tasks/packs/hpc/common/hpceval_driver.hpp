// hpceval_driver.hpp -- the driver framework of the `hpc` pack, as a problem's driver.cpp sees it.
//
// A problem's driver.cpp declares the candidate entry point and its baseline twin
// (hpceval_baseline_<entry>), then describes the problem with a struct
//
//     struct Problem {
//         struct Input {                                               // replicated on every rank
//             ...;
//             template <class F> void fields(F &&f) { f(n); f(x); }   // every field, once
//         };
//         static Input generate(std::size_t size, std::uint64_t seed); // deterministic
//         static void reset_output(const Input &in, std::vector<double> &out); // before every call
//         static void candidate(const Input &in, std::vector<double> &out);    // calls the entry point
//         static void baseline(const Input &in, std::vector<double> &out);     // calls hpceval_baseline_<entry>
//     };
//     HPCEVAL_MAIN(Problem)
//
// The same file is built twice: with -DHPCEVAL_WORKER it is the worker stub that runs the candidate
// (hpceval_worker.hpp); otherwise it is the trusted driver that generates inputs, runs the baseline,
// compares and times (hpceval_trusted.hpp). The two are separate processes; see the pack README.
#ifndef HPCEVAL_DRIVER_HPP
#define HPCEVAL_DRIVER_HPP

#include "hpceval_common.hpp"

#ifdef HPCEVAL_WORKER
#include "hpceval_worker.hpp"
#else
#include "hpceval_trusted.hpp"
#endif

#endif  // HPCEVAL_DRIVER_HPP
