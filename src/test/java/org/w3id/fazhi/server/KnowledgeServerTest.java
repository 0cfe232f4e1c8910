package org.w3id.fazhi.server;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.store.StoreLoader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store built from the five reports in data/reports, served on a free port (see {@link TestServer}). */
@ExtendWith(TestServer.Shared.class)
class KnowledgeServerTest {

    static final String REPORT = "/id/report/360121-2023";
    static final String FZ = "PREFIX fz: <https://w3id.org/fazhi/ontology#> PREFIX text: <http://jena.apache.org/text#> ";

    static TestServer fixture;
    static KnowledgeStore store;
    static KnowledgeServer server;
    static LoadSummary firstLoad;
    static HttpClient http;

    @BeforeAll
    static void start(TestServer shared) {
        fixture = shared;
        store = shared.store();
        server = shared.server();
        firstLoad = shared.firstLoad();
        http = shared.http();
    }

    static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return fixture.get(path, accept);
    }

    static HttpResponse<String> query(String sparql, String accept) throws IOException, InterruptedException {
        return fixture.query(sparql, accept);
    }

    @Test
    void loadsTheFiveReports() {
        assertEquals(5, firstLoad.loaded().size(), firstLoad.describe());
        assertTrue(firstLoad.problems().isEmpty(), firstLoad.describe());
    }

    @Test
    void queryEndpointAnswersOverTheUnionOfGraphs() throws Exception {
        HttpResponse<String> r = query(FZ + "SELECT (COUNT(?r) AS ?n) WHERE { ?r a fz:Report }", "text/csv");
        assertEquals(200, r.statusCode());
        assertEquals("n\r\n5\r\n", r.body());
        for (String type : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/tab-separated-values")) {
            assertEquals(200, query("SELECT * { ?s ?p ?o } LIMIT 1", type).statusCode(), type);
        }
        HttpResponse<String> c = query("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5", "text/turtle");
        assertEquals(200, c.statusCode());
    }

    @Test
    void chineseTextSearch() throws Exception {
        for (String term : List.of("枫桥经验", "行政复议")) {
            HttpResponse<String> r = query(FZ + "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s text:query '\"" + term + "\"' }", "text/csv");
            assertEquals(200, r.statusCode());
            int n = Integer.parseInt(r.body().split("\r\n")[1]);
            assertTrue(n > 0, term + " found nothing");
        }
    }

    @Test
    void reportIriInEveryContentType() throws Exception {
        for (Representation rep : Representation.TRIPLES) {
            HttpResponse<String> r = get(REPORT, rep.mediaType);
            assertEquals(200, r.statusCode(), rep.name());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(rep.mediaType), rep.name());
            assertTrue(r.headers().firstValue("Vary").orElse("").contains("Accept"));
            assertEquals(REPORT + "." + rep.suffix, r.headers().firstValue("Content-Location").orElse(""));
            if (rep.format != null) assertFalse(parse(r.body(), rep.format.getLang()).isEmpty(), rep.name());
            assertEquals(200, get(REPORT + "." + rep.suffix, null).statusCode(), rep.suffix);
            assertEquals(200, get(REPORT + "?format=" + rep.suffix, null).statusCode(), rep.suffix);
        }
        String html = get(REPORT, "text/html,application/xhtml+xml,*/*;q=0.8").body();
        assertTrue(html.contains("<blockquote>"), "the page shows the quotes behind facts");
        assertTrue(html.contains(REPORT + ".ttl"), "the page links to raw data");
    }

    @Test
    void theUiIsReadOnlyListsEverySavedQueryAndGivesFusekisVersion() throws Exception {
        String status = get("/$/server", "application/json").body();
        String fuseki = ServerVersion.fusekiVersion();
        assertTrue(fuseki != null && fuseki.matches("5\\.\\d+\\.\\d+"), fuseki);
        assertTrue(status.contains("\"version\" : \"" + fuseki + "\""), status);
        assertTrue(status.contains("\"fazhi\""), status);
        String index = get("/", "text/html").body();
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("/static/index-[A-Za-z0-9_-]+\\.css").matcher(index);
        assertTrue(css.find(), index);
        assertTrue(get(css.group(), null).body().endsWith(QueryEditorSetup.READ_ONLY_CSS), "the UI's stylesheet hides the write buttons");
        java.util.regex.Matcher main = java.util.regex.Pattern.compile("/static/index-[A-Za-z0-9_-]+\\.js").matcher(index);
        assertTrue(main.find(), index);
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("Query-[A-Za-z0-9_-]+\\.js").matcher(get(main.group(), null).body());
        assertTrue(script.find(), "the query page's script, loaded by the UI's main script");
        String js = get("/static/" + script.group(), null).body();
        for (org.w3id.fazhi.query.SavedQuery q : org.w3id.fazhi.query.SavedQueries.load().all()) {
            assertTrue(js.contains("(" + q.name() + ")"), q.name() + " among the editor's examples");
        }
    }

    @Test
    void aReportIsDescribedByItsGraphAndTurtleUsesAtPrefix() throws Exception {
        String graph = "/graph/report/360121-2023";
        HttpResponse<String> described = get(REPORT, "text/turtle");
        assertTrue(described.headers().allValues("Link").contains("<" + graph + ">; rel=\"describedby\""), described.headers().toString());
        assertTrue(described.body().contains("wdrs:describedby"), described.body());
        assertTrue(described.body().startsWith("@prefix "), "Turtle 1.0 and N3 parsers read @prefix, not PREFIX");
        assertFalse(described.body().contains("\nPREFIX "), described.body());
        HttpResponse<String> document = get(graph, "application/ld+json");
        assertTrue(document.headers().allValues("Link").contains("<" + REPORT + ">; rel=\"describes\""), document.headers().toString());
        assertTrue(document.body().contains("\"facts\""), "the graph's JSON-LD is the report's framed document");
        assertFalse(get(REPORT, "application/ld+json").body().contains("\"facts\""), "the report's JSON-LD is its description");
        assertTrue(query("CONSTRUCT WHERE { ?s a <https://w3id.org/fazhi/ontology#Report> }", "text/turtle").body().startsWith("@prefix")
                || !query("CONSTRUCT WHERE { ?s a <https://w3id.org/fazhi/ontology#Report> }", "text/turtle").body().contains("PREFIX"),
                "the SPARQL endpoint's Turtle too");
    }

    @Test
    void theServedStoreCountsItsObservations() throws Exception {
        String observations = query("SELECT (COUNT(*) AS ?n) { ?o a <http://purl.org/linked-data/cube#Observation> }", "text/csv")
                .body().split("\r\n")[1];
        String counted = query(FZ + "SELECT (SUM(?c) AS ?n) { ?r a fz:Report ; fz:observationCount ?c }", "text/csv")
                .body().split("\r\n")[1];
        assertTrue(Integer.parseInt(observations) > 20, "observations: " + observations);
        assertEquals(counted, observations, "each report's count adds up to the observations the store holds");
    }

    @Test
    void programIriInEveryContentType() throws Exception {
        String row = query(FZ + "SELECT ?p { ?r fz:practices ?p } ORDER BY ?p LIMIT 1", "text/csv").body().split("\r\n")[1];
        String path = row.substring("https://w3id.org/fazhi".length());
        for (Representation rep : Representation.TRIPLES) {
            HttpResponse<String> r = get(path, rep.mediaType);
            assertEquals(200, r.statusCode(), path + " " + rep);
            if (rep.format != null) assertFalse(parse(r.body(), rep.format.getLang()).isEmpty());
        }
        assertEquals(200, get("/ontology", "text/turtle").statusCode());
    }

    @Test
    void unknownIrisAre404() throws Exception {
        assertEquals(404, get("/id/report/000000-1999", "text/turtle").statusCode());
        assertEquals(404, get("/id/program/no-such-program.ttl", null).statusCode());
    }

    @Test
    void anonymousUpdateRefused() throws Exception {
        HttpRequest update = HttpRequest.newBuilder(URI.create(server.url() + "kg/update"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }")).build();
        int status = http.send(update, HttpResponse.BodyHandlers.ofString()).statusCode();
        assertTrue(status == 404 || status == 405, "update gave " + status);
        HttpRequest put = HttpRequest.newBuilder(URI.create(server.url() + "kg/data?default"))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build();
        assertEquals(405, http.send(put, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void runawayQueriesAreStoppedWithAnError() throws Exception {
        // A cross product streams results until a limit stops it: the time limit (503) or, written
        // fast enough, the cap on an answer's size (413); it must not end as a truncated 200.
        HttpResponse<String> streaming = query("SELECT * { ?a ?b ?c . ?d ?e ?f }", "application/sparql-results+json");
        assertTrue(streaming.statusCode() == 503 || streaming.statusCode() == 413, "status " + streaming.statusCode());
        assertTrue(streaming.body().contains(streaming.statusCode() == 503 ? "timed out" : "larger than"), streaming.body());
        HttpResponse<String> counting = query("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "text/csv");
        assertEquals(503, counting.statusCode());
        HttpResponse<String> nested = query("SELECT * { ?a ?b ?c OPTIONAL { ?x ?y ?c FILTER NOT EXISTS { ?x ?z ?a } } }", "text/csv");
        assertEquals(503, nested.statusCode());
    }

    @Test
    void secondLoadOfUnchangedDataChangesNothing() throws Exception {
        long before = store.dataset().calculateRead(() -> count(store.dataset().asDatasetGraph()));
        LoadSummary again = StoreLoader.builder().store(store).build().load(List.of("data/reports"));
        assertTrue(again.loaded().isEmpty());
        assertEquals(5, again.skipped().size());
        assertTrue(again.vocabularies().isEmpty());
        long after = store.dataset().calculateRead(() -> count(store.dataset().asDatasetGraph()));
        assertEquals(before, after);
    }

    @Test
    void dumpsAndDescriptions() throws Exception {
        HttpResponse<byte[]> dump = http.send(HttpRequest.newBuilder(URI.create(server.url() + "dumps/kg.nq.gz")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, dump.statusCode());
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(dump.body()))).lang(Lang.NQUADS).parse(dsg);
        assertTrue(dsg.listGraphNodes().hasNext());
        Model v = parse(get("/void", "text/turtle").body(), Lang.TURTLE);
        assertTrue(v.toString().contains("sparqlEndpoint"));
        HttpResponse<String> sd = get("/kg/sparql", "text/turtle");
        assertEquals(200, sd.statusCode());
        assertTrue(sd.body().contains("sparql-service-description"));
    }

    @Test
    void uiIsServedWithOurPrefixesAndNoPrefixCc() throws Exception {
        assertEquals(200, get("/", null).statusCode());
        assertTrue(get("/$/server", "application/json").body().contains("/kg"));
        String index = get("/index.html", null).body();
        assertTrue(index.contains("static/index-"));
        HttpResponse<String> prefixes = get("/prefixes.json", null);
        assertTrue(prefixes.body().contains("https://w3id.org/fazhi/ontology#"));
    }

    @Test
    void corsHeaders() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + REPORT.substring(1)))
                .header("Origin", "https://example.org").header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
        assertNotEquals("", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    static long count(DatasetGraph dsg) {
        long[] n = {0};
        dsg.find().forEachRemaining(q -> n[0]++);
        return n[0];
    }

    static Model parse(String body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(body, lang).parse(m);
        return m;
    }
}
