// hpceval_report.hpp -- the trusted driver's command line, comparison and result line.
#ifndef HPCEVAL_REPORT_HPP
#define HPCEVAL_REPORT_HPP

#include <algorithm>
#include <cmath>
#include <cerrno>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "hpceval_common.hpp"

namespace hpceval {

struct Case {
    std::size_t size = 0;
    std::uint64_t seed = 0;
};

struct Options {
    bool time_mode = false;
    std::vector<Case> cases;  // check mode
    std::size_t timed_size = 0;
    long warmup = 1, min_reps = 5, max_reps = 30;
    double budget_s = 3.0;
    double ci_width = 0.0;  // stop once the speedup's 95% interval is at most this wide, relative (0: never)
    double rtol = 1e-9, atol = 1e-12;
    std::string model = "serial";
    int threads = 1, ranks = 1;
    std::vector<std::string> worker;  // the command after `--`
};

[[noreturn]] inline void usage_error(const std::string &msg) {
    std::fprintf(stderr,
                 "hpceval driver: %s\n"
                 "usage: trusted check --cases SIZE:SEED[,...] --rtol R --atol A --model M --threads T --ranks N"
                 " -- WORKER...\n"
                 "       trusted time --size N --warmup W --min-reps A --max-reps B --budget-s S [--ci-width C]"
                 " --rtol R --atol A --model M --threads T --ranks N -- WORKER...\n",
                 msg.c_str());
    std::exit(2);
}

inline unsigned long long parse_uint(const std::string &s, const char *what) {
    if (s.empty() || s[0] == '-' || s[0] == '+') usage_error(std::string("bad ") + what + ": '" + s + "'");
    char *end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(s.c_str(), &end, 10);
    if (errno != 0 || end == s.c_str() || *end != '\0') usage_error(std::string("bad ") + what + ": '" + s + "'");
    return v;
}

inline double parse_double(const std::string &s, const char *what) {
    char *end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
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
    bool have_cases = false, have_size = false;
    int i = 2;
    for (; i < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--") break;
        if (i + 1 >= argc) usage_error("missing value for " + key);
        const std::string val = argv[i + 1];
        if (key == "--rtol") o.rtol = parse_double(val, "--rtol");
        else if (key == "--atol") o.atol = parse_double(val, "--atol");
        else if (key == "--model") o.model = val;
        else if (key == "--threads") o.threads = static_cast<int>(parse_uint(val, "--threads"));
        else if (key == "--ranks") o.ranks = static_cast<int>(parse_uint(val, "--ranks"));
        else if (!o.time_mode && key == "--cases") { o.cases = parse_cases(val); have_cases = true; }
        else if (o.time_mode && key == "--size") { o.timed_size = parse_uint(val, "--size"); have_size = true; }
        else if (o.time_mode && key == "--warmup") o.warmup = static_cast<long>(parse_uint(val, "--warmup"));
        else if (o.time_mode && key == "--min-reps") o.min_reps = static_cast<long>(parse_uint(val, "--min-reps"));
        else if (o.time_mode && key == "--max-reps") o.max_reps = static_cast<long>(parse_uint(val, "--max-reps"));
        else if (o.time_mode && key == "--budget-s") o.budget_s = parse_double(val, "--budget-s");
        else if (o.time_mode && key == "--ci-width") o.ci_width = parse_double(val, "--ci-width");
        else usage_error("unknown option '" + key + "' for mode " + mode);
    }
    for (++i; i < argc; ++i) o.worker.push_back(argv[i]);
    if (o.worker.empty()) usage_error("missing `-- WORKER...`");
    if (!o.time_mode && !have_cases) usage_error("check needs --cases");
    if (o.time_mode && !have_size) usage_error("time needs --size");
    if (o.time_mode && o.max_reps < 1) usage_error("--max-reps must be >= 1");
    if (o.ranks < 1 || o.threads < 1) usage_error("--ranks and --threads must be >= 1");
    if (o.min_reps > o.max_reps) o.min_reps = o.max_reps;
    return o;
}

struct Comparison {
    bool ok = true;
    double max_abs = 0.0;  // non-finite when the output has the wrong size or NaN/Inf
    double max_rel = 0.0;  // max |a-b|/|b| over the elements with b != 0
    long long first_bad_index = -1;  // the first element out of tolerance; -1 when none (or the wrong length)
    double expected = std::nan("");  // the baseline's value there
    double actual = std::nan("");    // the candidate's value there
};

// The comparison of an output of the wrong length: no element to point at.
inline Comparison wrong_length() {
    Comparison c;
    c.ok = false;
    c.max_abs = c.max_rel = HUGE_VAL;
    return c;
}

// Element-wise |a - b| <= atol + rtol * |b|; `a` is the candidate, `b` the baseline.
inline Comparison compare(const std::vector<double> &a, const std::vector<double> &b, double rtol, double atol) {
    if (a.size() != b.size()) return wrong_length();
    Comparison c;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double d = std::fabs(a[i] - b[i]);
        if (!(d <= atol + rtol * std::fabs(b[i])) && c.ok) {  // also out of tolerance for NaN
            c.ok = false;
            c.first_bad_index = static_cast<long long>(i);
            c.expected = b[i];
            c.actual = a[i];
        }
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

// Multiset equality of records: `a` and `b` as records of `width` doubles each, compared element-wise after both
// are sorted lexicographically (for outputs whose order is free, e.g. the vertices of a hull or the edges of a
// spanning forest). The index of a mismatch is that of the sorted records.
inline Comparison compare_records_unordered(std::vector<double> a, std::vector<double> b, std::size_t width,
                                            double rtol, double atol) {
    if (width == 0 || a.size() != b.size() || a.size() % width != 0) return wrong_length();
    auto sorted = [width](std::vector<double> &v) {
        const std::size_t n = v.size() / width;
        std::vector<std::size_t> order(n);
        for (std::size_t i = 0; i < n; ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            return std::lexicographical_compare(v.begin() + x * width, v.begin() + (x + 1) * width,
                                                v.begin() + y * width, v.begin() + (y + 1) * width);
        });
        std::vector<double> out;
        out.reserve(v.size());
        for (std::size_t i : order) out.insert(out.end(), v.begin() + i * width, v.begin() + (i + 1) * width);
        v.swap(out);
    };
    sorted(a);
    sorted(b);
    return compare(a, b, rtol, atol);
}

// A problem's verdict on one output: `P::check(in, candidate, baseline, rtol, atol)` where the problem defines one
// (an output with several right answers: any valid order, any shortest-path tree, ...), else compare().
template <class P, class = void> struct has_check : std::false_type {};
template <class P>
struct has_check<P, std::void_t<decltype(P::check(std::declval<const typename P::Input &>(),
                                                  std::declval<const std::vector<double> &>(),
                                                  std::declval<const std::vector<double> &>(), 0.0, 0.0))>>
    : std::true_type {};

template <class P>
Comparison judge_output(const typename P::Input &in, const std::vector<double> &cand, const std::vector<double> &base,
                        double rtol, double atol) {
    if constexpr (has_check<P>::value) return P::check(in, cand, base, rtol, atol);
    else return compare(cand, base, rtol, atol);
}

// Finite numbers as JSON numbers (always with '.' or an exponent); NaN/Inf as null.
inline std::string json_number(double v, int digits = 17) {
    if (!std::isfinite(v)) return "null";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    std::string s = buf;
    if (s.find_first_of(".eE") == std::string::npos) s += ".0";
    return s;
}

// A number for a message: as json_number, but NaN and Inf spelled out.
inline std::string text_number(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    return json_number(v);
}

// "first mismatch at index I: expected E, got A (max abs err ..., max rel err ...)"; without the index part
// when no element can be pointed at (the wrong length).
inline std::string mismatch_text(const Comparison &c) {
    std::string s;
    if (c.first_bad_index >= 0)
        s = "first mismatch at index " + std::to_string(c.first_bad_index) + ": expected " + text_number(c.expected) +
            ", got " + text_number(c.actual) + " ";
    return s + "(max abs err " + text_number(c.max_abs) + ", max rel err " + text_number(c.max_rel) + ")";
}

inline std::string json_string(const std::string &s) {
    std::string out = "\"";
    for (const char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\';
        if (static_cast<unsigned char>(ch) < 0x20) out += ' ';
        else out += ch;
    }
    return out + "\"";
}

template <class T>
inline std::string json_list(const std::vector<T> &v, int digits = 9) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) s += ", ";
        if constexpr (std::is_floating_point<T>::value) s += json_number(static_cast<double>(v[i]), digits);
        else s += std::to_string(v[i]);
    }
    return s + "]";
}

