// hpceval_trusted.hpp -- the trusted driver: built from the pack's code alone (driver.cpp with the
// problem's generator, the sequential baseline, this header); it never links or loads candidate code.
//
//   trusted check --cases SIZE:SEED[,...] --rtol R --atol A --model M --threads T --ranks N -- WORKER...
//   trusted time --size N --warmup W --min-reps A --max-reps B --budget-s S --rtol R --atol A
//                --model M --threads T --ranks N -- WORKER...
//
// It starts WORKER (the stub with the candidate, under mpirun for MPI models), hands every rank the
// inputs through a memfd, times each call with its own clock across the handshake, and compares every
// output against the baseline's output on its own pristine copy of the inputs. In `time` mode every
// repeat gets a fresh input from a seed drawn from getrandom(2) that never leaves this process, and
// the worker is frozen (SIGSTOP) whenever it is not loading, being timed or storing, so the baseline
// runs alone. CPU the worker spends outside its timed calls, a call that returns while threads keep
// running, and a model not really used are verdicts of their own. The result is one line on stdout,
//   HPCEVAL_RESULT <key> {...}
// where <key> is $HPCEVAL_RESULT_KEY, read and removed from the environment before the worker starts;
// the worker's own stdout goes to stderr. The process is not dumpable, so the worker (same uid) can
// neither ptrace it nor open its /proc files.
#ifndef HPCEVAL_TRUSTED_HPP
#define HPCEVAL_TRUSTED_HPP

#include "hpceval_report.hpp"
#include "hpceval_workers.hpp"

#include <algorithm>
#include <array>
#include <sys/random.h>

namespace hpceval {

// Allowances for CPU outside the timed call, per rank and phase, in seconds (see docs/measurement.md).
// Honest code uses microseconds here; the pack sets GOMP_SPINCOUNT so that OpenMP's idle threads stop spinning
// within about a millisecond of a parallel region's end.
constexpr double IDLE_CPU_ALLOWANCE_S = 0.002;     // threads other than the stub's during load/store
constexpr double AFTER_CALL_ALLOWANCE_S = 0.002;   // any thread between DONE and quiet (mpirun included)
constexpr double AFTER_CALL_SHARE = 0.03;          // ... plus this share of the call's wall time
// The allowances bound each phase's total over the calls of a step; one call may use up to this many
// allowances, so that one stall of a loaded machine (an honest gemm/omp reference once used 2.67 ms after
// a 17 ms call in CI) is not a verdict, while work left over on every call still is.
constexpr double ONE_CALL_ALLOWANCES = 4.0;
constexpr double SETTLE_LIMIT_S = 0.25;           // threads still running this long after DONE
constexpr double BUSY_SHARE = 0.5;                // a thread or rank "works" above this share of the call
constexpr double MODEL_CHECK_MIN_CALL_S = 0.002;  // shorter calls are too short to judge the model

template <class P>
class Trusted {
public:
    explicit Trusted(const Options &o) : o_(o) {}

    Report run() {
        Report rep;
        rep.mode = o_.time_mode ? "time" : "check";
        if (!workers_.start(o_.worker, o_.ranks, 60.0)) {
            rep.fail("runtime_error", workers_.failure);
            workers_.stop();
            return rep;
        }
        if (o_.time_mode) measure_handshake(rep);
        if (rep.verdict == "ok") o_.time_mode ? run_time(rep) : run_check(rep);
        workers_.stop();
        return rep;
    }

private:
    Options o_;
    Workers workers_;
    enum Phase { LOAD, AFTER, STORE, PHASES };
    std::vector<std::array<double, PHASES>> untimed_total_;  // per rank: CPU outside the judged calls
    std::array<double, PHASES> allowed_total_{};             // the sum of those calls' allowances
    long judged_calls_ = 0;
    std::size_t mapped_ = 0;
    unsigned char *map_ = nullptr;

    unsigned char *ensure_memfd(std::size_t bytes) {
        if (bytes <= mapped_) return map_;
        if (map_) munmap(map_, mapped_);
        if (ftruncate(workers_.memfd, static_cast<off_t>(bytes)) != 0) return nullptr;
        void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, workers_.memfd, 0);
        if (p == MAP_FAILED) return map_ = nullptr;
        mapped_ = bytes;
        return map_ = static_cast<unsigned char *>(p);
    }

