#!/usr/bin/env bash
# `reportkg load` against a real triple store: Debian's Virtuoso open source (virtuoso-t), started
# on loopback with free ports in a private temporary directory with its own virtuoso.ini (never
# the system service), stopped by its pid at the end whatever happens.
#
# Checks: the bundled reports load (HTTP 201, digest authentication as dba/dba on the new
# database); every queries/*.rq, run over HTTP on the report's graph, answers as
# queries/expected/NAME.tsv; loading again answers 200 and leaves the triple count as it was, and a
# changed graph replaces the old one; the bulk loader works as docs/loading.md shows it; refusals
# (403 without credentials, 401 with a wrong password) and an unreachable endpoint give one line
# and exit code 5; docs/loading.md shows the expected answers.
#
# The same answers everywhere: tests/rdf/queries_test.py (rdflib) and
# tests/rdf/queries_oxigraph_test.mjs (Oxigraph) hold output/ to queries/expected/, and this test
# holds Virtuoso to the same files, which completes the comparison. Besides, all three engines run
# here on the very Turtle loaded into Virtuoso, and Virtuoso and Oxigraph must answer as rdflib
# does on it, so that a difference between engines shows apart from a change of the output.
# Answers become text in one way for all (tests/rdf/queries_test.py's result_tsv, which
# tests/load/sparql_http.py feeds with Virtuoso's answers).
#
# Run by ctest with REPORTKG set to the binary; needs virtuoso-opensource-7-bin, curl, serdi,
# Debian's python3 with rdflib and node with tests/rdf's npm packages (scripts/setup.sh installs
# them all). Prints `N passed, M failed`.
set -uo pipefail

: "${REPORTKG:?REPORTKG must point to the reportkg binary}"
SRC="${REPORTKG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
HERE="$(cd "$(dirname "$0")" && pwd)"
PYTHON=/usr/bin/python3
export REPORTKG_SOURCE_DIR="$SRC"
# Only loopback is ever contacted: no proxy may stand in between.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY

source "$(dirname "${BASH_SOURCE[0]}")/../support/checks.sh"
summary() {
  echo "$passed passed, $failed failed"
  [[ "$failed" -eq 0 ]]
}

tmp="$(mktemp -d "${TMPDIR:-/tmp}/reportkg-virtuoso-test.XXXXXX")"
pid=""
stop_server() {  # by its pid: SIGTERM (Virtuoso shuts down), SIGKILL after 60 s
  [[ -n "$pid" ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 120); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null
  pid=""
}
trap 'stop_server; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# ---- the documentation shows the expected answers --------------------------------------------
check "docs/loading.md has the tables of queries/expected/ (query_tables.py --check)" \
  "$PYTHON" "$HERE/query_tables.py" --check "$SRC/docs/loading.md"

# ---- prerequisites ------------------------------------------------------------------------------
missing=()
for tool in virtuoso-t isql-vt curl serdi node; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]} > 0)); then
  fail "not installed: ${missing[*]} (scripts/setup.sh installs virtuoso-opensource-7-bin, curl," \
    "serdi and node)"
  summary
  exit 1
fi

# ---- a private server ---------------------------------------------------------------------------
# Three free ports on 127.0.0.1: SQL, HTTP and one nobody listens on (for the unreachable store).
read -r sql_port http_port closed_port < <("$PYTHON" -c '
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])
')
db="$tmp/db"
mkdir -p "$db/www"
cat >"$tmp/virtuoso.ini" <<EOF
; A throwaway Virtuoso for tests/load/virtuoso_test.sh: everything in $db, loopback only.
[Database]
DatabaseFile = $db/virtuoso.db
ErrorLogFile = $db/virtuoso.log
LockFile = $db/virtuoso.lck
TransactionFile = $db/virtuoso.trx
xa_persistent_file = $db/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $db/virtuoso-temp.db
TransactionFile = $db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$sql_port
DisableUnixSocket = 1
ServerThreads = 10
CheckpointInterval = 60
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., $db
SchedulerInterval = 10

