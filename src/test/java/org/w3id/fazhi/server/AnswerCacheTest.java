package org.w3id.fazhi.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The answer cache on a server of its own over the shared test store: updates allowed (from
 * localhost, to move the generation on) and a small per-entry cap (to see a large answer pass by).
 */
@ExtendWith(TestServer.Shared.class)
class AnswerCacheTest {

    static final long ENTRY_CAP = 256 * 1024;
    static TestServer shared;
    static KnowledgeServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(TestServer s) {
        shared = s;
        server = KnowledgeServer.builder().store(s.store()).port(0).timeout(TestServer.TIMEOUT).ui(false)
                .allowUpdate(true).answerCacheEntryBytes(ENTRY_CAP).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String sparql(String query) {
        return KnowledgeServer.DATASET + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    static final List<String> COMPARED = List.of("Content-Type", "Content-Location", "Link", "Vary", "ETag",
            "Content-Encoding", "Cache-Control");

    static void assertSameAnswer(HttpResponse<byte[]> miss, HttpResponse<byte[]> hit) {
        assertEquals(200, miss.statusCode());
        assertEquals(200, hit.statusCode());
        // gzip of the same bytes written in other pieces may differ: compare what the client reads.
        assertArrayEquals(decoded(miss), decoded(hit));
        for (String h : COMPARED) {
            assertEquals(miss.headers().allValues(h), hit.headers().allValues(h), h);
        }
    }

    /** The body, gunzipped when it came gzipped. */
    static byte[] decoded(HttpResponse<byte[]> r) {
        try {
            if (!r.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) return r.body();
            return new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aHitIsTheSameAnswerAsTheMiss() throws Exception {
        for (String path : List.of(KnowledgeServerTest.REPORT,
                "/queries/regions-practising-program?program=" + URLEncoder.encode("枫桥经验", StandardCharsets.UTF_8),
                sparql("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g LIMIT 5"))) {
            for (Map<String, String> headers : List.of(Map.of("Accept", "text/turtle"),
                    Map.of("Accept", "text/html", "Accept-Encoding", "gzip"), Map.<String, String>of())) {
                KnowledgeServer.CacheStats before = server.cacheStats();
                HttpResponse<byte[]> miss = get(path, headers);
                KnowledgeServer.CacheStats between = server.cacheStats();
                HttpResponse<byte[]> hit = get(path, headers);
                KnowledgeServer.CacheStats after = server.cacheStats();
                if (miss.statusCode() != 200) continue; // e.g. Turtle of a saved-query page: not acceptable
                assertEquals(before.misses() + 1, between.misses(), path + " " + headers + " " + before + " " + between + " " + after);
                assertEquals(between.hits() + 1, after.hits(), path + " " + headers);
                assertSameAnswer(miss, hit);
            }
        }
    }

    @Test
    void anotherAcceptHasItsOwnEntry() throws Exception {
        String path = sparql("SELECT ?s WHERE { ?s a ?type } ORDER BY ?s LIMIT 3");
        HttpResponse<byte[]> json = get(path, Map.of("Accept", "application/sparql-results+json"));
        long misses = server.cacheStats().misses();
        HttpResponse<byte[]> xml = get(path, Map.of("Accept", "application/sparql-results+xml"));
        assertEquals(misses + 1, server.cacheStats().misses());
        long hits = server.cacheStats().hits();
        HttpResponse<byte[]> json2 = get(path, Map.of("Accept", "application/sparql-results+json"));
        HttpResponse<byte[]> xml2 = get(path, Map.of("Accept", "application/sparql-results+xml"));
        assertEquals(hits + 2, server.cacheStats().hits());
        assertSameAnswer(json, json2);
        assertSameAnswer(xml, xml2);
        assertTrue(new String(xml2.body(), StandardCharsets.UTF_8).contains("<sparql"));
        assertTrue(new String(json2.body(), StandardCharsets.UTF_8).contains("\"bindings\""));
    }

    @Test
    void aWriteMakesTheNextGetAMiss() throws Exception {
        String path = sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }");
        Map<String, String> accept = Map.of("Accept", "application/sparql-results+json");
        get(path, accept);
        long hits = server.cacheStats().hits();
        get(path, accept);
        assertEquals(hits + 1, server.cacheStats().hits());

        long generation = shared.store().generation();
        // A write that changes nothing still commits, and every commit moves the generation on.
        HttpRequest update = HttpRequest.newBuilder(URI.create(server.url() + "kg/update"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("CLEAR SILENT GRAPH <urn:fazhi:answer-cache-test>")).build();
        int status = http.send(update, HttpResponse.BodyHandlers.ofString()).statusCode();
        assertTrue(status == 200 || status == 204, "update gave " + status);
        assertNotEquals(generation, shared.store().generation());

        KnowledgeServer.CacheStats before = server.cacheStats();
        HttpResponse<byte[]> again = get(path, accept);
        assertEquals(200, again.statusCode());
        assertEquals(before.misses() + 1, server.cacheStats().misses());
        assertEquals(before.hits(), server.cacheStats().hits());
    }

    @Test
    void postIsNeverCached() throws Exception {
        String body = "query=" + URLEncoder.encode("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", StandardCharsets.UTF_8);
        KnowledgeServer.CacheStats before = server.cacheStats();
        for (int i = 0; i < 3; i++) {
            HttpRequest post = HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            assertEquals(200, http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        KnowledgeServer.CacheStats after = server.cacheStats();
        assertEquals(before.hits(), after.hits());
        assertEquals(before.misses(), after.misses());
    }

    @Test
    void anAnswerOverTheCapIsNotKept() throws Exception {
        String path = sparql("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20000");
        Map<String, String> accept = Map.of("Accept", "application/sparql-results+json");
        HttpResponse<byte[]> first = get(path, accept);
        assertEquals(200, first.statusCode());
        assertTrue(first.body().length > ENTRY_CAP, "answer of " + first.body().length + " bytes");
        long hits = server.cacheStats().hits();
        HttpResponse<byte[]> second = get(path, accept);
        assertEquals(hits, server.cacheStats().hits());
        assertArrayEquals(first.body(), second.body());
    }

    @Test
    void anAnswerThatIsNot200IsNotKept() throws Exception {
        for (String path : List.of("/id/report/000000-1999", sparql("SELECT ?s WHERE { ?s"), "/queries/no-such-query")) {
            int status = get(path, Map.of()).statusCode();
            assertNotEquals(200, status, path);
            long hits = server.cacheStats().hits();
            long misses = server.cacheStats().misses();
            assertEquals(status, get(path, Map.of()).statusCode(), path);
            assertEquals(hits, server.cacheStats().hits(), path);
            assertEquals(misses + 1, server.cacheStats().misses(), path);
        }
    }

    @Test
    void offMeansNoCache() throws Exception {
        KnowledgeServer off = KnowledgeServer.builder().store(shared.store()).port(0).ui(false).answerCacheBytes(0).build().start();
        try {
            HttpClient c = HttpClient.newHttpClient();
            HttpRequest r = HttpRequest.newBuilder(URI.create(off.url() + KnowledgeServerTest.REPORT.substring(1))).build();
            assertEquals(200, c.send(r, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, c.send(r, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(new KnowledgeServer.CacheStats(0, 0, 0, 0), off.cacheStats());
        } finally {
            off.stop();
        }
    }
}
