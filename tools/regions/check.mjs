#!/usr/bin/env node
// Parses ontology/regions.ttl with a real Turtle parser (N3.js) and checks its shape:
// every subject is an fz:Region with one label, level, scheme and province; parents and
// provinces exist; coded regions carry fz:adminCode and fz:codeEdition; placeholders are absent;
// years are xsd:gYear and in order; every dcterms:isReplacedBy target exists and points back with
// dcterms:replaces; zones have a known fz:zoneKind and catalogue code; and no zone has an altLabel
// that is a bare kind word (高新区, 开发区, 园区, 新区 …) or the name or altLabel of an
// administrative unit.
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
const ALT = 'http://www.w3.org/2004/02/skos/core#altLabel';
const DCT = 'http://purl.org/dc/terms/';
const GYEAR = 'http://www.w3.org/2001/XMLSchema#gYear';
const ZONE_LEVELS = new Set(['NewAreaLevel', 'DevelopmentZoneLevel']);
const ZONE_KINDS = new Set(['NationalNewArea', 'NationalEconomicDevelopmentZone', 'NationalHighTechZone',
  'CustomsSpecialSupervisionArea', 'BorderEconomicCooperationZone', 'OtherNationalZone',
  'ProvincialDevelopmentZone', 'FreeTradePilotArea']);
// Bare kind words: an altLabel of a zone must say more than these.
const GENERIC = new Set(['高新区', '经开区', '开发区', '园区', '新区', '新城', '综保区', '边合区', '工业园', '工业园区',
  '产业园', '产业园区', '科技园', '科技园区', '工业区', '工业集中区', '产业集聚区', '保税区', '保税港区', '出口加工区',
  '高新技术产业开发区', '高新技术产业园区', '高新技术开发区', '高技术产业开发区', '经济技术开发区', '经济开发区',
  '综合保税区', '边境经济合作区', '示范区', '试验区', '实验区', '管理区', '经济区', '合作区', '度假区', '投资区', '贸易区']);

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

const levels = {}; const schemes = {}; const kinds = {};
let former = 0; let links = 0; let withFrom = 0;
const catalogueCodes = new Map();
const year = (m, p, id) => {
  const v = m.get(p);
  if (!v) return null;
  if (v.length !== 1 || v[0].datatype?.value !== GYEAR || !/^\d{4}$/.test(v[0].value)) fail(`${id}: <${p}> is not one xsd:gYear`);
  return Number(v[0].value);
};
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
  const from = year(m, FZ + 'fromYear', id);
  const to = year(m, FZ + 'toYear', id);
  if (from && to && from > to) fail(`${id}: fromYear ${from} after toYear ${to}`);
  if (from) withFrom++;
  if (scheme === 'NoCode') {
    if (code || m.get(FZ + 'codeEdition')) fail(`${id}: NoCode region with a code`);
    if (!/^\d{6}-[a-z0-9]+$/.test(id)) fail(`${id}: NoCode IRI is not {parentCode}-{slug}`);
  } else {
    // region:{code}, or region:{code}-{toYear} for a former unit whose code a later unit has
    const m6 = id.match(/^(\d{6})(?:-(\d{4}))?$/);
    if (!m6 || code?.[0].value !== m6[1]) fail(`${id}: adminCode ${code?.[0].value} does not match the IRI`);
    else if (m6[2] && Number(m6[2]) !== to) fail(`${id}: IRI year ${m6[2]} is not its toYear ${to}`);
    one(m, FZ + 'codeEdition', id);
    if ((scheme === 'StatsDivisionCode') !== /^\d{4}7\d$/.test(code?.[0].value)) fail(`${id}: scheme ${scheme} does not fit the code`);
  }
  if (to) {
    former++;
    if (!m.get(DCT + 'isReplacedBy')) fail(`${id}: toYear ${to} but no dcterms:isReplacedBy`);
  }
  for (const t of m.get(DCT + 'isReplacedBy') || []) {
    links++;
    if (!S.has(t.value)) fail(`${id}: isReplacedBy unknown ${t.value}`);
    else if (!(S.get(t.value).get(DCT + 'replaces') || []).some((x) => x.value === s)) fail(`${id}: ${t.value} does not replace it`);
  }
  for (const t of m.get(DCT + 'replaces') || []) {
    if (!(S.get(t.value)?.get(DCT + 'isReplacedBy') || []).some((x) => x.value === s)) fail(`${id}: replaces ${t.value}, which is not replaced by it`);
  }
  const kind = m.get(FZ + 'zoneKind');
  if (kind) {
    const k = kind.length === 1 ? kind[0].value.slice(FZ.length) : null;
    if (!ZONE_KINDS.has(k)) fail(`${id}: zoneKind ${kind.map((x) => x.value)}`);
    kinds[k] = (kinds[k] || 0) + 1;
  }
  year(m, FZ + 'yearEstablished', id);
  for (const c of m.get(FZ + 'catalogueCode') || []) {
    if (!/^[GS]\d{6}$/.test(c.value)) fail(`${id}: catalogueCode ${c.value}`);
    if (catalogueCodes.has(c.value)) fail(`${id}: catalogueCode ${c.value} also on ${catalogueCodes.get(c.value)}`);
    catalogueCodes.set(c.value, id);
  }
  if (/^(\d\d)(01|02|90)00$/.test(id) && ['11', '12', '31', '50'].includes(id.slice(0, 2))) fail(`${id}: municipality placeholder present`);
  if (/^\d\d9000$/.test(id)) fail(`${id}: 直辖县级行政区划 placeholder present`);
}
// zones' altLabels: no bare kind word, no name of an administrative unit
const adminNames = new Set();
const isZone = (m) => ZONE_LEVELS.has(m.get(FZ + 'level')?.[0].value.slice(FZ.length));
for (const m of S.values()) {
  if (isZone(m)) continue;
  for (const l of [...(m.get(RDFS_LABEL) || []), ...(m.get(ALT) || [])]) adminNames.add(l.value);
}
for (const [s, m] of S) {
  if (!isZone(m)) continue;
  for (const a of m.get(ALT) || []) {
    if (GENERIC.has(a.value)) fail(`${s.slice(REGION.length)}: altLabel ${a.value} is a bare kind word`);
    if (adminNames.has(a.value)) fail(`${s.slice(REGION.length)}: altLabel ${a.value} names an administrative unit`);
  }
}

const fmt = (o) => Object.entries(o).sort().map(([k, v]) => `${k} ${v}`).join(', ');
console.log(`${FILE}: ${quads.length} triples, ${S.size} regions`);
console.log(`  by level:  ${fmt(levels)}`);
console.log(`  by scheme: ${fmt(schemes)}`);
console.log(`  zones by kind: ${fmt(kinds)}; ${catalogueCodes.size} catalogue codes`);
console.log(`  ${former} former units (fz:toYear), ${withFrom} regions with fz:fromYear, ${links} dcterms:isReplacedBy links`);
if (levels.ProvinceLevel !== 31) fail(`expected 31 provinces, got ${levels.ProvinceLevel}`);
if (failures) { console.error(`${failures} check(s) failed`); process.exit(1); }
console.log('OK');
