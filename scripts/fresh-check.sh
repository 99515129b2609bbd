#!/usr/bin/env bash
# Prove the README's two Quick start commands on a fresh Debian 12: each half runs in its own new container
# of a bare image (debootstrap --variant=minbase bookworm + docker import: python3, python3-venv, python3-pip,
# git, ca-certificates; no Docker daemon, no compiler), on a clean clone of the commit. See usage() below.
set -euo pipefail

PACKAGES=(python3 python3-venv python3-pip git ca-certificates)  # what the bare image holds; its tag hashes this
SUITE=bookworm
IMAGE_NAME=hpceval-fresh
DEFAULT_MIRROR=http://deb.debian.org/debian
CLONE=/root/hpceval          # the clone in the container; ../shared/data beside it, as in CI
CA_IN=/etc/ssl/certs/ca-certificates.crt

usage() {
  cat <<EOF
usage: bash scripts/fresh-check.sh [--main] [--tests] [--worktree] [--rebuild] [--mirror URL]
                                   [--logs DIR] [--require-docker]

Runs the README's Quick start commands, exactly as README.md's first \`\`\`bash block writes them (the line
after "# 1. ..." and the line after "# 2. ..."), each in a new unprivileged container (default seccomp,
default network: the commands need PyPI and a Debian mirror) of a bare Debian 12 image, on a clean
\`git clone\` of HEAD copied into the container as $CLONE.

  --main            only command 1; then asserts from runs/*/summary.json that pass@1 == 1.0 and that
                    every attempt's verdict is ok
  --tests           only command 2; then asserts 0 failed and 0 errors from pytest's summary line, and
                    prints pytest's skip reasons (PYTEST_ADDOPTS=-rfEs is set for that)
                    (default: both halves, each in its own fresh container)
  --worktree        check HEAD plus the uncommitted changes to tracked files: the commit \`git stash create\`
                    makes (untracked files are left out; it adds a loose object to .git, and changes no ref,
                    index entry or file)
  --rebuild         build the bare image again even when one with this package list exists
  --mirror URL      the Debian mirror for debootstrap (default: \$HPCEVAL_DEBIAN_MIRROR, else the first
                    "$SUITE" entry of the host's apt sources, one-line or deb822, else $DEFAULT_MIRROR)
  --logs DIR        keep the logs here (default: a new directory under \${TMPDIR:-/tmp})
  --require-docker  fail when no Docker daemon answers (default: say so and exit 0, "skipped")

The image is $IMAGE_NAME:<hash of its package list and suite>, built once (as root, or through sudo;
debootstrap is installed from apt when missing) and reused. Passed into the container when set here: the
host's CA bundle (copied over $CA_IN, as on a machine whose admin trusts the proxy's CA),
http_proxy/https_proxy/HTTP_PROXY/HTTPS_PROXY/no_proxy/NO_PROXY, and PIP_* (PIP_CERT pointed at the copied
bundle; a PIP_* naming a host path, e.g. PIP_FIND_LINKS=/opt/wheels, is left out: a fresh machine has no
such path). A proxy on the host's loopback is not reachable from the container's network.

Third-party data: when ../shared/data exists beside this checkout (the data some tests read, see its
README.md), it is mounted read-only at the same relative place, $CLONE/../shared/data, so the container
sees what CI sees; without it those tests skip.

Exit 0 when every selected half passes, else 1 with a one-line reason ("fresh-check: FAIL: ...").
EOF
}

say() { echo "fresh-check: $*" >&2; }
die() { echo "fresh-check: FAIL: $*" >&2; exit 1; }
dur() { local s=$1; printf '%dm%02ds' $((s / 60)) $((s % 60)); }

CLEANUP=()
cleanup() {
  local item
  for item in "${CLEANUP[@]}"; do eval "$item" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

sudo_cmd() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- arguments -----------------------------------------------------------------------------------------------

do_main=0 do_tests=0 worktree=0 rebuild=0 require_docker=0 mirror="" logs=""
while [ $# -gt 0 ]; do
  case "$1" in
    --main) do_main=1 ;;
    --tests) do_tests=1 ;;
    --worktree) worktree=1 ;;
    --rebuild) rebuild=1 ;;
    --require-docker) require_docker=1 ;;
    --mirror) [ $# -ge 2 ] || die "--mirror needs a URL"; mirror=$2; shift ;;
    --mirror=*) mirror=${1#--mirror=} ;;
    --logs) [ $# -ge 2 ] || die "--logs needs a directory"; logs=$2; shift ;;
    --logs=*) logs=${1#--logs=} ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
  shift
done
if [ $do_main = 0 ] && [ $do_tests = 0 ]; then do_main=1 do_tests=1; fi

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# --- Docker --------------------------------------------------------------------------------------------------

check_docker() {
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then return 0; fi
  if [ $require_docker = 1 ]; then
    die "no Docker daemon answers here (docker info failed) and --require-docker is set"
  fi
  say "skipped: no Docker daemon answers here (docker info failed); --require-docker makes this an error"
  exit 0
}

# --- the bare image ------------------------------------------------------------------------------------------

image_tag() {
  local key
  key="debootstrap --variant=minbase --include=$(IFS=,; echo "${PACKAGES[*]}") $SUITE"
  echo "$IMAGE_NAME:$(printf '%s' "$key" | sha256sum | cut -c1-12)"
}

# The first http(s) URI that serves $SUITE in the host's apt sources (sources.list, *.list, deb822 *.sources).
host_mirror() {
  local f lists=() deb822=()
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do [ -f "$f" ] && lists+=("$f"); done
  for f in /etc/apt/sources.list.d/*.sources; do [ -f "$f" ] && deb822+=("$f"); done
  {
    if [ ${#lists[@]} -gt 0 ]; then
      awk -v suite="$SUITE" '
        { sub(/#.*/, ""); gsub(/\[[^]]*\]/, "") }
        $1 == "deb" && $2 ~ /^https?:\/\// && $3 == suite { print $2; exit }' "${lists[@]}"
    fi
    if [ ${#deb822[@]} -gt 0 ]; then
      awk -v suite="$SUITE" '
        function flush() {
          if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && enabled != "no" && uri != "") {
            print uri; found = 1; exit
          }
          types = suites = uri = enabled = ""
        }
        FNR == 1 && NR != 1 { flush() }
        /^[ \t]*#/ { next }
        /^[ \t]*$/ { flush(); next }
        { line = $0; key = tolower(line); sub(/:.*/, "", key); val = line; sub(/^[^:]*:[ \t]*/, "", val) }
        key == "types" { types = val }
        key == "suites" { suites = val }
        key == "enabled" { enabled = tolower(val) }
        key == "uris" {
          n = split(val, u, /[ \t]+/)
          for (i = 1; i <= n; i++) if (u[i] ~ /^https?:\/\//) { uri = u[i]; break }
        }
        END { if (!found) flush() }' "${deb822[@]}" 2>/dev/null
    fi
  } | head -n 1
}

pick_mirror() {
  if [ -n "$mirror" ]; then echo "$mirror"; return; fi
  if [ -n "${HPCEVAL_DEBIAN_MIRROR:-}" ]; then echo "$HPCEVAL_DEBIAN_MIRROR"; return; fi
  local m
  m=$(host_mirror || true)
  echo "${m:-$DEFAULT_MIRROR}"
}

ensure_debootstrap() {
  command -v debootstrap >/dev/null && return 0
  [ -x /usr/sbin/debootstrap ] && return 0
  say "installing debootstrap (apt)"
  sudo_cmd apt-get update -qq >/dev/null || die "apt-get update failed (installing debootstrap)"
  sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null \
    || die "apt-get install debootstrap failed"
}

build_image() {
  local tag=$1 m scratch root start log="$logs/debootstrap.log"
  m=$(pick_mirror)
  ensure_debootstrap
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/hpceval-fresh-rootfs.XXXXXX")
  root=$scratch/rootfs
  CLEANUP+=("for d in proc sys dev/pts dev; do sudo_cmd umount '$root/\$d'; done"
            "sudo_cmd rm -rf --one-file-system '$scratch'")
  say "building $tag: debootstrap --variant=minbase $SUITE from $m (log: $log)"
  start=$(date +%s)
  PATH=$PATH:/usr/sbin:/sbin sudo_cmd debootstrap --variant=minbase --include="$(IFS=,; echo "${PACKAGES[*]}")" \
    "$SUITE" "$root" "$m" >"$log" 2>&1 || die "debootstrap from $m failed: $(tail -n 1 "$log") (log: $log)"
  sudo_cmd rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  sudo_cmd tar -C "$root" --numeric-owner -c . \
    | docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change "LABEL org.hpceval.fresh-check=$tag" - "$tag" >/dev/null \
    || die "docker import of the rootfs failed"
  BUILD_S=$(( $(date +%s) - start ))
  say "built $tag in $(dur "$BUILD_S")"
}

ensure_image() {
  IMAGE=$(image_tag)
  BUILD_S=""
  local old
  old=$(docker image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true)
  if [ $rebuild = 0 ] && [ -n "$old" ]; then
    say "reusing image $IMAGE (${PACKAGES[*]}; --rebuild builds it again)"
  else
    build_image "$IMAGE"
    if [ -n "$old" ]; then docker image rm "$old" >/dev/null 2>&1 || true; fi  # the one it replaced, if unused
  fi
}

# --- the clone -----------------------------------------------------------------------------------------------

make_clone() {
  local rev
  rev=$(git -C "$REPO" rev-parse HEAD) || die "$REPO is not a git checkout"
  if [ $worktree = 1 ]; then
    local stash
    stash=$(git -C "$REPO" stash create) || die "git stash create failed"
    if [ -n "$stash" ]; then rev=$stash; else say "--worktree: no uncommitted changes to tracked files"; fi
  fi
  SRC=$(mktemp -d "${TMPDIR:-/tmp}/hpceval-fresh-src.XXXXXX")
  CLEANUP+=("rm -rf '$SRC'")
  git clone -q --no-checkout "$REPO" "$SRC/hpceval" || die "git clone of $REPO failed"
  git -C "$SRC/hpceval" -c uploadpack.allowAnySHA1InWant=true fetch -q "$REPO" "$rev" 2>/dev/null || true
  git -C "$SRC/hpceval" -c advice.detachedHead=false checkout -q --detach "$rev" || die "checkout of $rev failed"
  REV=$rev
  if [ $worktree = 1 ] && [ "$rev" != "$(git -C "$REPO" rev-parse HEAD)" ]; then
    say "clone: HEAD $(git -C "$REPO" rev-parse --short HEAD) + uncommitted tracked changes (commit ${rev:0:12})"
  else
    say "clone: HEAD ${rev:0:12} $(git -C "$REPO" log -1 --format=%s "$rev" | cut -c1-80)"
  fi
}

# The line after "# N. " in README.md's first ```bash block.
readme_command() {
  local n=$1 line
  line=$(awk -v n="$n" '
    !inblock && /^```bash[ \t]*$/ { inblock = 1; next }
    inblock && /^```/ { exit }
    inblock && want && NF { print; exit }
    inblock && $0 ~ ("^# " n "\\. ") { want = 1 }' "$SRC/hpceval/README.md")
  [ -n "$line" ] || die "README.md's first \`\`\`bash block has no command after a '# $n. ' comment"
  echo "$line"
}

# --- the container -------------------------------------------------------------------------------------------

container_args() {
  local v host_ca="" c
  ARGS=(--network default -w "$CLONE")
  for v in http_proxy https_proxy HTTP_PROXY HTTPS_PROXY no_proxy NO_PROXY; do
    if [ -n "${!v:-}" ]; then ARGS+=(-e "$v=${!v}"); fi
  done
  for c in "${PIP_CERT:-}" "${SSL_CERT_FILE:-}" "${REQUESTS_CA_BUNDLE:-}" /etc/ssl/certs/ca-certificates.crt; do
    if [ -n "$c" ] && [ -f "$c" ]; then host_ca=$c; break; fi
  done
  HOST_CA=$host_ca
  if [ -n "$host_ca" ]; then
    for v in SSL_CERT_FILE REQUESTS_CA_BUNDLE CURL_CA_BUNDLE GIT_SSL_CAINFO; do
      if [ -n "${!v:-}" ]; then ARGS+=(-e "$v=$CA_IN"); fi
    done
  fi
  for v in $(compgen -e | grep '^PIP_' || true); do
    if [ "$v" = PIP_CERT ]; then
      if [ -n "$host_ca" ]; then ARGS+=(-e "PIP_CERT=$CA_IN"); fi
    elif [[ ${!v} == /* ]]; then
      say "not passing $v=${!v} (a host path)"
    else
      ARGS+=(-e "$v=${!v}")
    fi
  done
  if [ -d "$REPO/../shared/data" ]; then
    ARGS+=(-v "$(cd "$REPO/../shared/data" && pwd):$(dirname "$CLONE")/shared/data:ro")
    SHARED="mounted ../shared/data read-only"
  else
    SHARED="no ../shared/data beside $REPO (tests reading it skip)"
  fi
}

# run_half NAME SCRIPT [ENV...]: a new container runs SCRIPT in the clone; its output goes to the terminal and
# to $logs/NAME.log; sets HALF_RC and HALF_S.
run_half() {
  local name=$1 script=$2 cid start
  shift 2
  local extra=() v
  for v in "$@"; do extra+=(-e "$v"); done
  cid=$(docker create "${ARGS[@]}" "${extra[@]}" --name "hpceval-fresh-$name-$$" "$IMAGE" bash -c "$script") \
    || die "docker create failed"
  CLEANUP+=("docker rm -f $cid")
  docker cp "$SRC/hpceval/." "$cid:$CLONE" >/dev/null || die "docker cp of the clone failed"
  if [ -n "$HOST_CA" ]; then
    docker cp -L "$HOST_CA" "$cid:$CA_IN" >/dev/null || die "docker cp of $HOST_CA failed"
  fi
  start=$(date +%s)
  docker start -a "$cid" 2>&1 | tee "$logs/$name.log" || true
  HALF_RC=$(docker inspect -f '{{.State.ExitCode}}' "$cid")
  HALF_S=$(( $(date +%s) - start ))
  docker rm -f "$cid" >/dev/null 2>&1 || true
}

# --- the halves ----------------------------------------------------------------------------------------------

# In the container, in the clone: the README's command ($FRESH_CMD) as a user would type it in bash.
INNER_MAIN='
  echo "+ $FRESH_CMD"
  bash -c "$FRESH_CMD"
  rc=$?
  if [ $rc != 0 ]; then echo "fresh-check-main: fail the README'"'"'s first command exited $rc"; exit 1; fi
  python3 -c "$FRESH_ASSERT"
'
INNER_TESTS='
  echo "+ $FRESH_CMD"
  bash -c "$FRESH_CMD"
  echo "fresh-check-tests: exit $?"
'
# After command 1, in the container: pass@1 == 1.0 and only ok verdicts, from runs/*/summary.json (and the
# attempts.jsonl beside it, to name the attempts that are not ok).
MAIN_ASSERT=$(cat <<'PY'
import glob, json, os, sys

def result(ok, text):
    print("fresh-check-main:", "ok" if ok else "fail", text)
    sys.exit(0 if ok else 1)

runs = sorted(glob.glob("runs/*/summary.json"))
if len(runs) != 1:
    result(False, f"{len(runs)} runs/*/summary.json, expected 1")
summary = json.load(open(runs[0]))
p1, n = summary["metrics"].get("pass@1"), summary["n_attempts"]
verdicts = {k: v for k, v in summary["counts"].items() if k != "suspect"}  # suspect: ok, implausibly fast
with open(os.path.join(os.path.dirname(runs[0]), "attempts.jsonl")) as f:
    rows = [json.loads(line) for line in f if line.strip()]
bad = [f"{r['task_id']} {r['verdict']}: {r.get('message', '')[:160]}" for r in rows if r["verdict"] != "ok"]
text = f"pass@1={p1} over {summary['n_tasks']} tasks, {n} attempts, verdicts {verdicts}"
if summary["counts"].get("suspect"):
    text += f" ({summary['counts']['suspect']} suspect)"
if bad:
    text += "; not ok: " + "; ".join(bad)
result(p1 == 1.0 and n > 0 and verdicts == {"ok": n} and not bad, text)
PY
)

half_main() {
  local cmd result
  cmd=$(readme_command 1)
  say "main: $cmd"
  run_half main "$INNER_MAIN" "FRESH_CMD=$cmd" "FRESH_ASSERT=$MAIN_ASSERT"
  MAIN_S=$HALF_S
  result=$(grep '^fresh-check-main: ' "$logs/main.log" | tail -n 1 || true)
  MAIN_RESULT=${result#fresh-check-main: }
  say "main: $(dur "$MAIN_S") (setup and run in a fresh container): ${MAIN_RESULT:-no result}"
  if [ "$HALF_RC" != 0 ] || [[ $MAIN_RESULT != ok* ]]; then
    FAILS+=("main: ${MAIN_RESULT:-the container exited $HALF_RC without a result} (log: $logs/main.log)")
  fi
}

# pytest's "SKIPPED [N] tests/x.py:12: reason" lines, summed by reason, the most frequent first.
skip_reasons() {
  sed -nE 's/^SKIPPED \[([0-9]+)\] [^ ]+:[0-9]+: (.*)$/\1\t\2/p' "$1" \
    | awk -F'\t' '{ n[$2] += $1 } END { for (r in n) printf "%5d  %s\n", n[r], r }' | sort -rn | cut -c1-220
}

half_tests() {
  local cmd summary failed errors exit_line where="(log: $logs/tests.log)"
  cmd=$(readme_command 2)
  say "tests: $cmd"
  # -rfEs: pytest's default short summary (failed, errors) plus the skip reasons; a bare -rs drops the first two
  run_half tests "$INNER_TESTS" "FRESH_CMD=$cmd" "PYTEST_ADDOPTS=-rfEs"
  TESTS_S=$HALF_S
  # pytest's last line: "==== 3 failed, 200 passed, 9 skipped in 912.34s (0:15:12) ===="
  summary=$(grep -E '^=+ .*(passed|failed|error|skipped|no tests ran).* in [0-9.]+s.*=+$' "$logs/tests.log" \
    | tail -n 1 | sed -E 's/^=+ //; s/ =+$//' || true)
  exit_line=$(grep '^fresh-check-tests: exit ' "$logs/tests.log" | tail -n 1 | cut -d' ' -f2- || true)
  TESTS_SUMMARY=$summary
  say "tests: $(dur "$TESTS_S") (setup and pytest in a fresh container): ${summary:-no pytest summary line}"
  if grep -q '^SKIPPED ' "$logs/tests.log"; then
    say "tests: skip reasons (count, reason; each test in the log):"
    skip_reasons "$logs/tests.log" >&2
  fi
  if [ -z "$summary" ]; then
    FAILS+=("tests: no pytest summary line, the README's second command: ${exit_line:-no exit status} $where")
    return
  fi
  failed=$(grep -oE '[0-9]+ failed' <<<"$summary" | cut -d' ' -f1 || true)
  errors=$(grep -oE '[0-9]+ errors?' <<<"$summary" | cut -d' ' -f1 || true)
  if [ "${failed:-0}" != 0 ] || [ "${errors:-0}" != 0 ] || ! grep -q passed <<<"$summary"; then
    FAILS+=("tests: $summary: $(grep -E '^(FAILED|ERROR) ' "$logs/tests.log" | head -n 3 | cut -c1-160 \
      | paste -sd';' -) $where")
  elif [ "$exit_line" != "exit 0" ]; then
    FAILS+=("tests: $summary, but the README's second command: ${exit_line:-no exit status} $where")
  fi
}

# --- main ----------------------------------------------------------------------------------------------------

check_docker
if [ -z "$logs" ]; then logs=$(mktemp -d "${TMPDIR:-/tmp}/hpceval-fresh-logs.XXXXXX"); fi
mkdir -p "$logs"
logs=$(cd "$logs" && pwd)
ensure_image
make_clone
container_args
say "container: $IMAGE, unprivileged, default network; ${HOST_CA:+CA bundle $HOST_CA; }$SHARED; logs in $logs"

FAILS=()
MAIN_S="" TESTS_S=""
if [ $do_main = 1 ]; then half_main; fi
if [ $do_tests = 1 ]; then half_tests; fi

parts=()
if [ -n "$BUILD_S" ]; then parts+=("image build $(dur "$BUILD_S")"); fi
if [ -n "$MAIN_S" ]; then parts+=("main $(dur "$MAIN_S"): ${MAIN_RESULT:-no result}"); fi
if [ -n "$TESTS_S" ]; then parts+=("tests $(dur "$TESTS_S"): ${TESTS_SUMMARY:-no pytest summary line}"); fi
say "summary (${REV:0:12}): $(printf '%s; ' "${parts[@]}" | sed 's/; $//')"
if [ ${#FAILS[@]} -gt 0 ]; then
  die "$(printf '%s | ' "${FAILS[@]}" | sed 's/ | $//')"
fi
say "ok"
