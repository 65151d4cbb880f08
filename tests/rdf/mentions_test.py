"""Every NIF mention points at the exact text it claims: for each node with nif:anchorOf, the
report's nif:isString sliced at [nif:beginIndex, nif:endIndex) in Unicode code points equals the
anchor text, and the node is named <report#char=begin,end> (RFC 5147). Every mentioned entity is
typed in the same graph. (SHACL checks the shape of mentions; this checks their content.)

Usage: /usr/bin/python3 tests/rdf/mentions_test.py [OUTPUT.ttl ...]
(default: the fixture plus output/*.ttl, or $REPORTKG_RDF_DATA; see rdftest.py)
"""
import sys

from rdflib import RDF, Literal, Namespace, URIRef

import rdftest
from rdftest import fail, rel

NIF = Namespace('http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#')
ITSRDF = Namespace('http://www.w3.org/2005/11/its/rdf#')


def one(g, s, p):
    values = list(g.objects(s, p))
    return values[0] if len(values) == 1 else None


def check_file(path):
    g = rdftest.load(path)
    problems = []
    count = 0
    for m in sorted(set(g.subjects(NIF.anchorOf, None))):
        count += 1
        anchor, begin, end = one(g, m, NIF.anchorOf), one(g, m, NIF.beginIndex), one(g, m, NIF.endIndex)
        report = one(g, m, NIF.referenceContext)
        if None in (anchor, begin, end, report):
            problems.append('%s: needs one nif:anchorOf, beginIndex, endIndex, referenceContext' % m)
            continue
        b, e = int(begin), int(end)
        text = one(g, report, NIF.isString)
        if not isinstance(text, Literal):
            problems.append('%s: its context %s has no single nif:isString' % (m, report))
            continue
        text = str(text)
        if not 0 <= b < e <= len(text):
            problems.append('%s: offsets %d,%d outside the text (%d code points)' % (m, b, e, len(text)))
        elif text[b:e] != str(anchor):
            problems.append('%s: anchor %r but the text at %d,%d is %r' % (m, str(anchor), b, e, text[b:e]))
        if isinstance(m, URIRef) and str(m) != '%s#char=%d,%d' % (report, b, e):
            problems.append('%s: expected the IRI %s#char=%d,%d' % (m, report, b, e))
        for entity in g.objects(m, ITSRDF.taIdentRef):
            if (entity, RDF.type, None) not in g:
                problems.append('%s: mentions %s, which has no rdf:type in this graph' % (m, entity))
    for p in problems:
        fail('%s: %s' % (rel(path), p))
    if not problems:
        print('ok   %s: %d mentions match the report text' % (rel(path), count))
    return not problems


def main(argv):
    results = [check_file(p) for p in rdftest.data_files(argv)]
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
