package org.w3id.fazhi.cli;

import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.store.DataFolderWatch;
import org.w3id.fazhi.server.KnowledgeServer;
import org.w3id.fazhi.server.PortInUseException;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLoader;
import org.w3id.fazhi.store.StoreAccessException;
import org.w3id.fazhi.store.StoreLockedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fazhi serve}: load what changed in data/, then serve SPARQL, the UI and linked data. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Load what changed in the data folder into the store, then start the server: "
                + "Fuseki UI at /, SPARQL at /kg/sparql, linked data at /id/..., dumps at /dumps/.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = "--port", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Reports to load first (default: ${DEFAULT-VALUE}; skipped when missing).")
    Path data;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS", description = "Query time limit (default: ${DEFAULT-VALUE} s).")
    long timeout;

    @picocli.CommandLine.Mixin
    HintOptions hints = new HintOptions();

    @Option(names = "--allow-update", description = "Accept SPARQL update and Graph Store writes from localhost.")
    boolean allowUpdate;

    @Option(names = "--allow-service", paramLabel = "URL", split = ",",
            description = "A SPARQL endpoint queries may name in SERVICE (repeat or separate with commas); every other SERVICE is refused (default: none).")
    List<String> allowService = new java.util.ArrayList<>();

    @Option(names = "--max-queries-per-client", paramLabel = "N", defaultValue = "4",
            description = "Queries one client address may run at once; more get 429 with Retry-After (default: ${DEFAULT-VALUE}).")
    int maxQueriesPerClient;

    @Option(names = "--public-base", paramLabel = "URL",
            description = "The server's public URL (e.g. https://kg.example.org behind a proxy), used in the dataset "
                    + "and service descriptions; default http://localhost:PORT. The Host header is never used.")
    String publicBase;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",",
            description = "A reverse proxy (IP address or CIDR range; repeat or separate with commas) whose Forwarded or "
                    + "X-Forwarded-For header names the client, for the per-client limit and the logs (default: none).")
    List<String> trustedProxy = new java.util.ArrayList<>();

    @Option(names = "--cache-max-age", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long a shared cache may keep answers before revalidating them with their ETag (default: ${DEFAULT-VALUE} s).")
    long cacheMaxAge;

    @Option(names = {"-v", "--verbose"}, description = "While loading: a line per report, and no progress bar.")
    boolean verbose;

    @Option(names = "--answer-cache-mb", paramLabel = "MB", defaultValue = "64",
            description = "Memory for whole answers (SPARQL GETs, saved queries, linked data) of the store's current "
                    + "generation, served again without running anything; 0 turns it off (default: ${DEFAULT-VALUE} MiB).")
    long answerCacheMb;

    @Option(names = "--no-watch", negatable = false,
            description = "Do not watch the data folder. By default new, changed and removed files are loaded while the "
                    + "server answers, a batch in one write transaction.")
    boolean noWatch;

    @Option(names = "--watch-interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "How often the data folder is scanned for changes; a batch waits until a scan finds nothing new (default: ${DEFAULT-VALUE} s).")
    double watchInterval;

    @Option(names = "--stats", description = "Serve Fuseki's request counters at /$/stats (default: off, like every other /$/ admin path).")
    boolean stats;

    @Override
    public Integer call() {
        KnowledgeStore kg;
        try {
            kg = store.open();
        } catch (StoreLockedException | StoreAccessException e) {
            System.err.println("fazhi: " + e.getMessage());
            return Fazhi.STORE_LOCKED;
        }
        try {
            // Taken before the first load, so that a file changed while it runs is loaded by the watch.
            DataFolderWatch watch = noWatch ? null : DataFolderWatch.builder().store(kg).folder(data)
                    .interval(Duration.ofMillis(Math.max(100, (long) (watchInterval * 1000)))).log(System.err)
                    .loader(removed -> StoreLoader.builder().store(kg).log(System.err).removed(removed).compact(false)
                            .pipeline(hints.apply(ExtractionPipeline.builder().base(kg.graphs().base())
                                    .log(m -> System.err.println("fazhi: " + m))).build())
                            .build())
                    .build();
            if (Files.isDirectory(data)) {
                LoadProgress progress = LoadProgress.forCommandLine(verbose, System.err);
                LoadSummary s = StoreLoader.builder().store(kg).log(System.err).pipeline(hints.apply(
                        LoadCommand.pipeline(kg.graphs().base(), progress)).build()).build().load(List.of(data.toString()));
                progress.summary(s, "");
            } else {
                System.err.println("fazhi: no folder " + data + ": serving the store as it is");
            }
            KnowledgeServer server = KnowledgeServer.builder().store(kg).port(port)
                    .timeout(Duration.ofSeconds(timeout)).allowUpdate(allowUpdate)
                    .allowService(allowService).maxQueriesPerClient(maxQueriesPerClient)
                    .publicBase(publicBase).trustedProxies(trustedProxy).cacheMaxAge(Duration.ofSeconds(cacheMaxAge)).stats(stats)
                    .answerCacheBytes(Math.max(0, answerCacheMb) << 20).build().start();
            if (watch != null) {
                watch.start();
                System.err.println("fazhi: watching " + data + " for new, changed and removed reports (--no-watch to turn off)");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.err.println("fazhi: stopping");
                if (watch != null) watch.close();
                server.stop();
                kg.close();
            }, "fazhi-shutdown"));
            System.err.println("fazhi: serving " + store.db + " at " + server.url() + " (SPARQL: " + server.url() + "kg/sparql)");
            server.join();
            return Fazhi.OK;
        } catch (PortInUseException e) {
            System.err.println("fazhi: " + e.getMessage());
            kg.close();
            return Fazhi.STORE_LOCKED;
        }
    }
}
