#!/usr/bin/env bash
# Sets up, builds and runs all tests (unit tests, CLI tests, RDF checks); exits with ctest's status.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec ctest --test-dir build --output-on-failure
