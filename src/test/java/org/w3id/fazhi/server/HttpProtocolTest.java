package org.w3id.fazhi.server;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.WebContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3id.fazhi.store.KnowledgeStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server as an HTTP client, a linked-data client, a cache and an attacker see it: content
 * negotiation, validators and 304, gzip, CORS, dumps with ranges, the public base, security
 * headers, closed admin paths and 405 for writes. On the shared five-report store.
 */
@ExtendWith(TestServer.Shared.class)
class HttpProtocolTest {

    static final String REPORT = "/id/report/360121-2023";
    static final String GRAPH = "/graph/report/360121-2023";
    static TestServer fixture;
    static HttpClient http;

    @BeforeAll
    static void start(TestServer shared) {
        fixture = shared;
        http = shared.http();
    }

    static HttpResponse<byte[]> send(String path, String method, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.url(path))).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        return send(path, "GET", headers);
    }

    static String header(HttpResponse<?> r, String name) { return r.headers().firstValue(name).orElse(""); }

    static String text(HttpResponse<byte[]> r) { return new String(r.body(), StandardCharsets.UTF_8); }

    static String sparql(String query) { return "/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8); }

    // ---- 1. content negotiation ------------------------------------------------------------

    @Test
    void curlsDefaultAcceptGetsTurtle() throws Exception {
        HttpResponse<byte[]> r = get(REPORT, Map.of("Accept", "*/*"));
        assertEquals(200, r.statusCode());
        assertTrue(header(r, "Content-Type").startsWith("text/turtle"));
        assertEquals(REPORT + ".ttl", header(r, "Content-Location"));
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(text(r), Lang.TURTLE).parse(m);
        assertFalse(m.isEmpty());
    }

    @Test
    void theAcceptHeadersOfRealClients() throws Exception {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put(RepresentationTest.CURL, "text/turtle");
        expected.put("text/*", "text/turtle");
        expected.put("application/*", "application/ld+json");
        expected.put("application/json", "application/json");
        expected.put(RepresentationTest.CHROME, "text/html");
        expected.put(RepresentationTest.FIREFOX, "text/html");
        expected.put(RepresentationTest.RDFLIB, "text/turtle");
        expected.put(RepresentationTest.RDFLIB_TURTLE, "text/turtle");
        expected.put(RepresentationTest.RDFLIB_JSONLD, "application/ld+json");
        expected.put(RepresentationTest.CRAWLER, "application/rdf+xml");
        expected.put(WebContent.defaultRDFAcceptHeader, "text/turtle");
        expected.put("Text/Turtle;Q=0.9, text/html;q=0.1", "text/turtle");
        for (String path : List.of(REPORT, GRAPH, "/ontology")) {
            for (Map.Entry<String, String> e : expected.entrySet()) {
                HttpResponse<byte[]> r = get(path, Map.of("Accept", e.getKey()));
                assertEquals(200, r.statusCode(), path + " " + e.getKey());
                assertTrue(header(r, "Content-Type").startsWith(e.getValue()), path + " " + e.getKey() + " gave " + header(r, "Content-Type"));
            }
        }
        HttpResponse<byte[]> quads = get(GRAPH, Map.of("Accept", WebContent.defaultDatasetAcceptHeader));
        assertTrue(header(quads, "Content-Type").startsWith("application/trig"));
        Dataset ds = DatasetFactory.create();
        RDFParser.fromString(text(quads), Lang.TRIG).parse(ds);
        assertTrue(ds.containsNamedModel(fixture.store().graphs().base() + GRAPH.substring(1)));
    }

    @Test
    void notAcceptableIs406() throws Exception {
        for (String accept : List.of("text/turtle;q=0", "*/*;q=0", "image/png", "application/n-quads")) {
            HttpResponse<byte[]> r = get(REPORT, Map.of("Accept", accept));
            assertEquals(406, r.statusCode(), accept);
        }
    }

    @Test
    void everySuffixThePagesLinkTo() throws Exception {
        Map<String, Lang> suffixes = Map.of("ttl", Lang.TURTLE, "jsonld", Lang.JSONLD, "rdf", Lang.RDFXML, "nt", Lang.NTRIPLES);
        for (Map.Entry<String, Lang> e : suffixes.entrySet()) {
            HttpResponse<byte[]> r = get("/ontology." + e.getKey(), Map.of());
            assertEquals(200, r.statusCode(), e.getKey());
            assertTrue(header(r, "Content-Type").startsWith(e.getValue().getHeaderString()), e.getKey());
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(text(r), e.getValue()).parse(m);
            assertFalse(m.isEmpty(), e.getKey());
        }
        assertEquals(200, get("/ontology.html", Map.of()).statusCode());
        HttpResponse<byte[]> ontology = get("/ontology", Map.of("Accept", "*/*"));
        assertEquals(200, get(header(ontology, "Content-Location"), Map.of()).statusCode(), "Content-Location resolves");
        for (String suffix : List.of("nq", "trig")) {
            HttpResponse<byte[]> r = get(GRAPH + "." + suffix, Map.of());
            assertEquals(200, r.statusCode(), suffix);
            Dataset ds = DatasetFactory.create();
            RDFParser.fromString(text(r), suffix.equals("nq") ? Lang.NQUADS : Lang.TRIG).parse(ds);
            assertTrue(ds.listNames().hasNext(), suffix);
            assertEquals(404, get(REPORT + "." + suffix, Map.of()).statusCode(), "quads only for graphs");
        }
        String page = text(get(GRAPH, Map.of("Accept", "text/html")));
        for (String suffix : List.of("ttl", "jsonld", "rdf", "nt", "nq", "trig")) {
            String link = GRAPH + "." + suffix;
            assertTrue(page.contains(link), link);
            assertEquals(200, get(link, Map.of()).statusCode(), link);
        }
        String reportPage = text(get(REPORT, Map.of("Accept", "text/html")));
        assertFalse(reportPage.contains(REPORT + ".nq"), "no quads offered for a resource");
    }

    // ---- 5. validators, 304, gzip, cache control ---------------------------------------------

    @Test
    void linkedDataPagesAndSparqlHaveValidators() throws Exception {
        for (String path : List.of(REPORT, "/ontology.ttl", "/void", "/queries", sparql("SELECT * { ?s ?p ?o } LIMIT 3"),
                "/kg/data?graph=" + URLEncoder.encode(fixture.store().graphs().base() + GRAPH.substring(1), StandardCharsets.UTF_8))) {
            HttpResponse<byte[]> r = get(path, Map.of("Accept", "*/*"));
            assertEquals(200, r.statusCode(), path);
            String etag = header(r, "ETag");
            assertTrue(etag.startsWith("W/\""), path + " has no ETag");
            String cache = header(r, "Cache-Control");
            assertTrue(cache.contains("public") && cache.contains("max-age=") && !cache.contains("no-store"), path + ": " + cache);
            String modified = header(r, "Last-Modified");
            assertFalse(modified.isEmpty(), path);
            HttpResponse<byte[]> again = get(path, Map.of("Accept", "*/*", "If-None-Match", etag));
            assertEquals(304, again.statusCode(), path);
            assertEquals(0, again.body().length);
            assertEquals(etag, header(again, "ETag"));
            assertEquals(304, get(path, Map.of("Accept", "*/*", "If-Modified-Since", modified)).statusCode(), path);
            assertEquals(200, get(path, Map.of("Accept", "*/*", "If-None-Match", "W/\"other\"")).statusCode(), path);
            HttpResponse<byte[]> other = get(path, Map.of("Accept", "application/n-triples, application/sparql-results+xml"));
            assertNotEquals(etag, header(other, "ETag"), path + ": one tag per representation");
        }
        HttpResponse<byte[]> unknown = get("/id/report/000000-1999", Map.of());
        assertEquals(404, unknown.statusCode());
        assertEquals("", header(unknown, "ETag"), "errors carry no validator");
    }

    @Test
    void sparqlPostIsNotCached() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fixture.url("/kg/sparql")))
                .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT * { ?s ?p ?o } LIMIT 1")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("", header(r, "ETag"));
        assertFalse(header(r, "Cache-Control").contains("public"));
    }

    @Test
    void gzipWhenAsked() throws Exception {
        // "/" is the Fuseki UI's page, served by Jetty's resource servlet, which sets its length as a header.
        for (String path : List.of(REPORT, sparql("SELECT * { ?s ?p ?o } LIMIT 50"), "/queries", "/")) {
            HttpResponse<byte[]> plain = get(path, Map.of("Accept", "*/*"));
            HttpResponse<byte[]> zipped = get(path, Map.of("Accept", "*/*", "Accept-Encoding", "gzip, deflate"));
            assertEquals(200, zipped.statusCode(), path);
            assertEquals("gzip", header(zipped, "Content-Encoding"), path);
            byte[] unzipped;
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                unzipped = in.readAllBytes();
            }
            assertArrayEquals(plain.body(), unzipped, path);
            assertTrue(zipped.body().length < plain.body().length, path);
            assertEquals("", header(plain, "Content-Encoding"));
            assertTrue(header(zipped, "Vary").contains("Accept-Encoding"), path);
            assertEquals("", header(get(path, Map.of("Accept", "*/*", "Accept-Encoding", "gzip;q=0, identity")), "Content-Encoding"));
        }
        HttpResponse<byte[]> ld = get(REPORT, Map.of("Accept", "text/turtle", "Accept-Encoding", "gzip"));
        List<String> vary = List.of(header(ld, "Vary").split("\\s*,\\s*"));
        assertEquals(2, vary.size(), "Vary kept whole: " + vary);
        assertTrue(vary.containsAll(List.of("Accept", "Accept-Encoding")), "Vary kept whole: " + vary);
    }

    // ---- 6. CORS ----------------------------------------------------------------------------

    @Test
    void corsForAnyOriginWithoutCredentials() throws Exception {
        for (String path : List.of(REPORT, sparql("ASK {}"), "/void")) {
            HttpResponse<byte[]> r = get(path, Map.of("Origin", "https://evil.example", "Accept", "*/*"));
            assertEquals("*", header(r, "Access-Control-Allow-Origin"), path);
            assertEquals("", header(r, "Access-Control-Allow-Credentials"), path);
            String exposed = header(r, "Access-Control-Expose-Headers");
            for (String h : List.of("Link", "Content-Location", "ETag", "Content-Length")) assertTrue(exposed.contains(h), h);
        }
        HttpResponse<byte[]> preflight = send("/kg/sparql", "OPTIONS", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type"));
        assertTrue(preflight.statusCode() < 300);
        String methods = header(preflight, "Access-Control-Allow-Methods");
        assertEquals("GET, HEAD, POST, OPTIONS", methods);
        assertEquals("*", header(preflight, "Access-Control-Allow-Origin"));
        assertEquals("", header(preflight, "Access-Control-Allow-Credentials"));
    }

    // ---- 7. dumps ---------------------------------------------------------------------------

    @Test
    void dumpsAreFilesWithLengthValidatorAndRanges() throws Exception {
        HttpResponse<byte[]> whole = get("/dumps/kg.nq.gz", Map.of());
        assertEquals(200, whole.statusCode());
        assertEquals(String.valueOf(whole.body().length), header(whole, "Content-Length"));
        String etag = header(whole, "ETag");
        assertTrue(etag.startsWith("\""), "a strong tag: " + etag);
        assertEquals("bytes", header(whole, "Accept-Ranges"));
        assertEquals(304, get("/dumps/kg.nq.gz", Map.of("If-None-Match", etag)).statusCode());

        HttpResponse<byte[]> part = get("/dumps/kg.nq.gz", Map.of("Range", "bytes=10-109"));
        assertEquals(206, part.statusCode());
        assertEquals("bytes 10-109/" + whole.body().length, header(part, "Content-Range"));
        assertArrayEquals(java.util.Arrays.copyOfRange(whole.body(), 10, 110), part.body());
        HttpResponse<byte[]> tail = get("/dumps/kg.nq.gz", Map.of("Range", "bytes=-20"));
        assertEquals(206, tail.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(whole.body(), whole.body().length - 20, whole.body().length), tail.body());
        assertEquals(416, get("/dumps/kg.nq.gz", Map.of("Range", "bytes=" + (whole.body().length + 5) + "-")).statusCode());
        assertEquals(200, get("/dumps/kg.nq.gz", Map.of("Range", "bytes=0-9", "If-Range", "\"stale\"")).statusCode(),
                "If-Range with another tag: the whole file");

        HttpResponse<byte[]> head = send("/dumps/kg.nq.gz", "HEAD", Map.of());
        assertEquals(200, head.statusCode());
        assertEquals(etag, header(head, "ETag"));
        assertEquals(String.valueOf(whole.body().length), header(head, "Content-Length"));
        assertEquals(200, send("/dumps/kg.trig.gz", "HEAD", Map.of()).statusCode(), "HEAD builds nothing, but answers");
    }

    @Test
    void concurrentDownloadsShareOneBuild() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<byte[]>>> downloads = new ArrayList<>();
            for (int i = 0; i < 6; i++) downloads.add(pool.submit(() -> get("/dumps/kg.trig.gz", Map.of())));
            byte[] first = null;
            String tag = null;
            for (Future<HttpResponse<byte[]>> f : downloads) {
                HttpResponse<byte[]> r = f.get();
                assertEquals(200, r.statusCode());
                if (first == null) {
                    first = r.body();
                    tag = header(r, "ETag");
                }
                assertArrayEquals(first, r.body(), "every download gets the same file");
                assertEquals(tag, header(r, "ETag"));
            }
            // One build: one finished file of the generation, no half-written one left, and the
            // next download sends that very file instead of writing it again.
            java.nio.file.Path folder = fixture.store().folder().resolve(org.w3id.fazhi.store.StoreDump.CACHE_FOLDER);
            List<java.nio.file.Path> files;
            try (var listed = java.nio.file.Files.list(folder)) {
                files = listed.filter(p -> p.getFileName().toString().endsWith(".trig.gz")).toList();
            }
            assertEquals(1, files.size(), files.toString());
            assertTrue(files.get(0).getFileName().toString().startsWith("kg-"), files.toString());
            Object key = java.nio.file.Files.readAttributes(files.get(0), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            assertEquals(200, get("/dumps/kg.trig.gz", Map.of()).statusCode());
            assertEquals(key, java.nio.file.Files.readAttributes(files.get(0), java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
                    "a dump already written is sent from its file");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteMovesTheGenerationAndTheTags() throws Exception {
        KnowledgeStore store = fixture.store();
        long before = store.generation();
        String ldTag = header(get(REPORT, Map.of()), "ETag");
        String dumpTag = header(send("/dumps/kg.nq.gz", "HEAD", Map.of()), "ETag");
        get(sparql("SELECT * { ?s ?p ?o } LIMIT 1"), Map.of());
        assertEquals(before, store.generation(), "reads leave it");
        store.dataset().executeWrite(() -> {
            Model m = store.dataset().getNamedModel("urn:fazhi:test:scratch");
            m.add(m.createResource("urn:a"), m.createProperty("urn:b"), "c");
            store.dataset().removeNamedModel("urn:fazhi:test:scratch");
        });
        assertTrue(store.generation() > before, "a write moves it on");
        HttpResponse<byte[]> r = get(REPORT, Map.of("If-None-Match", ldTag));
        assertEquals(200, r.statusCode(), "the old tag no longer holds");
        assertNotEquals(ldTag, header(r, "ETag"));
        assertNotEquals(dumpTag, header(get("/dumps/kg.nq.gz", Map.of()), "ETag"));
    }

    // ---- 9. public base, TRACE, security headers, admin paths, 405 for writes -----------------

    /** A raw request, so Host and TRACE can be sent as an attacker would. */
    static String raw(String request) throws IOException {
        try (Socket s = new Socket("localhost", fixture.server().port())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theHostHeaderIsNotCopiedIntoDescriptions() throws Exception {
        for (String path : List.of("/void", "/kg/sparql")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: evil.example:666\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer.lines().findFirst().orElse(""));
            assertFalse(answer.contains("evil.example"), path);
            assertTrue(answer.contains("http://localhost:" + fixture.server().port() + "/kg/sparql"), path);
        }
    }

    @Test
    void publicBaseIsUsedInDescriptions() throws Exception {
        KnowledgeServer other = KnowledgeServer.builder().store(fixture.store()).port(0).timeout(TestServer.TIMEOUT)
                .publicBase("https://kg.example.org/fazhi/").build().start();
        try {
            HttpResponse<String> v = http.send(HttpRequest.newBuilder(URI.create(other.url() + "void")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(v.body().contains("<https://kg.example.org/fazhi/kg/sparql>"), v.body());
            assertTrue(v.body().contains("https://kg.example.org/fazhi/dumps/kg.nq.gz"));
            assertFalse(v.body().contains("localhost"));
            HttpResponse<String> sd = http.send(HttpRequest.newBuilder(URI.create(other.url() + "kg/sparql")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(sd.body().contains("https://kg.example.org/fazhi/kg/sparql"));
        } finally {
            other.stop();
        }
    }

    @Test
    void traceIsOff() throws Exception {
        for (String path : List.of("/", REPORT, "/kg/sparql")) {
            String answer = raw("TRACE " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Secret: 1\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 405"), path + ": " + answer.lines().findFirst().orElse(""));
            assertFalse(answer.contains("X-Secret"));
        }
    }

    @Test
    void securityHeadersOnPages() throws Exception {
        for (String path : List.of(REPORT, "/queries", "/", "/index.html")) {
            HttpResponse<byte[]> r = get(path, Map.of("Accept", RepresentationTest.CHROME));
            assertEquals(200, r.statusCode(), path);
            assertTrue(header(r, "Content-Type").startsWith("text/html"), path);
            assertEquals("nosniff", header(r, "X-Content-Type-Options"), path);
            assertEquals("DENY", header(r, "X-Frame-Options"), path);
            String csp = header(r, "Content-Security-Policy");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && csp.contains("object-src 'none'"), csp);
            assertFalse(csp.contains("'unsafe-inline'") && csp.contains("script-src 'self' 'unsafe-inline'"), "no inline scripts");
        }
        // The UI loads its scripts and styles from this server only.
        String index = text(get("/index.html", Map.of()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(index);
        while (m.find()) {
            String ref = m.group(1);
            assertFalse(ref.startsWith("http:") || ref.startsWith("https:") || ref.startsWith("//"), ref);
            if (ref.startsWith("./static/")) assertEquals(200, get(ref.substring(1), Map.of()).statusCode(), ref);
        }
        assertFalse(index.replaceAll("(?s)<script[^>]*src=[^>]*>\\s*</script>", "").contains("<script"), "no inline script in the UI");
        String page = text(get(REPORT, Map.of("Accept", "text/html")));
        assertFalse(page.replaceAll("(?s)<script[^>]*(src=|type=\"application/json\")[^>]*>.*?</script>", "").contains("<script"));
    }

    @Test
    void adminPathsAreClosed() throws Exception {
        for (String path : List.of("/$/stats", "/$/stats/kg", "/$/datasets", "/$/backup/kg", "/$/compact/kg", "/$/tasks", "/$/metrics")) {
            int status = get(path, Map.of()).statusCode();
            assertTrue(status == 404 || status == 403, path + " gave " + status);
        }
        assertEquals(200, get("/$/ping", Map.of()).statusCode());
        assertEquals(200, get("/$/server", Map.of("Accept", "application/json")).statusCode(), "the UI reads it");
    }

    @Test
    void refusedWritesAre405WithAllow() throws Exception {
        record Write(String path, String method, String type, String body) {}
        List<Write> writes = List.of(
                new Write("/kg/update", "POST", "application/sparql-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
                new Write("/kg/sparql", "POST", "application/sparql-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
                new Write("/kg/sparql", "POST", "application/x-www-form-urlencoded", "update=" + URLEncoder.encode("CLEAR ALL", StandardCharsets.UTF_8)),
                new Write("/kg", "POST", "application/sparql-update", "CLEAR ALL"),
                new Write("/kg", "POST", "application/n-quads", "<urn:a> <urn:b> <urn:c> <urn:g> ."),
                new Write("/kg/data?default", "PUT", "text/turtle", "<urn:a> <urn:b> <urn:c> ."),
                new Write("/kg/data?default", "POST", "text/turtle", "<urn:a> <urn:b> <urn:c> ."),
                new Write("/kg/data?graph=urn:g", "DELETE", null, ""),
                new Write("/kg/data?default", "PATCH", "application/rdf-patch", ""));
        for (Write w : writes) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.url(w.path())))
                    .method(w.method(), HttpRequest.BodyPublishers.ofString(w.body()));
            if (w.type() != null) b.header("Content-Type", w.type());
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, r.statusCode(), w.toString());
            String allow = header(r, "Allow");
            assertFalse(allow.isEmpty(), w + ": no Allow");
            for (String method : List.of("PUT", "DELETE", "PATCH")) assertFalse(allow.contains(method), allow);
        }
        HttpResponse<String> query = http.send(HttpRequest.newBuilder(URI.create(fixture.url("/kg/sparql")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, query.statusCode(), "queries by POST still pass");
    }
}
