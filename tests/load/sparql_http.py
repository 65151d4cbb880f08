"""SPARQL over HTTP for the triple-store tests in this folder (Debian's /usr/bin/python3 + rdflib).

  queries --endpoint URL --graph IRI [--expected DIR]
      Runs every queries/NAME.rq at the SPARQL endpoint, always on the one named graph IRI (as the
      default graph, through the protocol's default-graph-uri parameter, so that a store's own
      graphs stay out of the answers), and compares each answer with DIR/NAME.tsv (default
      queries/expected/). The answer, read as SPARQL JSON results, becomes text exactly as
      tests/rdf/queries_test.py makes it from rdflib's answers (result_tsv, normalized_expected are
      imported from there), so every engine is held to the same expected files.
  count --endpoint URL --graph IRI
      Prints the number of triples in the graph.

Prints 'ok'/'FAIL' lines and exits 1 when an answer differs.
"""
import argparse
import difflib
import glob
import io
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'rdf'))

import rdftest  # noqa: E402
from queries_test import normalized_expected, result_tsv  # noqa: E402
from rdflib.query import Result  # noqa: E402

TIMEOUT = 120  # seconds per query


class RemoteGraph:
    """What result_tsv needs of a graph (query(text) → rdflib Result), answered by an endpoint."""

    def __init__(self, endpoint, graph):
        self.endpoint = endpoint
        self.graph = graph

    def query(self, text):
        data = urllib.parse.urlencode({'query': text, 'default-graph-uri': self.graph}).encode()
        request = urllib.request.Request(
            self.endpoint, data=data,
            headers={'Accept': 'application/sparql-results+json',
                     'Content-Type': 'application/x-www-form-urlencoded'})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                body = response.read()
        except urllib.error.HTTPError as e:
            first = e.read().decode('utf-8', 'replace').strip().splitlines()[:1]
            raise RuntimeError('HTTP %d %s %s' % (e.code, e.reason, first)) from None
        return Result.parse(io.BytesIO(body), format='json')


def run_queries(args):
    expected_dir = args.expected or os.path.join(rdftest.QUERIES, 'expected')
    remote = RemoteGraph(args.endpoint, args.graph)
    files = sorted(glob.glob(os.path.join(rdftest.QUERIES, '*.rq')))
    if not files:
        rdftest.fail('no queries/*.rq found')
        return 1
    ok = True
    for path in files:
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding='utf-8') as f:
            text = f.read()
        try:
            actual, n = result_tsv(remote, text)
        except Exception as e:  # noqa: BLE001 - a query the store cannot run is a failure
            rdftest.fail('%s at %s: %s: %s' % (name, args.endpoint, type(e).__name__, e))
            ok = False
            continue
        exp_path = os.path.join(expected_dir, name + '.tsv')
        if not os.path.isfile(exp_path):
            rdftest.fail('%s: no expected file %s; the store answered:\n%s'
                         % (name, rdftest.rel(exp_path), actual))
            ok = False
            continue
        with open(exp_path, encoding='utf-8') as f:
            expected = normalized_expected(f.read())
        if actual != expected:
            diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        rdftest.rel(exp_path), 'store result')
            rdftest.fail('%s on <%s> differs from the expected result:\n%s'
                         % (name, args.graph, ''.join(diff)))
            ok = False
        else:
            print('ok   %s on <%s>: %d rows as expected' % (name, args.graph, n))
    return 0 if ok else 1


def count(args):
    result = RemoteGraph(args.endpoint, args.graph).query(
        'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')
    print(int(next(iter(result))[0]))
    return 0


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = ap.add_subparsers(dest='command', required=True)
    q = sub.add_parser('queries', help='run queries/*.rq and compare with the expected files')
    c = sub.add_parser('count', help='print the number of triples in the graph')
    for p in (q, c):
        p.add_argument('--endpoint', required=True, help='SPARQL endpoint URL')
        p.add_argument('--graph', required=True, help='the named graph to query')
    q.add_argument('--expected', help='directory of NAME.tsv (default queries/expected)')
    args = ap.parse_args(argv)
    return run_queries(args) if args.command == 'queries' else count(args)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