[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerRoot = $db/www
ServerThreads = 5
MaxClientConnections = 5
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
EOF

base="http://127.0.0.1:$http_port"
sparql="$base/sparql"
crud_auth="$base/sparql-graph-crud-auth"
crud="$base/sparql-graph-crud"

start_server() {  # starts virtuoso-t and waits (at most 120 s) until /sparql answers
  virtuoso-t +foreground +configfile "$tmp/virtuoso.ini" >>"$tmp/server.out" 2>&1 &
  pid=$!
  local code
  for _ in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "virtuoso-t exited; its log:"
      tail -n 20 "$db/virtuoso.log" "$tmp/server.out" 2>/dev/null
      pid=""
      return 1
    fi
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$sparql?query=ASK%7B%7D")"
    [[ "$code" == 200 ]] && return 0
    sleep 0.5
  done
  echo "virtuoso-t does not answer at $sparql after 120 s; its log:"
  tail -n 20 "$db/virtuoso.log"
  return 1
}

if ! start_server; then
  fail "Virtuoso starts on 127.0.0.1:$http_port"
  summary
  exit 1
fi
pass
# On its first start on a new database Virtuoso can answer some property-path queries wrongly;
# after a restart it answers them right.
stop_server
check "Virtuoso stops on SIGTERM" grep -q "Server shutdown complete" "$db/virtuoso.log"
if ! start_server; then
  fail "Virtuoso starts again"
  summary
  exit 1
fi
pass

# ---- load the bundled reports -------------------------------------------------------------------
out="$tmp/stdout"
err="$tmp/stderr"
load() {  # load ARGS...: runs reportkg load; sets rc, out, err
  "$REPORTKG" load "$@" </dev/null >"$out" 2>"$err"
  rc=$?
}
count() {  # the number of triples in graph $1
  "$PYTHON" "$HERE/sparql_http.py" count --endpoint "$sparql" --graph "$1" 2>>"$tmp/count.err"
}
ntriples() {  # the number of triples in Turtle file $1
  serdi -i turtle -o ntriples "$1" | grep -c .
}

reports=("$SRC"/examples/*.txt)
"$REPORTKG" convert -q "${reports[@]}" --out-dir "$tmp/ttl"
check "the bundled reports convert" test -s "$tmp/ttl/hanoi-convention.ttl"
ttl="$tmp/ttl/hanoi-convention.ttl"

load "${reports[@]}" --endpoint "$crud_auth" --user dba --password dba
check "load exits 0 (got $rc: $(head -c 300 "$err"))" test "$rc" -eq 0
check "load prints one line per report, got $(lines "$err")" test "$(lines "$err")" -eq "${#reports[@]}"
check "load prints nothing on stdout" test ! -s "$out"
line="$(grep '^hanoi-convention: ' "$err")"
graph="$(sed -n 's/^hanoi-convention: <\([^>]*\)>: .*/\1/p' "$err")"
check "the line names report, graph and status: '$line'" \
  bash -c '[[ "$1" =~ ^hanoi-convention:\ \<https://w3id\.org/reportkg/id/report/HanoiConvention\>:\ [0-9]+\ triples,\ HTTP\ 201\ Created$ ]]' _ "$line"
graph="${graph:-https://w3id.org/reportkg/id/report/HanoiConvention}"

triples="$(ntriples "$ttl")"
stored="$(count "$graph")"
check "the store has the report's $triples triples in <$graph> (got '$stored')" \
  test "$stored" = "$triples"
check "the line counts the triples that were sent" grep -q ": $triples triples, " <<<"$line"

# ---- the queries: Virtuoso, rdflib and Oxigraph on the same output -----------------------------
# rdflib's answers on the Turtle that was loaded (written as queries_test.py writes expected files)
# are what Virtuoso and Oxigraph must answer too; and Virtuoso must answer queries/expected/.
UPDATE_EXPECTED=1 "$PYTHON" "$SRC/tests/rdf/queries_test.py" --data "$ttl" --expected "$tmp/rdflib" \
  >"$tmp/rdflib.out" 2>&1
engine_rc=$?
check "rdflib answers every query on the loaded Turtle: $(grep -v '^wrote ' "$tmp/rdflib.out")" \
  test "$engine_rc" -eq 0
"$PYTHON" "$HERE/sparql_http.py" queries --endpoint "$sparql" --graph "$graph" \
  --expected "$tmp/rdflib" >"$tmp/virtuoso-rdflib.out" 2>&1
engine_rc=$?
check "Virtuoso answers as rdflib on the same output:
$(grep -v '^ok ' "$tmp/virtuoso-rdflib.out")" test "$engine_rc" -eq 0
node "$SRC/tests/rdf/queries_oxigraph_test.mjs" --data "$ttl" --expected "$tmp/rdflib" \
  >"$tmp/oxigraph.out" 2>&1
engine_rc=$?
check "Oxigraph answers as rdflib on the same output:
$(grep -v '^ok ' "$tmp/oxigraph.out")" test "$engine_rc" -eq 0
"$PYTHON" "$HERE/sparql_http.py" queries --endpoint "$sparql" --graph "$graph" \
  >"$tmp/virtuoso.out" 2>&1
engine_rc=$?
check "Virtuoso answers every query as queries/expected/ (if the extraction changed on purpose:
scripts/run.sh, UPDATE_EXPECTED=1 /usr/bin/python3 tests/rdf/queries_test.py and
/usr/bin/python3 tests/load/query_tables.py --write docs/loading.md):
$(grep -v '^ok ' "$tmp/virtuoso.out")" test "$engine_rc" -eq 0
check "Virtuoso ran every query" \
  test "$(grep -c '^ok ' "$tmp/virtuoso-rdflib.out")" -eq "$(find "$SRC/queries" -maxdepth 1 -name '*.rq' | wc -l)"

# ---- loading again replaces the graph -----------------------------------------------------------
load "${reports[@]}" --endpoint "$crud_auth" --user dba --password dba
check "a second load exits 0 (got $rc: $(head -c 300 "$err"))" test "$rc" -eq 0
check "a second load replaces the graph: HTTP 200 OK ($(cat "$err"))" \
  grep -q "^hanoi-convention: <$graph>: $triples triples, HTTP 200 OK$" "$err"
stored="$(count "$graph")"
check "a second load leaves $triples triples (got '$stored')" test "$stored" = "$triples"

"$REPORTKG" convert -q --provenance none "${reports[@]}" --out-dir "$tmp/none"
fewer="$(ntriples "$tmp/none/hanoi-convention.ttl")"
load -q --provenance none "${reports[@]}" --endpoint "$crud_auth" --user dba --password dba
check "--quiet loads without a line (rc $rc: $(head -c 300 "$err"))" test "$rc" -eq 0 -a ! -s "$err"
stored="$(count "$graph")"
check "a changed graph replaces the old one: $fewer triples (got '$stored')" test "$stored" = "$fewer"
REPORTKG_STORE_PASSWORD=dba "$REPORTKG" load -q "${reports[@]}" --endpoint "$crud_auth" --user dba \
  </dev/null >"$out" 2>"$err"
rc=$?
check "the password can come from \$REPORTKG_STORE_PASSWORD (rc $rc: $(head -c 300 "$err"))" \
  test "$rc" -eq 0
stored="$(count "$graph")"
check "the graph is whole again: $triples triples (got '$stored')" test "$stored" = "$triples"

# ---- the bulk loader (docs/loading.md): N-Quads keep each report's graph -----------------------
isql() {  # isql SQL: runs SQL statements as dba; sets rc, output in $tmp/isql.out
  isql-vt "127.0.0.1:$sql_port" dba dba exec="$1" >"$tmp/isql.out" 2>&1
  rc=$?
}
isql "SPARQL CLEAR GRAPH <$graph>;"
stored="$(count "$graph")"
check "isql-vt clears the graph (rc $rc, $stored triples left): $(head -c 300 "$tmp/isql.out")" \
  test "$rc" -eq 0 -a "$stored" = 0
"$REPORTKG" convert -q --format nquads "${reports[@]}" --out-dir "$db/bulk"
isql "ld_dir('$db/bulk', '*.nq', 'urn:reportkg:unused'); rdf_loader_run(); checkpoint;
SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_state <> 2 OR ll_error IS NOT NULL;"
check "the bulk loader runs and loads every file (rc $rc): $(head -c 600 "$tmp/isql.out")" \
  grep -q "^0 Rows" "$tmp/isql.out"
stored="$(count "$graph")"
check "the bulk loader fills <$graph> with its $triples triples (got '$stored')" \
  test "$stored" = "$triples"

# ---- refusals and an unreachable store: one line, exit code 5 -----------------------------------
# expect_store_error NAME PATTERN ARGS...: exit code 5, one line on stderr matching PATTERN.
expect_store_error() {
  local name="$1" pattern="$2"
  shift 2
  load "$@"
  check "$name: exit code 5 (got $rc)" test "$rc" -eq 5
  check "$name: one line on stderr, got $(lines "$err"): $(head -c 400 "$err")" test "$(lines "$err")" -eq 1
  check "$name: the line matches '$pattern': $(head -c 400 "$err")" grep -qE "$pattern" "$err"
}
report="${reports[0]}"
expect_store_error "no credentials" \
  "^$report: $crud refused <[^>]+>: HTTP 403 Forbidden: .*Permission denied" \
  "$report" --endpoint "$crud"
expect_store_error "a wrong password" "^$report: $crud_auth refused <[^>]+>: HTTP 401 Unauthorized" \
  "$report" --endpoint "$crud_auth" --user dba --password wrong
expect_store_error "a closed port" \
  "^http://127\.0\.0\.1:$closed_port/sparql-graph-crud: cannot reach the store: .*127\.0\.0\.1.*$closed_port" \
  "${reports[@]}" --endpoint "http://127.0.0.1:$closed_port/sparql-graph-crud" --timeout 10
stored="$(count "$graph")"
check "refused loads leave the graph as it was: $triples triples (got '$stored')" \
  test "$stored" = "$triples"

stop_server
check "Virtuoso is stopped" test -z "$pid"
summary
