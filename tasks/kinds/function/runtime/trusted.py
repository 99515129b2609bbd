"""The trusted side of a `function` job: it holds the inputs and the expected outputs, runs the checker and owns
the clock. The candidate's code never runs in this process (see docs/measurement.md, "function tasks").

    python3 -I -S trusted.py --problem problem.json --tests TESTS [--solution S] [--reference R] [--reps R]
                             [--echo E] [--limit-s L] [--echo-from F | --echo-cap F] [--timer wall|instructions]
                             [--record OUT]

TESTS (a pickle, base64 when it ends in .b64) holds the levels: `{"levels": [{"size", "hardness", "cases":
[(args, answer), ...], "batches"?}]}`. A level of hardness 0 is checked once per case, untimed; every other case
is run R times, each time in a new child of the zygote (worker.py, zygote.py), and each run's output is checked.
A child first reads its input and says it is ready (no candidate code has run in it yet); a run's time is the wall
time from the "go" this process sends to the last byte of the output arriving (the child runs the candidate's
module and the call in between) minus the fastest of E echo runs of the case (a child that sends the expected
answer back: the cost of the exchange itself), and of the case's entry in --echo-cap F where given. Where the
level has batches (generate.py, "Batches"), a run calls the entry point once per input of the case's batch, and
the time per call is the run's net time over the batch's size. A net time per call above L seconds ends the
measurement with `timeout` (right-censored). One line `HPCEVAL_RESULT <key> {json}` reports it all; the key
comes from HPCEVAL_RESULT_KEY, which no other process sees.

--reference (an answer's job, wall clock): the expert reference is timed in the same job, its runs interleaved
with the answer's (reference, answer, answer, reference, ...), so that the two are compared on the same machine
at the same moment, whatever the machine did in between; its zygote gets it in a memfd and makes itself
undumpable (zygote.py), and it also makes the echo runs (it may hold the answers; the answer's zygote may not).

A C++ problem (language cpp): SOLUTION is the built solution.so (the reference: its library); inputs go to the
child, and outputs come back, in the glue's byte format (native.py); `--record OUT` first runs the (reference)
solution once per case and takes its outputs as the answers, then makes the batches of the short levels (their
answers from the solution too), writing the completed tests to OUT (the reference's job: build, generate, record,
time). When HPCEVAL_TESTS_KEY is set, TESTS and the reference are sealed with it (see `unseal`): the candidate's
process, which can read the job dir, finds only ciphertext, and the key leaves this process's environment before
any other process starts.

--timer instructions counts instead of timing: the zygote runs under valgrind's cachegrind (no cache simulation),
every run once (the count does not vary), and a run's count is the candidate process's instructions from "go" to
its exit (worker.py, --counted) minus the echo's. The counts come on a log pipe only valgrind can write to; a
call over --limit-count instructions is `timeout` (right-censored), and --limit-s bounds a run's wall time. Counts
do not drift, so an answer's counted job uses the reference's cached counts and times no reference.
"""

from __future__ import annotations

import argparse
import base64
import ctypes
import gc
import hashlib
import json
import os
import pickle
import statistics
import sys
import time
from typing import NamedTuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I leaves the script's folder out
import confine  # noqa: E402
import wire  # noqa: E402
from zygote import (  # noqa: E402
    CALM_DEADLINE_S,
    COUNTED_CALM_DEADLINE_S,
    PR_SET_DUMPABLE,
    Codec,
    Failure,
    Input,
    Run,
    Zygote,
    process_limit_holds,
)

PR_SET_CHILD_SUBREAPER = 36
REFERENCE_CALL_S = 60.0  # a reference's call beside an answer may take this long (it is the expert's code)
CHECK_GRACE_S = 1.0  # untimed checks may take this much longer than the limit
FLOOR_S = 1e-6  # a run's net time below the exchange's own noise counts as this (a batch's calls share it)
CONFIRM_RUNS = 2  # a timed run over the limit counts only when the run made again is over it too


def _harden() -> str:
    """No other process of this uid may read this one's memory, environment or descriptors; orphans of the
    candidate's processes become this process's children; the result key leaves the environment."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    return os.environ.pop("HPCEVAL_RESULT_KEY", "")


def unseal(key_hex: str, data: bytes) -> bytes:
    """XOR with SHAKE-256(key): jobs.py seals an answer job's tests so (the same function both ways)."""
    stream = hashlib.shake_256(bytes.fromhex(key_hex)).digest(len(data))
    return (int.from_bytes(data, "little") ^ int.from_bytes(stream, "little")).to_bytes(len(data), "little")


