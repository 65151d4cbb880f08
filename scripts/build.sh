#!/usr/bin/env bash
# Configures and builds reportkg in build/ (release with debug info).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${REPORTKG_BUILD_DIR:-build}"  # another build directory: REPORTKG_BUILD_DIR=/tmp/b
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir" -j"$(nproc)"
