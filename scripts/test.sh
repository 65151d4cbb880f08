#!/usr/bin/env bash
# Sets up, builds and runs all tests: the whole ctest suite (unit tests, CLI and robustness tests,
# RDF checks) in a sanitizer build (address, undefined: build-asan/), a short fuzzing run of the
# pipeline (scripts/fuzz.sh in build-fuzz/; REPORTKG_FUZZ_SECONDS, default 60), and last the ctest
# suite in the main build (build/). Exits non-zero when any of them failed.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${REPORTKG_BUILD_DIR:-build}"  # another build directory: REPORTKG_BUILD_DIR=/tmp/b
asan_dir="${build_dir}-asan"
bash scripts/setup.sh
bash scripts/build.sh

failed=()
echo "test: sanitizer build in $asan_dir"
# With the benchmark programs (bench/), which no test runs: so that they keep compiling.
if cmake -S . -B "$asan_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREPORTKG_SANITIZE=ON \
  -DREPORTKG_BENCH=ON >/dev/null &&
  cmake --build "$asan_dir" -j"$(nproc)"; then
  echo "test: all tests in the sanitizer build"
  ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}" \
    ctest --test-dir "$asan_dir" --output-on-failure || failed+=("tests in the sanitizer build")
else
  failed+=("sanitizer build")
fi
echo "test: fuzzing"
REPORTKG_FUZZ_BUILD_DIR="${build_dir}-fuzz" bash scripts/fuzz.sh "${REPORTKG_FUZZ_SECONDS:-60}" ||
  failed+=("fuzzing")
echo "test: all tests"
ctest --test-dir "$build_dir" --output-on-failure || failed+=("tests")
if ((${#failed[@]} > 0)); then
  echo "test: FAILED: $(IFS=';'; echo "${failed[*]}")" >&2
  exit 1
fi
