# profile_call.sh WORKER...: run a kernel job's worker under the best profiler this sandbox has, for the judge's
# feedback (never a score). `perf stat` where the kernel exposes hardware counters (the whole worker process); else
# valgrind's callgrind with its cache simulation, counting from the entry point's entry to its return, in every
# thread (deterministic simulated counts; the entry point's mangled name is in entry.map, from the symbol policy);
# else nothing. The first stderr line names the profiler; perf's CSV, or callgrind's `events:` and `totals:` lines
# of the last call, follow when the worker exits.
if command -v perf >/dev/null 2>&1 && perf stat -x, -e instructions true 2>&1 >/dev/null | grep -qE '^[0-9]+,'; then
    echo "HPCEVAL_PROFILER perf" >&2
    exec perf stat -x, -e instructions,cycles,cache-references,cache-misses,branch-misses -- "$@"
fi
entry=$(sed -n 's/^{ global: \([^;]*\);.*/\1/p' entry.map)
if command -v valgrind >/dev/null 2>&1 && [ -n "$entry" ]; then
    echo "HPCEVAL_PROFILER callgrind" >&2
    out="callgrind.$$"
    valgrind --tool=callgrind --cache-sim=yes --demangle=no "--zero-before=$entry" "--dump-after=$entry" \
        "--callgrind-out-file=$out" "$@"
    status=$?
    last=$(ls "$out".* 2>/dev/null | sort -t. -k3 -n | tail -n 1)
    [ -n "$last" ] && grep -E '^(events|totals):' "$last" | sed 's/^/HPCEVAL_CALLGRIND /' >&2
    rm -f "$out" "$out".*
    exit $status
fi
echo "HPCEVAL_PROFILER none" >&2
exec "$@"
