"""rdflib as a linked-data client, for server.ClientMatrixTest.

Reads jobs from standard input, one a line: NAME<TAB>URL<TAB>FORMAT (FORMAT "-" for none: rdflib
then picks the parser by the answer's Content-Type). Each URL is read with rdflib's own
Graph.parse(url, format=...), so rdflib sends its own Accept header for the format. Writes one
JSON object: NAME -> {"nt": the triples read, as N-Triples} or {"error": what went wrong}.
Formats that hold named graphs (nquads, trig, trix) are read into a ConjunctiveGraph, as rdflib
requires, and every triple of every graph is written.
"""
import json
import sys

import rdflib

QUADS = {"nquads", "application/n-quads", "trig", "application/trig", "trix", "application/trix"}


def read(url, fmt):
    graph = rdflib.ConjunctiveGraph() if fmt in QUADS else rdflib.Graph()
    graph.parse(url, format=None if fmt == "-" else fmt)
    triples = rdflib.Graph()
    for t in graph.triples((None, None, None)):
        triples.add(t)
    out = triples.serialize(format="nt")
    return out.decode("utf-8") if isinstance(out, bytes) else out


def main():
    results = {"rdflib": rdflib.__version__}
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        name, url, fmt = line.split("\t")
        try:
            results[name] = {"nt": read(url, fmt)}
        except Exception as e:  # every failure is reported, with its kind
            results[name] = {"error": "%s: %s" % (type(e).__name__, e)}
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
