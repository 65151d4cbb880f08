#!/usr/bin/env bash
# Batch conversion on several threads (convert --jobs N): the output and the messages are
# byte-identical to those of one thread, for a directory of many reports, in every format and with
# --out-dir; progress goes to standard error only when it is a terminal.
# Run by ctest with REPORTKG set to the binary, or: REPORTKG=build/reportkg bash THIS_FILE
set -uo pipefail

: "${REPORTKG:?REPORTKG must point to the reportkg binary}"
SRC="${REPORTKG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/reportkg-jobs-test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
check() {  # check DESCRIPTION COMMAND...: passes when the command succeeds
  local what="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $what"
  fi
}

# 300 reports of different sizes in nested folders, a report that is not UTF-8 and two reports
# with the same id (the second is refused, whichever thread finishes first).
/usr/bin/python3 "$SRC/bench/make_corpus.py" "$tmp/reports" --reports 300 --mb 1.5 --root "$SRC"
printf 'Gipfel\nDer Gipfel begann am 3. M\xe4rz.\n' >"$tmp/reports/00000/report-0000100-bad.de.txt"
mkdir -p "$tmp/reports/zz"
cp "$tmp/reports/00000/report-0000007.de.txt" "$tmp/reports/zz/report-0000007.txt"

for format in turtle ntriples trig nquads; do
  for jobs in 1 4; do
    timeout 300 "$REPORTKG" convert --jobs "$jobs" --format "$format" "$tmp/reports" \
      -o "$tmp/$format-$jobs.out" 2>"$tmp/$format-$jobs.err" </dev/null
    echo $? >"$tmp/$format-$jobs.rc"
  done
  check "$format: --jobs 1 exits 2 for the bad report (got $(cat "$tmp/$format-1.rc"))" \
    test "$(cat "$tmp/$format-1.rc")" -eq 2
  check "$format: --jobs 4 exits as --jobs 1" cmp -s "$tmp/$format-1.rc" "$tmp/$format-4.rc"
  check "$format: --jobs 1 and --jobs 4 write byte-identical output" \
    cmp -s "$tmp/$format-1.out" "$tmp/$format-4.out"
  check "$format: --jobs 1 and --jobs 4 print the same messages in the same order" \
    cmp -s "$tmp/$format-1.err" "$tmp/$format-4.err"
done
check "one summary line per good report: $(grep -c ' triples$' "$tmp/turtle-1.err")" \
  test "$(grep -c ' triples$' "$tmp/turtle-1.err")" -eq 300
check "the bad report is reported" grep -q "report-0000100-bad.de.txt:2:.*invalid UTF-8" "$tmp/turtle-1.err"
check "the duplicate id is reported for the later file" \
  grep -q "^$tmp/reports/zz/report-0000007.txt: report id 'report-0000007' is also the id of" \
  "$tmp/turtle-1.err"
check "the output is valid Turtle" serdi -i turtle -o ntriples "$tmp/turtle-1.out" >/dev/null

for jobs in 1 4; do
  timeout 300 "$REPORTKG" convert -q --jobs "$jobs" "$tmp/reports" --out-dir "$tmp/dir-$jobs" \
    2>"$tmp/dir-$jobs.err" </dev/null
  echo $? >"$tmp/dir-$jobs.rc"
done
check "--out-dir: 300 files" test "$(find "$tmp/dir-1" -name '*.ttl' | wc -l)" -eq 300
check "--out-dir: --jobs 1 and --jobs 4 exit alike" cmp -s "$tmp/dir-1.rc" "$tmp/dir-4.rc"
check "--out-dir: --jobs 1 and --jobs 4 write the same files" diff -r "$tmp/dir-1" "$tmp/dir-4"
check "--out-dir: the same messages" cmp -s "$tmp/dir-1.err" "$tmp/dir-4.err"
check "--out-dir -q: only the two problems on stderr: $(wc -l <"$tmp/dir-4.err")" \
  test "$(wc -l <"$tmp/dir-4.err")" -eq 2

# Files that cannot be written (a directory has taken each name) are reported at the same places
# among the summary lines, whichever thread tried to write them, and the others are written.
for jobs in 1 4; do
  for id in 0000050 0000051 0000210; do mkdir -p "$tmp/taken-$jobs/report-$id.ttl/inside"; done
  timeout 300 "$REPORTKG" convert --jobs "$jobs" "$tmp/reports" --out-dir "$tmp/taken-$jobs" \
    2>"$tmp/taken-$jobs.err" </dev/null
  echo $? >"$tmp/taken-$jobs.rc"
done
check "names taken: exit 3, the code of output errors (got $(cat "$tmp/taken-1.rc"))" \
  test "$(cat "$tmp/taken-1.rc")" -eq 3
check "names taken: --jobs 4 exits as --jobs 1" cmp -s "$tmp/taken-1.rc" "$tmp/taken-4.rc"
check "names taken: --jobs 1 and --jobs 4 print the same messages in the same order" \
  cmp -s <(sed "s|$tmp/taken-1/||" "$tmp/taken-1.err") <(sed "s|$tmp/taken-4/||" "$tmp/taken-4.err")
taken="$(grep 'is a directory$' "$tmp/taken-1.err" | sed "s|^$tmp/taken-1/||" | tr '\n' ' ')"
check "names taken: each is reported: $taken" test "$taken" = \
  "report-0000050.ttl: is a directory report-0000051.ttl: is a directory report-0000210.ttl: is a directory "
check "names taken: the other 297 files are written" \
  test "$(find "$tmp/taken-4" -name '*.ttl' -type f | wc -l)" -eq 297

# The default (one thread per core) gives the same output too.
"$REPORTKG" convert -q "$tmp/reports" -o "$tmp/default.ttl" 2>/dev/null </dev/null
check "the default number of jobs writes the same output" cmp -s "$tmp/turtle-1.out" "$tmp/default.ttl"

# Bad --jobs values are usage errors.
for value in 0 -1 x 1025; do
  "$REPORTKG" convert --jobs "$value" "$tmp/reports" -o "$tmp/bad-jobs.ttl" >/dev/null 2>&1 </dev/null
  rc=$?
  check "--jobs $value is a usage error (exit $rc)" test "$rc" -eq 1
done
check "a usage error writes nothing" test ! -e "$tmp/bad-jobs.ttl"

# Progress: with stderr on a terminal (a pseudo-terminal from script(1)) a line updated in place;
# otherwise nothing (the runs above with -q printed only the problems).
if command -v script >/dev/null; then
  script -qec "'$REPORTKG' convert -q --jobs 2 '$tmp/reports' --out-dir '$tmp/dir-tty' 2>&1 >/dev/null" \
    /dev/null </dev/null >"$tmp/tty.out" 2>&1
  check "progress on a terminal: done/total, MB and MB/s: $(tail -c 200 "$tmp/tty.out" | tr '\r\033' '~^')" \
    grep -qE 'reportkg: 302/302 reports, [0-9.]+/[0-9.]+ MB, [0-9.]+ MB/s' "$tmp/tty.out"
  check "progress on a terminal is updated in place (carriage returns)" grep -q $'\r' "$tmp/tty.out"
  check "progress on a terminal does not hide the problems" grep -q "invalid UTF-8" "$tmp/tty.out"
else
  echo "  skipped: progress on a terminal (script(1) from util-linux is missing)"
fi

echo "$passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
