#!/usr/bin/env bash
# The C++ sources follow .clang-format (Google base, 100 columns): clang-format would change nothing.
set -u
cd "${REPORTKG_SOURCE_DIR:-.}" || exit 1
if ! command -v clang-format >/dev/null; then
  echo "clang-format is not installed (scripts/setup.sh installs it)"
  echo "0 passed, 1 failed"
  exit 1
fi
passed=0
failed=0
while IFS= read -r f; do
  if clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    passed=$((passed + 1))
  else
    echo "not formatted: $f (run: clang-format -i $f)"
    failed=$((failed + 1))
  fi
done < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 2>/dev/null || find src tests -name '*.[ch]pp')
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
