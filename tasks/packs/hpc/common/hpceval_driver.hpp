// hpceval_driver.hpp -- shared, header-only driver framework of the `hpc` pack.
//
// A problem's driver.cpp declares the candidate entry point and its baseline twin
// (hpceval_baseline_<entry>), then describes the problem with a struct
//
//     struct Problem {
//         struct Input { ... };                                        // replicated on every rank
//         static Input generate(std::size_t size, std::uint64_t seed); // deterministic
//         static void reset_output(const Input &in, std::vector<double> &out); // untimed, before every call
//         static void candidate(const Input &in, std::vector<double> &out);    // calls the entry point
//         static void baseline(const Input &in, std::vector<double> &out);     // calls hpceval_baseline_<entry>
//     };
//     HPCEVAL_MAIN(Problem)
//
// and this header supplies main(): argument parsing, the check and time modes, comparison,
// timing, MPI set-up (under HPCEVAL_MPI) and the final `HPCEVAL_RESULT {...}` line.
//
// Command line (see README.md of the pack):
//   driver check --cases SIZE:SEED[,SIZE:SEED...] --rtol R --atol A
//   driver time  --size N --seed S --warmup W --min-reps A --max-reps B --budget-s T --rtol R --atol A
#ifndef HPCEVAL_DRIVER_HPP
#define HPCEVAL_DRIVER_HPP

#include <chrono>
#include <cmath>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#ifdef HPCEVAL_MPI
#ifndef OMPI_SKIP_MPICXX
#define OMPI_SKIP_MPICXX 1  // the driver only uses the C API
#endif
#ifndef MPICH_SKIP_MPICXX
#define MPICH_SKIP_MPICXX 1
#endif
#include <mpi.h>
#endif

namespace hpceval {

// ---------------------------------------------------------------- random numbers
// splitmix64: tiny, portable and fully deterministic across compilers and platforms.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed * 0xD1B54A32D192ED03ULL + 0x8CB92BA72F3D8DD7ULL) {}

    std::uint64_t next_u64() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
    // Uniform in [-1, 1).
    double uniform() { return 2.0 * unit() - 1.0; }
    // Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }
    // Integer in [0, n), n > 0 (modulo; the bias of at most n / 2^64 is irrelevant here).
    std::uint64_t below(std::uint64_t n) { return next_u64() % n; }

private:
    std::uint64_t state_;
};

// Fills v with uniform values in [lo, hi).
inline void fill_uniform(std::vector<double> &v, Rng &rng, double lo = -1.0, double hi = 1.0) {
    for (double &e : v) e = rng.uniform(lo, hi);
}

// ---------------------------------------------------------------- timer
inline double now_s() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

// ---------------------------------------------------------------- MPI awareness
inline int world_rank() {
#ifdef HPCEVAL_MPI
    int r = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &r);
    return r;
#else
    return 0;
#endif
}

inline void barrier() {
#ifdef HPCEVAL_MPI
    MPI_Barrier(MPI_COMM_WORLD);
#endif
}

// Broadcasts rank 0's flag to every rank.
inline bool bcast_flag(bool flag) {
#ifdef HPCEVAL_MPI
    int v = flag ? 1 : 0;
    MPI_Bcast(&v, 1, MPI_INT, 0, MPI_COMM_WORLD);
    return v != 0;
#else
    return flag;
#endif
}

[[noreturn]] inline void die(int code) {
    std::fflush(stdout);
    std::fflush(stderr);
#ifdef HPCEVAL_MPI
    MPI_Abort(MPI_COMM_WORLD, code);
#endif
    std::exit(code);
}

[[noreturn]] inline void usage_error(const std::string &msg) {
    if (world_rank() == 0)
        std::cerr << "hpceval driver: " << msg << "\n"
                  << "usage: driver check --cases SIZE:SEED[,SIZE:SEED...] --rtol R --atol A\n"
                  << "       driver time --size N --seed S --warmup W --min-reps A --max-reps B"
                     " --budget-s T --rtol R --atol A\n";
    die(2);
}

// ---------------------------------------------------------------- command line
struct Case {
    std::size_t size = 0;
    std::uint64_t seed = 0;
};

struct Options {
    bool time_mode = false;
    std::vector<Case> cases;  // check mode
    Case timed;               // time mode
    long warmup = 1, min_reps = 5, max_reps = 30;
    double budget_s = 3.0;
    double rtol = 1e-9, atol = 1e-12;
};

inline unsigned long long parse_uint(const std::string &s, const char *what) {
    if (s.empty() || s[0] == '-' || s[0] == '+') usage_error(std::string("bad ") + what + ": '" + s + "'");
    char *end = nullptr;
    errno = 0;
    unsigned long long v = std::strtoull(s.c_str(), &end, 10);
    if (errno != 0 || end == s.c_str() || *end != '\0') usage_error(std::string("bad ") + what + ": '" + s + "'");
    return v;
}

