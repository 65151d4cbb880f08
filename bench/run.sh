#!/usr/bin/env bash
# Benchmark (not a test): end-to-end throughput of `reportkg convert DIR --out-dir OUT -q` on one
# core (--jobs 1) and on all cores, and of one TriG document, also for reports of words not seen
# before (bench/make_open_corpus.py); peak memory, the time of each stage, and the write stage
# against serdi re-serialising the same triples. Prints a Markdown report (paste it into
# BENCHMARKS.md).
#
#   bash bench/run.sh                        # 50 MB in 20 000 reports (2 to 3 minutes once built)
#   BENCH_MB=5 BENCH_REPORTS=2000 BENCH_ROUNDS=1 bash bench/run.sh      # a quick run
#
# The end-to-end runs are timed in BENCH_ROUNDS rounds (default 3), each run's best round reported.
# BENCH_BUILD_DIR (default build-bench/) is a release build with bench/write_bench and stage_bench;
# BENCH_TMP (default: a new directory under $TMPDIR) holds the corpus and the outputs (about 1.2 GB
# a round for the default corpus), removed at the end unless BENCH_KEEP=1. Needs /usr/bin/time
# (Debian package time) and serdi.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BENCH_BUILD_DIR:-build-bench}"
mb="${BENCH_MB:-50}"
reports="${BENCH_REPORTS:-20000}"
write_reports="${BENCH_WRITE_REPORTS:-2000}"  # reports whose triples the write benchmark uses
rounds="${BENCH_ROUNDS:-3}"                    # of the end-to-end runs
cores="$(nproc)"

for tool in /usr/bin/time serdi /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done

echo "bench: building $build_dir (release with debug info, bench programs)" >&2
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREPORTKG_BENCH=ON -DBUILD_TESTING=OFF \
  >/dev/null
cmake --build "$build_dir" -j"$cores" --target reportkg write_bench stage_bench >/dev/null
bin="$build_dir/reportkg"

tmp="${BENCH_TMP:-$(mktemp -d "${TMPDIR:-/tmp}/reportkg-bench.XXXXXX")}"
mkdir -p "$tmp"
[[ "${BENCH_KEEP:-}" == 1 ]] || trap 'rm -rf "$tmp"' EXIT

echo "bench: building the corpus in $tmp/corpus" >&2
rm -rf "$tmp/corpus"
read -r n_reports _ n_bytes _ n_words _ < <(/usr/bin/python3 bench/make_corpus.py "$tmp/corpus" \
  --mb "$mb" --reports "$reports" --root .)
largest="$(find "$tmp/corpus" -name '*.txt' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2)"
largest_bytes="$(stat -c %s "$largest")"
# Words not seen before: the corpus above repeats a few reports' words, which the converter's
# caches soon answer; bench/make_open_corpus.py makes reports of Debian's German documentation.
if /usr/bin/python3 bench/make_open_corpus.py "$tmp/open" >"$tmp/open.txt" 2>"$tmp/open.err"; then
  read -r n_open _ open_bytes _ open_words _ <"$tmp/open.txt"
else
  n_open=0
  echo "bench: no reports of words not seen before: $(tail -1 "$tmp/open.err")" >&2
fi

# timed NAME COMMAND...: runs the command under /usr/bin/time -v; sets wall (s), cpu (user and
# system time, "U + S") and rss (KB).
timed() {
  local name="$1"
  shift
  echo "bench: $name" >&2
  sync
  /usr/bin/time -v -o "$tmp/time.txt" "$@"
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$tmp/time.txt")"
  rss="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt")"
  cpu="$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f + %.2f", u, s }' "$tmp/time.txt")"
}
rate() {  # rate N SECONDS [DIVISOR]: N / DIVISOR / SECONDS with two decimals
  awk -v n="$1" -v s="$2" -v d="${3:-1}" 'BEGIN { printf "%.2f", (s > 0 ? n / d / s : 0) }'
}
count_rate() {  # count_rate N SECONDS: N / SECONDS, a whole number
  awk -v n="$1" -v s="$2" 'BEGIN { printf "%d", (s > 0 ? n / s : 0) }'
}