    void measure_handshake(Report &rep) {
        Msg ping;
        ping.op = OP_PING;
        std::vector<double> rt;
        for (int i = 0; i < 200; ++i) {
            const double t0 = now_s();
            if (!workers_.round_trip(ping, OP_PONG)) return (void)rep.fail("runtime_error", workers_.failure);
            rt.push_back(now_s() - t0);
        }
        std::sort(rt.begin(), rt.end());
        rep.handshake_s = rt[rt.size() / 2];
    }

    // One call of the candidate on `in`: load, timed call, settle, store. Fills `cand`, `call_s` and the
    // CPU accounting of `rep`; false (with rep.verdict set) when the worker broke or cheated.
    bool call_worker(typename P::Input &in, std::size_t out_size, std::vector<double> &cand, double &call_s,
                     Report &rep, bool judge) {
        SizeOf size;
        in.fields(size);
        const std::size_t out_off = (size.bytes + 63) / 64 * 64;
        unsigned char *map = ensure_memfd(out_off + out_size * sizeof(double) + 64);
        if (!map) return rep.fail("infra_error", "cannot size the input memfd");
        Writer writer{map};
        in.fields(writer);

        Workers::thaw();
        const double o_l0 = workers_.others_cpu();
        const auto l0 = workers_.cpu_all();
        Msg load;
        load.op = OP_LOAD;
        load.a = size.bytes;
        if (!workers_.round_trip(load, OP_LOADED)) return rep.fail("runtime_error", workers_.failure);
        // Per-thread times (schedstat) of a thread still on CPU lag by up to a scheduler tick; the process clock
        // does not. Every reading that splits the two therefore waits until no thread of the worker runs.
        const bool load_settled = workers_.settle(SETTLE_LIMIT_S);
        const auto l1 = workers_.cpu_all();
        const double o_l1 = workers_.others_cpu();

        std::vector<std::vector<Workers::ThreadTimes>> th0, th1;
        for (std::size_t r = 0; r < workers_.ranks.size(); ++r) th0.push_back(workers_.threads(r));
        Msg go;
        go.op = OP_GO;
        const double t0 = now_s();
        if (!workers_.round_trip(go, OP_DONE)) return rep.fail("runtime_error", workers_.failure);
        call_s = now_s() - t0;
        const auto c1 = workers_.cpu_all();
        const double o_c1 = workers_.others_cpu();
        const bool settled = workers_.settle(SETTLE_LIMIT_S);
        const auto s1 = workers_.cpu_all();
        for (std::size_t r = 0; r < workers_.ranks.size(); ++r) th1.push_back(workers_.threads(r));
        const double o_s1 = workers_.others_cpu();

        Msg store;
        store.op = OP_STORE;
        store.a = out_off;
        store.b = out_size;
        std::vector<Msg> stored;
        if (!workers_.round_trip(store, OP_STORED, &stored, 0)) return rep.fail("runtime_error", workers_.failure);
        const bool store_settled = workers_.settle(SETTLE_LIMIT_S);
        const auto w1 = workers_.cpu_all();
        const double o_w1 = workers_.others_cpu();
        if (!workers_.freeze()) return rep.fail("infra_error", "the worker could not be stopped");
        if (stored[0].a != out_size) {
            cand.assign(static_cast<std::size_t>(std::min<std::uint64_t>(stored[0].a, 1)), 0.0);
            rep.size_mismatch = true;
        } else {
            cand.assign(reinterpret_cast<const double *>(map + out_off),
                        reinterpret_cast<const double *>(map + out_off) + out_size);
        }
        if (!judge) return true;

        if (!settled || !load_settled || !store_settled)
            return rep.fail("untimed_work", "threads of the candidate were still running " +
                                                std::to_string(static_cast<int>(SETTLE_LIMIT_S * 1000)) + " ms after " +
                                                (!settled ? "its call returned" : !load_settled
                                                                                  ? "its inputs were loaded"
                                                                                  : "its output was stored"));
        const double after_allowed = AFTER_CALL_ALLOWANCE_S + AFTER_CALL_SHARE * call_s;
        untimed_total_.resize(workers_.ranks.size(), {});
        allowed_total_[LOAD] += IDLE_CPU_ALLOWANCE_S;
        allowed_total_[AFTER] += after_allowed;
        allowed_total_[STORE] += IDLE_CPU_ALLOWANCE_S;
        ++judged_calls_;
        for (std::size_t r = 0; r < workers_.ranks.size(); ++r) {
            // Rank 0 also answers for the processes that are not ranks (their CPU outside calls is untimed too).
            const double load_other = (l1[r].process - l0[r].process) - (l1[r].main - l0[r].main) +
                                      (r == 0 ? o_l1 - o_l0 : 0.0);
            const double after = s1[r].process - c1[r].process + (r == 0 ? o_s1 - o_c1 : 0.0);
            const double store_other = (w1[r].process - s1[r].process) - (w1[r].main - s1[r].main) +
                                       (r == 0 ? o_w1 - o_s1 : 0.0);
            rep.untimed_load_s = std::max(rep.untimed_load_s, load_other);
            rep.untimed_after_s = std::max(rep.untimed_after_s, after);
            rep.untimed_store_s = std::max(rep.untimed_store_s, store_other);
            const double one_idle = ONE_CALL_ALLOWANCES * IDLE_CPU_ALLOWANCE_S;
            const double one_after = ONE_CALL_ALLOWANCES * after_allowed;
            if (load_other > one_idle || store_other > one_idle || after > one_after)
                return rep.fail("untimed_work",
                                "rank " + std::to_string(r) + " used CPU outside its timed call (" +
                                    ms(load_other) + " while its inputs were loaded, " + ms(after) +
                                    " after the call returned, " + ms(store_other) +
                                    " while its output was stored; one call may use " + ms(one_idle) + ", " +
                                    ms(one_after) + ", " + ms(one_idle) + ")");
            untimed_total_[r][LOAD] += load_other;
            untimed_total_[r][AFTER] += after;
            untimed_total_[r][STORE] += store_other;
            // Who worked during the call: threads whose demand (on CPU or waiting for one) passed BUSY_SHARE of the
            // call's wall time, or whose time on CPU passed BUSY_SHARE of the busiest thread's (a thread that did its
            // share while another was preempted: on a loaded machine the call's wall time outgrows everyone's
            // demand but the preempted one's); and the rank as a whole.
            std::vector<std::pair<double, double>> during;  // (on CPU, demand) per thread, during the call
            double busiest = 0.0;
            for (const auto &t : th1[r]) {
                double cpu0 = 0.0, demand0 = 0.0;
                for (const auto &u : th0[r])
                    if (u.tid == t.tid) cpu0 = u.on_cpu, demand0 = u.demand;
                during.emplace_back(t.on_cpu - cpu0, t.demand - demand0);
                busiest = std::max(busiest, t.on_cpu - cpu0);
            }
            int busy = 0;
            double rank_demand = 0.0;
            for (const auto &[on_cpu, demand] : during) {
                if (demand >= BUSY_SHARE * call_s || (busiest > 0.0 && on_cpu >= BUSY_SHARE * busiest)) ++busy;
                rank_demand += demand;
            }
            rep.busy_threads[r].push_back(busy);
            rep.rank_share[r].push_back(call_s > 0 ? rank_demand / call_s : 0.0);
        }
        return true;
    }

