#!/bin/sh
# Runs in the image's rootfs after its packages, from /tmp/hpceval-recipe (this recipe's files and downloads.txt's).
set -e
bash /tmp/hpceval-recipe/kokkos.sh /opt/kokkos --source /tmp/hpceval-recipe/pykokkos-base-0.0.7.tar.gz