inline double parse_double(const std::string &s, const char *what) {
    char *end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end == s.c_str() || *end != '\0' || !std::isfinite(v) || v < 0.0)
        usage_error(std::string("bad ") + what + ": '" + s + "'");
    return v;
}

inline std::vector<Case> parse_cases(const std::string &s) {
    std::vector<Case> out;
    std::size_t pos = 0;
    while (pos <= s.size()) {
        std::size_t comma = s.find(',', pos);
        if (comma == std::string::npos) comma = s.size();
        const std::string item = s.substr(pos, comma - pos);
        const std::size_t colon = item.find(':');
        if (colon == std::string::npos) usage_error("bad case '" + item + "' (expected SIZE:SEED)");
        Case c;
        c.size = static_cast<std::size_t>(parse_uint(item.substr(0, colon), "case size"));
        c.seed = static_cast<std::uint64_t>(parse_uint(item.substr(colon + 1), "case seed"));
        out.push_back(c);
        pos = comma + 1;
    }
    if (out.empty()) usage_error("--cases is empty");
    return out;
}

inline Options parse_args(int argc, char **argv) {
    if (argc < 2) usage_error("missing mode");
    Options o;
    const std::string mode = argv[1];
    if (mode == "time") o.time_mode = true;
    else if (mode != "check") usage_error("unknown mode '" + mode + "'");

    bool have_cases = false, have_size = false, have_seed = false;
    for (int i = 2; i < argc; i += 2) {
        const std::string key = argv[i];
        if (i + 1 >= argc) usage_error("missing value for " + key);
        const std::string val = argv[i + 1];
        if (key == "--rtol") o.rtol = parse_double(val, "--rtol");
        else if (key == "--atol") o.atol = parse_double(val, "--atol");
        else if (!o.time_mode && key == "--cases") { o.cases = parse_cases(val); have_cases = true; }
        else if (o.time_mode && key == "--size") { o.timed.size = parse_uint(val, "--size"); have_size = true; }
        else if (o.time_mode && key == "--seed") { o.timed.seed = parse_uint(val, "--seed"); have_seed = true; }
        else if (o.time_mode && key == "--warmup") o.warmup = static_cast<long>(parse_uint(val, "--warmup"));
        else if (o.time_mode && key == "--min-reps") o.min_reps = static_cast<long>(parse_uint(val, "--min-reps"));
        else if (o.time_mode && key == "--max-reps") o.max_reps = static_cast<long>(parse_uint(val, "--max-reps"));
        else if (o.time_mode && key == "--budget-s") o.budget_s = parse_double(val, "--budget-s");
        else usage_error("unknown option '" + key + "' for mode " + mode);
    }
    if (!o.time_mode && !have_cases) usage_error("check needs --cases");
    if (o.time_mode && !(have_size && have_seed)) usage_error("time needs --size and --seed");
    if (o.time_mode && o.max_reps < 1) usage_error("--max-reps must be >= 1");
    if (o.min_reps > o.max_reps) o.min_reps = o.max_reps;
    return o;
}

// ---------------------------------------------------------------- comparison
struct Comparison {
    bool ok = true;
    double max_abs = 0.0;  // non-finite when the output has the wrong size or NaN/Inf
    double max_rel = 0.0;  // max |a-b|/|b| over the elements with b != 0
};

// Element-wise |a - b| <= atol + rtol * |b|; `a` is the candidate, `b` the baseline.
inline Comparison compare(const std::vector<double> &a, const std::vector<double> &b, double rtol, double atol) {
    Comparison c;
    if (a.size() != b.size()) {
        c.ok = false;
        c.max_abs = c.max_rel = HUGE_VAL;
        return c;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double d = std::fabs(a[i] - b[i]);
        if (!(d <= atol + rtol * std::fabs(b[i]))) c.ok = false;  // also false for NaN
        if (std::isnan(d)) {
            c.max_abs = c.max_rel = std::nan("");
            continue;
        }
        if (!std::isnan(c.max_abs) && d > c.max_abs) c.max_abs = d;
        if (b[i] != 0.0 && !std::isnan(c.max_rel)) {
            const double r = d / std::fabs(b[i]);
            if (r > c.max_rel) c.max_rel = r;
        }
    }
    return c;
}

// ---------------------------------------------------------------- JSON output
// Finite numbers as JSON numbers (always with '.' or an exponent); NaN/Inf as null.
inline std::string json_number(double v, int digits = 17) {
    if (!std::isfinite(v)) return "null";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    std::string s = buf;
    if (s.find_first_of(".eE") == std::string::npos) s += ".0";
    return s;
}

