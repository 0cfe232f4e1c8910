#!/usr/bin/env node
// Parses ontology/regions.ttl with a real Turtle parser (N3.js) and checks its shape:
// every subject is an fz:Region with one label, level, scheme and province; parents and
// provinces exist; coded regions carry fz:adminCode and fz:codeEdition; placeholders are absent.
// Usage: node check.mjs [file.ttl]    (exits non-zero on the first failed check)

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'n3';

const HERE = dirname(fileURLToPath(import.meta.url));
const FILE = resolve(process.argv[2] || resolve(HERE, '..', '..', 'ontology', 'regions.ttl'));
const FZ = 'https://w3id.org/fazhi/ontology#';
const REGION = 'https://w3id.org/fazhi/id/region/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const PREF = 'http://www.w3.org/2004/02/skos/core#prefLabel';

const quads = new Parser({ baseIRI: REGION }).parse(readFileSync(FILE, 'utf8'));
const S = new Map();
for (const q of quads) {
  const s = q.subject.value;
  if (!S.has(s)) S.set(s, new Map());
  const m = S.get(s);
  if (!m.has(q.predicate.value)) m.set(q.predicate.value, []);
  m.get(q.predicate.value).push(q.object);
}

let failures = 0;
const fail = (msg) => { failures++; if (failures <= 20) console.error('FAIL ' + msg); };
const one = (m, p, s) => {
  const v = m.get(p) || [];
  if (v.length !== 1) fail(`${s}: ${v.length} values of <${p}>`);
  return v[0];
};

const SCHEME = 'https://w3id.org/fazhi/id/scheme/regions';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
if (S.get(SCHEME)?.get(RDF_TYPE)?.[0].value !== SKOS + 'ConceptScheme') fail(`${SCHEME}: not a skos:ConceptScheme`);
S.delete(SCHEME);

const levels = {}; const schemes = {};
for (const [s, m] of S) {
  const id = s.slice(REGION.length);
  if (!s.startsWith(REGION)) fail(`${s}: subject outside the region namespace`);
  const types = (m.get(RDF_TYPE) || []).map((t) => t.value).sort().join(' ');
  if (types !== [FZ + 'Region', SKOS + 'Concept'].sort().join(' ')) fail(`${id}: not an fz:Region and skos:Concept`);
  if (one(m, SKOS + 'inScheme', id)?.value !== SCHEME) fail(`${id}: not in the region scheme`);
  const label = one(m, RDFS_LABEL, id);
  if (label?.language !== 'zh') fail(`${id}: label without @zh`);
  if (one(m, PREF, id)?.value !== label?.value) fail(`${id}: prefLabel differs from label`);
  one(m, FZ + 'fullName', id);
  const level = one(m, FZ + 'level', id)?.value.slice(FZ.length);
  const scheme = one(m, FZ + 'codeScheme', id)?.value.slice(FZ.length);
  levels[level] = (levels[level] || 0) + 1;
  schemes[scheme] = (schemes[scheme] || 0) + 1;
  const prov = one(m, FZ + 'province', id)?.value;
  if (!S.has(prov)) fail(`${id}: unknown province ${prov}`);
  else if (S.get(prov).get(FZ + 'level')?.[0].value !== FZ + 'ProvinceLevel') fail(`${id}: province ${prov} is not province-level`);
  const parent = m.get(FZ + 'parent');
  if (level === 'ProvinceLevel') {
    if (prov !== s) fail(`${id}: a province must point to itself`);
    if (parent) fail(`${id}: a province has no parent`);
  } else {
    if (!parent || parent.length !== 1) fail(`${id}: needs exactly one parent`);
    else if (!S.has(parent[0].value)) fail(`${id}: unknown parent ${parent[0].value}`);
  }
  const code = m.get(FZ + 'adminCode');
  if (scheme === 'NoCode') {
    if (code || m.get(FZ + 'codeEdition')) fail(`${id}: NoCode region with a code`);
    if (!/^\d{6}-[a-z0-9]+$/.test(id)) fail(`${id}: NoCode IRI is not {parentCode}-{slug}`);
  } else {
    if (code?.[0].value !== id || !/^\d{6}$/.test(id)) fail(`${id}: adminCode ${code?.[0].value} does not match the IRI`);
    one(m, FZ + 'codeEdition', id);
    if ((scheme === 'StatsDivisionCode') !== /^\d{4}7\d$/.test(id)) fail(`${id}: scheme ${scheme} does not fit the code`);
  }
  if (/^(\d\d)(01|02|90)00$/.test(id) && ['11', '12', '31', '50'].includes(id.slice(0, 2))) fail(`${id}: municipality placeholder present`);
  if (/^\d\d9000$/.test(id)) fail(`${id}: 直辖县级行政区划 placeholder present`);
}
const fmt = (o) => Object.entries(o).sort().map(([k, v]) => `${k} ${v}`).join(', ');
console.log(`${FILE}: ${quads.length} triples, ${S.size} regions`);
console.log(`  by level:  ${fmt(levels)}`);
console.log(`  by scheme: ${fmt(schemes)}`);
if (levels.ProvinceLevel !== 31) fail(`expected 31 provinces, got ${levels.ProvinceLevel}`);
if (failures) { console.error(`${failures} check(s) failed`); process.exit(1); }
console.log('OK');