def _checker(problem: dict) -> object:
    namespace: dict[str, object] = {"__name__": "__checker__"}
    prelude = "" if problem.get("language") == "cpp" else problem["prompt"].rstrip("\n") + "\n    pass\n\n"
    exec(prelude + problem["checker"], namespace)  # noqa: S102
    return namespace["__check"]


_UNREAD = object()


def _outcome_of(tag: bytes, body: bytes, check: object, args: tuple, answer: object,
                output: object = _UNREAD, codec: Codec | None = None) -> tuple[str, str]:
    if tag == b"T":
        return "timeout", "over the time limit"
    if tag == b"C":
        return "runtime_error", body.decode("utf-8", "replace")
    if tag == b"X":
        lines = body.decode("utf-8", "replace").strip().splitlines()
        return "runtime_error", lines[-1] if lines else "the solution raised an exception"
    if tag == b"N":
        return "wrong_answer", ("the output is not plain data (None, bool, int, float, str, bytes, list, tuple, "
                                f"dict, set): {body.decode('utf-8', 'replace')[:300]}")
    if tag != b"O":
        return "runtime_error", "the solution's process sent something other than its output"
    if output is _UNREAD:
        try:
            output = (codec or Codec(False)).output(wire.loads_plain(body))
        except wire.NotPlain as exc:
            return "wrong_answer", str(exc)
    try:
        accepted = bool(check(args, answer, output))  # type: ignore[operator]
    except Exception as exc:  # noqa: BLE001 - a checker that chokes on the output rejects it
        accepted = False
        return "wrong_answer", f"the checker rejected the output ({type(exc).__name__})"
    return ("ok", "") if accepted else ("wrong_answer", "wrong output")


def _batch_outcome(tag: bytes, body: bytes, check: object, batch: list, codec: Codec) -> tuple[str, str, int]:
    """The verdict of a run of every input of `batch` (mode FB), the message, and which input failed."""
    if tag != b"O":
        verdict, message = _outcome_of(tag, body, check, (), None, codec=codec)
        return verdict, message, 0
    try:
        read = wire.loads_plain(body)
        outputs = [codec.output(item) for item in read] if isinstance(read, list) else None
    except wire.NotPlain as exc:
        return "wrong_answer", str(exc), 0
    if outputs is None or len(outputs) != len(batch):
        return "wrong_answer", "the outputs do not match the inputs", 0
    for index, ((args, answer), output) in enumerate(zip(batch, outputs, strict=True)):
        verdict, message = _outcome_of(b"O", b"", check, args, answer, output)
        if verdict != "ok":
            return verdict, message, index
    return "ok", "", 0


def _check_level(zygote: Zygote, level_index: int, cases: list, check: object, limit_s: float) -> None:
    """An untimed level: every case in one child (mode FB), every output checked."""
    deadline = len(cases) * (limit_s + CHECK_GRACE_S)
    run = zygote.call(zygote.codec.batch(cases), deadline, b"FB")
    verdict, message, index = _batch_outcome(run.tag, run.body, check, cases, zygote.codec)
    if verdict != "ok":
        where = f"level {level_index} case {index}" if run.tag == b"O" else f"level {level_index}"
        raise Failure(verdict, f"{where}: {message}", level_index, index)


class Limits(NamedTuple):
    seconds: float  # a call's net wall time above this is over the limit (a counted run: the run's gross wall time)
    instructions: float | None = None  # counted runs: a call's net count above this is over the limit


class Timed(NamedTuple):
    """What a timed run of one case sends: one call (mode F), or the case's batch (FB; generate.py, "Batches")."""

    batch: list  # [(args, answer), ...], the case first
    payload: Input  # made once: every run of the case reads it, the reference's too
    mode: bytes

    @property
    def calls(self) -> int:
        return len(self.batch)


def batch_of(level: dict, case_index: int) -> list:
    """The calls of a timed run of this case: [(args, answer), ...], the case first."""
    batches = level.get("batches")
    return batches[case_index] if batches else [level["cases"][case_index]]


def timed_runs_of(level: dict, case_index: int, codec: Codec) -> Timed:
    batch = batch_of(level, case_index)
    if len(batch) == 1:
        return Timed(batch, Input(codec.call(batch[0][0])), b"F")
    return Timed(batch, Input(codec.batch(batch)), b"FB")


