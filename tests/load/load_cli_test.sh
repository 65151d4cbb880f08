#!/usr/bin/env bash
# `reportkg load` without a store: usage errors (exit 1), unreadable reports (exit 2) and an
# unreachable store (exit 5), each one line on stderr with nothing on stdout. The loading itself is
# tested against a real store in virtuoso_test.sh. Run by ctest with REPORTKG set to the binary.
set -uo pipefail

: "${REPORTKG:?REPORTKG must point to the reportkg binary}"
SRC="${REPORTKG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY

tmp="$(mktemp -d "${TMPDIR:-/tmp}/reportkg-load-cli-test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

source "$(dirname "${BASH_SOURCE[0]}")/../support/checks.sh"
out="$tmp/stdout"
err="$tmp/stderr"

good="$SRC/examples/hanoi-convention.de.txt"
# A port on 127.0.0.1 that nobody listens on.
closed_port="$(/usr/bin/python3 -c '
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
')"
closed="http://127.0.0.1:$closed_port/sparql-graph-crud"

run load --help
check "load --help exits 0" test "$rc" -eq 0
check "load --help names the endpoint option" grep -q -- "--endpoint URL" "$out"
check "load --help documents exit code 5" grep -qE "^  5  load: " "$out"

# ---- usage errors: exit 1 -------------------------------------------------------------------
for args in "load $good" "load --endpoint $closed" "load $good --endpoint ftp://127.0.0.1/x" \
  "load $good --endpoint 127.0.0.1:8890/crud" "load $good --endpoint $closed --timeout 0" \
  "load $good --endpoint $closed --timeout soon" "load $good --endpoint $closed --password p" \
  "load $good --endpoint $closed --format trig" "load $good --endpoint $closed --base nope"; do
  # shellcheck disable=SC2086
  run $args
  check "usage error '$args' exits 1 (got $rc)" test "$rc" -eq 1
  check "usage error '$args' writes nothing to stdout" test ! -s "$out"
  check "usage error '$args' explains on stderr" test -s "$err"
done
run load "$good" --endpoint "ftp://u:secret@127.0.0.1/x"
check "a bad endpoint is one line: $(cat "$err")" test "$(lines "$err")" -eq 1
check "a bad endpoint's message hides the password: $(cat "$err")" \
  bash -c '! grep -q secret "$1" && grep -q "u:\*\*\*@" "$1"' _ "$err"

# ---- an unreachable store: exit 5, one line, nothing more is sent ----------------------------
run load "$good" "$good" --endpoint "$closed" --user dba --password dba --timeout 5
check "an unreachable store exits 5 (got $rc)" test "$rc" -eq 5
check "an unreachable store is one line, got $(lines "$err"): $(cat "$err")" test "$(lines "$err")" -eq 1
check "the line names the endpoint and curl's message: $(cat "$err")" \
  grep -qE "^$closed: cannot reach the store: .*(Connection refused|Couldn't connect)" "$err"
check "nothing on stdout" test ! -s "$out"

# ---- bad reports: exit 2 before anything is sent; with an unreachable store the higher code ---
run load -q "$tmp/missing.txt" --endpoint "$closed"
check "a missing report exits 2 (got $rc)" test "$rc" -eq 2
check "a missing report is one line naming it: $(cat "$err")" \
  bash -c '[[ "$(wc -l <"$1")" -eq 1 ]] && grep -q "^$2: " "$1"' _ "$err" "$tmp/missing.txt"
run load -q "$tmp/missing.txt" "$good" --endpoint "$closed"
check "a missing report and an unreachable store exit 5 (got $rc)" test "$rc" -eq 5
check "... with one line each: $(cat "$err")" test "$(lines "$err")" -eq 2

echo "$passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
