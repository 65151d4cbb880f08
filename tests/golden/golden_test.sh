#!/usr/bin/env bash
# Golden test: each bundled report (examples/*.txt) and each hand-made input (tests/golden/inputs/*.txt)
# converts to exactly tests/golden/expected/NAME.ttl. Update on purpose only, after reading the diff:
#   UPDATE_GOLDEN=1 bash tests/golden/golden_test.sh
set -u
cd "${REPORTKG_SOURCE_DIR:-.}" || exit 1
bin="${REPORTKG:?set REPORTKG to the reportkg binary}"
expected_dir=tests/golden/expected
passed=0
failed=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for input in examples/*.txt tests/golden/inputs/*.txt; do
  [ -f "$input" ] || continue
  name="$(basename "$input" .txt)"
  name="${name%.*}"  # without the language suffix
  if ! "$bin" convert "$input" -o "$tmp/$name.ttl" --quiet; then
    echo "FAIL $input: reportkg exited with $?"
    failed=$((failed + 1))
    continue
  fi
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$tmp/$name.ttl" "$expected_dir/$name.ttl"
    echo "updated $expected_dir/$name.ttl"
  fi
  if [ ! -f "$expected_dir/$name.ttl" ]; then
    echo "FAIL $input: no $expected_dir/$name.ttl"
    failed=$((failed + 1))
  elif diff -u "$expected_dir/$name.ttl" "$tmp/$name.ttl" > "$tmp/$name.diff"; then
    passed=$((passed + 1))
  else
    echo "FAIL $input: output differs from $expected_dir/$name.ttl:"
    head -40 "$tmp/$name.diff"
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
