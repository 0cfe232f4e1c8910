'use strict';
// The Node clients of server.ClientMatrixTest: N3.js, jsonld.js and a plain JSON reader.
// Jobs come on standard input, one a line: NAME<TAB>CLIENT<TAB>URL<TAB>ACCEPT ("-" for the
// client's own). One JSON object goes out: NAME -> {"nt": the triples read, as N-Triples,
// "type": the answer's Content-Type} or {"error": what went wrong}.
//   n3:     fetch with ACCEPT, N3.js's parser for the answer's Content-Type (Turtle, TriG,
//           N-Triples, N-Quads, N3); the triples of every graph.
//   jsonld: jsonld.js reads the URL itself (its document loader sends its own Accept:
//           application/ld+json, application/json) and turns it into RDF.
//   json:   fetch with Accept: application/json, JSON.parse, then jsonld.js turns the parsed
//           object into RDF: what a program that only knows JSON gets, and what it means.
const N3 = require('n3');
const jsonld = require('jsonld');

function nTriples(quads) {
  const writer = new N3.Writer({ format: 'N-Triples' });
  const { quad, defaultGraph } = N3.DataFactory;
  for (const q of quads) writer.addQuad(quad(q.subject, q.predicate, q.object, defaultGraph()));
  return new Promise((resolve, reject) => writer.end((e, out) => (e ? reject(e) : resolve(out))));
}

async function fetchText(url, accept) {
  const response = await fetch(url, { headers: accept === '-' ? {} : { Accept: accept } });
  if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
  return { type: response.headers.get('content-type') || '', text: await response.text() };
}

async function n3(url, accept) {
  const { type, text } = await fetchText(url, accept);
  const format = type.split(';')[0].trim();
  const quads = new N3.Parser({ format, baseIRI: url }).parse(text);
  return { type, nt: await nTriples(quads) };
}

async function fromJsonLd(input, base) {
  const nquads = await jsonld.toRDF(input, { format: 'application/n-quads', base });
  const quads = new N3.Parser({ format: 'application/n-quads' }).parse(nquads);
  return nTriples(quads);
}

async function json(url) {
  const { type, text } = await fetchText(url, 'application/json');
  const parsed = JSON.parse(text); // a plain JSON reader: any JSON parser reads it
  return { type, nt: await fromJsonLd(parsed, url) };
}

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const results = { n3: require('n3/package.json').version, jsonld: require('jsonld/package.json').version };
  for (const line of input.split('\n')) {
    if (!line.trim()) continue;
    const [name, client, url, accept] = line.split('\t');
    try {
      if (client === 'n3') results[name] = await n3(url, accept);
      else if (client === 'jsonld') results[name] = { nt: await fromJsonLd(url, url) };
      else if (client === 'json') results[name] = await json(url);
      else throw new Error('unknown client ' + client);
    } catch (e) {
      results[name] = { error: String(e && e.stack ? e.stack.split('\n')[0] : e) };
    }
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((e) => { console.error(e); process.exit(1); });