    void run_check(Report &rep) {
        for (const Case &cs : o_.cases) {
            typename P::Input in = P::generate(cs.size, cs.seed);
            std::vector<double> base, cand;
            P::reset_output(in, base);
            P::baseline(in, base);
            double call_s = 0.0;
            if (!call_worker(in, base.size(), cand, call_s, rep, false)) return;
            rep.add_case(cs, judge_output<P>(in, cand, base, o_.rtol, o_.atol), rep.size_mismatch);
            rep.size_mismatch = false;
        }
    }

    static std::uint64_t fresh_seed() {
        std::uint64_t seed = 0;
        if (getrandom(&seed, sizeof seed, 0) != static_cast<ssize_t>(sizeof seed)) seed ^= static_cast<std::uint64_t>(now_s() * 1e9);
        return seed;
    }

    void run_time(Report &rep) {
        rep.busy_threads.assign(workers_.ranks.size(), {});
        rep.rank_share.assign(workers_.ranks.size(), {});
        const double start = now_s();
        for (long round = 0;; ++round) {
            const long rep_index = round - o_.warmup;
            if (rep_index >= o_.min_reps && o_.ci_width > 0.0) {
                const Interval ci = paired_interval(rep.baseline_s, rep.candidate_s);
                if (ci.high - ci.low <= o_.ci_width * ci.estimate) {
                    rep.stop = "interval";
                    break;
                }
            }
            if (rep_index >= o_.max_reps) {
                rep.stop = "max_reps";
                break;
            }
            if (rep_index >= o_.min_reps && now_s() - start >= o_.budget_s) {
                rep.stop = "budget";
                break;
            }
            if (!workers_.freeze()) return (void)rep.fail("infra_error", "the worker could not be stopped");
            const std::uint64_t seed = fresh_seed();
            typename P::Input in = P::generate(o_.timed_size, seed);
            std::vector<double> base, cand;
            P::reset_output(in, base);
            const double b0 = now_s();
            P::baseline(in, base);
            const double base_s = now_s() - b0;
            double call_s = 0.0;
            if (!call_worker(in, base.size(), cand, call_s, rep, true)) return;
            const Comparison c =
                rep.size_mismatch ? wrong_length() : judge_output<P>(in, cand, base, o_.rtol, o_.atol);
            if (!c.ok) {
                rep.correct = false;
                rep.first_wrong = "wrong output in timed repeat " + std::to_string(round) + ", " + mismatch_text(c);
                return (void)rep.fail("wrong_answer", rep.first_wrong);
            }
            if (rep_index < 0) continue;  // warm-up
            rep.seeds.push_back(seed);
            rep.baseline_s.push_back(base_s);
            rep.candidate_s.push_back(call_s);
        }
        const Interval ci = paired_interval(rep.baseline_s, rep.candidate_s);
        rep.interval_low = ci.low, rep.interval_high = ci.high;
        if (judge_untimed_totals(rep)) judge_model(rep);
    }

