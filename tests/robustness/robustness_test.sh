#!/usr/bin/env bash
# Robustness end to end: every bad or extreme input gives the documented behaviour (README, "Exit
# codes"): a clear one-line error and its exit code, or correct output; never a crash, a hang or a
# partial file. Every run is under `timeout` (60 s; 4× that in a sanitizer build, which is that much
# slower): a run that takes longer fails and is reported with its time, never skipped.
#
# The large report is 100 MB, as the issue's list of bad inputs has it; 20 MB in a sanitizer build,
# where it would take minutes and gigabytes more. REPORTKG_LARGE_TESTS=1 makes it 100 MB there too,
# REPORTKG_LARGE_TESTS=0 20 MB everywhere (a quicker run).
# Run by ctest with REPORTKG set to the binary, or: REPORTKG=build/reportkg bash THIS_FILE
set -uo pipefail

: "${REPORTKG:?REPORTKG must point to the reportkg binary}"
SRC="${REPORTKG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
good="$SRC/examples/hanoi-convention.de.txt"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/reportkg-robustness-test.XXXXXX")"
cleanup() {
  chmod -R u+rwX "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

scale=1
if [[ -n "${REPORTKG_BUILD_DIR:-}" ]] &&
  grep -q '^REPORTKG_SANITIZE:BOOL=ON' "$REPORTKG_BUILD_DIR/CMakeCache.txt" 2>/dev/null; then
  scale=4
fi
limit=$((60 * scale))
large_mb=$((scale == 1 ? 100 : 20))
case "${REPORTKG_LARGE_TESTS:-}" in
  1) large_mb=100 ;;
  0) large_mb=20 ;;
esac

source "$(dirname "${BASH_SOURCE[0]}")/../support/checks.sh"
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# run NAME ARGS...: runs reportkg under timeout with stdin from /dev/null; sets rc and secs, stdout
# in $out, stderr in $err. A time-out or a crash (a signal) is a failure of its own.
out="$tmp/stdout"
err="$tmp/stderr"
run_cmd() {  # run_cmd INPUT NAME COMMAND...: any command, with stdin from INPUT
  local input="$1" name="$2"
  shift 2
  local start
  start="$(now)"
  timeout -k 5 "$limit" "$@" <"$input" >"$out" 2>"$err"
  rc=$?
  secs="$(since "$start")"
  echo "  $name: exit $rc in $secs s"
  if ((rc == 124 || rc == 137)); then
    fail "$name: no result after $limit s (a hang, or too slow); stderr: $(head -c 300 "$err")"
  elif ((rc > 4)); then
    fail "$name: crashed with exit $rc; stderr: $(tail -c 600 "$err")"
  else
    pass
  fi
}
run_as=()  # a command that runs reportkg as another user, for `run` (see as_other_user below)
run() {  # run NAME ARGS...
  local name="$1"
  shift
  run_cmd /dev/null "$name" "${run_as[@]}" "$REPORTKG" "$@"
}
run_in() {  # run_in INPUT NAME ARGS...: with stdin from INPUT
  local input="$1" name="$2"
  shift 2
  run_cmd "$input" "$name" "$REPORTKG" "$@"
}

no_leftovers() {  # no_leftovers DIR: no temporary files of the writer in DIR
  test -z "$(find "$1" -name '.*.tmp-*' -print -quit 2>/dev/null)"
}
parses() {  # parses SYNTAX FILE: serdi reads the file without error
  serdi -i "$1" -o ntriples "$2" >/dev/null 2>"$tmp/serdi.err"
}

# expect_error NAME CODE PREFIX TEXT ARGS...: exit CODE, one line on stderr starting with PREFIX and
# containing TEXT, nothing on stdout, no output file ($tmp/out.ttl) and no temporary file.
expect_error() {
  local name="$1" code="$2" prefix="$3" text="$4"
  shift 4
  rm -f "$tmp/out.ttl"
  run "$name" "$@"
  check "$name: exit code $rc, expected $code" test "$rc" -eq "$code"
  check "$name: one line on stderr, got $(lines "$err"): $(head -c 300 "$err")" \
    test "$(lines "$err")" -eq 1
  check "$name: stderr starts with '$prefix' and names '$text': $(head -c 300 "$err")" \
    bash -c '[[ "$(cat "$1")" == "$2"*"$3"* ]]' _ "$err" "$prefix" "$text"
  check "$name: nothing on stdout" test ! -s "$out"
  check "$name: no output file" test ! -e "$tmp/out.ttl"
  check "$name: no temporary file left" no_leftovers "$tmp"
}

# expect_ok NAME ARGS...: exit 0, valid Turtle in $tmp/out.ttl (ARGS must write there), no
# temporary file.
expect_ok() {
  local name="$1"
  shift
  rm -f "$tmp/out.ttl"
  run "$name" "$@"
  check "$name: exit code $rc, expected 0; stderr: $(head -c 300 "$err")" test "$rc" -eq 0
  check "$name: output parses with serdi: $(head -c 300 "$tmp/serdi.err" 2>/dev/null)" \
    parses turtle "$tmp/out.ttl"
  check "$name: no temporary file left" no_leftovers "$tmp"
}

command -v serdi >/dev/null || fail "serdi is not installed (scripts/setup.sh installs it)"
command -v timeout >/dev/null || fail "timeout (coreutils) is missing"
echo "time limit per run: $limit s"

mkdir -p "$tmp/in"
in="$tmp/in"

# ---- encodings ------------------------------------------------------------------------------
printf 'Gipfel in Hanoi\nDer Gipfel begann am 3. M\xe4rz 2025.\n' >"$in/latin1.de.txt"
expect_error "invalid UTF-8 (Latin-1)" 2 "$in/latin1.de.txt:2:26: " \
  "invalid UTF-8 (byte 0xE4) at byte offset 41" convert -q "$in/latin1.de.txt" -o "$tmp/out.ttl"
