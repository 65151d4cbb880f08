"""Provenance, named graphs and merging (issue 3), checked end to end through the reportkg binary.

Every mention and sentence span must match the report text: anchorOf == text[begin:end) in Unicode
code points (Python str indices), on the bundled reports (examples/*.txt) and on hand-made reports
with a BOM, CRLF line ends, combining characters, emoji (flags, ZWJ sequences), other characters
outside the BMP and CJK. Also: every entity has a mention; --provenance none|mentions|full;
statement nodes with rule and evidence sentence; report metadata and boilerplate; TriG/N-Quads parse
with serdi and keep reports apart in graphs named by the report IRIs; several reports merge into one
graph with one IRI per person/organization/country/agreement; --out-dir; recursive directories;
output independent of input order and byte-identical run to run.

Run: REPORTKG=build/reportkg /usr/bin/python3 tests/provenance/provenance_test.py
(from the project root; needs rdflib and serdi). Prints PASS/FAIL per test and exits 1 on failure.
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

from rdflib import RDF, XSD, ConjunctiveGraph, Graph, Literal, Namespace, URIRef

ROOT = os.environ.get('REPORTKG_SOURCE_DIR') or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get('REPORTKG') or os.path.join(ROOT, 'build', 'reportkg')
SERDI = shutil.which('serdi') or '/usr/bin/serdi'
EXAMPLES = sorted(glob.glob(os.path.join(ROOT, 'examples', '*.txt')))

NIF = Namespace('http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#')
ITSRDF = Namespace('http://www.w3.org/2005/11/its/rdf#')
RKG = Namespace('https://w3id.org/reportkg/ontology#')
SCHEMA = Namespace('http://schema.org/')
RDFS_LABEL = URIRef('http://www.w3.org/2000/01/rdf-schema#label')

ENTITY_TYPES = [RKG.Person, RKG.Organization, RKG.Country, RKG.Place, RKG.Event, RKG.Agreement]
# Relations between entities (and the title) of docs/output-model.md; with --provenance full each
# of these triples has a statement node.
RELATION_PREDICATES = [RKG.jobTitle, RKG.affiliation, RKG.nationality, RKG.country,
                       RKG.parentOrganization, RKG.containedInPlace, RKG.location, RKG.organizer,
                       RKG.participant, RKG.about, RKG.quantity, RKG.speaker]
FORMATS = ['turtle', 'ntriples', 'trig', 'nquads']
RDFLIB_FORMAT = {'turtle': 'turtle', 'ntriples': 'nt', 'trig': 'trig', 'nquads': 'nquads'}

# ---- hand-made reports --------------------------------------------------------------------------
# Report A: UTF-8 BOM, CRLF line ends, flag emoji (two non-BMP code points) before a person, a ZWJ
# emoji sequence, names with combining diaeresis (e + U+0308, o + U+0308), a CJK name, Fraktur
# letters outside the BMP, boilerplate lines and a source line.
TEXT_A = ('\ufeffKanzler Weber besucht Kiew\r\n'
          '\r\n'
          'Kiew, 3. März 2024 (dpa) - \U0001F1FA\U0001F1E6 Außenministerin Anna Müller sagte am Montag in '
          'Kiew, die Ukraine brauche weitere Hilfe.\r\n'
          'Bundeskanzler Olaf Weber traf in Kiew \U0001F469\u200d\U0001F4BB Bundesministerin '
          'Zoe\u0308 Schro\u0308der und Vertreter der Europäischen Union.\r\n'
          'Der chinesische Sondergesandte 李辉 (Li Hui) sagte \U0001F600, das Übereinkommen von Paris '
          'sei \U0001D534\U0001D526\U0001D520\U0001D525\U0001D531\U0001D526\U0001D524.\r\n'
          'Mehr als 300 Journalisten verfolgten das Treffen in Kiew, sagte Olaf Weber.\r\n'
          'Kommentar (0)\r\n'
          'Teilen\r\n'
          'Foto: Reuters/Berlin\r\n'
          'Quelle: https://example.org/nachrichten/kanzler-kiew\r\n')
# Report B: plain LF text that shares a person, an organization, a country and an agreement with A.
TEXT_B = ('Weber in Paris\n'
          '\n'
          'Paris, 5. März 2024 - Bundeskanzler Olaf Weber hat in Paris mit Vertretern der Europäischen '
          'Union über die Ukraine gesprochen.\n'
          'Nach dem Treffen sagte Olaf Weber, das Übereinkommen von Paris bleibe die Grundlage.\n'
          'An der Konferenz nahmen rund 40 Delegierte aus 12 Ländern teil.\n'
          'Quelle: https://example.org/nachrichten/weber-paris\n')
NAME_A = 'kanzler-kiew.de.txt'
NAME_B = 'weber-paris.de.txt'
META = {  # expected report metadata: headline, source URL, date
    NAME_A: ('Kanzler Weber besucht Kiew', 'https://example.org/nachrichten/kanzler-kiew', '2024-03-03'),
    NAME_B: ('Weber in Paris', 'https://example.org/nachrichten/weber-paris', '2024-03-05'),
}
BOILERPLATE_A = ['Kommentar (0)', 'Teilen', 'Foto: Reuters/Berlin']
# Mentions that must exist in A at exactly the code point offset Python finds: (anchor, type).
EXPECTED_MENTIONS_A = [
    ('Anna Müller', RKG.Person),                     # after a flag emoji, CRLF and the BOM
    ('Zoe\u0308 Schro\u0308der', RKG.Person),         # combining diaeresis inside, after ZWJ emoji
    ('Europäischen Union', RKG.Organization),
    ('Li Hui', RKG.Person),                          # after CJK characters
    ('Übereinkommen von Paris', RKG.Agreement),      # after an emoji
    ('Ukraine', RKG.Country),
]
SHARED = [('Olaf Weber', RKG.Person), ('Europäische Union', RKG.Organization),
          ('Ukraine', RKG.Country), ('Übereinkommen von Paris', RKG.Agreement)]

TMP = None  # the temporary directory with the hand-made reports (set by main)


def path_a():
    return os.path.join(TMP, 'in', NAME_A)


def path_b():
    return os.path.join(TMP, 'in', NAME_B)


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(text)


def setup_inputs():
    write_text(path_a(), TEXT_A)
    write_text(path_b(), TEXT_B)


def file_text(path):
    """The report text as the NIF context should hold it: UTF-8 without a BOM, line ends kept."""
    with open(path, 'rb') as f:
        return f.read().decode('utf-8-sig')


# ---- running the binary -------------------------------------------------------------------------
def run(args):
    return subprocess.run([BIN] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def convert(inputs, fmt='turtle', provenance=None, extra=()):
    """Convert the inputs, return standard output as bytes (asserting exit code 0)."""
    args = ['convert', '-q', '--format', fmt] + list(extra)
    if provenance:
        args += ['--provenance', provenance]
    p = run(args + list(inputs))
    assert p.returncode == 0, 'reportkg %s exited %d: %s' % (
        ' '.join(args + [os.path.basename(i) for i in inputs]), p.returncode,
        p.stderr.decode('utf-8', 'replace').strip())
    return p.stdout


def parse(data, fmt='turtle'):
    g = ConjunctiveGraph() if fmt in ('trig', 'nquads') else Graph()
    g.parse(data=data.decode('utf-8'), format=RDFLIB_FORMAT[fmt])
    return g


def graph_of(inputs, provenance=None, fmt='turtle'):
    return parse(convert(inputs, fmt, provenance), fmt)


def serdi_nquads(data, fmt):
    """Parse with serdi (the reference parser), return (returncode, N-Quads bytes, stderr)."""
    with tempfile.NamedTemporaryFile(dir=TMP, suffix='.' + fmt, delete=False) as f:
        f.write(data)
        name = f.name
    p = subprocess.run([SERDI, '-i', fmt, '-o', 'nquads', name], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    os.unlink(name)
    return p.returncode, p.stdout, p.stderr.decode('utf-8', 'replace')


# ---- checks on a graph (each returns a list of problems) ---------------------------------------
def one(g, s, p):
    values = list(g.objects(s, p))
    return values[0] if len(values) == 1 else None


def reports(g):
    return sorted(set(g.subjects(RDF.type, RKG.Report)))


def check_spans(g):
    """Every NIF span (a node with nif:anchorOf, i.e. mentions and sentences) matches its text."""
    problems = []
    for m in sorted(set(g.subjects(NIF.anchorOf, None)) | set(g.subjects(ITSRDF.taIdentRef, None))):
        anchor, begin, end = one(g, m, NIF.anchorOf), one(g, m, NIF.beginIndex), one(g, m, NIF.endIndex)
        ctx = one(g, m, NIF.referenceContext)
        if None in (anchor, begin, end, ctx):
            problems.append('%s: needs exactly one nif:anchorOf, beginIndex, endIndex, referenceContext' % m)
            continue
        for idx in (begin, end):
            if not isinstance(idx, Literal) or idx.datatype != XSD.nonNegativeInteger:
                problems.append('%s: index %r is not an xsd:nonNegativeInteger' % (m, idx))
        for t in (NIF.String, NIF.RFC5147String):
            if (m, RDF.type, t) not in g:
                problems.append('%s: not typed %s' % (m, t))
        text = one(g, ctx, NIF.isString)
        if not isinstance(text, Literal):
            problems.append('%s: its context %s has no single nif:isString' % (m, ctx))
            continue
        text, b, e = str(text), int(begin), int(end)
        if not 0 <= b < e <= len(text):
            problems.append('%s: offsets %d,%d outside the text (%d code points)' % (m, b, e, len(text)))
        elif text[b:e] != str(anchor):
            problems.append('%s: anchorOf %r but text[%d:%d] is %r' % (m, str(anchor), b, e, text[b:e]))
        if str(m) != '%s#char=%d,%d' % (ctx, b, e):
            problems.append('%s: expected the IRI %s#char=%d,%d' % (m, ctx, b, e))
    return problems


def check_contexts(g, texts):
    """Each report node is a nif:Context whose isString is the file text (no BOM, CRLF kept) and
    whose endIndex is its length in code points. texts: the expected texts, one per report."""
    problems = []
    found = []
    for r in reports(g):
        s = one(g, r, NIF.isString)
        if (r, RDF.type, NIF.Context) not in g:
            problems.append('%s: not a nif:Context' % r)
        if s is None:
            problems.append('%s: no single nif:isString' % r)
            continue
        found.append(str(s))
        end = one(g, r, NIF.endIndex)
        if end is not None and int(end) != len(str(s)):
            problems.append('%s: nif:endIndex %s but the text has %d code points' % (r, end, len(str(s))))
    for t in texts:
        if t not in found:
            problems.append('no report node has the file text as nif:isString (%r...)' % t[:40])
    return problems


def mentioned_entities(g):
    """entity → set of report contexts it has mentions in."""
    out = {}
    for m, e in g.subject_objects(ITSRDF.taIdentRef):
        ctx = one(g, m, NIF.referenceContext)
        if ctx is not None and (ctx, RDF.type, RKG.Report) in g:
            out.setdefault(e, set()).add(ctx)
    return out


def check_every_entity_mentioned(g):
    mentioned = mentioned_entities(g)
    problems = []
    for t in ENTITY_TYPES:
        for e in sorted(set(g.subjects(RDF.type, t))):
            if e not in mentioned:
                problems.append('%s (%s) has no itsrdf:taIdentRef mention' % (e, t.split('#')[-1]))
    return problems


def check_statements(g):
    """--provenance full: statement nodes are complete and cover every relation and quantity."""
    problems = []
    statements = sorted(set(g.subjects(RDF.type, RKG.Statement)))
    covered = set()
    for st in statements:
        s, p, o = one(g, st, RDF.subject), one(g, st, RDF.predicate), one(g, st, RDF.object)
        if None in (s, p, o):
            problems.append('%s: needs exactly one rdf:subject, rdf:predicate, rdf:object' % st)
            continue
        covered.add((s, p, o))
        if (s, p, o) not in g:
            problems.append('%s: the triple (%s %s %s) it describes is not in the graph' % (st, s, p, o))
        rule = one(g, st, RKG.rule)
        if not isinstance(rule, Literal) or not str(rule).strip():
            problems.append('%s: no single non-empty rkg:rule literal' % st)
        ev = one(g, st, RKG.evidence)
        if ev is None:
            problems.append('%s: no single rkg:evidence' % st)
            continue
        if (ev, RDF.type, NIF.Sentence) not in g:
            problems.append('%s: evidence %s is not a nif:Sentence' % (st, ev))
        ctx, anchor = one(g, ev, NIF.referenceContext), one(g, ev, NIF.anchorOf)
        b, e = one(g, ev, NIF.beginIndex), one(g, ev, NIF.endIndex)
        text = one(g, ctx, NIF.isString) if ctx is not None else None
        if None in (ctx, anchor, b, e, text):
            problems.append('%s: evidence %s lacks anchorOf/beginIndex/endIndex/context text' % (st, ev))
            continue
        if str(text)[int(b):int(e)] != str(anchor):
            problems.append('%s: evidence anchorOf %r but the text there is %r'
                            % (st, str(anchor), str(text)[int(b):int(e)]))
        rep = one(g, st, RKG.report)
        if rep is not None and rep != ctx:
            problems.append('%s: rkg:report %s but its evidence is in %s' % (st, rep, ctx))
        # The sentence that supports a fact mentions its subject or its object.
        inside = False
        for node in (s, o):
            for m in g.subjects(ITSRDF.taIdentRef, node):
                mb, me = one(g, m, NIF.beginIndex), one(g, m, NIF.endIndex)
                if (one(g, m, NIF.referenceContext) == ctx and mb is not None and me is not None
                        and int(b) <= int(mb) and int(me) <= int(e)):
                    inside = True
        if not inside:
            problems.append('%s: evidence %r mentions neither %s nor %s' % (st, str(anchor), s, o))
    for p in RELATION_PREDICATES:
        for s, o in g.subject_objects(p):
            if (s, p, o) not in covered:
                problems.append('no rkg:Statement for (%s %s %s)' % (s, p, o))
    for q in sorted(set(g.subjects(RDF.type, RKG.Quantity))):
        if not any(q in (s, o) for s, _, o in covered):
            problems.append('quantity %s has no rkg:Statement' % q)
    if not statements:
        problems.append('no rkg:Statement at all')
    return problems


def expect_no_problems(problems, limit=12):
    if problems:
        more = '' if len(problems) <= limit else '\n    ... and %d more' % (len(problems) - limit)
        raise AssertionError('%d problem(s):\n    ' % len(problems) + '\n    '.join(problems[:limit]) + more)


def entities_labelled(g, label, rdf_type):
    return sorted(e for e in g.subjects(RDF.type, rdf_type)
                  if any(str(l) == label for l in g.objects(e, RDFS_LABEL)))


# ---- bundled reports ----------------------------------------------------------------------------
def test_bundled_reports_offsets():
    assert EXAMPLES, 'no examples/*.txt'
    problems = []
    for path in EXAMPLES:
        g = graph_of([path], 'full')
        problems += ['%s: %s' % (os.path.basename(path), p)
                     for p in check_contexts(g, [file_text(path)]) + check_spans(g)]
        if not list(g.subjects(ITSRDF.taIdentRef, None)):
            problems.append('%s: no mentions at all' % os.path.basename(path))
    expect_no_problems(problems)


def test_bundled_reports_every_entity_has_mention():
    problems = []
    for path in EXAMPLES:
        g = graph_of([path])
        problems += ['%s: %s' % (os.path.basename(path), p) for p in check_every_entity_mentioned(g)]
    expect_no_problems(problems)


def test_bundled_reports_statements():
    problems = []
    for path in EXAMPLES:
        g = graph_of([path], 'full')
        problems += ['%s: %s' % (os.path.basename(path), p) for p in check_statements(g)]
    expect_no_problems(problems)


# ---- hand-made reports: BOM, CRLF, combining characters, emoji, non-BMP, CJK -------------------
def test_handmade_context_is_text_without_bom_with_crlf():
    g = graph_of([path_a(), path_b()])
    problems = check_contexts(g, [file_text(path_a()), file_text(path_b())])
    for r in reports(g):
        s = str(one(g, r, NIF.isString) or '')
        if s.startswith('\ufeff'):
            problems.append('%s: nif:isString starts with the BOM' % r)
    if not any('\r\n' in str(s) for s in g.objects(None, NIF.isString)):
        problems.append('the CRLF line ends of %s are not kept in nif:isString' % NAME_A)
    expect_no_problems(problems)


def test_handmade_offsets_match_text():
    for prov in ('mentions', 'full'):
        g = graph_of([path_a(), path_b()], prov)
        expect_no_problems(check_spans(g))


def test_handmade_expected_mentions_at_code_point_offsets():
    g = graph_of([path_a()])
    text = file_text(path_a())
    (report,) = reports(g)
    problems = []
    for anchor, rdf_type in EXPECTED_MENTIONS_A:
        b = text.find(anchor)
        assert b >= 0, anchor
        e = b + len(anchor)
        node = URIRef('%s#char=%d,%d' % (report, b, e))
        got = one(g, node, NIF.anchorOf)
        if got is None or str(got) != anchor:
            near = sorted((int(one(g, m, NIF.beginIndex)), str(a)) for m, a in g.subject_objects(NIF.anchorOf)
                          if abs(int(one(g, m, NIF.beginIndex)) - b) <= 4)
            problems.append('no mention %r at code points %d,%d (spans starting nearby: %r)' % (anchor, b, e, near))
            continue
        if not any((ent, RDF.type, rdf_type) in g for ent in g.objects(node, ITSRDF.taIdentRef)):
            problems.append('mention %r at %d,%d does not refer to a %s' % (anchor, b, e, rdf_type.split('#')[-1]))
    expect_no_problems(problems)


def test_handmade_every_entity_has_mention():
    g = graph_of([path_a(), path_b()])
    expect_no_problems(check_every_entity_mentioned(g))


def test_handmade_full_statements():
    g = graph_of([path_a(), path_b()], 'full')
    expect_no_problems(check_statements(g))


# ---- provenance levels, metadata, boilerplate ---------------------------------------------------
def test_provenance_levels():
    inputs = [path_a(), path_b()]
    default, mentions = convert(inputs), convert(inputs, provenance='mentions')
    assert default == mentions, '--provenance mentions is not the default (outputs differ)'
    none, full = graph_of(inputs, 'none'), graph_of(inputs, 'full')
    mentions = parse(mentions)
    problems = []
    if list(none.subjects(NIF.anchorOf, None)) or list(none.subjects(ITSRDF.taIdentRef, None)):
        problems.append('none: still has NIF mentions')
    if list(none.objects(None, NIF.isString)):
        problems.append('none: still has the report text (nif:isString)')
    if list(none.subjects(RDF.type, RKG.Statement)) or list(mentions.subjects(RDF.type, RKG.Statement)):
        problems.append('none/mentions: has rkg:Statement nodes')
    if not list(mentions.subjects(ITSRDF.taIdentRef, None)):
        problems.append('mentions: no itsrdf:taIdentRef mentions')
    if not list(full.subjects(RDF.type, RKG.Statement)):
        problems.append('full: no rkg:Statement nodes')
    for t in ENTITY_TYPES:
        if set(none.subjects(RDF.type, t)) != set(mentions.subjects(RDF.type, t)):
            problems.append('none and mentions differ in their %s entities' % t.split('#')[-1])
    missing = set(none) - set(mentions)
    if missing:
        problems.append('%d triples of none are missing with mentions, e.g. %s' % (len(missing), sorted(missing)[0]))
    missing = set(mentions) - set(full)
    if missing:
        problems.append('%d triples of mentions are missing with full, e.g. %s' % (len(missing), sorted(missing)[0]))
    expect_no_problems(problems)


def test_report_metadata():
    version = run(['--version']).stdout.decode('utf-8').split()[-1]
    problems = []
    for name in (NAME_A, NAME_B):
        path = os.path.join(TMP, 'in', name)
        g = graph_of([path])
        (r,) = reports(g)
        headline, url, date = META[name]
        got = {
            'schema:headline': one(g, r, SCHEMA.headline),
            'schema:url': one(g, r, SCHEMA.url),
            'schema:inLanguage': one(g, r, SCHEMA.inLanguage),
            'schema:datePublished': one(g, r, SCHEMA.datePublished),
            'rkg:toolVersion': one(g, r, RKG.toolVersion),
        }
        want = {
            'schema:headline': headline, 'schema:url': url, 'schema:inLanguage': 'de',
            'schema:datePublished': date, 'rkg:toolVersion': version,
        }
        for k, v in want.items():
            if got[k] is None or str(got[k]) != v:
                problems.append('%s: %s is %r, expected %r' % (name, k, None if got[k] is None else str(got[k]), v))
        if got['schema:url'] is not None and not isinstance(got['schema:url'], URIRef):
            problems.append('%s: schema:url is not an IRI' % name)
        d = got['schema:datePublished']
        if d is not None and getattr(d, 'datatype', None) != XSD.date:
            problems.append('%s: schema:datePublished is not an xsd:date' % name)
    expect_no_problems(problems)


def test_boilerplate_is_no_content():
    g = graph_of([path_a()], 'full')
    text = file_text(path_a())
    (r,) = reports(g)
    problems = []
    lines = BOILERPLATE_A + ['Quelle: https://example.org/nachrichten/kanzler-kiew']
    for line in lines:
        lb = text.find(line)
        le = lb + len(line)
        for m, a in g.subject_objects(NIF.anchorOf):
            b, e = int(one(g, m, NIF.beginIndex)), int(one(g, m, NIF.endIndex))
            if b < le and lb < e:
                problems.append('span %r (%d,%d) overlaps the non-content line %r' % (str(a), b, e, line))
    if entities_labelled(g, 'Berlin', RKG.Place):
        problems.append('place Berlin taken from the boilerplate line "Foto: Reuters/Berlin"')
    if str(one(g, r, SCHEMA.headline)) in lines:
        problems.append('a boilerplate line became the headline')
    expect_no_problems(problems)


# ---- many reports -------------------------------------------------------------------------------
def test_merge_same_entity_one_iri():
    out = os.path.join(TMP, 'kg.ttl')
    p = run(['convert', '-q', path_a(), path_b(), '-o', out])
    assert p.returncode == 0, p.stderr.decode('utf-8', 'replace')
    g = Graph()
    g.parse(out, format='turtle')
    rs = reports(g)
    assert len(rs) == 2, 'expected 2 reports in the merged graph, got %r' % rs
    mentioned = mentioned_entities(g)
    problems = []
    for label, t in SHARED:
        iris = entities_labelled(g, label, t)
        if len(iris) != 1:
            problems.append('%s %r: %d IRIs %r, expected one' % (t.split('#')[-1], label, len(iris), iris))
            continue
        ctxs = mentioned.get(iris[0], set())
        if ctxs != set(rs):
            problems.append('%s has mentions in %r, expected in both reports %r'
                            % (iris[0], sorted(ctxs), rs))
    for t in ENTITY_TYPES:
        if t == RKG.Event:
            continue  # events stay per report
        seen = {}
        for e in g.subjects(RDF.type, t):
            for l in g.objects(e, RDFS_LABEL):
                seen.setdefault(str(l), set()).add(e)
        for l, es in sorted(seen.items()):
            if len(es) > 1:
                problems.append('%s %r has %d IRIs: %r' % (t.split('#')[-1], l, len(es), sorted(es)))
    expect_no_problems(problems)


def test_every_full_name_occurrence_is_one_mention():
    """Each occurrence of "Olaf Weber" in both reports is one mention of the one person IRI."""
    g = graph_of([path_a(), path_b()])
    (person,) = entities_labelled(g, 'Olaf Weber', RKG.Person) or [None]
    assert person is not None, 'no person "Olaf Weber"'
    by_text = {str(one(g, r, NIF.isString)): r for r in reports(g)}
    problems = []
    for path in (path_a(), path_b()):
        text = file_text(path)
        r = by_text[text]
        start = 0
        while True:
            b = text.find('Olaf Weber', start)
            if b < 0:
                break
            start = b + 1
            node = URIRef('%s#char=%d,%d' % (r, b, b + 10))
            if (node, ITSRDF.taIdentRef, person) not in g:
                parts = sorted(str(a) for m, a in g.subject_objects(NIF.anchorOf)
                               if one(g, m, NIF.referenceContext) == r
                               and b <= int(one(g, m, NIF.beginIndex)) < b + 10)
                problems.append('%s: "Olaf Weber" at %d,%d is not one mention of %s (spans there: %r)'
                                % (os.path.basename(path), b, b + 10, person, parts))
    expect_no_problems(problems)


def named_graph_quads(data, fmt):
    """serdi must accept the document; returns the quads as parsed from serdi's N-Quads."""
    rc, nq, err = serdi_nquads(data, fmt)
    assert rc == 0 and not err.strip(), 'serdi -i %s failed (%d): %s' % (fmt, rc, err.strip())
    cg = ConjunctiveGraph()
    cg.parse(data=nq.decode('utf-8'), format='nquads')
    return cg


