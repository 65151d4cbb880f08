"""The answers of the shipped queries on the bundled report, as Markdown tables for docs/loading.md.

The tables are made from queries/expected/NAME.tsv (the answers every engine's test checks: rdflib,
Oxigraph, Virtuoso) with each query's leading comment as its description; IRIs are shortened to the
prefixed names reportkg writes, and rows are sorted with numbers by value. They stand in docs/loading.md between the two marker comments.

Usage: /usr/bin/python3 tests/load/query_tables.py [--write FILE | --check FILE]
  (no option: print the tables; --write: replace the tables in FILE; --check: exit 1, with a diff,
  when FILE's tables differ from the expected files; virtuoso_test.sh runs this)
"""
import argparse
import difflib
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get('REPORTKG_SOURCE_DIR') or os.path.dirname(os.path.dirname(HERE))
QUERIES = os.path.join(ROOT, 'queries')

BEGIN = ('<!-- query tables: made by tests/load/query_tables.py --write docs/loading.md from '
         'queries/expected/*.tsv; do not edit by hand -->')
END = '<!-- end of query tables -->'

ID = 'https://w3id.org/reportkg/id/'
PREFIXES = [('rkg', 'https://w3id.org/reportkg/ontology#'),
            ('schema', 'http://schema.org/'),
            ('org', 'http://www.w3.org/ns/org#'),
            ('nif', 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#'),
            ('rdf', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'),
            ('rdfs', 'http://www.w3.org/2000/01/rdf-schema#')] + [
    (name, ID + name + '/') for name in (
        'person', 'organization', 'country', 'place', 'event', 'agreement', 'report', 'quote',
        'quantity', 'membership', 'role', 'statement', 'mention')]


def shorten(cell):
    for prefix, namespace in PREFIXES:
        if cell.startswith(namespace):
            local = cell[len(namespace):]
            if local and local.isalnum() and local.isascii():
                return '%s:%s' % (prefix, local)
    return cell


def markdown_cell(cell):
    return shorten(cell).replace('|', '\\|')


def natural(row):
    """Sort key: numbers in cells by value (offsets 321 before 1028), the rest as text."""
    return [[(0, int(part), '') if part.isdigit() else (1, 0, part)
             for part in re.split(r'(\d+)', cell)] for cell in row]


def description(query_text):
    lines = []
    for line in query_text.splitlines():
        if not line.startswith('#'):
            break
        lines.append(line.lstrip('#').strip())
    return ' '.join(lines)


def tables():
    out = [BEGIN, '']
    for path in sorted(glob.glob(os.path.join(QUERIES, '*.rq'))):
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding='utf-8') as f:
            text = f.read()
        with open(os.path.join(QUERIES, 'expected', name + '.tsv'), encoding='utf-8') as f:
            rows = [line.split('\t') for line in f.read().splitlines()]
        header, body = rows[0], rows[1:]
        out.append('#### `queries/%s.rq`' % name)
        out.append('')
        out.append(description(text))
        out.append('')
        if not body:
            out.append('No rows on the bundled report.')
        else:
            out.append('| ' + ' | '.join('?' + v for v in header) + ' |')
            out.append('|' + '---|' * len(header))
            for row in sorted(body, key=natural):
                out.append('| ' + ' | '.join(markdown_cell(c) for c in row) + ' |')
        out.append('')
    out.append(END)
    return '\n'.join(out) + '\n'


def split(doc, path):
    """(before, tables, after) of a document with the markers."""
    begin = doc.find(BEGIN)
    end = doc.find(END)
    if begin < 0 or end < begin:
        raise SystemExit('%s has no query tables between the markers %r and %r'
                         % (path, BEGIN, END))
    end += len(END)
    if doc[end:end + 1] == '\n':
        end += 1
    return doc[:begin], doc[begin:end], doc[end:]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument('--write', metavar='FILE', help='replace the tables in FILE')
    mode.add_argument('--check', metavar='FILE', help='check that FILE has these tables')
    args = ap.parse_args(argv)
    made = tables()
    if not (args.write or args.check):
        sys.stdout.write(made)
        return 0
    path = args.write or args.check
    with open(path, encoding='utf-8') as f:
        doc = f.read()
    before, current, after = split(doc, path)
    if args.write:
        with open(path, 'w', encoding='utf-8', newline='\n') as f:
            f.write(before + made + after)
        print('wrote the query tables into %s' % path)
        return 0
    if current == made:
        print('ok   the query tables in %s match queries/expected/' % path)
        return 0
    diff = difflib.unified_diff(current.splitlines(True), made.splitlines(True), path,
                                'from queries/expected')
    print('FAIL the query tables in %s differ from queries/expected/ (update them with '
          '/usr/bin/python3 tests/load/query_tables.py --write %s):\n%s'
          % (path, path, ''.join(diff)), file=sys.stderr)
    return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