printf 'Gipfel in Hanoi\nDer Gipfel in M\xc3' >"$in/truncated.de.txt"
expect_error "invalid UTF-8 (sequence cut off at the end)" 2 "$in/truncated.de.txt:2:16: " \
  "at byte offset 31" convert -q "$in/truncated.de.txt" -o "$tmp/out.ttl"
printf 'Gipfel \xc0\xaf in Hanoi\n' >"$in/overlong.de.txt"
expect_error "invalid UTF-8 (overlong form)" 2 "$in/overlong.de.txt:1:8: " "at byte offset 7" \
  convert -q "$in/overlong.de.txt" -o "$tmp/out.ttl"
printf 'Gipfel \xed\xa0\x80 in Hanoi\n' >"$in/surrogate.de.txt"
expect_error "invalid UTF-8 (encoded surrogate)" 2 "$in/surrogate.de.txt:1:8: " "at byte offset 7" \
  convert -q "$in/surrogate.de.txt" -o "$tmp/out.ttl"
printf '\xef\xbb\xbfGipfel\n\xff\n' >"$in/bom-then-bad.de.txt"
expect_error "invalid UTF-8 after a BOM (offset counts the BOM)" 2 "$in/bom-then-bad.de.txt:2:1: " \
  "invalid UTF-8 (byte 0xFF) at byte offset 10" convert -q "$in/bom-then-bad.de.txt" -o "$tmp/out.ttl"
{
  for _ in $(seq 600); do cat "$good"; done
  printf 'Ende \x80\n'
} >"$in/late-bad.de.txt"
late_offset=$(($(stat -c %s "$in/late-bad.de.txt") - 2))
expect_error "invalid UTF-8 after 4 MB" 2 "$in/late-bad.de.txt:" "at byte offset $late_offset" \
  convert -q "$in/late-bad.de.txt" -o "$tmp/out.ttl"
printf 'Gipfel\nEin Satz.\n\x00\x01\x02binary' >"$in/nul.de.txt"
expect_error "NUL bytes" 2 "$in/nul.de.txt:3:1: " "NUL byte" \
  convert -q "$in/nul.de.txt" -o "$tmp/out.ttl"
printf '\xff\xfeG\x00i\x00p\x00f\x00e\x00l\x00\n\x00' >"$in/utf16le-bom.de.txt"
expect_error "UTF-16 LE with BOM" 2 "$in/utf16le-bom.de.txt: " "UTF-16" \
  convert -q "$in/utf16le-bom.de.txt" -o "$tmp/out.ttl"
printf '\xfe\xff\x00G\x00i\x00p\x00f\x00e\x00l\x00\n' >"$in/utf16be-bom.de.txt"
expect_error "UTF-16 BE with BOM" 2 "$in/utf16be-bom.de.txt: " "UTF-16" \
  convert -q "$in/utf16be-bom.de.txt" -o "$tmp/out.ttl"
printf 'G\x00i\x00p\x00f\x00e\x00l\x00 \x00i\x00n\x00 \x00W\x00i\x00e\x00n\x00\n\x00' \
  >"$in/utf16le.de.txt"
expect_error "UTF-16 LE without BOM" 2 "$in/utf16le.de.txt: " "UTF-16" \
  convert -q "$in/utf16le.de.txt" -o "$tmp/out.ttl"
printf 'Gipfel\n\xff\n' >"$in/stdin-bad"
run_in "$in/stdin-bad" "invalid UTF-8 on standard input" convert -q -
check "invalid UTF-8 on stdin exits 2 (got $rc)" test "$rc" -eq 2
check "invalid UTF-8 on stdin is named <stdin>: $(cat "$err")" grep -q '^<stdin>:2:1: invalid UTF-8' "$err"

# ---- line ends, BOM, empty --------------------------------------------------------------------
mkdir -p "$tmp/lf" "$tmp/crlf" "$tmp/cr" "$tmp/bom"
cp "$good" "$tmp/lf/report.de.txt"
sed 's/$/\r/' "$good" >"$tmp/crlf/report.de.txt"
tr '\n' '\r' <"$good" >"$tmp/cr/report.de.txt"
{
  printf '\xef\xbb\xbf'
  cat "$good"
} >"$tmp/bom/report.de.txt"
for kind in lf crlf cr bom; do
  expect_ok "$kind report" convert -q "$tmp/$kind/report.de.txt" -o "$tmp/out.ttl"
  cp "$tmp/out.ttl" "$tmp/$kind.ttl"
  run "$kind report, --provenance none" convert -q --provenance none "$tmp/$kind/report.de.txt"
  cp "$out" "$tmp/$kind.none.ttl"
done
check "a BOM changes nothing in the output" cmp -s "$tmp/lf.ttl" "$tmp/bom.ttl"
check "CRLF line ends find the same entities and facts as LF" \
  cmp -s "$tmp/lf.none.ttl" "$tmp/crlf.none.ttl"
check "lone CR line ends find the same entities and facts as LF" \
  cmp -s "$tmp/lf.none.ttl" "$tmp/cr.none.ttl"
check "CRLF line ends are kept in the report text" grep -q $'\r$' "$tmp/crlf.ttl"

: >"$in/empty.de.txt"
expect_ok "empty file" convert "$in/empty.de.txt" -o "$tmp/out.ttl"
check "empty file gives its report node" grep -q "report:Empty" "$tmp/out.ttl"
check "empty file: summary says no entities: $(cat "$err")" grep -q "^empty: no entities" "$err"
printf '  \n\t\r\n\n \xc2\xa0 \n\r\r\n   ' >"$in/blank.de.txt"
expect_ok "whitespace only" convert "$in/blank.de.txt" -o "$tmp/out.ttl"
check "whitespace only: summary says no entities: $(cat "$err")" grep -q "^blank: no entities" "$err"
printf '\xef\xbb\xbf' >"$in/bom-only.de.txt"
expect_ok "a BOM only" convert -q "$in/bom-only.de.txt" -o "$tmp/out.ttl"

