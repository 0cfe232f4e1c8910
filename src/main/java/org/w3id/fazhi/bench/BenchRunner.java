package org.w3id.fazhi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.ExtractionResult;
import org.w3id.fazhi.extract.LoadSummary;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.query.QueryException;
import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;
import org.w3id.fazhi.server.KnowledgeServer;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLoader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark behind {@code fazhi bench}: every figure measured side by side in one run, printed
 * as a table and returned as a map (written as JSON by the command).
 */
public final class BenchRunner {

    public static final List<String> PHASES = List.of("extract", "load", "query", "memory", "server", "restart");
    static final Pattern NUMBERS = Pattern.compile("\\d+(?:\\.\\d+)?");

    private final int reports;
    private final long seed;
    private final Set<String> only;
    private final Path work;
    private final Path data;
    private final int serverSeconds;
    private final int clients;
    private final int queryRuns;
    private final Duration queryLimit;
    private final boolean reuseStores;
    private final PrintStream out;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();

    private BenchRunner(Builder b) {
        this.reports = b.reports;
        this.seed = b.seed;
        this.only = Set.copyOf(b.phases);
        this.work = b.work;
        this.data = b.data;
        this.serverSeconds = b.serverSeconds;
        this.clients = b.clients;
        this.queryRuns = b.queryRuns;
        this.queryLimit = b.queryLimit;
        this.reuseStores = b.reuseStores;
        this.out = b.out;
    }

    public static Builder builder() { return new Builder(); }

    public Map<String, Object> run() throws Exception {
        int small = Math.min(1000, reports);
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "max_heap_mb", Runtime.getRuntime().maxMemory() >> 20,
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        results.put("reports", reports);
        results.put("reports_small", small);
        Path corpus = work.resolve("corpus-" + reports + "-" + seed);
        List<Path> files = corpus(corpus);
        List<Path> smallFiles = files.subList(0, small);
        if (only.contains("extract")) extract(smallFiles);
        Path smallDb = work.resolve("db-" + small);
        if (only.contains("load") || only.contains("query")) load(smallFiles, smallDb);
        Map<String, double[]> smallTimes = only.contains("query") ? queries(smallDb, small) : Map.of();
        Path bigDb = work.resolve("db-" + reports);
        boolean needBig = only.contains("memory") || only.contains("server") || only.contains("restart")
                || (only.contains("query") && reports > small);
        if (needBig) {
            if (reports <= small && only.contains("query")) bigDb = smallDb;
            else if (reuseStores && reportsIn(bigDb) == reports) say("reusing the %d-report store in %s", reports, bigDb);
            else memory(corpus, bigDb);
        }
        if (only.contains("query")) {
            Map<String, double[]> bigTimes = reports > small ? queries(bigDb, reports) : smallTimes;
            Map<String, Object> p50 = new LinkedHashMap<>(), p95 = new LinkedHashMap<>(), growth = new LinkedHashMap<>(),
                    p50small = new LinkedHashMap<>();
            for (String q : smallTimes.keySet()) {
                double[] s = smallTimes.get(q), b = bigTimes.get(q);
                double g = b[0] / Math.max(s[0], 0.5);
                p50small.put(q, round(s[0]));
                p50.put(q, round(b[0]));
                p95.put(q, round(b[1]));
                growth.put(q, round(g));
                row("query " + q, String.format("p50 %s / p95 %s at %d; p50 %s at %d", ms(b[0]), ms(b[1]), reports, ms(s[0]), small),
                        Double.isNaN(g) ? "growth unknown" : String.format("growth %.2f", g));
            }
            results.put("query_p50_ms", p50);
            results.put("query_p95_ms", p95);
            results.put("query_p50_ms_small", p50small);
            results.put("query_growth", growth);
        }
        if (only.contains("server")) server(bigDb);
        if (only.contains("restart")) restart(bigDb);
        printTable();
        return results;
    }

    // ------------------------------------------------------------------ corpus