def test_named_graph_formats_parse_with_serdi():
    for prov in ('none', 'mentions', 'full'):
        for fmt in ('trig', 'nquads'):
            data = convert([path_a(), path_b()], fmt, prov)
            named_graph_quads(data, fmt)
    for path in EXAMPLES:
        for fmt in ('trig', 'nquads'):
            named_graph_quads(convert([path], fmt, 'full'), fmt)


def test_named_graphs_keep_reports_apart():
    inputs = [path_a(), path_b()]
    turtle = graph_of(inputs, 'full')
    rs = set(reports(turtle))
    problems = []
    quad_sets = {}
    for fmt in ('trig', 'nquads'):
        cg = named_graph_quads(convert(inputs, fmt, 'full'), fmt)
        graphs = {c.identifier: c for c in cg.contexts() if len(c)}
        names = set(graphs)
        if names != rs:
            problems.append('%s: graph names %r, expected the report IRIs %r'
                            % (fmt, sorted(map(str, names)), sorted(map(str, rs))))
        for name in sorted(names - rs):
            problems.append('%s: %d triples outside the report graphs (in %s)' % (fmt, len(graphs[name]), name))
        quad_sets[fmt] = {(s, p, o, c.identifier) for c in graphs.values() for s, p, o in c}
        for name in sorted(names & rs):
            gr = graphs[name]
            others = [str(o) for o in rs if o != name]
            for s, p, o in gr:
                for term in (s, o):
                    if isinstance(term, URIRef) and any(str(term) == x or str(term).startswith(x + '#')
                                                        for x in others):
                        problems.append('%s: graph %s holds (%s %s %s) of another report' % (fmt, name, s, p, o))
            for m, ctx in gr.subject_objects(NIF.referenceContext):
                if ctx != name:
                    problems.append('%s: graph %s holds the mention %s of %s' % (fmt, name, m, ctx))
            for s, rep in gr.subject_objects(RKG.report):
                if rep != name:
                    problems.append('%s: graph %s holds %s of report %s' % (fmt, name, s, rep))
            for m, e in gr.subject_objects(ITSRDF.taIdentRef):
                if not list(gr.objects(e, RDF.type)):
                    problems.append('%s: graph %s mentions %s but does not type it' % (fmt, name, e))
            if (name, RDF.type, RKG.Report) not in gr:
                problems.append('%s: graph %s does not hold its report node' % (fmt, name))
        union = {(s, p, o) for s, p, o, _ in quad_sets[fmt]}
        if union != set(turtle):
            problems.append('%s: the union of the graphs differs from the Turtle output (%d only here, %d only in Turtle)'
                            % (fmt, len(union - set(turtle)), len(set(turtle) - union)))
    if quad_sets.get('trig') != quad_sets.get('nquads'):
        problems.append('TriG and N-Quads outputs hold different quads')
    nt = graph_of(inputs, 'full', 'ntriples')
    if set(nt) != set(turtle):
        problems.append('N-Triples and Turtle outputs hold different triples')
    expect_no_problems(problems)


