package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.bench.CorpusGenerator;
import org.w3id.fazhi.store.DataFolderWatch;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLoader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Updates without downtime: a server over 100 generated reports, 32 clients querying it without
 * pause, and the data folder rewritten under it with the next generation of all 100 reports. Every
 * report of a generation carries the generation's marker twice, in its text and in a sentence of its
 * own that becomes a measure, and the clients' query returns, per report, the marker of its text and
 * the markers of its measures. An answer that mixed two generations, or held half a report, would
 * show two markers (or a report without its marked measure, or not 100 reports). 28 clients repeat
 * one query (so they read the answer cache, which must move to the new generation), 4 make each
 * query new (so it runs on the store during the write).
 */
class ReloadWhileServingTest {

    static final int REPORTS = 100;
    static final int CLIENTS = 32;
    static final String OLD = "甲", NEW = "乙";
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String QUERY = """
            PREFIX fz: <https://w3id.org/fazhi/ontology#>
            SELECT ?r ?textGen (GROUP_CONCAT(DISTINCT ?quoteGen) AS ?quoteGens) WHERE {
              ?r a fz:Report ; fz:hasText ?t . ?t fz:text ?body .
              BIND(IF(CONTAINS(?body, "版本标记甲"), "甲", IF(CONTAINS(?body, "版本标记乙"), "乙", "无")) AS ?textGen)
              OPTIONAL { ?m fz:report ?r ; fz:quote ?q . FILTER(CONTAINS(?q, "版本标记"))
                         BIND(IF(CONTAINS(?q, "版本标记甲"), "甲", "乙") AS ?quoteGen) }
            } GROUP BY ?r ?textGen
            """;

    /** A generation's report: the generated text with a sentence carrying the marker after the first heading. */
    static String marked(String text, String generation) {
        int heading = text.indexOf("\n一、");
        int end = text.indexOf('\n', heading + 1);
        return text.substring(0, end + 1) + "\n全年开展依法行政版本标记" + generation + "专项检查工作，推动各项任务落实。\n" + text.substring(end + 1);
    }

    /** One answer: which generations it showed, and whether it was whole. */
    record Answer(long startedNanos, String generation, String problem) {}

