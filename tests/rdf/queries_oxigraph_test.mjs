// The shipped SPARQL queries (queries/NAME.rq) give the expected answers in Oxigraph too.
//
// The twin of queries_test.py: the same data files, the same expected files (EXPECTED_DIR/NAME.tsv:
// header = the projected variables, then the rows as text, sorted), so rdflib and Oxigraph must
// agree. Expected files are written only by queries_test.py (UPDATE_EXPECTED=1).
//
// Usage: node tests/rdf/queries_oxigraph_test.mjs [--data FILE --expected DIR]
//   (or $REPORTKG_QUERY_DATA and $REPORTKG_QUERY_EXPECTED). Default: the fixture against
//   tests/rdf/fixtures/expected/, and, once output/ has Turtle, output/hanoi-convention.ttl
//   against queries/expected/.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  FIXTURE, FIXTURE_EXPECTED, OUTPUT, QUERIES, escape, fileIri, outputFiles, rel, requirePackages
} from './lib.mjs'

const [{ default: oxigraph }] = await requirePackages(['oxigraph'])

const { values: args } = parseArgs({
  options: { data: { type: 'string' }, expected: { type: 'string' } }
})

function targets () {
  const data = args.data || process.env.REPORTKG_QUERY_DATA
  const expected = args.expected || process.env.REPORTKG_QUERY_EXPECTED
  if (data || expected) {
    if (!(data && expected)) {
      console.error('give both the data file and the expected directory')
      process.exit(2)
    }
    return [[path.resolve(data), path.resolve(expected)]]
  }
  const out = [[FIXTURE, FIXTURE_EXPECTED]]
  if (outputFiles().length > 0) {
    out.push([path.join(OUTPUT, 'hanoi-convention.ttl'), path.join(QUERIES, 'expected')])
  }
  return out
}

/** A result term as text, as rdftest.term_text: IRI, lexical form, '' unbound, '_:' blank node. */
function termText (binding) {
  if (!binding) return ''
  if (binding.type === 'bnode') return '_:'
  return binding.value
}

function resultTsv (store, query) {
  const json = JSON.parse(store.query(query, { results_format: 'application/sparql-results+json' }))
  const header = json.head.vars
  const rows = json.results.bindings.map(b => header.map(v => escape(termText(b[v]))).join('\t'))
  rows.sort()
  return { tsv: header.join('\t') + '\n' + rows.map(r => r + '\n').join(''), count: rows.length }
}

function normalizeExpected (text) {
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return [lines[0], ...lines.slice(1).sort()].map(l => l + '\n').join('')
}

const queries = fs.readdirSync(QUERIES).filter(f => f.endsWith('.rq')).sort()
let failed = queries.length === 0
if (failed) console.error('FAIL no queries/*.rq found')

for (const [data, expectedDir] of targets()) {
  if (!fs.existsSync(data)) {
    console.error(`FAIL ${rel(data)} does not exist (output/ has Turtle but not this report)`)
    failed = true
    continue
  }
  const store = new oxigraph.Store()
  store.load(fs.readFileSync(data, 'utf8'), { format: 'text/turtle', base_iri: fileIri(data) })
  for (const file of queries) {
    const name = path.basename(file, '.rq')
    let actual
    try {
      actual = resultTsv(store, fs.readFileSync(path.join(QUERIES, file), 'utf8'))
    } catch (e) {
      console.error(`FAIL ${name} on ${rel(data)}: Oxigraph cannot run it: ${e}`)
      failed = true
      continue
    }
    const expPath = path.join(expectedDir, `${name}.tsv`)
    if (!fs.existsSync(expPath)) {
      console.error(`FAIL ${name} on ${rel(data)}: no expected file ${rel(expPath)}; actual result:\n` +
        `${actual.tsv}(write it with UPDATE_EXPECTED=1 /usr/bin/python3 tests/rdf/queries_test.py)`)
      failed = true
      continue
    }
    const expected = normalizeExpected(fs.readFileSync(expPath, 'utf8'))
    if (actual.tsv === expected) {
      console.log(`ok   ${name} on ${rel(data)}: ${actual.count} rows as expected`)
      continue
    }
    failed = true
    const want = new Set(expected.split('\n'))
    const got = new Set(actual.tsv.split('\n'))
    console.error(`FAIL ${name} on ${rel(data)} differs from ${rel(expPath)} (Oxigraph result):`)
    for (const l of expected.split('\n')) if (l && !got.has(l)) console.error(`-${l}`)
    for (const l of actual.tsv.split('\n')) if (l && !want.has(l)) console.error(`+${l}`)
  }
}

process.exit(failed ? 1 : 0)
