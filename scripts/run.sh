#!/usr/bin/env bash
# Sets up, builds and converts the bundled reports (examples/*.txt) into output/, one Turtle file
# per report. The summary of what was found goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
build/reportkg convert examples/*.txt --out-dir output
echo "run: Turtle written to output/: $(cd output && ls -- *.ttl | tr '\n' ' ')"
