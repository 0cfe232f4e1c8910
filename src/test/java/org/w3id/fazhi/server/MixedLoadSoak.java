package org.w3id.fazhi.server;

import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A bounded soak of the server over the five reports: N clients for S seconds, each from its own
 * loopback address (127.0.0.2, 127.0.0.3, ...: the per-client limit sees them as different
 * clients), mixing saved queries, linked-data GETs, conditional GETs and runaway queries (cut by a
 * 2 s limit). Counts every status, the 5xx other than the deliberate 503 of a runaway query, the
 * read transactions still open once the clients stop, and how long closing the store takes.
 * Not a JUnit test (it runs for a minute); run it with
 * <pre>
 * mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.w3id.fazhi.server.MixedLoadSoak [SECONDS=60] [CLIENTS=32]
 * </pre>
 * It exits 0 when there was no unexpected 5xx, no leaked transaction and closing took under 2 s.
 */
public final class MixedLoadSoak {

    static final String REPORT = "/id/report/360121-2023";
    static final String[] RUNAWAY = {
        "SELECT * { ?a ?b ?c . ?d ?e ?f }",
        "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "SELECT * { ?a ?b ?c OPTIONAL { ?x ?y ?c FILTER NOT EXISTS { ?x ?z ?a } } }",
    };

    record Answer(int status, Map<String, String> headers, int bytes, String body) {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Path folder = Files.createTempDirectory("fazhi-soak-");
        KnowledgeStore store = KnowledgeStore.builder().folder(folder.resolve("kg-db")).build();
        StoreLoader.builder().store(store).build().load(List.of("data/reports"));
        KnowledgeServer server = KnowledgeServer.builder().store(store).port(0).ui(false).timeout(Duration.ofSeconds(2)).build().start();
        int port = server.port();
        List<String> saved = new ArrayList<>();
        for (SavedQuery q : SavedQueries.load().all()) {
            try {
                saved.add(QueryRunner.bind(q, Map.of()).serialize());
            } catch (RuntimeException e) {
                // a query that needs a parameter: left out
            }
        }
        Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        AtomicLong unexpected = new AtomicLong(), slow = new AtomicLong(), requests = new AtomicLong(), failures = new AtomicLong();
        List<String> examples = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(client);
                InetAddress from = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + client)});
                String etag = null;
                while (System.nanoTime() < end) {
                    int pick = random.nextInt(100);
                    String kind, path;
                    Map<String, String> headers = new TreeMap<>();
                    if (pick < 40) {
                        kind = "saved";
                        path = "/kg/sparql?query=" + URLEncoder.encode(saved.get(random.nextInt(saved.size())), StandardCharsets.UTF_8);
                        headers.put("Accept", "application/sparql-results+json");
                    } else if (pick < 65) {
                        kind = "linked-data";
                        path = REPORT;
                        headers.put("Accept", random.nextBoolean() ? "text/turtle" : "text/html");
                    } else if (pick < 90) {
                        kind = "conditional";
                        path = REPORT;
                        headers.put("Accept", "text/turtle");
                        if (etag != null) headers.put("If-None-Match", etag);
                    } else {
                        kind = "runaway";
                        path = "/kg/sparql?query=" + URLEncoder.encode(RUNAWAY[random.nextInt(RUNAWAY.length)], StandardCharsets.UTF_8);
                        headers.put("Accept", "text/csv");
                    }
                    requests.incrementAndGet();
                    try {
                        Answer a = get(from, port, path, headers);
                        counts.computeIfAbsent(kind + " " + a.status(), k -> new AtomicLong()).incrementAndGet();
                        if (kind.equals("conditional") && a.headers().containsKey("etag")) etag = a.headers().get("etag");
                        boolean deliberate = kind.equals("runaway") && a.status() == 503;
                        boolean timedOut = a.status() == 503 && a.body().startsWith("Query timed out");
                        if (timedOut && !deliberate) {
                            slow.incrementAndGet();
                        } else if (a.status() >= 500 && !deliberate) {
                            unexpected.incrementAndGet();
                            if (examples.size() < 10) examples.add(kind + " " + a.status() + " " + a.headers() + " " + a.body()
                                    + " for " + java.net.URLDecoder.decode(path, StandardCharsets.UTF_8).replaceAll("\\s+", " "));
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                        if (examples.size() < 10) examples.add(kind + " " + e);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (store.openTransactions() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
        long leaked = store.openTransactions();
        server.stop();
        long t0 = System.nanoTime();
        store.close();
        double close = (System.nanoTime() - t0) / 1e9;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        System.out.printf("soak: %d clients, %d s, %d requests (%.0f/s)%n", clients, seconds, requests.get(), requests.get() / (double) seconds);
        new TreeMap<>(counts).forEach((k, v) -> System.out.printf("  %-22s %d%n", k, v.get()));
        System.out.printf("unexpected 5xx: %d, saved queries over the time limit (503): %d, connection failures: %d, "
                + "leaked transactions: %d, store closed in %.2f s%n", unexpected.get(), slow.get(), failures.get(), leaked, close);
        examples.forEach(e -> System.out.println("  e.g. " + e));
        System.exit(unexpected.get() == 0 && failures.get() == 0 && leaked == 0 && close < 2 ? 0 : 1);
    }

    /** One HTTP/1.1 GET from a given loopback address, the connection closed after it. */
    static Answer get(InetAddress from, int port, String path, Map<String, String> headers) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            s.setSoTimeout(60_000);
            StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            req.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) throw new IOException("no complete answer: " + text.length() + " bytes");
            String[] lines = text.substring(0, headEnd).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> h = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) h.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
            String body = new String(all.toByteArray(), headEnd + 4, all.size() - headEnd - 4, StandardCharsets.UTF_8);
            return new Answer(status, h, text.length() - headEnd - 4, body.length() > 300 ? body.substring(0, 300) : body);
        }
    }
}
