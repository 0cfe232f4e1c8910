package org.w3id.fazhi.server;

import org.apache.jena.riot.WebContent;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Content negotiation by RFC 9110 §12.5.1, with the Accept headers real clients send. */
class RepresentationTest {

    static final String CURL = "*/*"; // curl, wget, Python requests, Java's HttpURLConnection-less clients
    static final String CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    static final String FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** rdflib's Graph.parse(url) without a format: every parser's media type, no q-values. */
    static final String RDFLIB = "application/rdf+xml, text/n3, text/turtle, application/n-triples, application/ld+json, "
            + "application/n-quads, application/trix, application/trig, application/hext";
    static final String RDFLIB_TURTLE = "text/turtle, application/x-turtle, */*;q=0.1";
    static final String RDFLIB_JSONLD = "application/ld+json, application/json;q=0.9, */*;q=0.1";
    /** A linked-data crawler in the style of LDSpider: RDF/XML first, then Turtle, then anything. */
    static final String CRAWLER = "application/rdf+xml, text/turtle;q=0.9, application/n-triples;q=0.8, text/html;q=0.2, */*;q=0.1";

    static Representation chosen(String accept, Set<Representation> offer) {
        return Representation.negotiate(accept, offer).map(Representation.Choice::representation).orElse(null);
    }

    @Test
    void anythingGetsTurtle() {
        assertEquals(Representation.TURTLE, chosen(CURL, Representation.TRIPLES));
        assertEquals(Representation.TURTLE, chosen(CURL, Representation.GRAPH));
        assertEquals(Representation.TURTLE, chosen(null, Representation.TRIPLES));
        assertEquals(Representation.TURTLE, chosen("", Representation.TRIPLES));
        assertEquals(Representation.TURTLE, chosen("text/*", Representation.TRIPLES));
        assertEquals(Representation.TURTLE, chosen(RDFLIB, Representation.TRIPLES), "ties go to the server's order");
        assertEquals(Representation.TURTLE, chosen(RDFLIB_TURTLE, Representation.TRIPLES));
    }

    @Test
    void browsersGetThePage() {
        assertEquals(Representation.HTML, chosen(CHROME, Representation.TRIPLES));
        assertEquals(Representation.HTML, chosen(FIREFOX, Representation.TRIPLES));
        assertEquals(Representation.TURTLE, chosen(FIREFOX, Representation.DATA), "no page offered: */*;q=0.8 gets Turtle");
    }

    @Test
    void jenaRdfLibAndCrawlerHeaders() {
        assertEquals(Representation.TURTLE, chosen(WebContent.defaultRDFAcceptHeader, Representation.TRIPLES));
        assertEquals(Representation.TURTLE, chosen(WebContent.defaultGraphAcceptHeader, Representation.TRIPLES));
        assertEquals(Representation.TRIG, chosen(WebContent.defaultDatasetAcceptHeader, Representation.GRAPH));
        assertEquals(Representation.JSONLD, chosen(WebContent.defaultDatasetAcceptHeader, Representation.TRIPLES));
        assertEquals(Representation.JSONLD, chosen(RDFLIB_JSONLD, Representation.TRIPLES));
        assertEquals(Representation.RDFXML, chosen(CRAWLER, Representation.TRIPLES));
    }

    @Test
    void qValuesWildcardsAndCase() {
        assertEquals(Representation.NTRIPLES, chosen("text/turtle;q=0.5, application/n-triples", Representation.TRIPLES));
        assertEquals(Representation.JSONLD, chosen("text/turtle;q=0.2, application/*;q=0.9", Representation.TRIPLES));
        assertEquals(Representation.JSONLD, chosen("application/*", Representation.TRIPLES));
        assertEquals(Representation.TURTLE, chosen("TEXT/Turtle", Representation.TRIPLES));
        assertEquals(Representation.HTML, chosen("text/*;q=0.5, text/turtle;q=0.1", Representation.TRIPLES),
                "the most specific range gives the quality");
        assertEquals(Representation.JSONLD, chosen("*/*, text/turtle;q=0", Representation.TRIPLES));
        assertEquals(Optional.empty(), Representation.negotiate("text/turtle;q=0", Representation.TRIPLES), "q=0 is not acceptable");
        assertEquals(Optional.empty(), Representation.negotiate("*/*;q=0", Representation.TRIPLES));
        assertEquals(Optional.empty(), Representation.negotiate("image/png", Representation.TRIPLES));
        assertEquals(Optional.empty(), Representation.negotiate("application/n-quads", Representation.TRIPLES), "quads for graphs only");
        assertEquals(Representation.NQUADS, chosen("application/n-quads", Representation.GRAPH));
    }

    @Test
    void jsonIsJsonLd() {
        Representation.Choice c = Representation.negotiate("application/json", Representation.TRIPLES).orElseThrow();
        assertEquals(Representation.JSONLD, c.representation());
        assertEquals("application/json", c.contentType());
        assertEquals("application/ld+json", Representation.negotiate("application/*", Representation.TRIPLES).orElseThrow().contentType());
        assertTrue(Representation.describe(Representation.TRIPLES).contains("application/json"));
    }

    /** rdflib 6.1 (Debian's python3-rdflib): its Accept headers for nt, n3 and no format. */
    static final String RDFLIB6_NT = "text/plain, */*;q=0.1";
    static final String RDFLIB6_N3 = "text/n3, */*;q=0.1";
    static final String RDFLIB6_DEFAULT = "application/rdf+xml,text/rdf+n3;q=0.9,application/xhtml+xml;q=0.5, */*;q=0.1";

    @Test
    void olderNamesAreAnsweredWhenNamed() {
        Representation.Choice nt = Representation.negotiate(RDFLIB6_NT, Representation.TRIPLES).orElseThrow();
        assertEquals(Representation.NTRIPLES, nt.representation());
        assertEquals("text/plain", nt.contentType());
        Representation.Choice n3 = Representation.negotiate(RDFLIB6_N3, Representation.TRIPLES).orElseThrow();
        assertEquals(Representation.TURTLE, n3.representation());
        assertEquals("text/n3", n3.contentType());
        assertEquals(Representation.RDFXML, chosen(RDFLIB6_DEFAULT, Representation.TRIPLES));
        assertEquals("text/turtle", Representation.negotiate("text/*", Representation.TRIPLES).orElseThrow().contentType(),
                "a wildcard never reaches an older name");
        assertEquals(Representation.TURTLE, chosen(CURL, Representation.TRIPLES), "TriX never wins a tie");
        assertEquals(Representation.TRIX, chosen("application/trix", Representation.TRIPLES));
    }
}