# ---- extreme shapes ---------------------------------------------------------------------------
line="$(tr '\n' ' ' <"$good")"
yes -- "$line" | head -c 10485760 | tr '\n' ' ' >"$in/one-line.de.txt"
expect_ok "a single 10 MB line" convert -q "$in/one-line.de.txt" -o "$tmp/out.ttl"
{
  printf 'Ein langes Wort\nDer Minister sagte: '
  head -c 1048576 /dev/zero | tr '\0' 'a'
  printf '. Danach sprach Minister Hans Weber.\n'
} >"$in/word.de.txt"
expect_ok "a 1 MB word" convert -q "$in/word.de.txt" -o "$tmp/out.ttl"
{
  printf 'Ein langes Kompositum\nDas '
  yes -- 'Außenministeriums' | head -n 60000 | tr -d '\n'
  printf 'gebäude liegt in Berlin.\n'
} >"$in/compound.de.txt"
expect_ok "a 1 MB compound word" convert -q "$in/compound.de.txt" -o "$tmp/out.ttl"
{
  printf 'Zitate ohne Ende\n'
  for i in $(seq 3000); do printf '„Wort %d sagte Minister Weber. ' "$i"; done
  printf '\n'
  for i in $(seq 3000); do printf 'Er sagte “ und %d. ' "$i"; done
  printf '\n'
  for i in $(seq 3000); do printf '"Satz %d, sagte Weber. ' "$i"; done
  printf '\n'
  yes -- '»' | head -n 5000 | tr -d '\n'
  printf '\n'
} >"$in/quotes.de.txt"
expect_ok "thousands of unpaired quote marks" convert -q "$in/quotes.de.txt" -o "$tmp/out.ttl"
{
  printf 'Viele Titel\nDer '
  yes -- 'Minister' | head -n 50000 | tr '\n' ' '
  printf 'Hans Weber sagte, der Gipfel sei erfolgreich.\n'
  yes -- 'Präsident Dr. General Außenministerin' | head -n 20000 | tr '\n' ' '
  printf 'Anna Berg traf den '
  yes -- 'Generalsekretär des' | head -n 20000 | tr '\n' ' '
  printf 'Vereinten Nationen.\n'
} >"$in/titles.de.txt"
expect_ok "deeply repeated titles" convert -q "$in/titles.de.txt" -o "$tmp/out.ttl"
{
  printf 'Viele Sätze\n'
  yes -- 'Ja.' | head -n 200000 | tr '\n' ' '
  printf '\n'
  yes -- '' | head -n 200000
} >"$in/many-sentences.de.txt"
expect_ok "200 000 one-word sentences and 200 000 empty lines" \
  convert -q "$in/many-sentences.de.txt" -o "$tmp/out.ttl"

# ---- things that are not report files ---------------------------------------------------------
mkdir -p "$tmp/dir/sub" "$tmp/nodir/sub"
cp "$good" "$tmp/dir/sub/a.de.txt"
printf 'Zweiter Bericht\nBerlin, 2025-06-25 – Es begann.\n' >"$tmp/dir/b.de.txt"
printf 'x' >"$tmp/nodir/sub/notes.md"
expect_ok "a directory of reports" convert -q "$tmp/dir" -o "$tmp/out.ttl"
check "a directory converts all its reports" \
  bash -c 'grep -qx "report:A" "$1" && grep -qx "report:B" "$1"' _ "$tmp/out.ttl"
expect_error "a directory without reports" 2 "$tmp/nodir: " "no .txt" \
  convert -q "$tmp/nodir" -o "$tmp/out.ttl"
expect_error "/dev/null as report" 2 "/dev/null: " "not a file" convert -q /dev/null -o "$tmp/out.ttl"
mkfifo "$tmp/fifo.txt"
expect_error "a fifo as report" 2 "$tmp/fifo.txt: " "named pipe" \
  convert -q "$tmp/fifo.txt" -o "$tmp/out.ttl"
ln -s "$tmp/missing.txt" "$tmp/dangling.txt"
expect_error "a dangling symbolic link" 2 "$tmp/dangling.txt: " "no such file" \
  convert -q "$tmp/dangling.txt" -o "$tmp/out.ttl"
# Root reads, lists and writes anything: the tests of what cannot be then run as another user,
# who may pass through the test's directories; without setpriv they are skipped.
as_other=()
no_other_user=""
as_other_user() {  # as_other_user COMMAND...: a test whose `run` runs reportkg as that user
  run_as=("${as_other[@]}")
  "$@"
  run_as=()
}
if [[ "$(id -u)" == 0 ]]; then
  if command -v setpriv >/dev/null; then
    as_other=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    chmod 755 "$tmp" "$in"
  else
    no_other_user="running as root, without setpriv"
  fi
fi
cp "$good" "$in/unreadable.de.txt"
chmod 000 "$in/unreadable.de.txt"
if [[ -n "$no_other_user" ]]; then
  echo "  skipped: an unreadable report ($no_other_user)"
else
  as_other_user expect_error "an unreadable report" 2 "$in/unreadable.de.txt: " \
    "ermission denied" convert -q "$in/unreadable.de.txt" -o "$tmp/out.ttl"
fi
chmod 644 "$in/unreadable.de.txt"

# ---- output that cannot be written --------------------------------------------------------------
expect_error "-o /dev/full" 3 "/dev/full: " "No space left" convert -q "$good" -o /dev/full
"$REPORTKG" convert -q "$good" >/dev/full 2>"$err"
rc=$?
check "standard output on /dev/full exits 3 (got $rc)" test "$rc" -eq 3
check "standard output on /dev/full: one line: $(cat "$err")" test "$(lines "$err")" -eq 1
# /proc takes no new files, not even from root.
expect_error "-o into a directory that takes no files" 3 "/proc/reportkg-test.ttl: " "" \
  convert -q "$good" -o /proc/reportkg-test.ttl