# The N-Triples of the first $write_reports reports in one file: for the write stage below, and for
# the reference timed in every round.
rm -rf "$tmp/nt"
mkdir -p "$tmp/nt-in"
find "$tmp/corpus" -name '*.txt' | sort | awk -v n="$write_reports" 'NR <= n' | xargs -I{} cp {} "$tmp/nt-in/"
echo "bench: N-Triples of $write_reports reports" >&2
"$bin" convert "$tmp/nt-in" --out-dir "$tmp/nt" --format ntriples -q
find "$tmp/nt" -name '*.nt' | sort | xargs cat >"$tmp/all.nt"
nt_bytes="$(stat -c %s "$tmp/all.nt")"

# The end-to-end runs, in rounds (each run once a round, in turn). A machine shared with others
# lends only part of its time, more or less from one minute to the next: each run's figures are
# those of its fastest round (with every round's wall time listed beside them), and its memory
# the most any round took. Each round also times serdi re-serialising the N-Triples as Turtle: a
# program that does not change, whose time shows how fast the machine was in that round.
# Each run writes into a new directory and nothing is deleted before the end: ext4 is slow to
# create files right after many were deleted (it skips their recently freed inodes), which would
# make a run pay for the clean-up of the one before.
declare -A walls best_wall best_cpu max_rss
record() {  # record KEY: adds the figures of the run just timed to KEY's
  local key="$1"
  walls[$key]="${walls[$key]:+${walls[$key]}, }$wall"
  if [[ -z "${best_wall[$key]:-}" ]] || awk -v a="$wall" -v b="${best_wall[$key]}" 'BEGIN { exit !(a < b) }'; then
    best_wall[$key]="$wall"
    best_cpu[$key]="$cpu"
  fi
  ((rss > ${max_rss[$key]:-0})) && max_rss[$key]="$rss"
  return 0
}
for round in $(seq "$rounds"); do
  of="round $round of $rounds"
  timed "convert, --jobs 1 ($of)" "$bin" convert "$tmp/corpus" --out-dir "$tmp/out1-$round" -q --jobs 1
  record one
  timed "convert, --jobs $cores ($of)" "$bin" convert "$tmp/corpus" --out-dir "$tmp/outn-$round" -q \
    --jobs "$cores"
  record all
  diff -rq "$tmp/out1-$round" "$tmp/outn-$round" >/dev/null ||
    echo "bench: WARNING: --jobs 1 and --jobs $cores differ" >&2
  timed "convert, --jobs 1 --provenance none ($of)" "$bin" convert "$tmp/corpus" --out-dir \
    "$tmp/outp-$round" -q --jobs 1 --provenance none
  record none
  # One document for the whole corpus: TriG is written report by report (each report is a graph of
  # its own), with no file per report to create.
  timed "convert, --jobs 1, -o TriG ($of)" "$bin" convert "$tmp/corpus" -o "$tmp/all.trig" \
    --format trig -q --jobs 1
  record trig
  trig_bytes="$(stat -c %s "$tmp/all.trig")"
  rm -f "$tmp/all.trig"
  if ((n_open > 0)); then
    timed "convert, words not seen before ($of)" "$bin" convert "$tmp/open" -o "$tmp/open.trig" \
      --format trig -q --jobs 1
    record open
  fi
  timed "serdi -i ntriples -o turtle, the reference ($of)" serdi -i ntriples -o turtle \
    "$tmp/all.nt" >/dev/null
  record serdi
done
out_bytes="$(du -sb "$tmp/out1-1" | cut -f1)"
echo "bench: stage_bench (the time of each stage, one core)" >&2
mkdir -p "$tmp/outs"
"$build_dir/stage_bench" "$tmp/corpus" --write-dir "$tmp/outs" >"$tmp/stages.txt"
# The filesystem's share: putting the Turtle files in place (temporary file, rename, one syncfs per
# 64 files, as convert --out-dir does), with nothing else to do. No converter writing these files
# one per report can go faster than the corpus's size over this time.
write_s="$(awk '$1 == "write" { print $2 }' "$tmp/stages.txt")"
timed "convert the largest report alone" "$bin" convert "$largest" -o /dev/null -q --jobs 1
rss_largest="$rss"
: >"$tmp/empty.de.txt"
timed "convert an empty report (resources only)" "$bin" convert "$tmp/empty.de.txt" -o /dev/null -q
rss_empty="$rss"