// What the trusted driver found; `json` is the one result line.
struct Report {
    std::string mode, verdict = "ok", message;
    bool correct = true, size_mismatch = false, model_checked = false;
    std::string cases_json, first_wrong;
    std::vector<std::uint64_t> seeds;
    std::vector<double> baseline_s, candidate_s;
    std::vector<std::vector<int>> busy_threads;   // per rank, per call
    std::vector<std::vector<double>> rank_share;  // per rank, per call: CPU / wall of the call
    double handshake_s = 0.0;
    std::string stop;                             // why the repeats ended: interval, max_reps or budget
    double interval_low = 0.0, interval_high = 0.0;  // the speedup's 95% interval when they ended
    double untimed_load_s = 0.0, untimed_after_s = 0.0, untimed_store_s = 0.0;  // largest per rank and call

    bool fail(const std::string &v, const std::string &why) {
        if (verdict == "ok") {
            verdict = v;
            message = why;
        }
        return false;
    }

    void add_case(const Case &cs, const Comparison &c, bool size_mismatch_case) {
        if (!c.ok) {
            correct = false;
            if (verdict == "ok")
                fail("wrong_answer", size_mismatch_case
                                         ? "the output has the wrong length at size " + std::to_string(cs.size)
                                         : "wrong output at size " + std::to_string(cs.size) + " seed " +
                                               std::to_string(cs.seed) + ", " + mismatch_text(c));
        }
        if (!cases_json.empty()) cases_json += ", ";
        cases_json += "{\"size\": " + std::to_string(cs.size) + ", \"seed\": " + std::to_string(cs.seed) +
                      ", \"ok\": " + (c.ok ? "true" : "false") + ", \"max_abs_err\": " + json_number(c.max_abs) +
                      ", \"max_rel_err\": " + json_number(c.max_rel) +
                      ", \"first_bad_index\": " + std::to_string(c.first_bad_index) +
                      ", \"expected\": " + json_number(c.expected) + ", \"actual\": " + json_number(c.actual) + "}";
    }

