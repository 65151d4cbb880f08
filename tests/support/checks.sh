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

# lines FILE: the number of lines of FILE.
lines() { wc -l <"$1" | tr -d ' '; }

# run ARGS...: runs reportkg with stdin from /dev/null; sets rc and writes standard output and
# error to the files named by $out and $err, which the sourcing script sets.
run() {
  "$REPORTKG" "$@" </dev/null >"$out" 2>"$err"
  rc=$?
}
