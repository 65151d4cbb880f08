#!/usr/bin/env bash
# Benchmark (not a test): this checkout against another commit, measured in turns on the same
# machine. On a shared machine the speed changes from minute to minute, so figures from two runs
# of bench/run.sh compare badly; here both binaries convert the same corpus alternately and the
# best of several rounds of each is kept. Prints a Markdown table (paste it into BENCHMARKS.md).
#
#   bash bench/compare.sh d743033               # 2000 reports (5 MB), best of 4 rounds
#   BENCH_ROUNDS=6 bash bench/compare.sh HEAD~3
#   python3 bench/make_open_corpus.py /tmp/open && BENCH_CORPUS=/tmp/open bash bench/compare.sh ddd29ae
#
# BENCH_MB and BENCH_REPORTS size the corpus (default 5 MB in 2000 reports, as bench/make_corpus.py
# builds it from this checkout's reports). BENCH_CORPUS=DIR converts the reports in DIR instead,
# such as those of bench/make_open_corpus.py (words not seen before). The other commit is checked
# out in a temporary worktree and built there (release with debug info); it needs
# bench/stage_bench for the stage figures, which exists since 2026-12-02.
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${1:?usage: bash bench/compare.sh COMMIT}"
mb="${BENCH_MB:-5}"
reports="${BENCH_REPORTS:-2000}"
rounds="${BENCH_ROUNDS:-4}"
cores="$(nproc)"
ref_sha="$(git rev-parse --short "$ref^{commit}")"
cur_sha="$(git rev-parse --short HEAD)$(git diff --quiet HEAD 2>/dev/null || echo '+changes')"

for tool in /usr/bin/time /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/reportkg-compare.XXXXXX")"
cleanup() {
  git worktree remove --force "$tmp/ref" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

build() {  # build SOURCE_DIR: a release build with the bench programs in SOURCE_DIR/build-bench
  cmake -S "$1" -B "$1/build-bench" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREPORTKG_BENCH=ON \
    -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$1/build-bench" -j"$cores" --target reportkg stage_bench >/dev/null
}

if [[ -n "${BENCH_CORPUS:-}" ]]; then
  corpus="$BENCH_CORPUS"
  [[ -d "$corpus" ]] || { echo "bench: BENCH_CORPUS=$corpus is no directory" >&2; exit 1; }
  n_reports="$(find "$corpus" -name '*.txt' | wc -l)"
  ((n_reports > 0)) || { echo "bench: no reports (*.txt) in $corpus" >&2; exit 1; }
  n_bytes="$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{ n += $1 } END { print n + 0 }')"
  made_by="$corpus"
else
  echo "bench: building the corpus" >&2
  corpus="$tmp/corpus"
  read -r n_reports _ n_bytes _ < <(/usr/bin/python3 bench/make_corpus.py "$corpus" \
    --mb "$mb" --reports "$reports" --root .)
  made_by="bench/make_corpus.py"
fi

echo "bench: building this checkout ($cur_sha)" >&2
build .
echo "bench: building $ref_sha in a temporary worktree" >&2
git worktree add --detach "$tmp/ref" "$ref_sha" >/dev/null 2>&1
build "$tmp/ref"

# best NAME VALUE: keeps the smallest value seen for NAME in $tmp/best.
best() { awk -v k="$1" -v v="$2" '$1 == k { if (v < $2) $2 = v; found = 1 } { print }
  END { if (!found) print k, v }' "$tmp/best" >"$tmp/best.new"; mv "$tmp/best.new" "$tmp/best"; }
: >"$tmp/best"
for round in $(seq "$rounds"); do
  for side in ref cur; do
    dir=$([[ $side == ref ]] && echo "$tmp/ref" || echo .)
    echo "bench: round $round, $side" >&2
    # Each run writes into a new directory: ext4 creates files slowly right after deletions.
    /usr/bin/time -f "%e %U" -o "$tmp/time" "$dir/build-bench/reportkg" convert "$corpus" \
      --out-dir "$tmp/out-$side-$round" -q --jobs 1
    read -r wall user <"$tmp/time"
    best "$side.wall" "$wall"
    best "$side.user" "$user"
    "$dir/build-bench/stage_bench" "$corpus" >"$tmp/stages"
    while read -r stage seconds unit _; do
      [[ "$unit" == s ]] && best "$side.$stage" "$seconds"
    done <"$tmp/stages"
  done
done

get() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/best"; }
rate() { awk -v n="$n_bytes" -v s="$1" 'BEGIN { printf "%.2f", (s > 0 ? n / 1e6 / s : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

cat <<EOF
### $cur_sha against $ref_sha, in turns (bash bench/compare.sh $ref_sha, $(date -u +%Y-%m-%d))

$n_reports reports, $(rate 1) MB of text ($made_by); best of $rounds rounds of each,
one core. Machine: $cores cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo).

| run | $ref_sha | $cur_sha | time $cur_sha / $ref_sha |
|---|---|---|---|
| \`convert DIR --out-dir OUT -q --jobs 1\`, wall time | $(get ref.wall) s ($(rate "$(get ref.wall)") MB/s) | $(get cur.wall) s ($(rate "$(get cur.wall)") MB/s) | $(ratio "$(get cur.wall)" "$(get ref.wall)") |
| the same, user CPU time | $(get ref.user) s | $(get cur.user) s | $(ratio "$(get cur.user)" "$(get ref.user)") |
EOF
for stage in input text recognize resolve relate graph serialize total; do
  a="$(get "ref.$stage")" b="$(get "cur.$stage")"
  [[ -n "$a" && -n "$b" ]] || continue
  echo "| stage_bench: $stage | $a s | $b s | $(ratio "$b" "$a") |"
done
