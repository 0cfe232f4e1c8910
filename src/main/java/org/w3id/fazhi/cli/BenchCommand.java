package org.w3id.fazhi.cli;

import org.w3id.fazhi.bench.CorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fazhi bench}: the benchmark, and {@code fazhi bench corpus}: its synthetic corpus. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark extraction, loading, queries, memory, the server and restarts on a synthetic corpus.",
        subcommands = {BenchCommand.Corpus.class})
final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
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
