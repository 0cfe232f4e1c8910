package org.w3id.fazhi.server;

import org.w3id.fazhi.rdf.FZ;

/**
 * Maps the IRIs minted under the base onto this server's paths and back: IRI {@code base + path}
 * is served at {@code /path}. The ontology's IRI is fixed, so it is served at {@code /ontology}
 * whatever the base.
 */
record IriMapping(String base) {

    IriMapping {
        if (!base.endsWith("/")) base = base + "/";
    }

    String iriOf(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.equals("ontology")) return FZ.ONTOLOGY;
        return base + p;
    }

    /** The local path of an IRI this server answers for, or null for one it does not. */
    String pathOf(String iri) {
        if (iri.equals(FZ.ONTOLOGY)) return "/ontology";
        if (iri.startsWith(FZ.NS)) return "/ontology#" + iri.substring(FZ.NS.length());
        if (iri.startsWith(base)) return "/" + iri.substring(base.length());
        return null;
    }
}
