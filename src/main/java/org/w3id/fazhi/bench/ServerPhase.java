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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.w3id.fazhi.bench.BenchContext.freePort;
import static org.w3id.fazhi.bench.BenchContext.percentile;
import static org.w3id.fazhi.bench.BenchContext.round;
import static org.w3id.fazhi.bench.BenchContext.secs;

/** The server phase: concurrent clients send the saved queries to the SPARQL endpoint on the large store for a while. */
final class ServerPhase {

    private ServerPhase() {}

    static BenchResult.Server run(BenchContext ctx, Path db, int clients, int serverSeconds) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (SavedQuery q : SavedQueries.load().all()) bodies.add(QueryRunner.bind(q, Map.of()).serialize());
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            // The clients all come from one address: the per-client limit would turn them away.
            KnowledgeServer server = KnowledgeServer.builder().store(store).port(freePort()).ui(false)
                    .timeout(Duration.ofSeconds(60)).maxQueriesPerClient(Math.max(4, clients)).build().start();
            try {
                String url = "http://127.0.0.1:" + server.port() + "/kg/sparql";
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                        .executor(Executors.newFixedThreadPool(4)).build();
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                long end = System.nanoTime() + serverSeconds * 1_000_000_000L;
                AtomicLong errors = new AtomicLong();
                List<List<Double>> latencies = new ArrayList<>();
                for (int c = 0; c < clients; c++) latencies.add(new ArrayList<>());
                long t0 = System.nanoTime();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    pool.submit(() -> {
                        int i = client;
                        while (System.nanoTime() < end) {
                            String q = bodies.get(i++ % bodies.size());
                            long s = System.nanoTime();
                            try {
                                HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .header("Accept", "application/sparql-results+json")
                                        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                        .build();
                                HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                                if (r.statusCode() != 200) errors.incrementAndGet();
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                            latencies.get(client).add((System.nanoTime() - s) / 1e6);
                        }
                    });
                }
                pool.shutdown();
                if (!pool.awaitTermination(serverSeconds + 180L, TimeUnit.SECONDS)) pool.shutdownNow();
                double s = secs(t0);
                double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
                ctx.row("server " + clients + " clients " + serverSeconds + " s", String.format("%.1f queries/s, p50 %.0f ms, p99 %.0f ms, %d errors",
                        all.length / s, percentile(all, 50), percentile(all, 99), errors.get()), "");
                return new BenchResult.Server(clients, round(s), all.length, round(all.length / s),
                        round(percentile(all, 50)), round(percentile(all, 99)), errors.get());
            } finally {
                server.stop();
            }
        }
    }
}