# The write stage: serdi turns the N-Triples into Turtle; write_bench reads them into one graph and
# times reportkg's serialize alone. Best of three, timed here, next to each other (the machine's
# speed in the rounds above may have been another).
serdi_best_of3() {  # serdi_best_of3 FORMAT: serdi's best wall time of three, N-Triples to FORMAT
  local best=""
  for _ in 1 2 3; do
    timed "serdi -i ntriples -o $1" serdi -i ntriples -o "$1" "$tmp/all.nt" >/dev/null
    best="$(awk -v a="$best" -v b="$wall" 'BEGIN { print (a == "" || b < a) ? b : a }')"
  done
  echo "$best"
}
serdi_best="$(serdi_best_of3 turtle)"
serdi_bytes="$(serdi -i ntriples -o turtle "$tmp/all.nt" | wc -c)"
serdi_nt_best="$(serdi_best_of3 ntriples)"
echo "bench: write_bench (reportkg's serialize)" >&2
"$build_dir/write_bench" "$tmp/all.nt" --repeat 3 --out "$tmp/write.ttl" >"$tmp/write.txt"
triples="$(awk '$1 == "triples" { print $2 }' "$tmp/write.txt")"
read_s="$(awk '$1 == "read_seconds" { print $2 }' "$tmp/write.txt")"
ser_s="$(awk '$1 == "serialize_seconds" { print $2 }' "$tmp/write.txt")"
ser_bytes="$(awk '$1 == "output_bytes" { print $2 }' "$tmp/write.txt")"
ratio="$(awk -v a="$ser_s" -v b="$serdi_best" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
"$build_dir/write_bench" "$tmp/all.nt" --repeat 3 --format ntriples >"$tmp/write-nt.txt"
ser_nt_s="$(awk '$1 == "serialize_seconds" { print $2 }' "$tmp/write-nt.txt")"
ratio_nt="$(awk -v a="$ser_nt_s" -v b="$serdi_nt_best" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
same="no"
serdi -i turtle -o ntriples "$tmp/write.ttl" | LC_ALL=C sort -u >"$tmp/a.nt"
serdi -i ntriples -o ntriples "$tmp/all.nt" | LC_ALL=C sort -u >"$tmp/b.nt"
cmp -s "$tmp/a.nt" "$tmp/b.nt" && same="yes"

cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
mem_total="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
compiler="$(awk -F= '/^CMAKE_CXX_COMPILER:/ { print $2 }' "$build_dir/CMakeCache.txt")"
compiler_version="$("$compiler" --version | head -1)"
build_type="$(awk -F= '/^CMAKE_BUILD_TYPE:/ { print $2 }' "$build_dir/CMakeCache.txt")"
serd_version="$(pkg-config --modversion serd-0 2>/dev/null || echo '?')"
allocator="glibc malloc"
# grep reads all of ldd's output: with -q it could stop at the match and ldd, cut off, fail the
# pipeline (pipefail), which read as glibc malloc.
if ldd "$build_dir/reportkg" | grep libmimalloc >/dev/null; then
  allocator="mimalloc $(dpkg-query -W -f='${Version}' libmimalloc2.0 2>/dev/null || echo '?')"