def test_out_dir_one_file_per_report():
    problems = []
    for fmt, ext in (('turtle', 'ttl'), ('nquads', 'nq')):
        d = os.path.join(TMP, 'out-' + fmt)
        p = run(['convert', '-q', '--format', fmt, path_a(), path_b(), '--out-dir', d])
        assert p.returncode == 0, p.stderr.decode('utf-8', 'replace')
        want = sorted(['kanzler-kiew.' + ext, 'weber-paris.' + ext])
        got = sorted(os.listdir(d))
        if got != want:
            problems.append('--out-dir %s: files %r, expected %r' % (fmt, got, want))
            continue
        for name, src in zip(want, (path_a(), path_b())):
            with open(os.path.join(d, name), 'rb') as f:
                data = f.read()
            if data != convert([src], fmt):
                problems.append('--out-dir %s: %s differs from converting %s alone' % (fmt, name, os.path.basename(src)))
    expect_no_problems(problems)


def test_directories_are_read_recursively():
    d = os.path.join(TMP, 'tree')
    write_text(os.path.join(d, 'z', NAME_A), TEXT_A)
    write_text(os.path.join(d, 'a', 'b', 'c', NAME_B), TEXT_B)
    write_text(os.path.join(d, 'a', 'notes.md'), 'Bundeskanzler Max Mustermann sagte nichts.\n')
    from_dir = convert([d], 'trig', 'full')
    from_files = convert([path_a(), path_b()], 'trig', 'full')
    assert from_dir == from_files, 'converting the directory tree differs from converting the two files'


