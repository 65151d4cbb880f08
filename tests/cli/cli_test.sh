#!/usr/bin/env bash
# The command line end to end: exit codes, one-line diagnostics, no partial output, valid RDF,
# deterministic output. Run by ctest with REPORTKG set to the binary (from the source tree).
set -uo pipefail

: "${REPORTKG:?REPORTKG must point to the reportkg binary}"
SRC="${REPORTKG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
EXAMPLES="$SRC/examples"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/reportkg-cli-test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

source "$(dirname "${BASH_SOURCE[0]}")/../support/checks.sh"

out="$tmp/stdout"  # run ARGS... (tests/support/checks.sh) writes here
err="$tmp/stderr"
parses() {  # parses SYNTAX FILE: serdi reads the file without error
  serdi -i "$1" -o ntriples "$2" >/dev/null 2>"$tmp/serdi.err"
}

# expect_failure NAME CODE STDERR_PREFIX ARGS...: exit code CODE, one line on stderr starting with
# STDERR_PREFIX, nothing on stdout, and no output file at $tmp/out.ttl.
expect_failure() {
  local name="$1" code="$2" prefix="$3"
  shift 3
  rm -f "$tmp/out.ttl"
  run "$@"
  check "$name: exit code $rc, expected $code" test "$rc" -eq "$code"
  check "$name: one line on stderr, got $(lines "$err"): $(head -c 300 "$err")" test "$(lines "$err")" -eq 1
  check "$name: stderr starts with '$prefix': $(head -c 200 "$err")" \
    bash -c '[[ "$(cat "$1")" == "$2"* ]]' _ "$err" "$prefix"
  check "$name: nothing on stdout" test ! -s "$out"
  check "$name: no output file" test ! -e "$tmp/out.ttl"
}

command -v serdi >/dev/null || fail "serdi is not installed (scripts/setup.sh installs it)"

# ---- test inputs ----------------------------------------------------------------------------
mkdir -p "$tmp/in" "$tmp/emptydir/sub"
printf 'Gipfel in Hanoi\nDer Gipfel begann am 3. M\xe4rz 2025.\n' >"$tmp/in/latin1.de.txt"
printf 'Gipfel\nEin Satz.\n\x00\x01\x02\x03binary' >"$tmp/in/binary.txt"
printf '\xff\xfeG\x00i\x00p\x00f\x00e\x00l\x00\n\x00' >"$tmp/in/utf16.txt"
: >"$tmp/in/empty.de.txt"
printf '  \n\t\r\n\n' >"$tmp/in/blank.de.txt"
printf 'x' >"$tmp/emptydir/sub/notes.md"
good="$EXAMPLES/hanoi-convention.de.txt"

# ---- version and help -----------------------------------------------------------------------
run --version
check "--version exits 0" test "$rc" -eq 0
check "--version prints the version, got '$(cat "$out")'" test "$(cat "$out")" = "reportkg 0.1.0"
run --help
check "--help exits 0" test "$rc" -eq 0
check "--help lists the exit codes" grep -q "^Exit codes:" "$out"
for code in 0 1 2 3; do
  check "--help documents exit code $code" grep -qE "^  $code  " "$out"
done
run convert --help
check "convert --help exits 0 and lists the exit codes" grep -q "^Exit codes:" "$out"

# ---- bad reports: exit 2, one line, no output ------------------------------------------------
expect_failure "missing file" 2 "$tmp/in/missing.txt: " convert -q "$tmp/in/missing.txt" -o "$tmp/out.ttl"
expect_failure "directory without .txt files" 2 "$tmp/emptydir: " convert -q "$tmp/emptydir" -o "$tmp/out.ttl"
expect_failure "invalid UTF-8" 2 "$tmp/in/latin1.de.txt:2:26: invalid UTF-8 (byte 0xE4) at byte offset 41" \
  convert -q "$tmp/in/latin1.de.txt" -o "$tmp/out.ttl"
expect_failure "binary file with NUL bytes" 2 "$tmp/in/binary.txt:3:1: NUL byte" \
  convert -q "$tmp/in/binary.txt" -o "$tmp/out.ttl"
expect_failure "UTF-16 file" 2 "$tmp/in/utf16.txt: UTF-16 is not supported" \
  convert -q "$tmp/in/utf16.txt" -o "$tmp/out.ttl"
expect_failure "a device as report" 2 "/dev/null: " convert -q /dev/null -o "$tmp/out.ttl"
expect_failure "bad report to stdout" 2 "$tmp/in/missing.txt: " convert -q "$tmp/in/missing.txt"

# ---- usage errors: exit 1 -------------------------------------------------------------------
rm -f "$tmp/out.ttl"
for args in "convert" "" "convert --format rdfxml $good" "convert --provenance some $good" \
  "convert --lang xx $good" "convert --base not-an-iri $good" "convert --bogus $good" \
  "convert -o $tmp/out.ttl --out-dir $tmp/od $good" "frobnicate"; do
  # shellcheck disable=SC2086
  run $args
  check "usage error '$args' exits 1 (got $rc)" test "$rc" -eq 1
  check "usage error '$args' writes nothing to stdout" test ! -s "$out"
  check "usage error '$args' explains on stderr" test -s "$err"
