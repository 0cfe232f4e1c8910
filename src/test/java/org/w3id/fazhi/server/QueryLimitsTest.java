package org.w3id.fazhi.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLoader;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits on what one query and one client may take, each on a server of its own over a store
 * of the five reports: the answer-size cap, SERVICE, the per-client limit, and time-outs under
 * concurrency (last: it closes the store and checks that closing does not wait).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryLimitsTest {

    static final String FZ = "PREFIX fz: <https://w3id.org/fazhi/ontology#> ";
    /** Explosive shapes: one streams results, one counts before its first result. */
    static final String CROSS = "SELECT * { ?a ?b ?c . ?d ?e ?f }";
    static final String COUNT = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    static Path folder;
    static KnowledgeStore store;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool()).build();

    @BeforeAll
    static void load() throws IOException {
        folder = Files.createTempDirectory("fazhi-limits-test-");
        store = KnowledgeStore.builder().folder(folder.resolve("kg-db")).build();
        StoreLoader.builder().store(store).build().load(List.of("data/reports"));
    }

    @AfterAll
    static void clean() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static HttpResponse<String> query(KnowledgeServer server, String sparql, String accept) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8)))
                .header("Accept", accept).timeout(Duration.ofSeconds(60)).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    static List<HttpResponse<String>> atOnce(KnowledgeServer server, int n, String... shapes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String q = shapes[i % shapes.length];
                futures.add(pool.submit(() -> query(server, q, "text/csv")));
            }
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @Order(1)
    void anAnswerOverTheCapIs413WithAPlainMessageAndNothingElse() throws Exception {
        KnowledgeServer server = KnowledgeServer.builder().store(store).port(0).ui(false)
                .timeout(Duration.ofSeconds(20)).maxAnswerBytes(64 << 10).build().start();
        try {
            HttpResponse<String> big = query(server, FZ + "SELECT ?t ?c { ?s fz:text ?t . ?a ?b ?c }", "text/csv");
            assertEquals(413, big.statusCode(), big.body());
            assertTrue(big.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            assertTrue(big.body().length() < 1000, "a message, not results: " + big.body().length());
            assertTrue(big.body().contains("larger than 64 KiB"), big.body());
            assertFalse(big.body().contains("Exception"), big.body());
            // Under the cap the answer is whole, with its length.
            HttpResponse<String> small = query(server, FZ + "SELECT ?r { ?r a fz:Report }", "text/csv");
            assertEquals(200, small.statusCode());
            assertEquals(6, small.body().lines().count(), small.body());
            assertEquals(small.body().getBytes(StandardCharsets.UTF_8).length,
                    Integer.parseInt(small.headers().firstValue("Content-Length").orElseThrow()));
        } finally {
            server.stop();
        }
    }

    @Test
    @Order(2)
    void serviceIsRefusedTheSameWayWhateverTheTarget() throws Exception {
        KnowledgeServer server = KnowledgeServer.builder().store(store).port(0).ui(false).timeout(Duration.ofSeconds(10)).build().start();
        KnowledgeServer allowing = null;
        try {
            String self = "http://127.0.0.1:" + server.port() + "/kg/sparql";
            List<String> bodies = new ArrayList<>();
            for (String target : List.of("http://127.0.0.1:1/sparql", self, "http://169.254.169.254/latest/meta-data/")) {
                HttpResponse<String> r = query(server, "SELECT * { SERVICE <" + target + "> { ?a ?b ?c } } LIMIT 1", "text/csv");
                assertEquals(400, r.statusCode(), target + ": " + r.body());
                assertFalse(r.body().contains("127.0.0.1") || r.body().contains("169.254"), r.body());
                bodies.add(r.body());
            }
            HttpResponse<String> bound = query(server, "SELECT * { VALUES ?s { <" + self + "> } SERVICE ?s { ?a ?b ?c } } LIMIT 1", "text/csv");
            assertEquals(400, bound.statusCode(), bound.body());
            bodies.add(bound.body());
            assertEquals(1, Set.copyOf(bodies).size(), "one message for every target: " + bodies);
            assertTrue(bodies.get(0).contains("SERVICE"));

            // An endpoint the operator allowed is queried; any other still is not.
            allowing = KnowledgeServer.builder().store(store).port(0).ui(false).timeout(Duration.ofSeconds(10))
                    .allowService(List.of(self)).build().start();
            HttpResponse<String> ok = query(allowing, FZ + "SELECT ?r { SERVICE <" + self + "> { ?r a fz:Report } }", "text/csv");
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(6, ok.body().lines().count(), ok.body());
            assertEquals(400, query(allowing, "SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?a ?b ?c } }", "text/csv").statusCode());
        } finally {
            server.stop();
            if (allowing != null) allowing.stop();
        }
    }

    @Test
    @Order(3)
    void oneClientRunsAtMostItsShareOfQueriesAndIsToldWhenToComeBack() throws Exception {
        KnowledgeServer server = KnowledgeServer.builder().store(store).port(0).ui(false)
                .timeout(Duration.ofSeconds(2)).maxQueriesPerClient(4).build().start();
        try {
            List<HttpResponse<String>> answers = atOnce(server, 12, CROSS, COUNT);
            long refused = answers.stream().filter(r -> r.statusCode() == 429).count();
            long timedOut = answers.stream().filter(r -> r.statusCode() == 503).count();
            assertEquals(12, refused + timedOut, answers.stream().map(HttpResponse::statusCode).toList().toString());
            assertTrue(timedOut >= 4 && refused >= 6, timedOut + " ran, " + refused + " refused");
            for (HttpResponse<String> r : answers) {
                assertNotNull(r.headers().firstValue("Retry-After").orElse(null), r.statusCode() + " without Retry-After");
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            }
            // Once they are over, the client may query again.
            assertEquals(200, query(server, FZ + "SELECT ?r { ?r a fz:Report }", "text/csv").statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    @Order(4)
    @Timeout(120)
    void concurrentTimeOutsReleaseEveryTransactionAndTheStoreClosesAtOnce() throws Exception {
        KnowledgeServer server = KnowledgeServer.builder().store(store).port(0).ui(false)
                .timeout(Duration.ofMillis(1500)).maxQueriesPerClient(32).build().start();
        try {
            for (String shape : List.of(COUNT, CROSS)) {
                List<HttpResponse<String>> answers = atOnce(server, 12, shape);
                for (HttpResponse<String> r : answers) {
                    assertEquals(503, r.statusCode(), r.body());
                    assertTrue(r.body().startsWith("Query timed out"), r.body());
                }
                long deadline = System.nanoTime() + 1_000_000_000L;
                while (store.openTransactions() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
                assertEquals(0, store.openTransactions(), "read transactions left open by " + shape);
            }
            // Mixed, twice over.
            atOnce(server, 24, COUNT, CROSS, "SELECT * { ?a ?b ?c OPTIONAL { ?x ?y ?c FILTER NOT EXISTS { ?x ?z ?a } } }");
        } finally {
            server.stop();
        }
        long t0 = System.nanoTime();
        store.close();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 2, "closing took " + seconds + " s");
        // The folder is free again: the store opens anew.
        store = KnowledgeStore.builder().folder(folder.resolve("kg-db")).build();
    }
}