inline std::string json_list(const std::vector<double> &v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) s += ", ";
        s += json_number(v[i], 9);  // seconds: 9 significant digits are plenty
    }
    return s + "]";
}

inline void emit_result(const std::string &json) {
    std::cout.flush();
    std::fflush(stdout);
    std::printf("HPCEVAL_RESULT %s\n", json.c_str());
    std::fflush(stdout);
}

// ---------------------------------------------------------------- running the candidate
template <class P>
void call_candidate(const typename P::Input &in, std::vector<double> &out) {
    try {
        P::candidate(in, out);
    } catch (const std::exception &e) {
        std::cerr << "hpceval driver: candidate threw an exception on rank " << world_rank() << ": " << e.what()
                  << std::endl;
        die(3);
    } catch (...) {
        std::cerr << "hpceval driver: candidate threw a non-standard exception on rank " << world_rank()
                  << std::endl;
        die(3);
    }
}

template <class P>
int run_check(const Options &o) {
    const bool root = world_rank() == 0;
    bool all_ok = true;
    std::string cases_json;
    for (const Case &cs : o.cases) {
        std::vector<double> cand, base;
        {
            const typename P::Input in = P::generate(cs.size, cs.seed);
            P::reset_output(in, cand);
            barrier();
            call_candidate<P>(in, cand);
            barrier();
            if (root) {
                P::reset_output(in, base);
                P::baseline(in, base);
            }
        }
        if (!root) continue;
        const Comparison c = compare(cand, base, o.rtol, o.atol);
        all_ok = all_ok && c.ok;
        if (!cases_json.empty()) cases_json += ", ";
        cases_json += "{\"size\": " + std::to_string(cs.size) + ", \"seed\": " + std::to_string(cs.seed) +
                      ", \"ok\": " + (c.ok ? "true" : "false") + ", \"max_abs_err\": " + json_number(c.max_abs) +
                      ", \"max_rel_err\": " + json_number(c.max_rel) + "}";
    }
    if (root)
        emit_result(std::string("{\"mode\": \"check\", \"correct\": ") + (all_ok ? "true" : "false") +
                    ", \"cases\": [" + cases_json + "]}");
    return 0;
}

template <class P>
int run_time(const Options &o) {
    const bool root = world_rank() == 0;
    const typename P::Input in = P::generate(o.timed.size, o.timed.seed);
    std::vector<double> cand, base, t_base, t_cand;
    bool correct = true;

    // One round: baseline on rank 0 alone (the other ranks wait at the barrier), then the
    // candidate on every rank between two barriers. Returns (baseline_s, candidate_s) on rank 0.
    auto round = [&](double &tb, double &tc) {
        if (root) {
            P::reset_output(in, base);
            const double t0 = now_s();
            P::baseline(in, base);
            tb = now_s() - t0;
        }
        P::reset_output(in, cand);
        barrier();
        const double t0 = now_s();
        call_candidate<P>(in, cand);
        barrier();
        tc = now_s() - t0;
        if (root) correct = compare(cand, base, o.rtol, o.atol).ok && correct;
    };

    double tb = 0.0, tc = 0.0;
    for (long w = 0; w < o.warmup; ++w) round(tb, tc);

    const double start = now_s();
    for (long rep = 0;; ++rep) {
        bool stop = false;
        if (root) stop = rep >= o.max_reps || (rep >= o.min_reps && now_s() - start >= o.budget_s);
        if (bcast_flag(stop)) break;
        round(tb, tc);
        if (root) {
            t_base.push_back(tb);
            t_cand.push_back(tc);
        }
    }
    if (root)
        emit_result(std::string("{\"mode\": \"time\", \"correct\": ") + (correct ? "true" : "false") +
                    ", \"size\": " + std::to_string(o.timed.size) + ", \"seed\": " + std::to_string(o.timed.seed) +
                    ", \"baseline_s\": " + json_list(t_base) + ", \"candidate_s\": " + json_list(t_cand) + "}");
    return 0;
}

template <class P>
int main_impl(int argc, char **argv) {
#ifdef HPCEVAL_MPI
    int provided = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
#endif
    const Options o = parse_args(argc, argv);
    int rc = 0;
    try {
        rc = o.time_mode ? run_time<P>(o) : run_check<P>(o);
    } catch (const std::exception &e) {  // e.g. std::bad_alloc while generating inputs
        std::cerr << "hpceval driver: error on rank " << world_rank() << ": " << e.what() << std::endl;
        die(4);
    }
#ifdef HPCEVAL_MPI
    MPI_Finalize();
#endif
    return rc;
}

}  // namespace hpceval

#define HPCEVAL_MAIN(PROBLEM) \
    int main(int argc, char **argv) { return ::hpceval::main_impl<PROBLEM>(argc, argv); }

#endif  // HPCEVAL_DRIVER_HPP
