// Shared helpers of the Node RDF tests in this folder (the JS twin of rdftest.py).
//
// Which Turtle files a test checks: the files given on the command line, else those in
// $REPORTKG_RDF_DATA (separated by ':'), else the fixture tests/rdf/fixtures/sample.ttl plus every
// output/*.ttl (that part skipped with a message while output/ has no .ttl yet).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const HERE = path.dirname(fileURLToPath(import.meta.url))
export const ROOT = process.env.REPORTKG_SOURCE_DIR || path.resolve(HERE, '..', '..')
export const ONTOLOGY = path.join(ROOT, 'ontology', 'reportkg.ttl')
export const SHAPES = path.join(ROOT, 'ontology', 'shapes.ttl')
export const QUERIES = path.join(ROOT, 'queries')
export const OUTPUT = path.join(ROOT, 'output')
export const FIXTURE = path.join(HERE, 'fixtures', 'sample.ttl')
export const FIXTURE_EXPECTED = path.join(HERE, 'fixtures', 'expected')

/** Path relative to the project root, for messages. */
export function rel (p) {
  const r = path.relative(ROOT, p)
  return r.startsWith('..') ? p : r
}

export function fileIri (p) {
  return pathToFileURL(path.resolve(p)).href
}

/** Every output/*.ttl, sorted; prints the skip message and returns [] when there is none. */
export function outputFiles () {
  const files = fs.existsSync(OUTPUT)
    ? fs.readdirSync(OUTPUT).filter(f => f.endsWith('.ttl')).sort().map(f => path.join(OUTPUT, f))
    : []
  if (files.length === 0) {
    console.log('SKIP output/: no .ttl there yet (generate it with reportkg convert); checking the fixture only')
  }
  return files
}

/** The Turtle files to check (see the file comment). */
export function dataFiles (argv) {
  if (argv.length > 0) return argv.map(a => path.resolve(a))
  const env = (process.env.REPORTKG_RDF_DATA || '').trim()
  if (env) return env.split(path.delimiter).filter(Boolean).map(a => path.resolve(a))
  return [FIXTURE, ...outputFiles()]
}

/** One TSV cell: backslash, tab, newline and carriage return escaped (as rdftest.escape). */
export function escape (text) {
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
}

/** Import the npm packages, or explain how to install them. */
export async function requirePackages (names) {
  try {
    return await Promise.all(names.map(n => import(n)))
  } catch (e) {
    console.error(`FAIL cannot load the npm packages (${e.message}).\n` +
      'Install them with: npm ci --prefix tests/rdf')
    process.exit(1)
  }
}
