#!/usr/bin/env bash
# Set up hpceval on a fresh Debian/Ubuntu machine: compilers and OpenMPI (apt, as root or through sudo),
# a virtual environment in .venv, and the package in it. `--dev` adds what the tests need (the Python test
# packages, tmux for the terminal tests, gfortran for the surrogate suite's Fortran items, valgrind for the
# instruction timer in the local sandbox, and Kokkos with its OpenMP backend in /opt/kokkos for the hpc pack's
# kokkos tasks, built by sandbox/images/cpu/kokkos.sh, chromium for the browser test of the pages, and
# openssh-server for the DOCKER_HOST=ssh:// test).
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
if [ "${1:-}" = "--dev" ]; then extras="[dev]"; fi

need=()
command -v g++ >/dev/null || need+=(g++)
command -v mpicxx >/dev/null && command -v mpirun >/dev/null || need+=(openmpi-bin libopenmpi-dev)
python3 -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)
if [ -n "$extras" ]; then command -v tmux >/dev/null || need+=(tmux); fi  # the tests drive a real terminal
if [ -n "$extras" ]; then command -v gfortran >/dev/null || need+=(gfortran); fi  # surrogate items in Fortran
if [ -n "$extras" ]; then command -v valgrind >/dev/null || need+=(valgrind); fi  # --timer instructions, locally
if [ -n "$extras" ]; then command -v cmake >/dev/null && command -v make >/dev/null || need+=(cmake make); fi  # Kokkos
if [ -n "$extras" ]; then command -v chromium >/dev/null || need+=(chromium); fi  # the browser test of the pages
if [ -n "$extras" ]; then  # tests/test_docker_ssh.py: its own sshd on 127.0.0.1 in front of the Docker daemon
  [ -x /usr/sbin/sshd ] && command -v ssh-keygen >/dev/null || need+=(openssh-server openssh-client)
fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  echo "setup: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

python3 - <<'PY'
import sys
if sys.version_info < (3, 11):
    sys.exit(f"setup: hpceval needs Python >= 3.11; python3 is {sys.version.split()[0]}")
PY
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extras}"
if [ -n "$extras" ]; then  # the kokkos tasks in the local sandbox (the Docker image builds its own)
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo bash sandbox/images/cpu/kokkos.sh /opt/kokkos >&2
fi
echo "setup: done; run .venv/bin/hpceval --help" >&2
