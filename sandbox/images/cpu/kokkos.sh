#!/bin/bash
# Build Kokkos with its OpenMP backend into PREFIX (default /opt/kokkos), for the hpc pack's `kokkos` model.
#
#     bash sandbox/images/cpu/kokkos.sh [PREFIX] [--source TARBALL]
#
# The CPU image runs it (post-install.sh); scripts/setup.sh --dev runs it for the local sandbox.
#
# Why not Debian's package: libtrilinos-kokkos-dev (Trilinos 13.2) is built with the Serial backend only
# (KOKKOS_ENABLE_OPENMP is undefined in its KokkosCore_config.h), so every parallel pattern runs on one thread.
# Kokkos itself is not on PyPI, but the sdist of pykokkos-base 0.0.7 carries Kokkos 3.4.01's source (its
# external/kokkos folder), and PyPI is reachable wherever hpceval installs; this takes Kokkos from there and
# builds only Kokkos core and containers (about a minute on 2 cores), as shared libraries.
# Needs g++, cmake, make, tar, sha256sum and python3 with ssl (or --source with the sdist already fetched).
set -euo pipefail

prefix=/opt/kokkos
source_tarball=""
# the sdist's address and hash (also in downloads.txt, from which the offline image build fetches it)
url=https://files.pythonhosted.org/packages/1d/2e/e3e6035ba1b7358033ad15e07ed0d49ba1b1298fdfa9ea8814a8ccc39df8/pykokkos-base-0.0.7.tar.gz
sha256=6339daced1e81a2748f381847d8717cd77d824407da3c263b9491b5630c642b0
while [ $# -gt 0 ]; do
    case "$1" in
        --source) source_tarball="$2"; shift 2 ;;
        -*) echo "kokkos.sh: unknown option $1 (use [PREFIX] [--source TARBALL])" >&2; exit 2 ;;
        *) prefix="$1"; shift ;;
    esac
done

config="$prefix/include/KokkosCore_config.h"
if [ -f "$config" ] && grep -q '^#define KOKKOS_ENABLE_OPENMP' "$config"; then
    echo "Kokkos with OpenMP is already in $prefix"
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$source_tarball" ]; then  # PyPI's hash-addressed copy, checked against the pinned sha256
    source_tarball="$work/pykokkos-base-0.0.7.tar.gz"
    # a machine that reaches PyPI through a proxy's CA, given to pip only, gives it to this download too
    if [ -z "${SSL_CERT_FILE:-}" ] && [ -n "${PIP_CERT:-}" ]; then export SSL_CERT_FILE="$PIP_CERT"; fi
    python3 - "$source_tarball" "$url" "$sha256" <<'PY'
import hashlib, sys, urllib.request
data = urllib.request.urlopen(sys.argv[2], timeout=300).read()
if hashlib.sha256(data).hexdigest() != sys.argv[3]:
    sys.exit(f"kokkos.sh: {sys.argv[2]} does not have the pinned sha256 {sys.argv[3]}")
open(sys.argv[1], "wb").write(data)
PY
fi
echo "$sha256  $source_tarball" | sha256sum -c --quiet - || { echo "kokkos.sh: $source_tarball is not the pinned sdist" >&2; exit 1; }
tar -xzf "$source_tarball" -C "$work" pykokkos-base-0.0.7/external/kokkos
src="$work/pykokkos-base-0.0.7/external/kokkos"
cmake -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DCMAKE_INSTALL_LIBDIR=lib -DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_STANDARD=17 -DBUILD_SHARED_LIBS=ON \
    -DKokkos_ENABLE_OPENMP=ON -DKokkos_ENABLE_SERIAL=ON -DKokkos_ENABLE_TESTS=OFF -DKokkos_ENABLE_EXAMPLES=OFF \
    -DKokkos_ARCH_NATIVE=OFF >"$work/cmake.log" 2>&1 || { tail -30 "$work/cmake.log" >&2; exit 1; }
cmake --build "$work/build" -j "$(nproc)" >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; exit 1; }
cmake --install "$work/build" >/dev/null
grep -q '^#define KOKKOS_ENABLE_OPENMP' "$config" || { echo "kokkos.sh: $config lacks OpenMP" >&2; exit 1; }
echo "Kokkos $(sed -n 's/^#define KOKKOS_VERSION \([0-9]*\)$/\1/p' "$config") with OpenMP installed in $prefix"