    // The phases' CPU over all judged calls against the sum of their allowances.
    bool judge_untimed_totals(Report &rep) {
        static const char *const what[PHASES] = {"while their inputs were loaded", "after they returned",
                                                 "while their outputs were stored"};
        for (std::size_t r = 0; r < untimed_total_.size(); ++r)
            for (int p = 0; p < PHASES; ++p)
                if (untimed_total_[r][p] > allowed_total_[p])
                    return rep.fail("untimed_work", "rank " + std::to_string(r) + " used " +
                                                        ms(untimed_total_[r][p]) + " of CPU outside its " +
                                                        std::to_string(judged_calls_) + " calls, " + what[p] +
                                                        "; allowed " + ms(allowed_total_[p]) + " in all");
        return true;
    }

    void judge_model(Report &rep) {
        std::vector<double> calls = rep.candidate_s;
        std::sort(calls.begin(), calls.end());
        // A GPU model's work is on the device: its host threads say nothing of it (the source check stands).
        if (calls.empty() || calls[calls.size() / 2] < MODEL_CHECK_MIN_CALL_S || o_.model == "cuda") {
            rep.model_checked = false;
            return;
        }
        rep.model_checked = true;
        const int busy0 = median_int(rep.busy_threads[0]);
        if (o_.threads <= 1 && busy0 > 1)
            return (void)rep.fail("wrong_model", std::to_string(busy0) + " threads worked during the call of a " +
                                                     o_.model + " task, which runs one thread per rank");
        if (o_.threads > 1 && busy0 < 2)
            return (void)rep.fail("wrong_model", "only " + std::to_string(busy0) + " thread worked during the call (" +
                                                     o_.model + " with " + std::to_string(o_.threads) +
                                                     " threads): the code is not parallel");
        for (std::size_t r = 1; r < rep.rank_share.size(); ++r) {
            std::vector<double> share = rep.rank_share[r];
            std::sort(share.begin(), share.end());
            const double median = share[share.size() / 2];
            if (median < BUSY_SHARE)
                return (void)rep.fail("wrong_model", "rank " + std::to_string(r) + " was busy for " +
                                                         std::to_string(static_cast<int>(median * 100)) +
                                                         "% of the call: only some ranks work");
        }
    }

    static int median_int(std::vector<int> v) {
        if (v.empty()) return 0;
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    }
    static std::string ms(double s) { return json_number(s * 1000.0, 3) + " ms"; }
};

template <class P>
int trusted_main(int argc, char **argv) {
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);  // no ptrace, no /proc/<pid>/{mem,fd,environ} for the worker
    prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    const char *key_env = std::getenv("HPCEVAL_RESULT_KEY");
    const std::string key = key_env ? key_env : "";
    unsetenv("HPCEVAL_RESULT_KEY");
    signal(SIGPIPE, SIG_IGN);
    const Options o = parse_args(argc, argv);
    Report rep;
    try {
        rep = Trusted<P>(o).run();
    } catch (const std::exception &e) {
        std::fprintf(stderr, "hpceval trusted driver: %s\n", e.what());
        rep.fail("infra_error", std::string("the trusted driver failed: ") + e.what());
    }
    emit_result(key, rep.json(o));
    return rep.verdict == "ok" ? 0 : 1;  // non-zero stops the job: no time step after a failed check
}

}  // namespace hpceval

#define HPCEVAL_MAIN(PROBLEM) \
    int main(int argc, char **argv) { return ::hpceval::trusted_main<PROBLEM>(argc, argv); }

#endif  // HPCEVAL_TRUSTED_HPP
