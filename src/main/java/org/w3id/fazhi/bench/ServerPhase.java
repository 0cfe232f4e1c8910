package org.w3id.fazhi.bench;

import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;
import org.w3id.fazhi.server.KnowledgeServer;
import org.w3id.fazhi.store.KnowledgeStore;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.w3id.fazhi.bench.BenchContext.freePort;
import static org.w3id.fazhi.bench.BenchContext.percentile;
import static org.w3id.fazhi.bench.BenchContext.round;
import static org.w3id.fazhi.bench.BenchContext.secs;

/**
 * The server phase: concurrent clients send the saved queries as SPARQL GETs to the endpoint on the
 * large store for a while, each query's parameters drawn (seeded, one {@link Random} per client)
 * from the store's own programs, regions, indicators, themes and keywords ({@link BenchParameters}),
 * so the answer cache meets few repeats; its hit rate is reported beside the queries per second.
 * Each query asks for its first page ({@value QueryPhase#PAGE} rows), as {@code /queries/NAME} does.
 * With the answer cache off ({@code --answer-cache-mb 0}) every answer is the engine's.
 */
final class ServerPhase {

    private ServerPhase() {}

    static BenchResult.Server run(BenchContext ctx, Path db, int clients, int serverSeconds, long seed, long answerCacheMb) throws Exception {
        List<SavedQuery> saved = SavedQueries.load().all();
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            BenchParameters parameters = BenchParameters.read(store.dataset());
            // The clients all come from one address: the per-client limit would turn them away.
            KnowledgeServer server = KnowledgeServer.builder().store(store).port(freePort()).ui(false)
                    .timeout(Duration.ofSeconds(60)).maxQueriesPerClient(Math.max(4, clients))
                    .answerCacheBytes(answerCacheMb << 20).build().start();
            try {
                String url = "http://127.0.0.1:" + server.port() + "/kg/sparql";
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                        .executor(Executors.newFixedThreadPool(4)).build();
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                long end = System.nanoTime() + serverSeconds * 1_000_000_000L;
                AtomicLong errors = new AtomicLong();
                List<List<Double>> latencies = new ArrayList<>();
                Map<String, List<Double>> byQuery = new java.util.concurrent.ConcurrentHashMap<>();
                for (int c = 0; c < clients; c++) latencies.add(new ArrayList<>());
                KnowledgeServer.CacheStats before = server.cacheStats();
                long[] tablesBefore = store.answers().counts();
                long t0 = System.nanoTime();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    pool.submit(() -> {
                        int i = client;
                        Random random = clientRandom(seed, client);
                        while (System.nanoTime() < end) {
                            String name = queryAt(saved, i).name();
                            String q = nextQuery(saved, parameters, random, i++);
                            long s = System.nanoTime();
                            try {
                                HttpRequest req = HttpRequest.newBuilder(URI.create(url + "?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                        .timeout(Duration.ofSeconds(90))
                                        .header("Accept", "application/sparql-results+json")
                                        .GET()
                                        .build();
                                HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                                if (r.statusCode() != 200) errors.incrementAndGet();
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                            double ms = (System.nanoTime() - s) / 1e6;
                            latencies.get(client).add(ms);
                            byQuery.computeIfAbsent(name, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(ms);
                        }
                    });
                }
                pool.shutdown();
                if (!pool.awaitTermination(serverSeconds + 180L, TimeUnit.SECONDS)) pool.shutdownNow();
                double s = secs(t0);
                KnowledgeServer.CacheStats after = server.cacheStats();
                long[] tablesAfter = store.answers().counts();
                long fromTables = tablesAfter[0] - tablesBefore[0], asWritten = tablesAfter[1] - tablesBefore[1];
                // The saved queries without a table never ask the tables: they ran as written too.
                for (Map.Entry<String, List<Double>> e : byQuery.entrySet()) {
                    if (!org.w3id.fazhi.store.Answers.answers(e.getKey())) asWritten += e.getValue().size();
                }
                Map<String, Double> p50ByQuery = new java.util.TreeMap<>(), p99ByQuery = new java.util.TreeMap<>();
                for (Map.Entry<String, List<Double>> e : byQuery.entrySet()) {
                    double[] v;
                    synchronized (e.getValue()) { v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray(); }
                    p50ByQuery.put(e.getKey(), round(percentile(v, 50)));
                    p99ByQuery.put(e.getKey(), round(percentile(v, 99)));
                }
                String slowest = p99ByQuery.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(3)
                        .map(e -> e.getKey() + " " + Math.round(e.getValue()) + " ms").collect(java.util.stream.Collectors.joining(", "));
                long hits = after.hits() - before.hits();
                long lookups = hits + after.misses() - before.misses();
                Double hitRate = lookups == 0 ? null : round((double) hits / lookups);
                double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
                String cache = answerCacheMb == 0 ? "answer cache off" : "answer cache " + answerCacheMb + " MB, hits "
                        + (hitRate == null ? "-" : String.format("%.1f %%", hitRate * 100));
                ctx.row("server " + clients + " clients " + serverSeconds + " s", String.format("%.1f queries/s, p50 %.0f ms, p99 %.0f ms, %d errors, %s; "
                                + "%d saved queries answered from the tables, %d as written; highest p99: %s",
                        all.length / s, percentile(all, 50), percentile(all, 99), errors.get(), cache, fromTables, asWritten, slowest),
                        "goal >= 100 queries/s, p99 <= 1 s, 0 errors");
                return new BenchResult.Server(clients, round(s), all.length, round(all.length / s),
                        round(percentile(all, 50)), round(percentile(all, 99)), errors.get(), hitRate, answerCacheMb,
                        fromTables, asWritten, p50ByQuery, p99ByQuery);
            } finally {
                server.stop();
            }
        }
    }

    /** The random numbers of one client: the same seed and client draw the same values. */
    static Random clientRandom(long seed, int client) {
        return new Random(seed * 1_000_003L + client);
    }

    /** The saved query a client sends {@code i}-th: the saved queries in turn. */
    static SavedQuery queryAt(List<SavedQuery> saved, int i) {
        return saved.get(Math.floorMod(i, saved.size()));
    }

    /**
     * The {@code i}-th query a client sends: the saved queries in turn, each with values drawn for
     * its parameters; a value its parameter refuses leaves the defaults.
     */
    static String nextQuery(List<SavedQuery> saved, BenchParameters parameters, Random random, int i) {
        SavedQuery q = queryAt(saved, i);
        Map<String, String> values = parameters.draw(q, random);
        org.apache.jena.query.Query bound;
        try {
            bound = QueryRunner.bind(q, values);
        } catch (RuntimeException e) {
            bound = QueryRunner.bind(q, Map.of());
        }
        // The first page, as a page of /queries/NAME shows it (a query's own smaller limit stays).
        if (!bound.hasLimit() || bound.getLimit() > QueryPhase.PAGE) bound.setLimit(QueryPhase.PAGE);
        return bound.serialize();
    }
}
