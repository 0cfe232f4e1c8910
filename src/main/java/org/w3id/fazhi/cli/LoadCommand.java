package org.w3id.fazhi.cli;

import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.store.GraphStorePusher;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLoader;
import org.w3id.fazhi.store.StoreAccessException;
import org.w3id.fazhi.store.StoreLockedException;
import org.w3id.fazhi.util.InputLimit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code fazhi load PATH...}: extract reports into the store, skipping those already there. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Extract reports and load them into the TDB2 store, one named graph per report; "
                + "unchanged reports are skipped, changed ones replaced in one transaction.")
final class LoadCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Report files, folders (recursive) or http(s) URLs.")
    List<String> inputs;

    @Mixin
    StoreOptions store;

    @Option(names = "--max-size", defaultValue = InputLimit.DEFAULT_MAX_BYTES_TEXT, paramLabel = "BYTES", description = "Largest input read (default: 8 MiB).")
    long maxSize;

    @Option(names = "--target", paramLabel = "URL", description = "Push each report graph to this SPARQL 1.1 Graph Store Protocol "
            + "endpoint (PUT per graph, retried with back-off, resumable) instead of the local store.")
    String target;

    @Option(names = "--target-query", paramLabel = "URL", description = "With --target: the target's SPARQL query endpoint, which computes "
            + "the rollups graph after the push (default: /sparql beside Fuseki's /data or Virtuoso's /sparql-graph-crud).")
    String targetQuery;

    @Option(names = "--state", paramLabel = "FILE", description = "With --target: where pushed graphs' hashes are kept (default: .fazhi-push/HOST_PORT_HASH.tsv).")
    java.nio.file.Path state;

    @picocli.CommandLine.Mixin
    HintOptions hints = new HintOptions();

    @Option(names = {"-v", "--verbose"}, description = "A line per report loaded, and no progress bar.")
    boolean verbose;

    /** The pipeline's settings, its log and its progress display: a line per report only when verbose. */
    static ExtractionPipeline.Builder pipeline(String base, LoadProgress progress) {
        ExtractionPipeline.Builder b = ExtractionPipeline.builder().base(base).listener(progress);
        return progress.mode() == LoadProgress.Mode.VERBOSE ? b.log(m -> System.err.println("fazhi: " + m)) : b;
    }

    @Override
    public Integer call() {
        LoadProgress progress = LoadProgress.forCommandLine(verbose, System.err);
        if (target != null) {
            GraphStorePusher pusher = GraphStorePusher.builder().target(target).query(targetQuery).state(state).base(store.base)
                    .maxBytes(maxSize).log(System.err).pipeline(hints.apply(pipeline(store.base, progress)
                            .maxBytes(maxSize)).build()).build();
            LoadSummary summary;
            try {
                summary = pusher.push(inputs);
            } catch (IllegalStateException e) {
                System.err.println("fazhi: " + e.getMessage());
                return Fazhi.SOME_FAILED;
            }
            progress.summary(summary, " to " + target + " (state: " + pusher.state() + ")");
            if (summary.problems().isEmpty()) return Fazhi.OK;
            return summary.loaded().isEmpty() && summary.skipped().isEmpty() ? Fazhi.NOTHING_READ : Fazhi.SOME_FAILED;
        }
        try (KnowledgeStore kg = store.open()) {
            LoadSummary summary = StoreLoader.builder().store(kg).log(System.err).pipeline(hints.apply(pipeline(kg.graphs().base(), progress)
                    .maxBytes(maxSize)).build()).build().load(inputs);
            progress.summary(summary, " in " + store.db);
            if (summary.problems().isEmpty()) return Fazhi.OK;
            return summary.loaded().isEmpty() && summary.skipped().isEmpty() ? Fazhi.NOTHING_READ : Fazhi.SOME_FAILED;
        } catch (StoreLockedException | StoreAccessException e) {
            System.err.println("fazhi: " + e.getMessage());
            return Fazhi.STORE_LOCKED;
        }
    }
}