def test_input_order_does_not_change_output():
    problems = []
    for fmt in FORMATS:
        for prov in ('mentions', 'full'):
            ab = convert([path_a(), path_b()], fmt, prov)
            ba = convert([path_b(), path_a()], fmt, prov)
            if ab != ba:
                problems.append('%s/%s: [a, b] and [b, a] give different bytes' % (fmt, prov))
    expect_no_problems(problems)


def test_byte_identical_runs():
    problems = []
    inputs = [path_a(), path_b()] + EXAMPLES
    for fmt in FORMATS:
        first = convert(inputs, fmt, 'full')
        for _ in range(2):
            if convert(inputs, fmt, 'full') != first:
                problems.append('%s: two runs give different bytes' % fmt)
                break
    expect_no_problems(problems)


# ---- runner -------------------------------------------------------------------------------------
def main():
    global TMP
    if not os.access(BIN, os.X_OK):
        print('FAIL setup: no reportkg binary at %s (set REPORTKG)' % BIN)
        print('0 passed, 1 failed')
        return 1
    tests = [(n, f) for n, f in globals().items() if n.startswith('test_') and callable(f)]
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix='reportkg-provenance-') as tmp:
        TMP = tmp
        setup_inputs()
        for name, fn in tests:
            try:
                fn()
            except AssertionError as e:
                failed += 1
                print('FAIL %s: %s' % (name, e))
            except Exception:  # a crash of the test itself is a failure too
                failed += 1
                print('FAIL %s: %s' % (name, traceback.format_exc().strip()))
            else:
                passed += 1
                print('PASS %s' % name)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
