package org.w3id.fazhi.cli;

import org.w3id.fazhi.bench.BenchResult;
import org.w3id.fazhi.bench.BenchRunner;
import org.w3id.fazhi.bench.CorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fazhi bench}: the benchmark, and {@code fazhi bench corpus}: its synthetic corpus. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark extraction, loading, queries, memory, the server and restarts on a synthetic corpus.",
        subcommands = {BenchCommand.Corpus.class})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--reports", defaultValue = "10000", description = "Reports in the large corpus (default: ${DEFAULT-VALUE}); extraction and load use the first min(1000, N).")
    int reports;

    @Option(names = "--seed", defaultValue = "1", description = "Corpus seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--only", split = ",", paramLabel = "PHASE", description = "Phases to run: extract,load,query,memory,server,restart,document (default: all; document only with --document).")
    List<String> only;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the figures here as JSON.")
    Path json;

    @Option(names = "--work", defaultValue = "target/bench", paramLabel = "DIR", description = "Working folder for corpora and stores (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--from", defaultValue = "data/reports", paramLabel = "DIR", description = "The real reports the corpus recombines (default: ${DEFAULT-VALUE}).")
    Path from;

    @Option(names = "--server-seconds", defaultValue = "60", description = "How long the server load runs (default: ${DEFAULT-VALUE}).")
    int serverSeconds;

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--query-runs", defaultValue = "21", description = "Timed runs per saved query, each the first page with values drawn from the store (default: ${DEFAULT-VALUE}).")
    int queryRuns;

    @Option(names = "--query-limit", defaultValue = "60", paramLabel = "SECONDS", description = "Stop a saved query after this long and record it as stopped (default: ${DEFAULT-VALUE}).")
    int queryLimit;

    @Option(names = "--answer-cache-mb", defaultValue = "64", paramLabel = "MB", description = "The server's answer cache in the server phase (default: ${DEFAULT-VALUE}; 0 turns it off, so the figures are the engine's).")
    long answerCacheMb;

    @Option(names = "--document", paramLabel = "FILE", description = "A document (an office suite's PDF, say) the document phase reads and extracts in -Xmx256m, timed in the process and as `fazhi extract`.")
    Path document;

    @Option(names = "--reuse-stores", description = "Use the large store an earlier run left in --work when it holds all N reports, instead of loading it again.")
    boolean reuseStores;

    @Override
    public Integer call() throws Exception {
        List<String> phases = only == null ? BenchRunner.PHASES : only;
        for (String p : phases) {
            if (!BenchRunner.PHASES.contains(p)) {
                System.err.println("fazhi: unknown phase " + p + "; known: " + String.join(",", BenchRunner.PHASES));
                return Fazhi.USAGE;
            }
        }
        if (document != null && !Files.isRegularFile(document)) {
            System.err.println("fazhi: --document " + document + ": no such file");
            return Fazhi.USAGE;
        }
        if (only != null && only.contains("document") && document == null) {
            System.err.println("fazhi: the document phase needs --document FILE");
            return Fazhi.USAGE;
        }
        Files.createDirectories(work);
        BenchResult figures = BenchRunner.builder().reports(reports).seed(seed).phases(Set.copyOf(phases)).work(work)
                .data(from).serverSeconds(serverSeconds).clients(clients).queryRuns(queryRuns)
                .queryLimit(Duration.ofSeconds(queryLimit)).reuseStores(reuseStores).answerCacheMb(answerCacheMb).document(document).out(System.out).build().run();
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            BenchRunner.json().writeValue(json.toFile(), figures);
            System.err.println("fazhi: figures written to " + json);
        }
        return Fazhi.OK;
    }

    /** {@code fazhi bench corpus}: writes N synthetic reports (for benchmarks only). */
    @Command(name = "corpus", mixinStandardHelpOptions = true,
            description = "Write N synthetic reports recombined from data/reports (for benchmarks only; never commit them).")
    static final class Corpus implements Callable<Integer> {
        @Option(names = "--reports", defaultValue = "1000", description = "How many reports (default: ${DEFAULT-VALUE}).")
        int reports;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same corpus (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = {"-o", "--output"}, defaultValue = "target/bench-corpus", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path output;

        @Option(names = "--from", defaultValue = "data/reports", paramLabel = "DIR", description = "The real reports to recombine (default: ${DEFAULT-VALUE}).")
        Path from;

        @Override
        public Integer call() {
            long t0 = System.nanoTime();
            List<Path> files = CorpusGenerator.fromReports(from).generate(reports, seed, output);
            System.err.printf("fazhi: wrote %d synthetic report(s) to %s in %.1f s%n", files.size(), output, (System.nanoTime() - t0) / 1e9);
            return Fazhi.OK;
        }
    }
}
