// Every output conforms to ontology/shapes.ttl, and the shapes reject what they must.
//
// Each data file is validated on its own with shacl-engine, with ontology/reportkg.ttl loaded into
// both the data graph and the shapes graph, so that sh:class and sh:targetClass follow
// rdfs:subClassOf. Violations are printed (focus node, path, value, message) and fail the test.
// Then deliberately broken graphs, each the valid minimal graph below with one defect, must each
// be rejected with the expected message, so that a shapes file that accepts everything fails here.
//
// Usage: node tests/rdf/shacl_test.mjs [OUTPUT.ttl ...]
// (default: the fixture plus output/*.ttl, or $REPORTKG_RDF_DATA; see lib.mjs)
import fs from 'node:fs'
import { ONTOLOGY, SHAPES, dataFiles, fileIri, rel, requirePackages } from './lib.mjs'

const [n3, { default: rdf }, { default: rdfDataset }, { Validator }] =
  await requirePackages(['n3', '@rdfjs/data-model', '@rdfjs/dataset', 'shacl-engine'])

function parse (text, baseIRI) {
  return new n3.Parser({ baseIRI, format: 'text/turtle', factory: rdf }).parse(text)
}

function parseFile (file) {
  return parse(fs.readFileSync(file, 'utf8'), fileIri(file))
}

const ontology = parseFile(ONTOLOGY)
const shapes = rdfDataset.dataset([...parseFile(SHAPES), ...ontology])
const validator = new Validator(shapes, { factory: rdf })

function show (term) {
  if (!term) return ''
  if (term.termType === 'Literal') {
    const suffix = term.language ? `@${term.language}` : `^^<${term.datatype.value}>`
    return JSON.stringify(term.value) + suffix
  }
  return term.termType === 'BlankNode' ? `_:${term.value}` : `<${term.value}>`
}

function pathText (result) {
  const steps = result.path || []
  return steps.map(s => s.predicates.map(p => `<${p.value}>`).join('|')).join('/')
}

async function validate (quads) {
  const dataset = rdfDataset.dataset([...quads, ...ontology])
  const report = await validator.validate({ dataset })
  const violations = report.results.map(r => ({
    focus: show(r.focusNode && r.focusNode.term),
    path: pathText(r),
    value: show(r.value && r.value.term),
    message: r.message.map(m => m.value).join(' ') || r.constraintComponent.value
  }))
  return { conforms: report.conforms, violations }
}

let failed = false

// --- every data file conforms ---------------------------------------------------------------
for (const file of dataFiles(process.argv.slice(2))) {
  let quads
  try {
    quads = parseFile(file)
  } catch (e) {
    console.error(`FAIL ${rel(file)}: not valid Turtle: ${e.message}`)
    failed = true
    continue
  }
  const { conforms, violations } = await validate(quads)
  if (conforms) {
    console.log(`ok   ${rel(file)}: ${quads.length} triples conform to the shapes`)
    continue
  }
  failed = true
  console.error(`FAIL ${rel(file)}: ${violations.length} violation(s)`)
  for (const v of violations) {
    console.error(`  ${v.focus} ${v.path} ${v.value}\n    ${v.message}`)
  }
}

