# Counting checks for the script tests; source it, call check/pass/fail, end with `finish`, which
# prints the line `N passed, M failed` that ctest's log and CI read.
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL: $*"
}
check() {  # check DESCRIPTION COMMAND...: passes when the command succeeds
  local what="$1"
  shift
  if "$@"; then pass; else fail "$what"; fi
}
