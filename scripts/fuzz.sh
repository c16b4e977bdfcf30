#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 and runs each for a while
# (default 30 s per target, or $1 seconds; CI runs the default through
# scripts/test.sh). Each target gets a maximum input length that fits what it
# reads (pages and feeds 256 KiB), and seeds from fuzz/corpus/<target>/
# (hand-made inputs and every crash ever found, kept as regression inputs)
# plus the project's own fixtures for that kind of input.
#
#   scripts/fuzz.sh            # CI: every target 30 s
#   scripts/fuzz.sh 3600       # the long run: every target an hour
#   FUZZ_TARGETS="article_fuzz feed_fuzz" scripts/fuzz.sh 600   # some targets
#   FUZZ_JOBS=2 scripts/fuzz.sh 3600     # two targets at a time (nice'd)
#
# A long run keeps its grown corpus in build-fuzz/corpus/<target>/ (reused
# by the next run) and its log in build-fuzz/logs/<target>.log; the final
# stats line (execs, cov, ft, corpus) is printed per target. Any crash
# leaves crash-* in build-fuzz/ and makes the script fail: minimise it
# (<target> -minimize_crash=1 crash-...) and add it to fuzz/corpus/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-30}
JOBS=${FUZZ_JOBS:-1}

CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCRYPTONEWS_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target article_fuzz extract_fuzz feed_fuzz sentiment_fuzz \
  robots_fuzz sources_fuzz url_policy_fuzz warc_fuzz

# Maximum input length per target (bytes).
declare -A MAX_LEN=(
  [article_fuzz]=262144 [feed_fuzz]=262144 [extract_fuzz]=131072 [sentiment_fuzz]=65536
  [robots_fuzz]=65536 [sources_fuzz]=16384 [url_policy_fuzz]=4096
  [warc_fuzz]=262144
)

# Seeds: fuzz/corpus/<target>/ and the fixtures each target reads. feed_fuzz
# takes a mode byte first (0 feed, 1 sitemap, 2 robots.txt; +0x10 local).
seed_fixtures() {
  local target=$1 dir=$2 f
  case $target in
    article_fuzz)
      for f in fixtures/articles/*.html fixtures/demo/*/*.html fixtures/crawl/site/articles/*.html \
               fixtures/crawl/offline/pages/*.html; do
        [[ -f $f ]] && cp "$f" "$dir/fixture_$(basename "$(dirname "$f")")_$(basename "$f")"
      done ;;
    feed_fuzz)
      for f in fixtures/crawl/*.xml fixtures/crawl/*.rdf fixtures/crawl/site/*.xml fixtures/demo/*/*.xml \
               fixtures/crawl/offline/feed.xml; do
        [[ -f $f ]] || continue
        local mode='\x00'
        [[ $(basename "$f") == *sitemap* ]] && mode='\x01'
        { printf "$mode"; cat "$f"; } > "$dir/fixture_$(basename "$(dirname "$f")")_$(basename "$f")"
      done
      for f in fixtures/crawl/site/sitemaps/*.xml; do
        [[ -f $f ]] && { printf '\x01'; cat "$f"; } > "$dir/fixture_sitemaps_$(basename "$f")"
      done
      { printf '\x02'; cat fixtures/crawl/site/robots.txt; } > "$dir/fixture_robots.txt" ;;
    extract_fuzz | sentiment_fuzz)
      for f in fixtures/extract/*.txt fixtures/sentiment/*.txt; do cp "$f" "$dir/fixture_$(basename "$f")"; done ;;
    robots_fuzz) cp fixtures/crawl/site/robots.txt "$dir/fixture_robots.txt" ;;
    sources_fuzz)
      cp sources.toml "$dir/fixture_sources.toml"
      for f in fixtures/*/sources.toml fixtures/*/*/sources.toml; do
        [[ -f $f ]] && cp "$f" "$dir/fixture_$(basename "$(dirname "$f")")_sources.toml"
      done ;;
    url_policy_fuzz) : ;;  # fuzz/corpus/url_policy_fuzz only
    warc_fuzz)
      for f in fixtures/warc/*.warc* fixtures/warc/malformed/*; do
        [[ -f $f ]] && cp "$f" "$dir/fixture_$(basename "$f")"
      done ;;
  esac
}

run_target() {
  local name=$1 bin=build-fuzz/fuzz/$1 corpus=build-fuzz/corpus/$1 seeds
  mkdir -p "$corpus" build-fuzz/logs
  seeds=$(mktemp -d)
  [[ -d fuzz/corpus/$name ]] && cp -r "fuzz/corpus/$name"/. "$seeds"/
  seed_fixtures "$name" "$seeds"
  local rc=0
  (cd build-fuzz && nice -n 10 "../$bin" -max_total_time="$SECONDS_PER_TARGET" -max_len="${MAX_LEN[$name]}" \
     -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$name-" \
     "corpus/$name" "$seeds" >"logs/$name.log" 2>&1) || rc=$?
  rm -rf "$seeds"
  echo "-- $name (${SECONDS_PER_TARGET}s, max_len ${MAX_LEN[$name]}, exit $rc):" \
    "$(grep -E '^#[0-9]+.*(DONE|cov)' "build-fuzz/logs/$name.log" | tail -n 1)" \
    "$(grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "build-fuzz/logs/$name.log" | tr '\n' ' ')"
  ((rc == 0)) || tail -n 30 "build-fuzz/logs/$name.log"
  return $rc
}

TARGETS=${FUZZ_TARGETS:-"article_fuzz extract_fuzz feed_fuzz sentiment_fuzz robots_fuzz sources_fuzz url_policy_fuzz warc_fuzz"}
failed=0
running=0
for name in $TARGETS; do
  run_target "$name" &
  running=$((running + 1))
  if ((running >= JOBS)); then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while ((running > 0)); do
  wait -n || failed=1
  running=$((running - 1))
done
if ((failed)); then
  echo "fuzz: a target crashed or failed; see build-fuzz/logs/ and build-fuzz/*-crash-*" >&2
  exit 1
fi