def _echo(zygote: Zygote, batch: list, runs: int) -> float:
    """The exchange's own cost for the runs of a case whose timed runs make the calls of `batch`: the fastest of
    `runs` echo runs (seconds, or instructions), for the whole run (a batch's echo sends every answer back)."""
    codec = zygote.codec
    data, mode = (codec.echo(*batch[0]), b"FE") if len(batch) == 1 else (codec.echo_batch(batch), b"EB")
    payload = Input(data)
    values = []
    for _ in range(runs):
        run = zygote.call(payload, COUNTED_CALM_DEADLINE_S if zygote.log else CALM_DEADLINE_S, mode)
        if run.tag != b"O":
            raise Failure("infra_error", f"an echo run failed ({run.tag.decode()}: {run.body[:200]!r})", -1, -1)
        if zygote.log is not None and run.instructions is None:
            raise Failure("infra_error", f"the echo run got no instruction count ({run.body[:200]!r})", -1, -1)
        values.append(float(run.instructions) if zygote.log is not None else run.elapsed)  # type: ignore[arg-type]
    payload.close()
    return min(values)


def _timed_run(zygote: Zygote, timed: Timed, echo: float, limits: Limits) -> tuple[Run, float, bool]:
    """One run (made again when over the limit, if timed by wall clock): the run, its net cost per call, and
    whether it was over the limit."""
    counted = zygote.log is not None
    for _again in range(1 if counted else CONFIRM_RUNS):
        run = zygote.call(timed.payload, limits.seconds if counted else echo + timed.calls * limits.seconds,
                          timed.mode)
        if counted:
            net = max((float(run.instructions) - echo) / timed.calls, 1.0) if run.instructions is not None else 0.0
            limit = limits.instructions
            over = run.tag == b"T" or (run.instructions is not None and limit is not None and net > limit)
        else:
            net = max(run.elapsed - echo, FLOOR_S) / timed.calls
            over = run.tag == b"T" or (run.tag == b"O" and net > limits.seconds)
        if not over:
            break  # a run over the limit is run again: a machine's hiccup does not censor a level
    return run, net, over


def _reference_run(reference: Zygote, timed: Timed, echo: float) -> float:
    """The reference's net seconds per call on this case (an answer's job times it beside the answer)."""
    run = reference.call(timed.payload, CALM_DEADLINE_S + timed.calls * REFERENCE_CALL_S, timed.mode)
    if run.tag != b"O":
        raise Failure("infra_error", f"the reference's run failed ({run.body[:300].decode('utf-8', 'replace')})",
                      -1, -1)
    return max(run.elapsed - echo, FLOOR_S) / timed.calls


def measure(zygote: Zygote, levels: list[dict], check: object, reps: int, echo_reps: int, limits: Limits,
            report: dict, known_echo: list[list[float]] | None = None, reference: Zygote | None = None,
            echo_cap: list[list[float]] | None = None) -> None:
    """As _measure; a counted job that makes its own echoes makes them after every timed run, so that the timed
    runs fork from the same zygote states as in a job given the echoes (a count depends on the zygote's heap)."""
    if zygote.log is None or known_echo is not None or not echo_reps:
        _measure(zygote, levels, check, reps, echo_reps, limits, report, known_echo, reference, echo_cap)
        return
    _measure(zygote, levels, check, reps, 0, limits, report, [[0.0] * len(level["cases"]) for level in levels])
    for level_index, (level, timed, echoes) in enumerate(zip(levels, report["levels"], report["echo_s"],
                                                             strict=True)):
        if float(level["hardness"]) <= 0:
            continue
        for case_index in range(len(level["cases"])):
            batch = batch_of(level, case_index)
            echoes[case_index] = _echo(zygote, batch, 1)
            # the same arithmetic as a job given the echoes: (the run's count - the echo) / calls, exactly
            timed["times"][case_index] = [max((round(raw * len(batch)) - echoes[case_index]) / len(batch), 1.0)
                                          for raw in timed["times"][case_index]]
        report["batch"][level_index] = [len(batch_of(level, c)) for c in range(len(echoes))]