# A streamed document (-o with TriG) that cannot be created ends the run at the first report.
run "-o TriG into a directory that takes no files" convert -q --format trig "$good" "$tmp/dir" \
  -o /proc/reportkg-test.trig
check "-o TriG that cannot be created exits 3 (got $rc)" test "$rc" -eq 3
check "-o TriG that cannot be created: one line: $(cat "$err")" test "$(lines "$err")" -eq 1
run "--out-dir that takes no files" convert -q "$good" "$tmp/dir" --out-dir /proc
check "--out-dir that takes no files exits 3 (got $rc)" test "$rc" -eq 3
check "--out-dir that takes no files: one line per report, got $(lines "$err")" \
  test "$(lines "$err")" -eq 3
run "--out-dir that cannot be created" convert -q "$good" --out-dir /proc/reportkg-test
check "--out-dir that cannot be created exits 3 (got $rc)" test "$rc" -eq 3
check "--out-dir that cannot be created: one line: $(cat "$err")" test "$(lines "$err")" -eq 1
mkdir -p "$tmp/ro"
chmod 555 "$tmp/ro"
if [[ -n "$no_other_user" ]]; then
  echo "  skipped: a read-only output directory ($no_other_user)"
else
  as_other_user expect_error "-o into a read-only directory" 3 "$tmp/ro/x.ttl: " \
    "ermission denied" convert -q "$good" -o "$tmp/ro/x.ttl"
  as_other_user run "--out-dir read-only" convert -q "$good" --out-dir "$tmp/ro"
  check "--out-dir read-only exits 3 (got $rc)" test "$rc" -eq 3
  check "read-only directory stays empty" test -z "$(ls -A "$tmp/ro")"
fi
chmod 755 "$tmp/ro"
echo "old" >"$tmp/keep.ttl"
run "a failed run with an existing output file" convert -q "$in/latin1.de.txt" -o "$tmp/keep.ttl"
check "a failed run leaves the existing output file as it was" test "$(cat "$tmp/keep.ttl")" = old

# ---- batches with bad reports -------------------------------------------------------------------
mkdir -p "$tmp/batch"
cp "$good" "$tmp/batch/first.de.txt"
printf 'Zweiter Bericht\nBerlin, 2025-06-25 – Minister Hans Weber sagte, es begann.\n' \
  >"$tmp/batch/second.de.txt"