    private List<Path> corpus(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> existing = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
                if (existing.size() == reports) return existing;
            }
            deleteTree(dir);
        }
        long t0 = System.nanoTime();
        List<Path> files = CorpusGenerator.fromReports(data).generate(reports, seed, dir);
        say("generated %d synthetic reports in %.1f s", reports, secs(t0));
        return files;
    }

    // ------------------------------------------------------------------ extract

    private void extract(List<Path> files) throws Exception {
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        ExtractionPipeline pipeline = ExtractionPipeline.builder().build();
        List<Path> warm = files.subList(0, Math.min(100, files.size()));
        baseline(warm);
        ours(warm, pipeline);
        long t0 = System.nanoTime();
        long numbers = baseline(files);
        double base = secs(t0);
        t0 = System.nanoTime();
        long triples = ours(files, pipeline);
        double ourSecs = secs(t0);
        double mb = bytes / 1e6;
        results.put("extract_reports", files.size());
        results.put("extract_mb", round(mb));
        results.put("extract_reports_per_s", round(files.size() / ourSecs));
        results.put("extract_mb_per_s", round(mb / ourSecs));
        results.put("baseline_reports_per_s", round(files.size() / base));
        results.put("baseline_mb_per_s", round(mb / base));
        results.put("extract_triples", triples);
        results.put("baseline_numbers", numbers);
        double ratio = base / ourSecs;
        results.put("extract_ratio", round(ratio));
        row("extract " + files.size() + " reports", String.format("%.0f reports/s, %.2f MB/s (baseline %.0f reports/s, %.2f MB/s)",
                files.size() / ourSecs, mb / ourSecs, files.size() / base, mb / base), String.format("ratio %.3f (goal >= 0.333)", ratio));
    }

    /** The floor: read each file and run one precompiled regular expression for numbers, in parallel. */
    static long baseline(List<Path> files) {
        return files.parallelStream().mapToLong(f -> {
            try {
                Matcher m = NUMBERS.matcher(Files.readString(f, StandardCharsets.UTF_8));
                long n = 0;
                while (m.find()) n++;
                return n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
    }

    /** The extractor through the pipeline every command uses: read, extract on every core, in order. */
    static long ours(List<Path> files, ExtractionPipeline pipeline) {
        long triples = 0;
        try (ExtractionPipeline.Run run = pipeline.run(files.stream().map(Path::toString).toList())) {
            while (run.hasNext()) {
                if (run.next() instanceof ExtractionResult.Extracted e) triples += e.graph().size();
                else throw new IllegalStateException("a generated report did not extract");
            }
        }
        return triples;
    }

    // ------------------------------------------------------------------ load

    private void load(List<Path> files, Path db) throws Exception {
        deleteTree(db);
        List<String> inputs = files.stream().map(Path::toString).toList();
        long t0 = System.nanoTime();
        LoadSummary summary;
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            summary = StoreLoader.builder().store(store).build().load(inputs);
        }
        double ours = secs(t0);
        if (!summary.problems().isEmpty()) say("load problems: %s", summary.problems().get(0).message());
        if (!only.contains("load")) return;
        // the same quads, as N-Quads, into a fresh TDB2 with Jena's bulk loader
        Path nq = work.resolve("load-" + files.size() + ".nq");
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build();
             OutputStream o = Files.newOutputStream(nq)) {
            Txn.executeRead(store.dataset(), () -> RDFDataMgr.write(o, store.dataset().asDatasetGraph(), Lang.NQUADS));
        }
        Path bulkDb = work.resolve("bulk-" + files.size());
        deleteTree(bulkDb);
        t0 = System.nanoTime();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(bulkDb.toString());
        long quads;
        try {
            DataLoader loader = LoaderFactory.createLoader(dsg, (format, args) -> { });
            loader.startBulk();
            try {
                loader.load(nq.toString());
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            quads = loader.countQuads();
        } finally {
            TDBInternal.expel(dsg);
        }
        double bulk = secs(t0);
        results.put("load_reports", files.size());
        results.put("load_s", round(ours));
        results.put("bulk_load_s", round(bulk));
        results.put("load_quads", quads);
        results.put("load_ratio", round(ours / bulk));
        row("load " + files.size() + " reports", String.format("extract+load %.1f s, bulk loader %.1f s (%d quads, no text index)", ours, bulk, quads),
                String.format("ratio %.2f (goal <= 1.5)", ours / bulk));
        Files.deleteIfExists(nq);
        deleteTree(bulkDb);
    }

    // ------------------------------------------------------------------ queries

    /**
     * Every saved query with its defaults: {median, p95} ms over repeated runs after one warm-up.
     * A query stopped by the time limit is recorded as NaN (null in the JSON); one whose warm-up
     * took longer than {@link #SLOW_MS} is timed once more instead of {@code queryRuns} times, so
     * that a large store does not keep the benchmark busy for hours.
     */
    private Map<String, double[]> queries(Path db, int n) {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            QueryRunner runner = QueryRunner.builder().dataset(store.dataset()).timeout(queryLimit).build();
            for (SavedQuery q : SavedQueries.load().all()) {
                double warm = timeOnce(runner, q);
                int runs = Double.isNaN(warm) ? 0 : warm > SLOW_MS ? 1 : queryRuns;
                double[] times = new double[runs];
                for (int i = 0; i < runs; i++) times[i] = timeOnce(runner, q);
                double[] figures = runs == 0 ? new double[] {Double.NaN, Double.NaN}
                        : new double[] {percentile(times, 50), percentile(times, 95)};
                out.put(q.name(), figures);
                say("%s at %d reports: %s", q.name(), n, Double.isNaN(figures[0])
                        ? "stopped by the " + queryLimit.toSeconds() + " s limit" : String.format("median %.1f ms over %d runs", figures[0], runs));
            }
        }
        return out;
    }

    static final double SLOW_MS = 10_000;

    /** One run in ms, NaN when the time limit stopped it. */
    private static double timeOnce(QueryRunner runner, SavedQuery q) {
        long t0 = System.nanoTime();
        try {
            runner.run(q, Map.of());
        } catch (QueryException e) {
            if (e.getCause() instanceof QueryCancelledException) return Double.NaN;
            throw e;
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    // ------------------------------------------------------------------ memory

    /** Loads the whole corpus in a child JVM with -Xmx512m; reads its peak heap. */
    private void memory(Path corpus, Path db) throws Exception {
        deleteTree(db);
        long t0 = System.nanoTime();
        List<String> cmd = List.of(javaBin(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                LoadChild.class.getName(), db.toString(), corpus.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String peak = null, last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                last = line;
                if (line.startsWith("peak_heap_mb ")) peak = line.substring(13).trim();
            }
        }
        int exit = p.waitFor();
        double s = secs(t0);
        results.put("memory_load_ok", exit == 0);
        results.put("memory_load_s", round(s));
        results.put("peak_heap_mb", peak == null ? null : Double.parseDouble(peak));
        results.put("store_mb", round(du(db) / 1e6));
        row("load " + reports + " reports, -Xmx512m", exit == 0 ? String.format("completed in %.0f s, peak heap %s MB, store %.0f MB on disk", s, peak, du(db) / 1e6)
                : "FAILED (exit " + exit + "): " + last, "");
        if (exit != 0) throw new IllegalStateException("the -Xmx512m load failed: " + last);
    }

    /** How many report graphs a store made by an earlier run holds (0 when there is none). */
    static long reportsIn(Path db) {
        if (!Files.isDirectory(db.resolve("tdb2"))) return 0;
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            String count = "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH <" + store.graphs().meta() + "> { ?g <"
                    + FZ.sourceFile.getURI() + "> ?s } FILTER (STRSTARTS(STR(?g), \"" + store.graphs().base() + "graph/report/\")) }";
            return Txn.calculateRead(store.dataset(), () -> {
                try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(count).build()) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
        }
    }

    // ------------------------------------------------------------------ server

    private void server(Path db) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (SavedQuery q : SavedQueries.load().all()) bodies.add(QueryRunner.bind(q, Map.of()).serialize());
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            KnowledgeServer server = KnowledgeServer.builder().store(store).port(freePort()).ui(false)
                    .timeout(Duration.ofSeconds(60)).build().start();
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
                results.put("server_clients", clients);
                results.put("server_seconds", round(s));
                results.put("server_queries", all.length);
                results.put("server_qps", round(all.length / s));
                results.put("server_p50_ms", round(percentile(all, 50)));
                results.put("server_p99_ms", round(percentile(all, 99)));
                results.put("server_errors", errors.get());
                row("server " + clients + " clients " + serverSeconds + " s", String.format("%.1f queries/s, p50 %.0f ms, p99 %.0f ms, %d errors",
                        all.length / s, percentile(all, 50), percentile(all, 99), errors.get()), "");
            } finally {
                server.stop();
            }
        }
    }

    // ------------------------------------------------------------------ restart

    private void restart(Path db) throws Exception {
        int port = freePort();
        Path noData = work.resolve("no-data");
        List<String> cmd = List.of(javaBin(), "-cp", System.getProperty("java.class.path"), "org.w3id.fazhi.cli.Fazhi",
                "serve", "--db", db.toString(), "--port", Integer.toString(port), "--data", noData.toString());
        HttpClient http = HttpClient.newHttpClient();
        String ask = "http://127.0.0.1:" + port + "/kg/sparql?query=" + URLEncoder.encode(
                "SELECT ?r { ?r a <https://w3id.org/fazhi/ontology#Report> } LIMIT 1", StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("restart.log").toFile()).start();
        double ms = -1;
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline && p.isAlive()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ask)).timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("/id/report/")) {
                        ms = (System.nanoTime() - t0) / 1e6;
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        }
        results.put("restart_ms", ms < 0 ? null : round(ms));
        row("restart on " + reports + " reports", ms < 0 ? "FAILED: see " + work.resolve("restart.log")
                : String.format("%.0f ms from serve to the first answer (new JVM)", ms), "");
    }

    // ------------------------------------------------------------------ helpers

    private void row(String what, String figure, String goal) {
        table.add(new String[] {what, figure, goal});
        say("%s: %s %s", what, figure, goal);
    }

    private void printTable() {
        int w0 = table.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        int w1 = table.stream().mapToInt(r -> r[1].length()).max().orElse(10);
        out.println();
        out.printf("| %-" + w0 + "s | %-" + w1 + "s | %s |%n", "measure", "figure", "ratio / goal");
        out.printf("|%s|%s|---|%n", "-".repeat(w0 + 2), "-".repeat(w1 + 2));
        for (String[] r : table) out.printf("| %-" + w0 + "s | %-" + w1 + "s | %s |%n", r[0], r[1], r[2]);
        out.flush();
    }

    private void say(String format, Object... args) {
        System.err.println("bench: " + String.format(format, args));
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) return Double.NaN;
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    /** Rounded to three places; NaN (a query stopped by the time limit) becomes null in the JSON. */
    private static Double round(double v) { return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0; }

    private String ms(double v) {
        return Double.isNaN(v) ? "> " + queryLimit.toSeconds() + " s (stopped)" : String.format("%.1f ms", v);
    }

    private static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }

    static String javaBin() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
    }

    static long du(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    public static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Configuration of a benchmark run; every setting has the default {@code fazhi bench} documents. */
    public static final class Builder {
        private int reports = 10_000;
        private long seed = 1;
        private Set<String> phases = Set.copyOf(PHASES);
        private Path work = Path.of("target/bench");
        private Path data = Path.of("data/reports");
        private int serverSeconds = 60;
        private int clients = 32;
        private int queryRuns = 7;
        private Duration queryLimit = Duration.ofSeconds(60);
        private boolean reuseStores;
        private PrintStream out = System.out;

        private Builder() {}

        /** Reports in the large corpus; extraction and load use the first min(1000, N). */
        public Builder reports(int reports) { this.reports = reports; return this; }

        public Builder seed(long seed) { this.seed = seed; return this; }

        /** The phases to run, a subset of {@link #PHASES}. */
        public Builder phases(Set<String> phases) { this.phases = Set.copyOf(phases); return this; }

        /** Where corpora and stores are made. */
        public Builder work(Path work) { this.work = work; return this; }

        /** The real reports the corpus recombines. */
        public Builder data(Path data) { this.data = data; return this; }

        public Builder serverSeconds(int serverSeconds) { this.serverSeconds = serverSeconds; return this; }

        public Builder clients(int clients) { this.clients = clients; return this; }

        /** Timed runs per saved query after the warm-up. */
        public Builder queryRuns(int queryRuns) { this.queryRuns = queryRuns; return this; }

        /** How long one saved query may run before it is stopped and recorded as such. */
        public Builder queryLimit(Duration queryLimit) { this.queryLimit = queryLimit; return this; }

        /**
         * Use the large store an earlier run left in the work folder when it holds all the
         * reports, instead of loading it again (the memory figures then come from that run).
         */
        public Builder reuseStores(boolean reuseStores) { this.reuseStores = reuseStores; return this; }

        /** Where the table is printed. */
        public Builder out(PrintStream out) { this.out = out; return this; }

        public BenchRunner build() {
            if (!PHASES.containsAll(phases)) throw new IllegalArgumentException("unknown phase in " + phases + "; known: " + PHASES);
            return new BenchRunner(this);
        }
    }
}