def _measure(zygote: Zygote, levels: list[dict], check: object, reps: int, echo_reps: int, limits: Limits,
             report: dict, known_echo: list[list[float]] | None = None, reference: Zygote | None = None,
             echo_cap: list[list[float]] | None = None) -> None:
    """Fill report["levels"][l]["times"][case] (net seconds, or instructions, per call, one entry per run),
    ["wall_s"] (the runs' gross wall seconds), report["echo_s"][l][case] (a run's exchange cost) and
    report["batch"][l][case] (calls per run); with `reference`, the reference's runs interleaved with the answer's
    (one for each of the answer's, as R A A R: order effects cancel) in report["reference"][l]["times"]. By wall
    clock, `echo_cap` (the reference's job's echo per case) caps the echo runs' fastest: one run then does
    what two did (a hiccup in it does not inflate what every run of the case is net of). Raise
    Failure at the first run that is not ok (what was measured until then stays in the report)."""
    report.update(levels=[], echo_s=[], batch=[], remade=0)
    if reference is not None:
        report["reference"] = []
    counted = zygote.log is not None
    echo_side = reference or zygote  # an answer's job: the reference's zygote holds the answers, not the answer's
    for level_index, level in enumerate(levels):
        count = len(level["cases"])
        untimed = float(level["hardness"]) <= 0
        times: list[list[float]] = [[] for _ in range(count)]
        walls: list[list[float]] = [[] for _ in range(count)] if not untimed else []
        theirs: list[list[float]] = [[] for _ in range(count)]
        echoes = [0.0] * count
        report["levels"].append({"times": times, "wall_s": walls})
        report["echo_s"].append(echoes)
        report["batch"].append([1] * count)
        if reference is not None:
            report["reference"].append({"times": theirs})
        if untimed:  # checked, not timed: every case in one child
            _check_level(zygote, level_index, level["cases"], check, limits.seconds)
            continue
        for case_index in range(count):
            timed = timed_runs_of(level, case_index, zygote.codec)
            report["batch"][level_index][case_index] = timed.calls
            if known_echo is not None:
                echo = known_echo[level_index][case_index]
            else:
                echo = _echo(echo_side, timed.batch, 1 if counted else echo_reps) if echo_reps else 0.0
                cap = echo_cap[level_index][case_index] if echo_cap is not None and not counted else 0.0
                echo = min(echo, cap) if cap > 0 else echo
            echoes[case_index] = echo
            # one run of the reference for each of the answer's: R A A R R A A R ... on even cases, A R R A A R R A
            # ... on odd ones, so that the first run after a change of case (its input new to the caches) falls to
            # each side as often; as many runs of each, so a stall in one run moves either side's estimate alike
            wanted = 1 if counted else reps  # a count does not vary from run to run
            rep = 0
            while rep < wanted:
                leads = (rep + case_index) % 2 == 0
                if reference is not None and leads:
                    theirs[case_index].append(_reference_run(reference, timed, echo))
                net, elapsed = _checked_run(zygote, timed, echo, limits, check, level_index, case_index)
                times[case_index].append(net)
                walls[case_index].append(elapsed)
                if reference is not None and not leads:
                    theirs[case_index].append(_reference_run(reference, timed, echo))
                rep += 1
                if rep == reps and not counted and _short(timed.calls, times[case_index], theirs[case_index]):
                    wanted = reps * SHORT_REPS_FACTOR
            if not counted:  # runs the machine stalled are made again, on both sides by the same rule
                for index in _stalled(times[case_index]):
                    times[case_index][index], walls[case_index][index] = _checked_run(
                        zygote, timed, echo, limits, check, level_index, case_index)
                    report["remade"] += 1
                for index in _stalled(theirs[case_index]) if reference is not None else []:
                    theirs[case_index][index] = _reference_run(reference, timed, echo)
                    report["remade"] += 1


def _checked_run(zygote: Zygote, timed: Timed, echo: float, limits: Limits, check: object, level_index: int,
                 case_index: int) -> tuple[float, float]:
    """A timed run of the answer whose output is checked: its net cost per call and its gross wall seconds.
    Raises Failure for a wrong output, an error or a run over the limit."""
    counted = zygote.log is not None
    run, net, over = _timed_run(zygote, timed, echo, limits)
    if timed.calls == 1:
        args, answer = timed.batch[0]
        verdict, message = _outcome_of(run.tag, run.body, check, args, answer, codec=zygote.codec)
    else:
        verdict, message, _index = _batch_outcome(run.tag, run.body, check, timed.batch, zygote.codec)
    if verdict == "ok" and over:
        verdict = "timeout"
    if verdict == "timeout":
        message = "over the instruction limit" if counted and run.tag != b"T" else "over the time limit"
    if verdict != "ok":
        raise Failure(verdict, f"level {level_index} case {case_index}: {message}", level_index, case_index)
    return net, run.elapsed