cp "$SRC"/tests/golden/inputs/*.txt "$tmp/batch/"
batch=("$tmp/batch/first.de.txt" "$in/latin1.de.txt" "$tmp/batch/second.de.txt" /dev/null
  "$in/missing.de.txt" "$tmp/nodir" "$in/nul.de.txt" "$tmp/batch")
for jobs in 1 3; do
  rm -f "$tmp/out.ttl"
  run "batch with bad reports, --jobs $jobs" convert --jobs "$jobs" "${batch[@]}" -o "$tmp/out.ttl"
  cp "$err" "$tmp/batch-$jobs.err"
  cp "$tmp/out.ttl" "$tmp/batch-$jobs.ttl" 2>/dev/null
  check "batch --jobs $jobs exits 2 (got $rc)" test "$rc" -eq 2
  check "batch --jobs $jobs: output parses" parses turtle "$tmp/out.ttl"
  check "batch --jobs $jobs: the good reports are in the output" bash -c \
    'grep -qx "report:First" "$1" && grep -qx "report:Second" "$1" && grep -qx "report:TitlesAndQuotes" "$1"' \
    _ "$tmp/out.ttl"
  check "batch --jobs $jobs: one line per bad report, in order: $(grep -v ' triples$' "$err")" \
    test "$(grep -v ' triples$' "$err" | cut -d: -f1 | tr '\n' ' ')" = \
    "$in/latin1.de.txt /dev/null $in/missing.de.txt $tmp/nodir $in/nul.de.txt $tmp/batch/first.de.txt $tmp/batch/second.de.txt "
  check "batch --jobs $jobs: a summary line per good report: $(grep -c ' triples$' "$err")" \
    test "$(grep -c ' triples$' "$err")" -eq 3
done
check "batch: --jobs 1 and --jobs 3 write the same output" \
  cmp -s "$tmp/batch-1.ttl" "$tmp/batch-3.ttl"
check "batch: --jobs 1 and --jobs 3 print the same messages" \
  cmp -s "$tmp/batch-1.err" "$tmp/batch-3.err"
rm -rf "$tmp/od"
run "batch with bad reports, --out-dir" convert -q "${batch[@]}" --out-dir "$tmp/od"
check "batch --out-dir exits 2 (got $rc)" test "$rc" -eq 2
check "batch --out-dir writes one file per good report: $(ls "$tmp/od" | tr '\n' ' ')" \
  test "$(ls "$tmp/od" | tr '\n' ' ')" = "first.ttl second.ttl titles-and-quotes.ttl "
for f in "$tmp"/od/*.ttl; do
  check "batch --out-dir: $(basename "$f") parses" parses turtle "$f"
done
run "batch with a bad report and /dev/full" convert -q "$good" "$in/latin1.de.txt" -o /dev/full
check "bad report and unwritable output: the higher code, 3 (got $rc)" test "$rc" -eq 3
check "bad report and unwritable output: two lines: $(cat "$err")" test "$(lines "$err")" -eq 2

# ---- listing directories --------------------------------------------------------------------------
# What a directory holds that cannot be read is reported in its place, and everything else in it is
# converted: a subdirectory that cannot be listed, a pipe, a broken link. Symbolic links to
# directories are not followed, whatever their names: nothing is converted twice.
mkdir -p "$tmp/tree/a" "$tmp/tree/locked/inside" "$tmp/tree/z"
cp "$good" "$tmp/tree/a/one.de.txt"
cp "$good" "$tmp/tree/locked/inside/hidden.de.txt"
cp "$good" "$tmp/tree/z/two.de.txt"
mkfifo "$tmp/tree/pipe.txt"
ln -s "$tmp/tree/gone.txt" "$tmp/tree/broken.txt"
ln -s "$tmp/tree/a" "$tmp/tree/b"
ln -s "$tmp/tree/z" "$tmp/tree/y.txt"
chmod 000 "$tmp/tree/locked"
if [[ ${#as_other[@]} -gt 0 ]]; then  # the listing runs as another user (above)
  chmod -R a+rwX "$tmp/tree/a" "$tmp/tree/z"
  chmod 777 "$tmp/tree"
fi
if [[ -n "$no_other_user" ]]; then
  echo "  skipped: a subdirectory that cannot be listed ($no_other_user)"
else
  rm -rf "$tmp/tree/out"
  as_other_user run "a directory with a subdirectory that cannot be listed" convert -q \
    "$tmp/tree" --out-dir "$tmp/tree/out"
  check "a subdirectory that cannot be listed: exit 2 (got $rc)" test "$rc" -eq 2
  check "a subdirectory that cannot be listed: the other reports are converted: $(ls "$tmp/tree/out" 2>&1)" \
    test "$(ls "$tmp/tree/out" 2>&1 | tr '\n' ' ')" = "one.ttl two.ttl "
  check "a subdirectory that cannot be listed, a pipe and a broken link: a line each, in order: $(cat "$err")" \
    test "$(cut -d: -f1 "$err" | tr '\n' ' ')" = \
    "$tmp/tree/broken.txt $tmp/tree/locked $tmp/tree/pipe.txt "
fi
chmod 755 "$tmp/tree/locked"

# A name with a line break in it is still one line, the break shown as \n.
name="$tmp/in/two"$'\n'"lines.de.txt"
cp "$good" "$name"
printf '\xFF' >>"$name"
run "a report whose name has a line break" convert -q "$name" -o /dev/null
check "a name with a line break: exit 2 (got $rc)" test "$rc" -eq 2
check "a name with a line break: one line on stderr, the break escaped: $(cat "$err")" \
  bash -c '[[ "$(wc -l <"$1")" -eq 1 && "$(cat "$1")" == *"two\nlines.de.txt:"* ]]' _ "$err"
rm -f "$name"

# Beyond ASCII, what is no character (an invalid byte) and the characters that break a line or
# steer a terminal (NEL, a C1 control; the line separator U+2028) are shown as their bytes; a
# letter such as ü is shown as it is.
name="$tmp/in/a"$'\xC2\x85'"b"$'\xFF'"c"$'\xE2\x80\xA8'"d-"$'\xC3\xBC'".de.txt"
cp "$good" "$name"
printf '\xFF' >>"$name"
run "a report whose name has a C1 control, an invalid byte and a line separator" \
  convert -q "$name" -o /dev/null
check "a name with a C1 control: exit 2 (got $rc)" test "$rc" -eq 2
check "a name with a C1 control: its bytes escaped, ü kept: $(cat "$err")" \
  bash -c '[[ "$(wc -l <"$1")" -eq 1 &&
             "$(cat "$1")" == *"a\xC2\x85b\xFFc\xE2\x80\xA8d-"$'"'"'\xC3\xBC'"'"'".de.txt:"* ]]' _ "$err"
rm -f "$name"

# ---- the standard streams -------------------------------------------------------------------------
# Started with standard error closed, the summary lines go nowhere, and never into an output file.
rm -rf "$tmp/closed"
"$REPORTKG" convert "$good" "$tmp/batch" --out-dir "$tmp/closed" </dev/null >/dev/null 2>&-
rc=$?
check "standard error closed, --out-dir: exit 0 (got $rc)" test "$rc" -eq 0
for f in "$tmp"/closed/*.ttl; do
  check "standard error closed: $(basename "$f") parses" parses turtle "$f"
done
"$REPORTKG" convert --format trig "$good" "$tmp/batch" -o "$tmp/closed/all.trig" </dev/null \
  >/dev/null 2>&-
rc=$?
check "standard error closed, a TriG document: exit 0 (got $rc)" test "$rc" -eq 0
check "standard error closed: the TriG document parses" parses trig "$tmp/closed/all.trig"
# Standard input closed: '-' cannot be read, whatever else is open.
run_cmd /dev/null "standard input closed" bash -c \
  '"$1" convert -q --jobs 2 "$2" - "$3" -o "$4" 0<&-' _ "$REPORTKG" "$good" "$tmp/batch" "$tmp/out.ttl"
check "standard input closed: exit 2 (got $rc)" test "$rc" -eq 2
check "standard input closed: one line for '-': $(cat "$err")" \
  bash -c '[[ "$(wc -l <"$1")" -eq 1 && "$(cat "$1")" == "<stdin>: cannot read: "* ]]' _ "$err"
check "standard input closed: the other reports are written" parses turtle "$tmp/out.ttl"
# A reader that has gone away: one line and exit 3, not a silent death by SIGPIPE.
python3 -c '
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
p = subprocess.run(sys.argv[1:], stdout=w, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
sys.stderr.write(p.stderr.decode())
sys.exit(p.returncode if p.returncode >= 0 else 128 - p.returncode)
' "$REPORTKG" convert -q "$good" 2>"$err"
rc=$?
check "standard output with no reader: exit 3 (got $rc)" test "$rc" -eq 3
check "standard output with no reader: one line: $(cat "$err")" \
  bash -c '[[ "$(wc -l <"$1")" -eq 1 && "$(cat "$1")" == "<stdout>: cannot write: Broken pipe" ]]' \
  _ "$err"
# -o /dev/stdout, with standard output appended to a file: the file is appended to, not replaced.
echo "# before" >"$tmp/appended.ttl"
"$REPORTKG" convert -q "$good" -o /dev/stdout </dev/null >>"$tmp/appended.ttl" 2>"$err"
rc=$?
check "-o /dev/stdout appended to a file: exit 0 (got $rc)" test "$rc" -eq 0
check "-o /dev/stdout appended to a file: what was there is kept" \
  test "$(head -1 "$tmp/appended.ttl")" = "# before"
check "-o /dev/stdout appended to a file: the document follows it" parses turtle "$tmp/appended.ttl"
"$REPORTKG" convert -q "$good" -o /dev/stdout </dev/null >&- 2>"$err"
rc=$?
check "-o /dev/stdout with standard output closed: exit 3 (got $rc): $(cat "$err")" test "$rc" -eq 3
"$REPORTKG" convert -q "$good" -o /dev/null </dev/null >&- 2>"$err"
rc=$?
check "-o /dev/null with standard output closed: exit 0 (got $rc): $(cat "$err")" test "$rc" -eq 0
# -o naming standard error's file: refused before any report is converted.
: >"$tmp/log.txt"
"$REPORTKG" convert "$good" -o /dev/stderr </dev/null >/dev/null 2>>"$tmp/log.txt"
rc=$?
check "-o /dev/stderr appended to a file: exit 1 (got $rc)" test "$rc" -eq 1
check "-o /dev/stderr appended to a file: one line says why: $(cat "$tmp/log.txt")" \
  bash -c '[[ "$(wc -l <"$1")" -eq 1 && "$(cat "$1")" == *"standard error"* ]]' _ "$tmp/log.txt"

# ---- output files ---------------------------------------------------------------------------------
cp "$good" "$tmp/in/self.de.txt"
expect_error "-o naming a report" 1 "$tmp/in/self.de.txt: " "is also a report" \
  convert -q "$tmp/in/self.de.txt" -o "$tmp/in/self.de.txt"
check "-o naming a report: the report is kept" cmp -s "$good" "$tmp/in/self.de.txt"
"$REPORTKG" convert -q "$tmp/in/self.de.txt" </dev/null >>"$tmp/in/self.de.txt" 2>"$err"
rc=$?
check "standard output appended to a report: exit 1 (got $rc): $(cat "$err")" test "$rc" -eq 1
check "standard output appended to a report: the report is kept" cmp -s "$good" "$tmp/in/self.de.txt"
# An empty path is a usage error, as CLI11 reports one (with a hint to --help on a second line).
for option in --out-dir -o; do
  run "$option ''" convert -q "$good" "$option" ""
  check "$option '': exit 1 (got $rc)" test "$rc" -eq 1
  check "$option '': says it must not be empty: $(head -1 "$err")" \
    bash -c '[[ "$(head -1 "$1")" == *": must not be empty" ]]' _ "$err"
  check "$option '': nothing on stdout" test ! -s "$out"
done
# A file rewritten keeps its permissions.
cp "$good" "$tmp/in/perm.de.txt"
echo old >"$tmp/perm.ttl"
chmod 604 "$tmp/perm.ttl"
run "rewriting a file" convert -q "$tmp/in/perm.de.txt" -o "$tmp/perm.ttl"
check "a rewritten file keeps its permissions (got $(stat -c %a "$tmp/perm.ttl"))" \
  test "$(stat -c %a "$tmp/perm.ttl")" = 604
# Names as long as names may be: converted again into the same directory (the file is then
# replaced, under a temporary name first).
long="$(printf 'x%.0s' $(seq 1 251))"
mkdir -p "$tmp/long"
cp "$good" "$tmp/long/$long.txt"
for round in first second; do
  run "a report of the longest name, $round time" convert -q "$tmp/long" --out-dir "$tmp/long-out"
  check "the longest name, $round time: exit 0 (got $rc): $(head -c 300 "$err")" test "$rc" -eq 0
done
check "the longest name: one file, no temporary file" test "$(ls -A "$tmp/long-out" | wc -l)" -eq 1
# Many jobs with few open files allowed: the same files as one job.
mkdir -p "$tmp/wide"
for i in $(seq -w 1 300); do ln -s "$(realpath "$good")" "$tmp/wide/r$i.de.txt"; done
run_cmd /dev/null "--jobs 1024 with 100 open files allowed" bash -c \
  'ulimit -n 100 && "$1" convert -q --jobs 1024 "$2" --out-dir "$3"' _ "$REPORTKG" "$tmp/wide" \
  "$tmp/wide-n"
check "--jobs 1024 with 100 open files: exit 0 (got $rc): $(head -c 300 "$err")" test "$rc" -eq 0
run "--jobs 1" convert -q --jobs 1 "$tmp/wide" --out-dir "$tmp/wide-1"
check "--jobs 1024 with 100 open files: the same files as --jobs 1" diff -r "$tmp/wide-1" "$tmp/wide-n"
for jobs in 1 8; do
  run_cmd /dev/null "--jobs $jobs with 8 open files allowed" bash -c \
    'ulimit -n 8 && "$1" convert -q --jobs "$2" "$3" --out-dir "$4"' _ "$REPORTKG" "$jobs" \
    "$tmp/wide" "$tmp/wide-8-$jobs"
  check "--jobs $jobs with 8 open files: exit 0 (got $rc): $(head -c 300 "$err")" test "$rc" -eq 0
done
check "with 8 open files, --jobs 8 writes the same files as --jobs 1" \
  diff -r "$tmp/wide-8-1" "$tmp/wide-8-8"

# ---- interrupted ---------------------------------------------------------------------------------
# Ctrl-C or SIGTERM while a directory is converted: the command stops after the report at hand,
# the files of finished reports are in place and complete, and no temporary file is left. The
# signal goes to `timeout`, which passes it on twice at once (to the command and to its process
# group): that is one request to stop, not two.
mkdir -p "$tmp/many"
for i in $(seq -w 1 3000); do ln -s "$(realpath "$good")" "$tmp/many/r$i.de.txt"; done
for sig in INT TERM; do
  rm -rf "$tmp/int"
  timeout 300 "$REPORTKG" convert -q --jobs 2 "$tmp/many" --out-dir "$tmp/int" </dev/null \
    2>"$tmp/int.err" &
  pid=$!
  # Wait for the first group of files to be in place, then interrupt.
  for _ in $(seq 1 600); do
    [[ -n "$(ls "$tmp/int" 2>/dev/null | grep -v '^\.' | head -1)" ]] && break
    sleep 0.05
  done
  kill -s "$sig" "$pid"
  wait "$pid" && rc=0 || rc=$?
  expected=$((128 + $(kill -l "$sig")))
  check "SIG$sig while converting a directory exits $expected (got $rc): $(cat "$tmp/int.err")" \
    test "$rc" -eq "$expected"
  done_files=$(ls "$tmp/int" | wc -l)
  check "SIG$sig: some but not all reports are written (got $done_files of 3000)" \
    test "$done_files" -gt 0 -a "$done_files" -lt 3000
  check "SIG$sig: no temporary file is left: $(ls -A "$tmp/int" | grep '^\.' | head -3)" \
    test -z "$(ls -A "$tmp/int" | grep '^\.')"
  check "SIG$sig: one line says how many reports were finished: $(cat "$tmp/int.err")" \
    grep -q "^reportkg: interrupted: [0-9]* of 3000 reports finished and in place$" "$tmp/int.err"
  last="$(ls "$tmp/int" | tail -1)"
  check "SIG$sig: the last file written ($last) parses" parses turtle "$tmp/int/$last"
  check "SIG$sig: the last file written is complete ($last)" \
    test "$(wc -l <"$tmp/int/$last")" -eq "$(wc -l <"$tmp/int/r0001.ttl")"
done

# until_lines N FILE: waits (at most 120 s: the sanitizer build is slow) until FILE has N lines.
until_lines() {
  for _ in $(seq 1 2400); do
    (($(wc -l <"$2" 2>/dev/null || echo 0) >= $1)) && return
    sleep 0.05
  done
}

# Interrupted while a TriG document is written report by report: nothing is put in place, and
# nothing of the document is left.
rm -rf "$tmp/intd"
mkdir -p "$tmp/intd"
timeout 300 "$REPORTKG" convert --jobs 2 --format trig "$tmp/many" -o "$tmp/intd/all.trig" \
  </dev/null 2>"$tmp/int.err" &
pid=$!
until_lines 50 "$tmp/int.err"  # a line per report: the document has its first reports
kill -s INT "$pid"
wait "$pid" && rc=0 || rc=$?
check "SIGINT while streaming TriG exits 130 (got $rc): $(cat "$tmp/int.err")" test "$rc" -eq 130
check "SIGINT while streaming TriG: nothing is left: $(ls -A "$tmp/intd")" \
  test -z "$(ls -A "$tmp/intd")"
check "SIGINT while streaming TriG: one line says no output was written: $(cat "$tmp/int.err")" \
  grep -q "^reportkg: interrupted: [0-9]* of 3000 reports finished, no output written$" \
  "$tmp/int.err"

# Interrupted while a Turtle document of all reports is made, after the last report is converted
# (the merged graph is sorted and written for a second or more): nothing is written, and a
# document that was there is left as it was.
for before in none old; do
  rm -rf "$tmp/intm"
  mkdir -p "$tmp/intm"
  [[ "$before" == old ]] && echo "old" >"$tmp/intm/all.ttl"
  timeout 300 "$REPORTKG" convert --jobs 2 "$tmp/many" -o "$tmp/intm/all.ttl" </dev/null \
    2>"$tmp/int.err" &
  pid=$!
  until_lines 3000 "$tmp/int.err"  # a line per report: all are converted
  kill -s INT "$pid"
  wait "$pid" && rc=0 || rc=$?
  check "SIGINT while the merged document is made ($before before) exits 130 (got $rc): $(tail -1 "$tmp/int.err")" \
    test "$rc" -eq 130
  check "SIGINT while the merged document is made ($before before): one line says no output was written: $(tail -1 "$tmp/int.err")" \
    test "$(tail -1 "$tmp/int.err")" = \
    "reportkg: interrupted: 3000 of 3000 reports finished, no output written"
  if [[ "$before" == old ]]; then
    check "SIGINT while the merged document is made: the old one is left, and nothing else: $(ls -A "$tmp/intm")" \
      test "$(ls -A "$tmp/intm")" = all.ttl -a "$(cat "$tmp/intm/all.ttl")" = old
  else
    check "SIGINT while the merged document is made: nothing is left: $(ls -A "$tmp/intm")" \
      test -z "$(ls -A "$tmp/intm")"
  fi
done

# Interrupted while N-Quads go to standard output report by report: what was written is the
# finished reports, whole.
timeout 300 "$REPORTKG" convert -q --jobs 2 --format nquads "$tmp/many" </dev/null \
  >"$tmp/intd/stdout.nq" 2>"$tmp/int.err" &
pid=$!
for _ in $(seq 1 600); do  # until the first reports are out
  (($(stat -c %s "$tmp/intd/stdout.nq") > 100000)) && break
  sleep 0.05
done
kill -s INT "$pid"
wait "$pid" && rc=0 || rc=$?
check "SIGINT while streaming to standard output exits 130 (got $rc): $(cat "$tmp/int.err")" \
  test "$rc" -eq 130
written="$(sed -n 's/^reportkg: interrupted: \([0-9]*\) of 3000 reports finished and written$/\1/p' \
  "$tmp/int.err")"
check "SIGINT while streaming to standard output: one line says how many were written: $(cat "$tmp/int.err")" \
  test -n "$written"
check "SIGINT while streaming to standard output: the output parses" parses nquads "$tmp/intd/stdout.nq"
check "SIGINT while streaming to standard output: it has the $written finished reports, whole" \
  test "$(awk '{ print $(NF - 1) }' "$tmp/intd/stdout.nq" | sort -u | wc -l)" = "${written:-x}"

# ---- killed ------------------------------------------------------------------------------------
# Killed outright (SIGKILL, which leaves no chance to clean up): no temporary file is left, since
# a file not yet in place has no name; what is in place is whole.
rm -rf "$tmp/kill"
"$REPORTKG" convert --jobs 2 "$tmp/many" --out-dir "$tmp/kill" </dev/null 2>"$tmp/kill.err" &
pid=$!
until_lines 200 "$tmp/kill.err"  # a line per report: the first groups of files are in place
kill -s KILL "$pid"
wait "$pid" 2>/dev/null  # no "Killed" notice
placed=$(ls "$tmp/kill" | wc -l)
check "SIGKILL while converting a directory: some but not all reports are in place (got $placed)" \
  test "$placed" -gt 0 -a "$placed" -lt 3000
check "SIGKILL while converting a directory: no temporary file is left: $(ls -A "$tmp/kill" | grep '^\.' | head -3)" \
  test -z "$(ls -A "$tmp/kill" | grep '^\.')"
whole="$(stat -c %s "$tmp/kill/r0001.ttl" 2>/dev/null || echo 0)"
check "SIGKILL while converting a directory: every file in place is whole ($whole bytes)" \
  test "$whole" -gt 0 -a -z "$(find "$tmp/kill" -type f ! -size "${whole}c" | head -1)"

rm -rf "$tmp/killd"
mkdir -p "$tmp/killd"
"$REPORTKG" convert --jobs 2 --format trig "$tmp/many" -o "$tmp/killd/all.trig" </dev/null \
  2>"$tmp/kill.err" &
pid=$!
until_lines 50 "$tmp/kill.err"
kill -s KILL "$pid"
wait "$pid" 2>/dev/null  # no "Killed" notice
check "SIGKILL while streaming TriG: nothing is left: $(ls -A "$tmp/killd")" \
  test -z "$(ls -A "$tmp/killd")"
# The same over an existing document: it is left as it was, and nothing else.
echo "old" >"$tmp/killd/all.trig"
"$REPORTKG" convert --jobs 2 --format trig "$tmp/many" -o "$tmp/killd/all.trig" </dev/null \
  2>"$tmp/kill.err" &
pid=$!
until_lines 50 "$tmp/kill.err"
kill -s KILL "$pid"
wait "$pid" 2>/dev/null
check "SIGKILL while replacing a TriG document: the old one is left, and nothing else: $(ls -A "$tmp/killd")" \
  test "$(ls -A "$tmp/killd")" = all.trig -a "$(cat "$tmp/killd/all.trig")" = old

# ---- the limit of open files ----------------------------------------------------------------------
# It is raised as far as the system allows: a run started with a soft limit of 64 has the hard one.
hard="$(ulimit -Hn)"
if [[ "$hard" == unlimited || "$hard" -le 64 ]]; then
  echo "  skipped: raising the limit of open files (hard limit $hard)"
else
  rm -rf "$tmp/raised"
  bash -c 'ulimit -Sn 64 && exec "$@"' _ "$REPORTKG" convert --jobs 2 "$tmp/many" \
    --out-dir "$tmp/raised" </dev/null 2>"$tmp/raised.err" &
  pid=$!
  until_lines 20 "$tmp/raised.err"  # a line per report: converting, the limit set
  soft="$(awk '/^Max open files/ { print $4 }' "/proc/$pid/limits" 2>/dev/null)"
  kill -s KILL "$pid"
  wait "$pid" 2>/dev/null
  check "a run started with 64 open files allowed raises the limit to $hard (got ${soft:-nothing})" \
    test "$soft" = "$hard"
fi

# ---- a large report -----------------------------------------------------------------------------
# The bundled reports repeated to $large_mb MB: one report, converted in one piece.
chunk="$tmp/chunk.txt"
: >"$chunk"
while (($(stat -c %s "$chunk") < 1000000)); do
  for f in "$SRC"/examples/*.txt; do
    cat "$f" >>"$chunk"
    printf '\n' >>"$chunk"
  done
done
large="$tmp/large.de.txt"
: >"$large"
while (($(stat -c %s "$large") < large_mb * 1000000)); do cat "$chunk" >>"$large"; done
size=$(stat -c %s "$large")
rm -f "$tmp/out.ttl"
if [[ -x /usr/bin/time ]]; then
  run_cmd /dev/null "a $large_mb MB report" /usr/bin/time -f '%M' -o "$tmp/rss" \
    "$REPORTKG" convert -q "$large" -o "$tmp/out.ttl"
else
  run "a $large_mb MB report" convert -q "$large" -o "$tmp/out.ttl"
fi
check "a $large_mb MB report exits 0 (got $rc): $(head -c 300 "$err")" test "$rc" -eq 0
check "a $large_mb MB report: the output parses with serdi: $(head -c 300 "$tmp/serdi.err" 2>/dev/null)" \
  parses turtle "$tmp/out.ttl"
rate="$(awk -v b="$size" -v s="$secs" 'BEGIN { printf "%.2f", (s > 0 ? b / 1e6 / s : 0) }')"
echo "  a $large_mb MB report ($size bytes): $secs s, $rate MB/s, peak memory $(cat "$tmp/rss" 2>/dev/null || echo '?') KB"

echo "$passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
