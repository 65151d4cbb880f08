"""The ontology (ontology/reportkg.ttl) defines exactly the terms of docs/output-model.md, each
documented in English and German, aligned as the output model says, reaching the schema.org terms
the scorer relies on (../shared/corpus/GOLD-FORMAT.md); and every rkg: term that an output uses is
defined.

Usage: /usr/bin/python3 tests/rdf/ontology_test.py [OUTPUT.ttl ...]
(default: the fixture plus output/*.ttl, or $REPORTKG_RDF_DATA; see rdftest.py)
"""
import os
import re
import shutil
import subprocess
import sys

from rdflib import OWL, RDF, RDFS, XSD, Literal, Namespace, URIRef

import rdftest
from rdftest import ONTOLOGY_IRI, RKG, SCHEMA, fail, rel

DCTERMS = Namespace('http://purl.org/dc/terms/')
VANN = Namespace('http://purl.org/vocab/vann/')
SH = Namespace('http://www.w3.org/ns/shacl#')
PREFIXES = {
    'rkg': str(RKG), 'schema': str(SCHEMA), 'org': 'http://www.w3.org/ns/org#',
    'sem': 'http://semanticweb.cs.vu.nl/2009/11/sem/', 'rdf': str(RDF), 'rdfs': str(RDFS),
    'nif': 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#',
}
DATATYPE_PROPERTIES = {'jobTitle', 'isoCode', 'value', 'unit', 'qualifier', 'text', 'rule',
                       'toolVersion'}
# What the scorer needs to reach by rdfs:subClassOf* / rdfs:subPropertyOf* (GOLD-FORMAT.md).
SCORER_CLASSES = {
    'Person': 'Person', 'Organization': 'Organization', 'Country': 'Country', 'Place': 'Place',
    'Event': 'Event', 'Agreement': 'Legislation', 'Quote': 'Quotation',
}
SCORER_PROPERTIES = {
    'affiliation': 'affiliation', 'jobTitle': 'jobTitle', 'location': 'location',
    'organizer': 'organizer', 'participant': 'attendee', 'parentOrganization': 'parentOrganization',
    'containedInPlace': 'containedInPlace', 'about': 'about', 'nationality': 'nationality',
    'country': 'countryOfOrigin', 'text': 'text', 'speaker': 'creator',
}
# IRIs the ontology may use without declaring them (built into RDF/OWL or XSD).
BUILTIN = {RDF.Statement, RDF.langString, OWL.Thing}

errors = []
warnings = []


def error(msg):
    errors.append(msg)
    fail(msg)


def curie(term):
    for p, ns in PREFIXES.items():
        if str(term).startswith(ns):
            return p + ':' + str(term)[len(ns):]
    return '<%s>' % term


def expand(name):
    p, local = name.split(':', 1)
    return URIRef(PREFIXES[p] + local)


def output_model():
    """The rkg: terms of docs/output-model.md and the super-terms its two tables give each."""
    path = os.path.join(rdftest.ROOT, 'docs', 'output-model.md')
    with open(path, encoding='utf-8') as f:
        doc = f.read()
    terms = set(re.findall(r'\brkg:([A-Za-z]+)', doc))
    supers = {}
    for line in doc.splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) < 2 or not re.fullmatch(r'rkg:[A-Za-z]+', cells[0]):
            continue
        name = cells[0][4:]
        cell = re.sub(r'\([^)]*\)', '', cells[-1])    # "(also typed nif:Context)" is no superclass
        supers[name] = {expand(t) for t in re.findall(r'\b(?:schema|org|sem|rdf|rdfs):[A-Za-z]+', cell)}
    return terms, supers


def closure(g, start, pred):
    seen, todo = {start}, [start]
    while todo:
        for o in g.objects(todo.pop(), pred):
            if o not in seen:
                seen.add(o)
                todo.append(o)
    return seen