# A case whose runs hold less work than SHORT_RUN_S (net, either side) is run SHORT_REPS_FACTOR times as often: half
# generate.py's BATCH_TARGET_S, so these are the cases whose batches could not grow to it (few distinct inputs, or
# 512 calls of well under a microsecond): about a fifth of ENAMEL's timed cases
SHORT_RUN_S = 5e-4
SHORT_REPS_FACTOR = 4


def _short(calls: int, own: list[float], theirs: list[float]) -> bool:
    """Whether a case's runs are short: the median run of either side holds under SHORT_RUN_S of work. The
    exchange's jitter (tens of microseconds, docs/measurement.md) is then a large part of each run, and a level's
    time (Hodges-Lehmann over a case's runs, then the slowest case) moved by a third from one run of the suite to
    the next (ENAMEL's HumanEval/13, /28, /84); more runs narrow it, and short runs cost little."""
    return any(side and statistics.median(side) * calls < SHORT_RUN_S for side in (own, theirs))


STALL_FACTOR = 3.0  # a run over this many times its side's fastest on the case, ...
STALL_MIN_S = 100e-6  # ... and this much over it, was stalled by the machine (this VM: 0.3-0.5 ms, every few dozen)
REMAKES = 2  # at most this many runs of a side remade on a case


def _stalled(times: list[float]) -> list[int]:
    """The runs of one side on one case that the machine stalled (at most REMAKES, first first): a run that cost
    STALL_FACTOR times the side's fastest and STALL_MIN_S more. The caller makes each again and keeps the new time,
    whatever it is. Without this, a stall in two of a case's four runs moved the Hodges-Lehmann estimate halfway to
    the stall, and the level's maximum over cases kept it."""
    if not times:
        return []
    fastest = min(times)
    return [index for index, value in enumerate(times)
            if value > STALL_FACTOR * fastest and value - fastest > STALL_MIN_S][:REMAKES]


def record(zygote: Zygote, problem: dict, levels: list[dict], limit_s: float) -> None:
    """The answers, in place: the solution's output for every case, run once (the reference's job, C++); then, for
    a timed level whose calls are short, the batches of generate.py (their answers from the solution too)."""
    for level_index, level in enumerate(levels):
        for case_index, (args, _) in enumerate(level["cases"]):
            outputs = _recorded(zygote, [args], limit_s, f"level {level_index} case {case_index}")
            level["cases"][case_index] = (args, outputs[0])
    import generate  # the reference's job ships it (an answer's job never records)

    generator: dict[str, object] | None = None
    for level_index, level in enumerate(levels):
        if float(level["hardness"]) <= 0:
            continue
        seconds = []  # a call and its hand-off: batching saves the run's fixed cost, not the per-call one
        for args, _ in level["cases"]:
            seconds.append(zygote.call(zygote.codec.call(args), limit_s).elapsed)
        largest = max(len(pickle.dumps(args, protocol=5)) for args, _ in level["cases"])
        wanted = generate.batch_size(statistics.median(seconds), largest)
        if wanted == 1:
            continue
        generator = generator or generate.load_generator(problem)
        level["batches"] = []
        for case_index, case in enumerate(level["cases"]):
            more = generate.siblings(generator, problem, level_index, case_index, case[0], wanted - 1)
            answers = _recorded(zygote, more, limit_s, f"level {level_index} case {case_index}'s batch")
            level["batches"].append([case, *zip(more, answers, strict=True)])


def _recorded(zygote: Zygote, inputs: list, limit_s: float, where: str) -> list[object]:
    """The solution's outputs for `inputs`, in one child."""
    if not inputs:
        return []
    run = zygote.call(zygote.codec.batch([(args, None) for args in inputs]), limit_s * len(inputs), b"FB")
    if run.tag != b"O":
        verdict, message = _outcome_of(run.tag, run.body, None, (), None)
        raise Failure(verdict, f"{where}: {message}", -1, -1)
    try:
        read = wire.loads_plain(run.body)
        outputs = [zygote.codec.output(item) for item in read] if isinstance(read, list) else []
    except wire.NotPlain as exc:
        raise Failure("wrong_answer", f"{where}: {exc}", -1, -1) from None
    if len(outputs) != len(inputs):
        raise Failure("wrong_answer", f"{where}: the outputs do not match the inputs", -1, -1)
    return outputs


