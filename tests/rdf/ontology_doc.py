"""Generate the term tables of docs/ontology.md from ontology/reportkg.ttl.

The tables stand between the markers `<!-- BEGIN generated terms -->` and
`<!-- END generated terms -->`; the prose around them is kept. ontology_test.py fails when the
tables are stale.

Usage: /usr/bin/python3 tests/rdf/ontology_doc.py          rewrite docs/ontology.md
       /usr/bin/python3 tests/rdf/ontology_doc.py --check  exit 1 if it is stale
"""
import os
import sys

from rdflib import OWL, RDF, RDFS, BNode

import rdftest
from rdftest import RKG

DOC = os.path.join(rdftest.ROOT, 'docs', 'ontology.md')
BEGIN = '<!-- BEGIN generated terms -->'
END = '<!-- END generated terms -->'
PREFIXES = [
    ('rkg', str(RKG)), ('schema', 'http://schema.org/'), ('org', 'http://www.w3.org/ns/org#'),
    ('sem', 'http://semanticweb.cs.vu.nl/2009/11/sem/'),
    ('nif', 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#'),
    ('rdf', str(RDF)), ('rdfs', str(RDFS)), ('xsd', 'http://www.w3.org/2001/XMLSchema#'),
]


def short(g, term):
    if isinstance(term, BNode):
        members = list(g.items(g.value(term, OWL.unionOf)))
        return ' or '.join(short(g, m) for m in members) if members else '_:'
    for p, ns in PREFIXES:
        if str(term).startswith(ns):
            return '%s:%s' % (p, str(term)[len(ns):])
    return '<%s>' % term


def text(g, term, pred, lang):
    for o in g.objects(term, pred):
        if getattr(o, 'language', None) == lang:
            return str(o).replace('|', '\\|')
    return ''


def table(g, kind, sup):
    terms = sorted((t for t in g.subjects(RDF.type, kind) if str(t).startswith(str(RKG))),
                   key=lambda t: str(t).lower())
    is_class = kind == OWL.Class
    if is_class:
        rows = ['| term | label (en / de) | subclass of | definition |', '|---|---|---|---|']
    else:
        rows = ['| term | label (en / de) | subproperty of | domain → range | definition |',
                '|---|---|---|---|---|']
    for t in terms:
        cells = ['`%s`' % short(g, t),
                 '%s / %s' % (text(g, t, RDFS.label, 'en'), text(g, t, RDFS.label, 'de')),
                 ', '.join(sorted(short(g, o) for o in g.objects(t, sup))) or '–']
        if not is_class:
            dom = ', '.join(short(g, o) for o in g.objects(t, RDFS.domain)) or '–'
            rng = ', '.join(short(g, o) for o in g.objects(t, RDFS.range)) or '–'
            cells.append('%s → %s' % (dom, rng))
        cells.append(text(g, t, RDFS.comment, 'en'))
        rows.append('| %s |' % ' | '.join(cells))
    return '\n'.join(rows)


def generated():
    g = rdftest.load(rdftest.ONTOLOGY)
    parts = [
        '### Classes', '', table(g, OWL.Class, RDFS.subClassOf), '',
        '### Object properties', '', table(g, OWL.ObjectProperty, RDFS.subPropertyOf), '',
        '### Datatype properties', '', table(g, OWL.DatatypeProperty, RDFS.subPropertyOf),
    ]
    return '\n'.join(parts)


def render(current):
    head, sep, rest = current.partition(BEGIN)
    if not sep or END not in rest:
        raise SystemExit('%s has no %s ... %s markers' % (DOC, BEGIN, END))
    tail = rest.split(END, 1)[1]
    return head + BEGIN + '\n' + generated() + '\n' + END + tail


def main(argv):
    with open(DOC, encoding='utf-8') as f:
        current = f.read()
    new = render(current)
    if '--check' in argv:
        if new != current:
            print('%s is stale: run /usr/bin/python3 tests/rdf/ontology_doc.py' % rdftest.rel(DOC))
            return 1
        return 0
    with open(DOC, 'w', encoding='utf-8') as f:
        f.write(new)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
