#!/usr/bin/env bash
# Sets up, builds and converts the bundled reports (examples/*.txt) into output/, one Turtle file
# per report. The summary of what was found goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${REPORTKG_BUILD_DIR:-build}"  # another build directory: REPORTKG_BUILD_DIR=/tmp/b
bash scripts/setup.sh
bash scripts/build.sh
"$build_dir/reportkg" convert examples/*.txt --out-dir output
echo "run: Turtle written to output/: $(cd output && ls -- *.ttl | tr '\n' ' ')"