def main() -> None:
    key = _harden()
    tests_key = os.environ.pop("HPCEVAL_TESTS_KEY", "")
    gc.disable()  # no collection of this process's garbage inside a timed exchange
    parser = argparse.ArgumentParser()
    parser.add_argument("--problem", required=True)
    parser.add_argument("--tests", required=True)
    parser.add_argument("--solution", default="solution.py")
    parser.add_argument("--reference", help="the reference (source, or the built library), sealed as the tests: "
                                            "timed beside the answer, which it is compared with")
    parser.add_argument("--reps", type=int, default=6)
    parser.add_argument("--echo", type=int, default=3)
    parser.add_argument("--limit-s", type=float, default=60.0)
    parser.add_argument("--echo-from", help="a JSON file of echo costs per level and case (no echo runs then)")
    parser.add_argument("--echo-cap", help="wall clock: a JSON file of echo costs per level and case, each the most "
                                            "that case's echo may be (the fastest of these and the echo runs)")
    parser.add_argument("--timer", choices=("wall", "instructions"), default="wall")
    parser.add_argument("--limit-count", type=float, help="--timer instructions: the most instructions of a call")
    parser.add_argument("--record", help="take the solution's outputs as the answers; write the tests here")
    args = parser.parse_args()
    with open(args.problem, encoding="utf-8") as handle:
        problem = json.load(handle)
    tests = pickle.loads(_read_sealed(args.tests, tests_key))
    codec = Codec(problem.get("language") == "cpp")
    check = _checker(problem)
    known_echo = echo_cap = None
    if args.echo_from:
        with open(args.echo_from, encoding="utf-8") as handle:
            known_echo = json.load(handle)
    if args.echo_cap:
        with open(args.echo_cap, encoding="utf-8") as handle:
            echo_cap = json.load(handle)
    counted = args.timer == "instructions"
    result: dict = {"verdict": "ok", "message": "", "timer": args.timer,
                    "confined": bool(confine.assemble(under_valgrind=counted))}
    spare: set[int] = set()
    zygote = reference = None
    try:
        if counted and not process_limit_holds():
            raise Failure("infra_error", "--timer instructions needs a job uid that RLIMIT_NPROC binds (not root): "
                          "run the sandbox's jobs under their own uid", -1, -1)
        if args.reference and not counted:  # counts do not drift: a counted job uses the reference's cached counts
            reference = Zygote(None, problem["entry_point"], False, codec, spare,
                               reference=_read_sealed(args.reference, tests_key))
            if reference.compile_error:
                raise Failure("infra_error", f"the reference did not load: {reference.compile_error}", -1, -1)
        zygote = Zygote(os.path.abspath(args.solution), problem["entry_point"], counted, codec, spare)
    except Failure as failure:
        result.update(verdict=failure.verdict, message=failure.message)
    try:
        if zygote is None or result["verdict"] != "ok":
            pass
        elif zygote.compile_error:
            result.update(verdict="build_error", message=zygote.compile_error)
        else:
            try:
                if args.record:
                    started = time.perf_counter()
                    record(zygote, problem, tests["levels"], args.limit_s)
                    data = pickle.dumps(tests, protocol=5)
                    with open(args.record, "wb") as handle:
                        handle.write(data)
                    result.update(tests_b64=base64.b64encode(data).decode(), generate_s=time.perf_counter() - started)
                    if codec.native:  # answers' jobs time this very library beside the answer
                        with open(args.solution, "rb") as handle:
                            result["library_b64"] = base64.b64encode(handle.read()).decode()
                else:
                    measure(zygote, tests["levels"], check, args.reps, args.echo,
                            Limits(args.limit_s, args.limit_count), result, known_echo, reference, echo_cap)
            except Failure as failure:
                result.update(verdict=failure.verdict, message=failure.message, failed_level=failure.level,
                              failed_case=failure.case)
    finally:
        for process in (zygote, reference):
            if process is not None:
                process.close()
    sys.stdout.write(f"HPCEVAL_RESULT {key} {json.dumps(result)}\n")
    sys.stdout.flush()


def _read_sealed(path: str, tests_key: str) -> bytes:
    """A file of the job as this process may read it: base64 when it ends in .b64, unsealed with the key when
    there is one (jobs.py seals an answer's job's tests and reference)."""
    with open(path, "rb") as handle:
        raw = handle.read()
    raw = base64.b64decode(raw) if path.endswith(".b64") else raw
    return unseal(tests_key, raw) if tests_key else raw


if __name__ == "__main__":
    main()
