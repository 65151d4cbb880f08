#!/usr/bin/env bash
# Builds the libFuzzer target fuzz/fuzz_convert.cpp (clang, address and undefined sanitizers) in
# build-fuzz/ and fuzzes the whole pipeline (bytes → RDF that Serd must parse) for a bounded
# time. The seeds are fuzz/corpus/ (committed, read only), examples/*.txt and
# tests/golden/inputs/*.txt; new inputs are kept in build-fuzz/corpus/ for the next run. A crash
# leaves its input in build-fuzz/artifacts/.
#   bash scripts/fuzz.sh [SECONDS]      (default 60; or REPORTKG_FUZZ_SECONDS)
# Reproduce a crash: build-fuzz/fuzz_convert build-fuzz/artifacts/crash-...
# fuzz/corpus/ is a 25-minute run from the bundled reports (-max_len=4096), minimized with
# -merge=1 -max_len=1792 (the shorter length keeps it near 1.4 MB). To refresh it, fuzz longer,
# then merge everything into a fresh directory that replaces it:
#   bash scripts/fuzz.sh 3600 && rm -rf build-fuzz/merged && mkdir build-fuzz/merged
#   build-fuzz/fuzz_convert -merge=1 -max_len=1792 -artifact_prefix=build-fuzz/artifacts/ \
#     build-fuzz/merged fuzz/corpus build-fuzz/corpus build-fuzz/seeds
#   rm -r fuzz/corpus && mv build-fuzz/merged fuzz/corpus
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${REPORTKG_FUZZ_BUILD_DIR:-${REPORTKG_BUILD_DIR:-build}-fuzz}"
seconds="${1:-${REPORTKG_FUZZ_SECONDS:-60}}"

for tool in clang++ clang; do
  command -v "$tool" >/dev/null || { echo "fuzz: $tool is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
done
mkdir -p "$build_dir"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DREPORTKG_FUZZ=ON -DBUILD_TESTING=OFF >"$build_dir/configure.log" 2>&1 ||
  { cat "$build_dir/configure.log" >&2; exit 1; }
cmake --build "$build_dir" -j"$(nproc)" --target fuzz_convert

seeds="$build_dir/seeds"
corpus="$build_dir/corpus"
artifacts="$build_dir/artifacts"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"
cp examples/*.txt tests/golden/inputs/*.txt "$seeds/"

log="$build_dir/fuzz.log"
echo "fuzz: fuzzing for ${seconds} s (log: $log)"
status=0
# -timeout: an input that takes longer is a hang; -rss_limit_mb: more memory is a leak or a blowup.
# New inputs go to the first directory only, so fuzz/corpus/ is left as it is.
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}" \
  "$build_dir/fuzz_convert" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
  -max_len=16384 -dict=fuzz/convert.dict -artifact_prefix="$artifacts/" -print_final_stats=1 \
  "$corpus" "$seeds" fuzz/corpus >"$log" 2>&1 || status=$?
if ((status != 0)); then
  tail -n 80 "$log"
  echo "fuzz: FAILED (exit $status); the input is in $artifacts/:" >&2
  ls -1 "$artifacts" >&2
  echo "fuzz: reproduce with: $build_dir/fuzz_convert $artifacts/FILE" >&2
  exit 1
fi
grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || tail -n 5 "$log"
echo "fuzz: no crash in ${seconds} s; corpus: $(find "$corpus" -type f | wc -l) inputs"