def check_serdi(paths):
    """The scorer reads ontology/*.ttl with serdi: each file must pass it."""
    if not shutil.which('serdi'):
        error('serdi not found (apt-get install serdi): the scorer needs it')
        return
    for p in paths:
        r = subprocess.run(['serdi', '-i', 'turtle', '-o', 'ntriples', p, 'file://' + p],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if r.returncode != 0:
            error('%s: serdi rejects it: %s' % (rel(p), r.stderr.decode(errors='replace').strip()))


def check_header(g):
    if (ONTOLOGY_IRI, RDF.type, OWL.Ontology) not in g:
        error('no owl:Ontology <%s>' % ONTOLOGY_IRI)
        return
    one = {
        OWL.versionIRI: URIRef('https://w3id.org/reportkg/ontology/0.1.0'),
        OWL.versionInfo: Literal('0.1.0'),
        DCTERMS.license: URIRef('https://www.apache.org/licenses/LICENSE-2.0'),
        DCTERMS.creator: Literal('reportkg'),
        VANN.preferredNamespacePrefix: Literal('rkg'),
        VANN.preferredNamespaceUri: Literal(str(RKG)),
    }
    for p, v in one.items():
        got = set(g.objects(ONTOLOGY_IRI, p))
        if got != {v}:
            error('ontology header: %s is %s, expected %r' % (curie(p), sorted(got) or 'missing', v))
    for p in (DCTERMS.title, DCTERMS.description):
        langs = sorted(o.language for o in g.objects(ONTOLOGY_IRI, p) if isinstance(o, Literal))
        if langs != ['de', 'en']:
            error('ontology header: %s needs one @en and one @de value, has %s' % (p, langs))


def check_terms(g, expected_terms, expected_supers):
    kinds = {OWL.Class: 'class', OWL.ObjectProperty: 'object property',
             OWL.DatatypeProperty: 'datatype property'}
    defined = {}
    for kind in kinds:
        for s in g.subjects(RDF.type, kind):
            if str(s).startswith(str(RKG)):
                defined[str(s)[len(RKG):]] = kind
    for name in sorted(expected_terms - set(defined)):
        error('rkg:%s is in docs/output-model.md but not defined as a class or property' % name)
    for name in sorted(set(defined) - expected_terms):
        error('rkg:%s is defined but not in docs/output-model.md (define only emitted terms)' % name)
    # every rkg: IRI that appears in the ontology is one of the defined terms
    for t in sorted({t for tr in g for t in tr if isinstance(t, URIRef) and str(t).startswith(str(RKG))}):
        if str(t)[len(RKG):] not in defined:
            error('%s is used in the ontology but not defined' % curie(t))

    for name, kind in sorted(defined.items()):
        term = RKG[name]
        want = (OWL.Class if name[0].isupper() else
                OWL.DatatypeProperty if name in DATATYPE_PROPERTIES else OWL.ObjectProperty)
        if kind != want or len(set(g.objects(term, RDF.type))) != 1:
            error('rkg:%s should be typed only %s' % (name, kinds[want]))
        for p in (RDFS.label, RDFS.comment):
            langs = sorted(o.language or '' for o in g.objects(term, p))
            if langs != ['de', 'en']:
                error('rkg:%s needs exactly one %s @en and one @de, has %s' % (name, curie(p), langs))
        if set(g.objects(term, RDFS.isDefinedBy)) != {ONTOLOGY_IRI}:
            error('rkg:%s: rdfs:isDefinedBy must be <%s>' % (name, ONTOLOGY_IRI))
        sup = RDFS.subClassOf if kind == OWL.Class else RDFS.subPropertyOf
        got = set(g.objects(term, sup))
        want_supers = expected_supers.get(name, set())
        if got != want_supers:
            error('rkg:%s: %s is {%s}, docs/output-model.md says {%s}' % (
                name, curie(sup), ', '.join(sorted(map(curie, got))),
                ', '.join(sorted(map(curie, want_supers)))))


def check_scorer_contract(g):
    for name, target in SCORER_CLASSES.items():
        sups = closure(g, RKG[name], RDFS.subClassOf)
        if SCHEMA[target] not in sups:
            error('rkg:%s does not reach schema:%s by rdfs:subClassOf*' % (name, target))
    if SCHEMA.Country in closure(g, RKG.Place, RDFS.subClassOf):
        error('rkg:Place reaches schema:Country: the scorer would not count it as a place')
    for name, target in SCORER_PROPERTIES.items():
        if SCHEMA[target] not in closure(g, RKG[name], RDFS.subPropertyOf):
            error('rkg:%s does not reach schema:%s by rdfs:subPropertyOf*' % (name, target))
    # only one label per entity counts: nothing but rdfs:label itself may be ⊑ rdfs:label
    for s in set(g.subjects(RDFS.subPropertyOf, None)):
        if s != RDFS.label and RDFS.label in closure(g, s, RDFS.subPropertyOf):
            error('%s is declared rdfs:subPropertyOf* rdfs:label: the scorer would count it as a '
                  'second label' % curie(s))


def check_declarations(g):
    """Every IRI the ontology uses as a class or property is declared (OWL 2 typing)."""
    classes = set(g.subjects(RDF.type, OWL.Class))
    props = set(g.subjects(RDF.type, OWL.ObjectProperty)) | set(g.subjects(RDF.type, OWL.DatatypeProperty))
    used_classes = set(g.objects(None, RDFS.subClassOf)) | set(g.objects(None, RDFS.domain))
    used_classes |= {o for o in g.objects(None, RDFS.range) if not str(o).startswith(str(XSD))}
    for lst in g.objects(None, OWL.unionOf):
        used_classes |= set(g.items(lst))
    for c in sorted(used_classes):
        if isinstance(c, URIRef) and c not in classes and c not in BUILTIN:
            error('%s is used as a class but not declared owl:Class' % curie(c))
    for p in sorted(set(g.objects(None, RDFS.subPropertyOf))):
        if p not in props:
            error('%s is used as a superproperty but not declared a property' % curie(p))
        elif (set(g.subjects(RDFS.subPropertyOf, p)) & set(g.subjects(RDF.type, OWL.ObjectProperty))
              and (p, RDF.type, OWL.ObjectProperty) not in g):
            error('%s is the superproperty of an object property but not an owl:ObjectProperty' % curie(p))


def check_data(g, files):
    """Every rkg: term an output uses is defined; unused defined terms are only a warning."""
    defined = {str(s) for s in g.subjects(RDFS.isDefinedBy, ONTOLOGY_IRI)}
    used = set()
    for path in files:
        try:
            d = rdftest.load(path)
        except Exception as e:  # noqa: BLE001 - any parse error is a failure of this file
            error('%s does not parse as Turtle: %s' % (rel(path), e))
            continue
        here = {str(t) for tr in d for t in tr
                if isinstance(t, URIRef) and str(t).startswith(str(RKG))}
        for t in sorted(here - defined):
            error('%s uses %s, which the ontology does not define' % (rel(path), curie(URIRef(t))))
        used |= here
        print('ok   %s: %d triples, %d rkg: terms, all defined' % (rel(path), len(d), len(here & defined)))
    for t in sorted(defined - used):
        warnings.append('%s is defined but no checked file uses it' % curie(URIRef(t)))


def check_domain_shapes(g):
    """Each rdfs:domain of the ontology is enforced by a shape (sh:targetSubjectsOf P; sh:class D),
    so that no output makes a reasoner infer a wrong type from it."""
    shapes = rdftest.load(rdftest.SHAPES)
    enforced = {(p, c) for shape in shapes.subjects(SH.targetSubjectsOf, None)
                for p in shapes.objects(shape, SH.targetSubjectsOf)
                for c in shapes.objects(shape, SH['class'])}
    for p, d in sorted(g.subject_objects(RDFS.domain)):
        if str(p).startswith(str(RKG)) and isinstance(d, URIRef) and (p, d) not in enforced:
            error('%s has rdfs:domain %s but ontology/shapes.ttl has no shape with '
                  'sh:targetSubjectsOf %s and sh:class %s' % (curie(p), curie(d), curie(p), curie(d)))


def check_doc():
    """docs/ontology.md's term tables are generated from the ontology and must be current."""
    import ontology_doc
    with open(ontology_doc.DOC, encoding='utf-8') as f:
        current = f.read()
    if ontology_doc.render(current) != current:
        error('docs/ontology.md is stale: run /usr/bin/python3 tests/rdf/ontology_doc.py')


def main(argv):
    files = rdftest.data_files(argv)
    ontology_files = sorted(os.path.join(rdftest.ROOT, 'ontology', f)
                            for f in os.listdir(os.path.join(rdftest.ROOT, 'ontology'))
                            if f.endswith('.ttl'))
    check_serdi(ontology_files)
    g = rdftest.load(rdftest.ONTOLOGY)
    print('ok   %s parses: %d triples' % (rel(rdftest.ONTOLOGY), len(g)))
    terms, supers = output_model()
    check_header(g)
    check_terms(g, terms, supers)
    check_scorer_contract(rdftest.load(*ontology_files))
    check_declarations(g)
    check_domain_shapes(g)
    check_data(g, files)
    check_doc()
    for w in warnings:
        print('WARN ' + w)
    if errors:
        print('ontology: %d problem(s)' % len(errors), file=sys.stderr)
        return 1
    print('ontology: the %d rkg: terms of docs/output-model.md are defined, documented in en+de, '
          'aligned, and cover every checked file' % len(terms))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
