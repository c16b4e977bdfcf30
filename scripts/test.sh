#!/usr/bin/env bash
# Builds and runs every test: the Release build, the sanitizer build
# (AddressSanitizer + UndefinedBehaviorSanitizer), and a short run of each
# libFuzzer target. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=$(nproc)

echo "== Release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$JOBS"
ctest --test-dir build --output-on-failure -j"$JOBS"

echo "== ASan + UBSan build and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCRYPTONEWS_SANITIZE=ON -DCRYPTONEWS_BENCH=OFF >/dev/null
cmake --build build-asan -j"$JOBS"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$JOBS"

if [[ -d fuzz && -f fuzz/CMakeLists.txt ]]; then
  echo "== libFuzzer targets (short runs)"
  scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
fi