done
check "usage errors create no output" test ! -e "$tmp/out.ttl"
run convert --base "$(printf 'https://example.org/a\177/')" "$good"
check "a base IRI with a control character (DEL) is a usage error (got $rc)" test "$rc" -eq 1
check "a base IRI with a control character says why: $(cat "$err")" grep -q "control characters" "$err"

# ---- output errors: exit 3, one line, nothing partial ---------------------------------------
expect_failure "output into a missing directory" 3 "/nonexistent/x.ttl: " convert -q "$good" -o /nonexistent/x.ttl
expect_failure "output to /dev/full" 3 "/dev/full: " convert -q "$good" -o /dev/full
"$REPORTKG" convert -q "$good" >/dev/full 2>"$err"
rc=$?
check "stdout on /dev/full exits 3 (got $rc)" test "$rc" -eq 3
check "stdout on /dev/full gives one line: $(cat "$err")" test "$(lines "$err")" -eq 1
mkdir -p "$tmp/ro"
if [[ "$(id -u)" != 0 ]]; then
  chmod 555 "$tmp/ro"
  expect_failure "output into a read-only directory" 3 "$tmp/ro/x.ttl: " convert -q "$good" -o "$tmp/ro/x.ttl"
  check "read-only directory stays empty" test -z "$(ls -A "$tmp/ro")"
  chmod 755 "$tmp/ro"
fi
touch "$tmp/not-a-dir"
run convert -q "$good" --out-dir "$tmp/not-a-dir"
check "--out-dir on a file exits 3 (got $rc)" test "$rc" -eq 3

# ---- good reports ---------------------------------------------------------------------------
run convert "$tmp/in/empty.de.txt" -o "$tmp/empty.ttl"
check "empty report exits 0 (got $rc: $(cat "$err"))" test "$rc" -eq 0
check "empty report gives valid Turtle: $(cat "$tmp/serdi.err" 2>/dev/null)" parses turtle "$tmp/empty.ttl"
check "empty report has its report node" grep -q "report:Empty" "$tmp/empty.ttl"
check "empty report prints its summary line" grep -q "^empty: .* triples$" "$err"

run convert -q "$tmp/in/blank.de.txt"
check "white-space-only report exits 0" test "$rc" -eq 0
check "white-space-only report gives valid Turtle" parses turtle "$out"
check "--quiet prints nothing on stderr" test ! -s "$err"

printf 'Gipfel in Hanoi\nDer Gipfel begann am 3. März 2025.\n' | "$REPORTKG" convert - >"$out" 2>"$err"
rc=$?
check "stdin '-' exits 0" test "$rc" -eq 0
check "stdin '-' gives valid Turtle" parses turtle "$out"
check "stdin report is named 'stdin'" grep -q "report:Stdin" "$out"
check "stdin summary line" grep -q "^stdin: " "$err"
check "stdin report has its date" grep -q '"2025-03-03"^^xsd:date' "$out"
check "stdin report has its headline" grep -q '"Gipfel in Hanoi"@de' "$out"

