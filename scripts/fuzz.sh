#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 and runs each for a few seconds
# (default 30, or $1). Seeds come from fuzz/corpus/<target>/ when present;
# every crash ever found is kept there as a regression input as well.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-30}

CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCRYPTONEWS_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)"

for bin in build-fuzz/fuzz/*_fuzz; do
  name=$(basename "$bin")
  seeds="fuzz/corpus/$name"
  work=$(mktemp -d)
  [[ -d "$seeds" ]] && cp -r "$seeds"/. "$work"/
  echo "-- $name: ${SECONDS_PER_TARGET}s"
  "$bin" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$work" 2>&1 | tail -n 3
  rm -rf "$work"
done
