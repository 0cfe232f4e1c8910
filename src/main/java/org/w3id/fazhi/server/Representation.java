package org.w3id.fazhi.server;

import org.apache.jena.riot.RDFFormat;

import java.util.Arrays;
import java.util.Optional;

/** The representations a linked-data resource is offered in, with their suffixes and media types. */
enum Representation {
    TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_PRETTY),
    JSONLD("jsonld", "application/ld+json", RDFFormat.JSONLD11),
    RDFXML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PRETTY),
    NTRIPLES("nt", "application/n-triples", RDFFormat.NTRIPLES),
    HTML("html", "text/html", null);

    final String suffix;
    final String mediaType;
    final RDFFormat format;

    Representation(String suffix, String mediaType, RDFFormat format) {
        this.suffix = suffix;
        this.mediaType = mediaType;
        this.format = format;
    }

    static Optional<Representation> bySuffix(String suffix) {
        return Arrays.stream(values()).filter(r -> r.suffix.equals(suffix)).findFirst();
    }

    static Optional<Representation> byMediaType(String mediaType) {
        return Arrays.stream(values()).filter(r -> r.mediaType.equals(mediaType)).findFirst();
    }

    /** The order of the offer: Turtle first, so clients that accept anything get data, not a page. */
    static String[] offer() {
        return Arrays.stream(values()).map(r -> r.mediaType).toArray(String[]::new);
    }
}