for format in turtle ntriples trig nquads; do
  run convert -q --format "$format" "$EXAMPLES"/*.txt
  check "--format $format exits 0" test "$rc" -eq 0
  check "--format $format parses with serdi: $(cat "$tmp/serdi.err" 2>/dev/null)" parses "$format" "$out"
done
run convert -q --format ntriples "$good"
check "N-Triples have no prefixes" bash -c '! grep -q "^@prefix" "$1"' _ "$out"
check "N-Triples keep UTF-8 unescaped" grep -q "Übereinkommen" "$out"

run convert -q "$EXAMPLES"/*.txt -o "$tmp/a.ttl"
run convert -q "$EXAMPLES"/*.txt -o "$tmp/b.ttl"
check "two runs are byte-identical" cmp -s "$tmp/a.ttl" "$tmp/b.ttl"
run convert -q "$EXAMPLES" -o "$tmp/c.ttl"
check "a directory converts its .txt files like listing them" cmp -s "$tmp/a.ttl" "$tmp/c.ttl"
check "output files are not executable and not private" test "$(stat -c %a "$tmp/a.ttl")" = \
  "$(printf '%o' $((0666 & ~$(umask))))"
run convert -q "$EXAMPLES" -o -
check "-o - writes to standard output" cmp -s "$tmp/a.ttl" "$out"

# ---- a batch with one bad report ------------------------------------------------------------
cp "$good" "$tmp/in/good.de.txt"
printf 'Zweiter Bericht\nBerlin, 2025-06-25 – Es begann.\n' >"$tmp/in/second.de.txt"
run convert "$tmp/in/good.de.txt" "$tmp/in/latin1.de.txt" "$tmp/in/second.de.txt" -o "$tmp/batch.ttl"
check "batch with a bad report exits 2 (got $rc)" test "$rc" -eq 2
check "batch output is written and valid" parses turtle "$tmp/batch.ttl"
check "batch output has the first good report" grep -q "report:Good" "$tmp/batch.ttl"
check "batch output has the second good report" grep -q "report:Second" "$tmp/batch.ttl"
check "batch names the bad report on one line" test "$(grep -c "latin1.de.txt" "$err")" -eq 1
check "batch prints two summary lines" test "$(grep -c ' triples$' "$err")" -eq 2

# TriG and N-Quads keep each report in its own graph: -o writes them report by report, in the
# order of their names whatever the order given (the document a merge of all reports would give),
# into one document that parses, with the prefixes declared once.
run convert -q --format trig "$tmp/in/second.de.txt" "$tmp/in/latin1.de.txt" "$good" -o "$tmp/s.trig"
check "-o TriG with a bad report exits 2 (got $rc)" test "$rc" -eq 2
check "-o TriG parses: $(cat "$tmp/serdi.err" 2>/dev/null)" parses trig "$tmp/s.trig"
check "-o TriG has the reports in the order of their names: $(grep '{$' "$tmp/s.trig" | tr '\n' ' ')" \
  test "$(grep '{$' "$tmp/s.trig" | tr '\n' ' ')" = "report:HanoiConvention { report:Second { "
check "-o TriG declares each prefix once" test "$(grep -c '^@prefix report: ' "$tmp/s.trig")" -eq 1
run convert -q --format trig "$tmp/in/second.de.txt" "$tmp/in/latin1.de.txt" "$good"
check "TriG on standard output is the document -o writes" cmp -s "$out" "$tmp/s.trig"
run convert -q --format trig "$good" -o "$tmp/one.trig"
"$REPORTKG" convert -q --format trig "$good" --out-dir "$tmp/one"
check "-o TriG of one report is its file of --out-dir" \
  cmp -s "$tmp/one.trig" "$tmp/one/hanoi-convention.trig"
run convert -q --format nquads "$tmp/in/second.de.txt" "$good" -o "$tmp/s.nq"
check "-o N-Quads parses" parses nquads "$tmp/s.nq"
check "-o N-Quads is the reports' N-Quads one after the other" cmp -s "$tmp/s.nq" \
  <(for f in "$good" "$tmp/in/second.de.txt"; do "$REPORTKG" convert -q --format nquads "$f"; done)

echo "old" >"$tmp/keep.ttl"
run convert -q "$tmp/in/missing.txt" -o "$tmp/keep.ttl"
check "a failed run leaves an existing output file alone" test "$(cat "$tmp/keep.ttl")" = "old"

# ---- --out-dir ------------------------------------------------------------------------------
run convert -q "$tmp/in/good.de.txt" "$tmp/in/second.de.txt" "$tmp/in/binary.txt" --out-dir "$tmp/od/new"
check "--out-dir with a bad report exits 2 (got $rc)" test "$rc" -eq 2
check "--out-dir writes one file per good report" \
  test "$(ls "$tmp/od/new")" = "$(printf 'good.ttl\nsecond.ttl')"
check "--out-dir files parse" parses turtle "$tmp/od/new/second.ttl"
run convert -q --format nquads "$tmp/in/second.de.txt" --out-dir "$tmp/od/new"
check "--out-dir uses the format's extension" test -s "$tmp/od/new/second.nq"
check "--out-dir N-Quads parse" parses nquads "$tmp/od/new/second.nq"

# ---- duplicates and leftovers ---------------------------------------------------------------
run convert -q "$tmp/in/second.de.txt" "$tmp/in/second.de.txt" -o "$tmp/dup.ttl"
check "the same report twice exits 2" test "$rc" -eq 2
check "the same report twice is written once" test "$(grep -c "^report:Second" "$tmp/dup.ttl")" -eq 1
check "no temporary files are left behind" \
  test -z "$(find "$tmp" -name '.*.tmp-*' -print -quit)"

# ---- the allocator --------------------------------------------------------------------------
# Linked with mimalloc, the program has it take its memory in 2 MiB pages (src/cli/allocator.cpp),
# unless MIMALLOC_LARGE_OS_PAGES says otherwise. mimalloc names its options when verbose.
# (grep without -q: stopping at the match could cut ldd off and fail the pipeline under pipefail,
# which would skip these checks.)
if ldd "$REPORTKG" | grep libmimalloc >/dev/null; then
  MIMALLOC_VERBOSE=1 "$REPORTKG" --version >/dev/null 2>"$err"
  check "mimalloc is told to use large pages: $(grep large_os_pages "$err")" \
    grep -q "option 'large_os_pages': 1" "$err"
  MIMALLOC_VERBOSE=1 MIMALLOC_LARGE_OS_PAGES=0 "$REPORTKG" --version >/dev/null 2>"$err"
  check "MIMALLOC_LARGE_OS_PAGES=0 still decides: $(grep large_os_pages "$err")" \
    grep -q "option 'large_os_pages': 0" "$err"
fi

echo "$passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