    @Test
    void thirtyTwoClientsQueryThroughAReloadOfAHundredReports(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        List<Path> files = CorpusGenerator.fromReports(Path.of("data/reports")).generate(REPORTS, 25, data);
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            texts.add(Files.readString(f, StandardCharsets.UTF_8));
            Files.writeString(f, marked(texts.get(texts.size() - 1), OLD), StandardCharsets.UTF_8);
        }
        ConcurrentLinkedQueue<DataFolderWatch.Batch> batches = new ConcurrentLinkedQueue<>();
        CountDownLatch reloaded = new CountDownLatch(1);
        AtomicLong reloadedAt = new AtomicLong(Long.MAX_VALUE);
        try (KnowledgeStore store = KnowledgeStore.builder().folder(dir.resolve("kg-db")).build();
             DataFolderWatch watch = DataFolderWatch.builder().store(store).folder(data).interval(Duration.ofMillis(250))
                     .log(System.out).listener(b -> {
                         batches.add(b);
                         reloadedAt.set(System.nanoTime());
                         reloaded.countDown();
                     }).build()) {
            assertEquals(REPORTS, StoreLoader.builder().store(store).build().load(List.of(data.toString())).loaded().size());
            KnowledgeServer server = KnowledgeServer.builder().store(store).port(0).timeout(Duration.ofSeconds(60))
                    .maxQueriesPerClient(CLIENTS * 2).build().start();
            try {
                watch.start();
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                assertEquals(OLD, ask(http, server, QUERY, System.nanoTime()).generation(), "the first generation is served");
                String dumpBefore = dump(http, server);
                assertTrue(dumpBefore.contains("版本标记" + OLD) && !dumpBefore.contains("版本标记" + NEW));
                long generationBefore = store.generation();

                ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
                AtomicInteger errors = new AtomicInteger();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> clients = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    Thread t = new Thread(() -> {
                        for (int i = 0; !stop.get() && System.nanoTime() < deadline; i++) {
                            // Most clients repeat the query (answer cache); every eighth makes each query new, so it runs
                            // (a few, on two cores: the load itself needs the processors too).
                            String q = client % 8 != 0 ? QUERY : QUERY + "# client " + client + " query " + i + "\n";
                            Answer a = ask(http, server, q, System.nanoTime());
                            answers.add(a);
                            if (a.problem() != null) errors.incrementAndGet();
                        }
                    }, "client-" + c);
                    t.start();
                    clients.add(t);
                }
                Thread.sleep(2000);
                // The next generation, each file replaced whole (as a copy into the folder would leave it).
                for (int i = 0; i < files.size(); i++) {
                    Path part = dir.resolve("part-" + i);
                    Files.writeString(part, marked(texts.get(i), NEW), StandardCharsets.UTF_8);
                    Files.move(part, files.get(i), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                assertTrue(reloaded.await(5, TimeUnit.MINUTES), "the watch loaded the new generation");
                Thread.sleep(3000);
                stop.set(true);
                for (Thread t : clients) t.join(120_000);

                DataFolderWatch.Batch batch = batches.peek();
                List<Answer> all = new ArrayList<>(answers);
                long old = all.stream().filter(a -> OLD.equals(a.generation())).count();
                long fresh = all.stream().filter(a -> NEW.equals(a.generation())).count();
                List<Answer> bad = all.stream().filter(a -> a.problem() != null).toList();
                List<Answer> staleAfter = all.stream().filter(a -> a.startedNanos() > reloadedAt.get() && OLD.equals(a.generation())).toList();
                KnowledgeServer.CacheStats cache = server.cacheStats();
                System.out.printf("ReloadWhileServingTest: %d clients, %d answers (%d of generation %s, %d of %s), %d error(s); "
                                + "batch: %d changed, %d loaded in one commit in %d ms (store generation %d -> %d); cache %d hits, %d misses%n",
                        CLIENTS, all.size(), old, OLD, fresh, NEW, bad.size(), batch.changed().size(), batch.summary().loaded().size(),
                        batch.took().toMillis(), generationBefore, batch.generation(), cache.hits(), cache.misses());
                assertEquals(1, batches.size(), "one batch");
                assertEquals(REPORTS, batch.summary().loaded().size());
                assertTrue(bad.isEmpty(), bad.size() + " answer(s) wrong, e.g. " + bad.stream().limit(3).map(Answer::problem).toList());
                assertEquals(0, errors.get());
                assertTrue(old > 0 && fresh > 0, "answers of both generations: " + old + ", " + fresh);
                assertTrue(staleAfter.isEmpty(), staleAfter.size() + " answer(s) of the old generation asked after the reload");
                assertTrue(cache.hits() > 0, "the repeated query was answered from the cache");
                String dumpAfter = dump(http, server);
                assertTrue(dumpAfter.contains("版本标记" + NEW) && !dumpAfter.contains("版本标记" + OLD), "the dump moved to the new generation");
            } finally {
                server.stop();
            }
        }
    }

    /** Asks the query; the generation of a whole, single-generation answer, or what was wrong with it. */
    static Answer ask(HttpClient http, KnowledgeServer server, String query, long started) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql?query="
                            + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return new Answer(started, null, "HTTP " + r.statusCode() + ": " + r.body());
            JsonNode rows = JSON.readTree(r.body()).path("results").path("bindings");
            if (rows.size() != REPORTS) return new Answer(started, null, rows.size() + " reports");
            Set<String> seen = new HashSet<>();
            for (JsonNode row : rows) {
                String text = row.path("textGen").path("value").asText();
                String quotes = row.path("quoteGens").path("value").asText();
                if (!quotes.equals(text)) return new Answer(started, null, "half a report: text " + text + ", measures " + quotes);
                seen.add(text);
            }
            if (seen.size() != 1) return new Answer(started, null, "two generations in one answer: " + seen);
            return new Answer(started, seen.iterator().next(), null);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return new Answer(started, null, e.toString());
        }
    }

    static String dump(HttpClient http, KnowledgeServer server) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "dumps/kg.nq.gz")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theMarkerIsASentenceOfItsOwn() {
        String t = marked("标题\n\n一、主要措施\n\n（一）内容。\n", OLD);
        assertTrue(t.contains("一、主要措施\n\n全年开展依法行政版本标记甲"), t);
        assertFalse(t.contains("版本标记乙"));
    }
}
