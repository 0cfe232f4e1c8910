package org.w3id.fazhi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.w3id.fazhi.util.Folders.deleteTree;
import static org.w3id.fazhi.bench.BenchContext.say;
import static org.w3id.fazhi.bench.BenchContext.secs;

/**
 * The benchmark behind {@code fazhi bench}: every figure measured side by side in one run, printed
 * as a table and returned as a {@link BenchResult} (written as JSON by the command). Each phase is
 * its own class; this one generates the corpus, decides which stores the phases need and runs them
 * in order.
 */
public final class BenchRunner {

    public static final List<String> PHASES = List.of("extract", "load", "query", "memory", "server", "restart", "document");

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
    private final long answerCacheMb;
    private final Path document;
    private final PrintStream out;

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
        this.answerCacheMb = b.answerCacheMb;
        this.document = b.document;
        this.out = b.out;
    }

    public static Builder builder() { return new Builder(); }

    public BenchResult run() throws Exception {
        int small = Math.min(1000, reports);
        BenchResult.Machine machine = BenchResult.Machine.current();
        Path corpus = work.resolve("corpus-" + reports + "-" + seed);
        // The document phase reads its own document; the others share the generated corpus.
        boolean needCorpus = only.stream().anyMatch(p -> !p.equals("document"));
        BenchContext ctx = new BenchContext(work, corpus, needCorpus ? corpus(corpus) : List.of(), reports, small, queryLimit, out);
        BenchResult.Extract extract = only.contains("extract") ? ExtractPhase.run(ctx) : null;
        // the small store serves both the load figures and the queries at the small size
        Path smallDb = work.resolve("db-" + small);
        BenchResult.Load load = only.contains("load") || only.contains("query") ? LoadPhase.run(ctx, smallDb, only.contains("load")) : null;
        QueryPhase queries = new QueryPhase(ctx, queryRuns, seed);
        Map<String, double[]> smallTimes = only.contains("query") ? queries.times(smallDb, small) : Map.of();
        Path bigDb = work.resolve("db-" + reports);
        boolean needBig = only.contains("memory") || only.contains("server") || only.contains("restart")
                || (only.contains("query") && reports > small);
        BenchResult.Memory memory = null;
        if (needBig) {
            if (reports <= small && only.contains("query")) bigDb = smallDb;
            else if (reuseStores && MemoryPhase.reportsIn(bigDb) == reports) say("reusing the %d-report store in %s", reports, bigDb);
            else memory = MemoryPhase.run(ctx, bigDb);
        }
        BenchResult.Query query = null;
        if (only.contains("query")) {
            Map<String, double[]> bigTimes = reports > small ? queries.times(bigDb, reports) : smallTimes;
            query = queries.figures(smallTimes, bigTimes);
        }
        BenchResult.Server server = only.contains("server") ? ServerPhase.run(ctx, bigDb, clients, serverSeconds, seed, answerCacheMb) : null;
        BenchResult.Restart restart = only.contains("restart") ? RestartPhase.run(ctx, bigDb) : null;
        BenchResult.Document doc = only.contains("document") && document != null ? DocumentPhase.run(ctx, document) : null;
        ctx.printTable();
        return new BenchResult(machine, reports, small, extract, load, memory, query, server, restart, doc);
    }

    /** The generated corpus in {@code dir}, made again unless it holds exactly the reports asked for. */
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
        private int queryRuns = 21;
        private Duration queryLimit = Duration.ofSeconds(60);
        private boolean reuseStores;
        private long answerCacheMb = org.w3id.fazhi.server.KnowledgeServer.DEFAULT_ANSWER_CACHE_BYTES >> 20;
        private Path document;
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

        /** The server's answer cache in the server phase, in MB (0: off, so every answer is the engine's). */
        public Builder answerCacheMb(long mb) {
            if (mb < 0) throw new IllegalArgumentException("answerCacheMb: " + mb);
            this.answerCacheMb = mb;
            return this;
        }

        /** The document the document phase reads and extracts in a small heap (none: the phase is left out). */
        public Builder document(Path document) { this.document = document; return this; }

        /** Where the table is printed. */
        public Builder out(PrintStream out) { this.out = out; return this; }

        public BenchRunner build() {
            if (!PHASES.containsAll(phases)) throw new IllegalArgumentException("unknown phase in " + phases + "; known: " + PHASES);
            return new BenchRunner(this);
        }
    }
}