// --- the shapes reject broken graphs ----------------------------------------------------------
const PREFIXES = `
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix schema: <http://schema.org/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix rkg: <https://w3id.org/reportkg/ontology#> .
@prefix id: <https://w3id.org/reportkg/id/> .
`
// A valid minimal graph: each case below changes one thing in it.
const VALID = {
  report: `<https://w3id.org/reportkg/id/report/T> a rkg:Report , nif:Context ;
    nif:isString "Anna Muster leitet das Amt." ; schema:inLanguage "de" ; rkg:toolVersion "0.1.0" .`,
  person: `<https://w3id.org/reportkg/id/person/AnnaMuster> a rkg:Person ; rdfs:label "Anna Muster"@de ;
    rkg:jobTitle "Leiterin"@de ; rkg:affiliation <https://w3id.org/reportkg/id/organization/Amt> .`,
  organization: '<https://w3id.org/reportkg/id/organization/Amt> a rkg:Organization ; rdfs:label "Amt"@de .',
  country: '<https://w3id.org/reportkg/id/country/DE> a rkg:Country ; rdfs:label "Deutschland"@de ; rkg:isoCode "DE" .',
  place: '<https://w3id.org/reportkg/id/place/Berlin> a rkg:Place ; rdfs:label "Berlin"@de ; rkg:containedInPlace <https://w3id.org/reportkg/id/country/DE> .',
  event: `<https://w3id.org/reportkg/id/event/TTreffen> a rkg:Event ; rdfs:label "Treffen"@de ;
    rkg:location <https://w3id.org/reportkg/id/place/Berlin> ; rkg:organizer <https://w3id.org/reportkg/id/organization/Amt> ;
    rkg:participant <https://w3id.org/reportkg/id/person/AnnaMuster> ; rkg:quantity <https://w3id.org/reportkg/id/quantity/TN1> .`,
  quantity: '<https://w3id.org/reportkg/id/quantity/TN1> a rkg:Quantity ; rkg:value 12 ; rkg:unit "Gäste"@de ; rkg:qualifier "rund"@de .',
  quote: '<https://w3id.org/reportkg/id/quote/TQ1> a rkg:Quote ; rkg:text "Guten Tag"@de ; rkg:speaker <https://w3id.org/reportkg/id/person/AnnaMuster> .',
  mention: `<https://w3id.org/reportkg/id/report/T#char=0,11> a nif:String ; nif:anchorOf "Anna Muster" ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "11"^^xsd:nonNegativeInteger ;
    nif:referenceContext <https://w3id.org/reportkg/id/report/T> ; itsrdf:taIdentRef <https://w3id.org/reportkg/id/person/AnnaMuster> .`
}
const P = 'https://w3id.org/reportkg/id/person/AnnaMuster'
const BROKEN = [
  ['a person with two labels', { person: VALID.person + ` <${P}> rdfs:label "A. Muster"@de .` }, 'exactly one rdfs:label'],
  ['a country without isoCode', { country: '<https://w3id.org/reportkg/id/country/DE> a rkg:Country ; rdfs:label "Deutschland"@de .' }, 'exactly one rkg:isoCode'],
  ['a lower-case isoCode', { country: VALID.country.replace('"DE"', '"de"') }, 'exactly one rkg:isoCode'],
  ['a label without language tag', { organization: VALID.organization.replace('"Amt"@de', '"Amt"') }, 'exactly one rdfs:label'],
  ['a blank-node person', { person: VALID.person + ' [] a rkg:Person ; rdfs:label "Niemand"@de .' }, 'must be an IRI'],
  ['a jobTitle without language tag', { person: VALID.person.replace('"Leiterin"@de', '"Leiterin"') }, 'rkg:jobTitle is a language-tagged literal'],
  ['an affiliation to a place', { person: VALID.person + ` <${P}> rkg:affiliation <https://w3id.org/reportkg/id/place/Berlin> .` }, 'rkg:affiliation points to an rkg:Organization'],
  ['a nationality that is no country', { person: VALID.person + ` <${P}> rkg:nationality <https://w3id.org/reportkg/id/place/Berlin> .` }, 'rkg:nationality points to an rkg:Country'],
  ['an event located at a person', { event: VALID.event.replace('place/Berlin', 'person/AnnaMuster') }, 'rkg:location points to an rkg:Place or an rkg:Country'],
  ['an event organized by a place', { event: VALID.event.replace('rkg:organizer <https://w3id.org/reportkg/id/organization/Amt>', 'rkg:organizer <https://w3id.org/reportkg/id/place/Berlin>') }, 'rkg:organizer points to'],
  ['an event about a person', { event: VALID.event + ` <https://w3id.org/reportkg/id/event/TTreffen> rkg:about <${P}> .` }, 'rkg:about points to an rkg:Agreement'],
  ['a parent organization that is a country', { organization: VALID.organization + ' <https://w3id.org/reportkg/id/organization/Amt> rkg:parentOrganization <https://w3id.org/reportkg/id/country/DE> .' }, 'rkg:parentOrganization points to an rkg:Organization'],
  ['a quantity with a string value', { quantity: VALID.quantity.replace('rkg:value 12', 'rkg:value "zwölf"') }, 'exactly one rkg:value'],
  ['a quantity without unit', { quantity: VALID.quantity.replace(' rkg:unit "Gäste"@de ;', '') }, 'exactly one rkg:unit'],
  ['a quote without text', { quote: VALID.quote.replace(' rkg:text "Guten Tag"@de ;', '') }, 'exactly one rkg:text'],
  ['a quote with two speakers', { quote: VALID.quote + ' <https://w3id.org/reportkg/id/quote/TQ1> rkg:speaker <https://w3id.org/reportkg/id/person/Other> . <https://w3id.org/reportkg/id/person/Other> a rkg:Person ; rdfs:label "Other"@de .' }, 'at most one rkg:speaker'],
  ['a mention without beginIndex', { mention: VALID.mention.replace('nif:beginIndex "0"^^xsd:nonNegativeInteger ;', '') }, 'exactly one nif:beginIndex'],
  ['a mention with an integer endIndex', { mention: VALID.mention.replace('"11"^^xsd:nonNegativeInteger', '11') }, 'exactly one nif:endIndex'],
  ['a mention without entity', { mention: VALID.mention.replace(/ ; itsrdf:taIdentRef <[^>]*>/, '') }, 'links to the entity'],
  ['a mention whose context is no nif:Context', { report: VALID.report.replace('a rkg:Report , nif:Context', 'a rkg:Report') }, 'nif:referenceContext'],
  ['a mention whose context is no report', { report: VALID.report.replace('a rkg:Report , nif:Context', 'a nif:Context') }, 'node of an rkg:Report'],
  ['a report without nif:isString', { report: VALID.report.replace('nif:isString "Anna Muster leitet das Amt." ;', '') }, 'exactly one nif:isString'],
  ['a report without toolVersion', { report: VALID.report.replace(' ; rkg:toolVersion "0.1.0"', '') }, 'exactly one rkg:toolVersion'],
  ['rkg:country on a person (outside its domain)', { person: VALID.person + ` <${P}> rkg:country <https://w3id.org/reportkg/id/country/DE> .` }, 'Only an rkg:Organization has rkg:country'],
  ['rkg:location on a place (outside its domain)', { place: VALID.place + ' <https://w3id.org/reportkg/id/place/Berlin> rkg:location <https://w3id.org/reportkg/id/country/DE> .' }, 'Only an rkg:Event has rkg:location'],
  ['rkg:quantity pointing to an event', { event: VALID.event + ` <${P}> rkg:quantity <https://w3id.org/reportkg/id/event/TTreffen> .` }, 'rkg:quantity points to an rkg:Quantity']
]

const validTurtle = parts => PREFIXES + Object.values({ ...VALID, ...parts }).join('\n')

const base = await validate(parse(validTurtle({}), 'file:///broken.ttl'))
if (!base.conforms) {
  failed = true
  console.error('FAIL the valid minimal graph of this test does not conform:')
  for (const v of base.violations) console.error(`  ${v.focus} ${v.path} ${v.value}\n    ${v.message}`)
} else {
  let rejected = 0
  for (const [what, parts, expected] of BROKEN) {
    const { conforms, violations } = await validate(parse(validTurtle(parts), 'file:///broken.ttl'))
    if (!conforms && violations.some(v => v.message.includes(expected))) {
      rejected++
      continue
    }
    failed = true
    console.error(`FAIL the shapes accept ${what} (expected a violation "${expected}"); got: ` +
      (violations.map(v => v.message).join(' | ') || 'no violation'))
  }
  console.log(`ok   the shapes reject ${rejected} of ${BROKEN.length} deliberately broken graphs`)
}

process.exit(failed ? 1 : 0)