fi
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
per_round() {  # per_round KEY REF: KEY's wall time over REF's, round by round
  awk -v a="${walls[$1]}" -v b="${walls[$2]}" 'BEGIN { n = split(a, x, ", "); split(b, y, ", ")
    for (i = 1; i <= n; i++) printf "%s%.2f", (i > 1 ? ", " : ""), (y[i] > 0 ? x[i] / y[i] : 0) }'
}
row() {  # row KEY LABEL [BYTES WORDS]: a line of the end-to-end table
  local w="${best_wall[$1]}" bytes="${3:-$n_bytes}" words="${4:-$n_words}"
  echo "| $2 | $w s | $(rate "$bytes" "$w" 1e6) | $(count_rate "$words" "$w") | ${best_cpu[$1]} s | $(mib "${max_rss[$1]}") | ${walls[$1]} s |"
}
open_row="| words not seen before | skipped: bench/make_open_corpus.py found no pages | | | | | |"
if ((n_open > 0)); then
  open_row="$(row open "\`convert OPEN -o OPEN.trig --format trig -q --jobs 1\`: words not seen before, $n_open reports of $(rate "$open_bytes" 1 1e6) MB (bench/make_open_corpus.py), start-up included" "$open_bytes" "$open_words")"
fi

cat <<EOF
### Results of $(date -u +%Y-%m-%d) (commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ', with uncommitted changes'))

Machine: $cores cores ($(nproc --all) online), $cpu_model, $mem_total memory; $compiler_version,
$build_type; Serd $serd_version; allocator $allocator; $(uname -sr).

Corpus: $n_reports reports, $(rate "$n_bytes" 1 1e6) MB ($n_bytes bytes), $n_words words (bench/make_corpus.py);
largest report $(rate "$largest_bytes" 1 1e3) kB. Output: Turtle, --provenance mentions, $(rate "$out_bytes" 1 1e6) MB.

| run | wall time (best of $rounds) | MB/s | words/s | CPU time: user + system | peak memory (max RSS) | wall time of each round |
|---|---|---|---|---|---|---|
$(row one "\`convert DIR --out-dir OUT -q --jobs 1\`")
$(row all "\`convert DIR --out-dir OUT -q --jobs $cores\`")
$(row none "\`convert DIR --out-dir OUT -q --jobs 1 --provenance none\`")
$(row trig "\`convert DIR -o ALL.trig --format trig -q --jobs 1\` (one document, $(rate "$trig_bytes" 1 1e6) MB)")
$open_row
| reference: \`serdi -i ntriples -o turtle\` of the write stage's N-Triples (below) | ${best_wall[serdi]} s | | | ${best_cpu[serdi]} s | $(mib "${max_rss[serdi]}") | ${walls[serdi]} s |
| the largest report alone | | | | | $(mib "$rss_largest") | |
| an empty report (the resources alone) | | | | | $(mib "$rss_empty") | |

Round by round, the TriG document took $(per_round trig serdi) times as long as serdi's reference
run of the same round, and \`--out-dir\` with one job $(per_round one serdi) times as long.

Stage by stage on one core (bench/stage_bench: the reports read into memory first, each stage
timed over the whole corpus; "write" puts each report's Turtle file in place as \`convert --out-dir\`
does):

\`\`\`
$(cat "$tmp/stages.txt")
\`\`\`

Writing the $n_reports files alone takes $write_s s on this machine's filesystem: with one file per
report, no converter could go faster than $(rate "$n_bytes" "$write_s" 1e6) MB/s of text here.

Write stage: the N-Triples of the first $write_reports reports, $(rate "$nt_bytes" 1 1e6) MB, $triples triples in one file.

| writer | time (best of 3) | triples/s | output |
|---|---|---|---|
| \`serdi -i ntriples -o turtle\` (parse + write) | $serdi_best s | $(count_rate "$triples" "$serdi_best") | $(rate "$serdi_bytes" 1 1e6) MB |
| reportkg \`write::serialize\`, Turtle (sort + write; bench/write_bench) | $ser_s s | $(count_rate "$triples" "$ser_s") | $(rate "$ser_bytes" 1 1e6) MB |
| \`serdi -i ntriples -o ntriples\` (parse + write) | $serdi_nt_best s | $(count_rate "$triples" "$serdi_nt_best") | |
| reportkg \`write::serialize\`, N-Triples | $ser_nt_s s | $(count_rate "$triples" "$ser_nt_s") | |

Ratio reportkg / serdi: Turtle $ratio, N-Triples $ratio_nt (target ≤ 1.5). write_bench read the file
with Serd in $read_s s. reportkg's Turtle has the same triples as the N-Triples: $same.
EOF