    std::string json(const Options &o) const {
        std::string s = "{\"mode\": " + json_string(mode) + ", \"verdict\": " + json_string(verdict) +
                        ", \"message\": " + json_string(message) + ", \"correct\": " +
                        (correct && verdict != "wrong_answer" ? "true" : "false") + ", \"model\": " +
                        json_string(o.model) + ", \"ranks\": " + std::to_string(o.ranks) +
                        ", \"threads\": " + std::to_string(o.threads);
        if (mode == "check") return s + ", \"cases\": [" + cases_json + "]}";
        std::string busy = "[", share = "[";
        for (std::size_t r = 0; r < busy_threads.size(); ++r) {
            busy += (r ? ", " : "") + json_list(busy_threads[r]);
            share += (r ? ", " : "") + json_list(rank_share[r], 3);
        }
        return s + ", \"size\": " + std::to_string(o.timed_size) + ", \"seeds\": " + json_list(seeds) +
               ", \"baseline_s\": " + json_list(baseline_s) + ", \"candidate_s\": " + json_list(candidate_s) +
               ", \"handshake_s\": " + json_number(handshake_s, 6) + ", \"untimed_s\": {\"load\": " +
               json_number(untimed_load_s, 6) + ", \"after_call\": " + json_number(untimed_after_s, 6) +
               ", \"store\": " + json_number(untimed_store_s, 6) + "}" + ", \"model_checked\": " + (model_checked ? "true" : "false") +
               ", \"busy_threads\": " + busy + "], \"rank_cpu_share\": " + share + "], \"stop\": " + json_string(stop) +
               ", \"interval\": [" + json_number(interval_low, 6) + ", " + json_number(interval_high, 6) + "]}";
    }
};

// The speedup median(baseline) / median(candidate) of paired repeats and its 95% interval from resampling whole
// pairs, as metrics/timing.py's paired_speedup computes it (a fixed seed: the same times give the same interval).
struct Interval {
    double estimate = 0.0, low = 0.0, high = 0.0;
};

inline double median_of(std::vector<double> v) {
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
    if (v.size() % 2) return v[mid];
    const double upper = v[mid];
    return (*std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)) + upper) / 2.0;
}

inline Interval paired_interval(const std::vector<double> &base, const std::vector<double> &cand,
                                int resamples = 1000) {
    Interval out;
    const std::size_t n = std::min(base.size(), cand.size());
    if (n == 0) return out;
    out.estimate = median_of(base) / median_of(cand);
    Rng rng(0x5eed);
    std::vector<double> ratios, b(n), c(n);
    ratios.reserve(static_cast<std::size_t>(resamples));
    for (int r = 0; r < resamples; ++r) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t pick = static_cast<std::size_t>(rng.below(n));
            b[i] = base[pick];
            c[i] = cand[pick];
        }
        ratios.push_back(median_of(b) / median_of(c));
    }
    std::sort(ratios.begin(), ratios.end());
    out.low = ratios[static_cast<std::size_t>(0.025 * (resamples - 1))];
    out.high = ratios[static_cast<std::size_t>(0.975 * (resamples - 1))];
    return out;
}

inline void emit_result(const std::string &key, const std::string &json) {
    std::fflush(stderr);
    std::printf("HPCEVAL_RESULT %s %s\n", key.c_str(), json.c_str());
    std::fflush(stdout);
}

}  // namespace hpceval

#endif  // HPCEVAL_REPORT_HPP
