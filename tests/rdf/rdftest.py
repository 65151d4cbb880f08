"""Shared helpers of the RDF tests in this folder (run with Debian's /usr/bin/python3 + rdflib).

Which Turtle files a test checks:
  1. the files given on the command line, else
  2. the files in $REPORTKG_RDF_DATA (separated by ':'), else
  3. the hand-written fixture tests/rdf/fixtures/sample.ttl plus every output/*.ttl; when output/
     has no .ttl yet, that part is skipped with a message (the fixture is still checked).
"""
import glob
import os
import sys

import rdflib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get('REPORTKG_SOURCE_DIR') or os.path.dirname(os.path.dirname(HERE))
ONTOLOGY = os.path.join(ROOT, 'ontology', 'reportkg.ttl')
SHAPES = os.path.join(ROOT, 'ontology', 'shapes.ttl')
QUERIES = os.path.join(ROOT, 'queries')
OUTPUT = os.path.join(ROOT, 'output')
FIXTURE = os.path.join(HERE, 'fixtures', 'sample.ttl')
FIXTURE_EXPECTED = os.path.join(HERE, 'fixtures', 'expected')

RKG = rdflib.Namespace('https://w3id.org/reportkg/ontology#')
SCHEMA = rdflib.Namespace('http://schema.org/')
ONTOLOGY_IRI = rdflib.URIRef('https://w3id.org/reportkg/ontology')


def rel(path):
    """Path relative to the project root, for messages."""
    r = os.path.relpath(path, ROOT)
    return path if r.startswith('..') else r


def output_files():
    """Every output/*.ttl, sorted; prints the skip message and returns [] when there is none."""
    files = sorted(glob.glob(os.path.join(OUTPUT, '*.ttl')))
    if not files:
        print('SKIP output/: no .ttl there yet (generate it with reportkg convert); '
              'checking the fixture only')
    return files


def data_files(argv):
    """The Turtle files to check (see the module comment)."""
    if argv:
        return [os.path.abspath(a) for a in argv]
    env = os.environ.get('REPORTKG_RDF_DATA', '').strip()
    if env:
        return [os.path.abspath(p) for p in env.split(os.pathsep) if p]
    return [FIXTURE] + output_files()


def load(*paths):
    """Parse Turtle files into one rdflib Graph (file:// base IRI per file)."""
    g = rdflib.Graph()
    for p in paths:
        with open(p, 'rb') as f:
            g.parse(f, format='turtle', publicID='file://' + os.path.abspath(p))
    return g


def term_text(term):
    """A result term as the text compared with the expected files: an IRI as itself, a literal as
    its lexical form, unbound as the empty string, a blank node as `_:` (labels are arbitrary)."""
    if term is None:
        return ''
    if isinstance(term, rdflib.BNode):
        return '_:'
    return str(term)


def escape(text):
    """One TSV cell: backslash, tab, newline and carriage return escaped."""
    return (text.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')
            .replace('\r', '\\r'))


def fail(msg):
    print('FAIL ' + msg, file=sys.stderr)
