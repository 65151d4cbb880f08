#!/usr/bin/env bash
# Sets up, builds and runs all tests (unit tests, CLI tests, RDF checks); exits with ctest's status.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${REPORTKG_BUILD_DIR:-build}"  # another build directory: REPORTKG_BUILD_DIR=/tmp/b
bash scripts/setup.sh
bash scripts/build.sh
exec ctest --test-dir "$build_dir" --output-on-failure
