"""The shipped SPARQL queries (queries/NAME.rq) give the expected answers under rdflib.

Each query runs over a data file and its result (header = the projected variables, then the rows
as text, sorted; see rdftest.term_text) is compared with EXPECTED_DIR/NAME.tsv. A missing expected
file is a failure that prints the actual rows. UPDATE_EXPECTED=1 writes the expected files instead
(only for deliberate updates: review the diff). tests/rdf/queries_oxigraph_test.mjs checks the same
files with Oxigraph and tests/load/virtuoso_test.sh with Virtuoso, so all three engines must agree.

Usage: /usr/bin/python3 tests/rdf/queries_test.py [--data FILE --expected DIR]
  (or $REPORTKG_QUERY_DATA and $REPORTKG_QUERY_EXPECTED). Default: the fixture
  tests/rdf/fixtures/sample.ttl against tests/rdf/fixtures/expected/, and, once output/ has Turtle,
  output/hanoi-convention.ttl against queries/expected/.
"""
import argparse
import difflib
import glob
import os
import re
import sys

import rdftest
from rdftest import escape, fail, rel, term_text


def targets(args):
    """[(data file, expected dir, must every query have rows)]."""
    data = args.data or os.environ.get('REPORTKG_QUERY_DATA')
    expected = args.expected or os.environ.get('REPORTKG_QUERY_EXPECTED')
    if data or expected:
        if not (data and expected):
            raise SystemExit('give both the data file and the expected directory')
        return [(os.path.abspath(data), os.path.abspath(expected), False)]
    out = [(rdftest.FIXTURE, rdftest.FIXTURE_EXPECTED, True)]
    if rdftest.output_files():
        out.append((os.path.join(rdftest.OUTPUT, 'hanoi-convention.ttl'),
                    os.path.join(rdftest.QUERIES, 'expected'), False))
    return out


def query_files():
    files = sorted(glob.glob(os.path.join(rdftest.QUERIES, '*.rq')))
    if not files:
        raise SystemExit('no queries/*.rq found')
    return files


def check_query_text(path, text):
    """Each query explains its question in a leading comment and orders its answers."""
    problems = []
    if not text.startswith('#'):
        problems.append('does not start with a comment explaining the question')
    if not re.search(r'^\s*SELECT\b', text, re.M | re.I):
        problems.append('is not a SELECT query')
    if not re.search(r'\bORDER\s+BY\b', text, re.I):
        problems.append('has no ORDER BY (answers must be deterministic)')
    for p in problems:
        fail('%s %s' % (rel(path), p))
    return not problems


def result_tsv(graph, query):
    result = graph.query(query)
    header = [str(v) for v in result.vars]
    rows = sorted('\t'.join(escape(term_text(row[i])) for i in range(len(header)))
                  for row in result)
    return '\t'.join(header) + '\n' + ''.join(r + '\n' for r in rows), len(rows)


def normalized_expected(text):
    """An expected file as result_tsv writes it: the header, then the rows sorted."""
    lines = text.splitlines()
    return '\n'.join(lines[:1] + sorted(lines[1:])) + '\n'


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', help='Turtle file to query')
    ap.add_argument('--expected', help='directory of NAME.tsv expected results')
    args = ap.parse_args(argv)
    update = os.environ.get('UPDATE_EXPECTED') == '1'
    queries = query_files()
    ok = all([check_query_text(q, open(q, encoding='utf-8').read()) for q in queries])
    for data, expected_dir, need_rows in targets(args):
        if not os.path.isfile(data):
            fail('%s does not exist (output/ has Turtle but not this report)' % rel(data))
            ok = False
            continue
        graph = rdftest.load(data)
        for q in queries:
            name = os.path.splitext(os.path.basename(q))[0]
            with open(q, encoding='utf-8') as f:
                text = f.read()
            try:
                actual, n = result_tsv(graph, text)
            except Exception as e:  # noqa: BLE001 - a query rdflib cannot run is a failure
                fail('%s on %s: rdflib cannot run it: %s: %s' % (name, rel(data), type(e).__name__, e))
                ok = False
                continue
            exp_path = os.path.join(expected_dir, name + '.tsv')
            if need_rows and n == 0:
                fail('%s on %s: no rows (the fixture should exercise every query)' % (name, rel(data)))
                ok = False
            if update:
                os.makedirs(expected_dir, exist_ok=True)
                with open(exp_path, 'w', encoding='utf-8', newline='\n') as f:
                    f.write(actual)
                print('wrote %s (%d rows)' % (rel(exp_path), n))
                continue
            if not os.path.isfile(exp_path):
                fail('%s on %s: no expected file %s; actual result:\n%s'
                     '(if right, write it with UPDATE_EXPECTED=1)' % (name, rel(data), rel(exp_path), actual))
                ok = False
                continue
            with open(exp_path, encoding='utf-8') as f:
                expected = f.read()
            norm_expected = normalized_expected(expected)
            if actual != norm_expected:
                diff = difflib.unified_diff(norm_expected.splitlines(True), actual.splitlines(True),
                                            rel(exp_path), 'rdflib result')
                fail('%s on %s differs from the expected result:\n%s' % (name, rel(data), ''.join(diff)))
                ok = False
            else:
                print('ok   %s on %s: %d rows as expected' % (name, rel(data), n))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
