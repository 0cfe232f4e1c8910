package org.w3id.fazhi.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.ExtractionResult;
import org.w3id.fazhi.extract.GraphSink;
import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.rdf.Vocabularies;
import org.w3id.fazhi.util.AtomicFile;
import org.w3id.fazhi.util.InputLimit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Pushes each report's named graph (and the shipped vocabularies) to a SPARQL 1.1 Graph Store
 * Protocol endpoint: one {@code PUT ?graph=IRI} per graph, which replaces it whole; retried with
 * exponential back-off on network errors, 429 and 5xx; a graph pushed earlier from the same source under
 * another name (its year or region changed) is deleted ({@code DELETE ?graph=IRI}). What was pushed is kept in a small state
 * file (graph, source, content hash + extractor version) so that a rerun sends only what changed.
 * After a push that changed anything, the {@link Rollups} are computed by the target's own SPARQL
 * query endpoint from every report it holds and PUT as the rollups graph, so the saved queries that
 * read them agree with the reports there as they do in the local store.
 *
 * <pre>{@code
 * GraphStorePusher.builder().target("http://host:3030/kg/data").build().push(List.of("data/reports"));
 * }</pre>
 */
public final class GraphStorePusher {

    private final String target;
    private final Path state;
    private final int attempts;
    private final Duration backoff;
    private final String base;
    private final PrintStream log;
    private final long maxBytes;
    private final ExtractionPipeline pipeline;
    private final String query;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    private GraphStorePusher(Builder b) {
        this.target = Objects.requireNonNull(b.target, "target");
        this.state = b.state != null ? b.state : defaultState(b.target);
        this.attempts = b.attempts;
        this.backoff = b.backoff;
        this.base = b.base;
        this.log = b.log;
        this.maxBytes = b.maxBytes;
        this.pipeline = b.pipeline;
        this.query = b.query != null ? b.query : queryEndpointOf(b.target);
    }

    /**
     * The query endpoint beside a Graph Store endpoint, where the usual layouts make it plain:
     * Fuseki's {@code /DATASET/data} beside {@code /DATASET/sparql}, Virtuoso's
     * {@code /sparql-graph-crud} beside {@code /sparql}; null otherwise.
     */
    static String queryEndpointOf(String target) {
        if (target == null) return null;
        String t = target.replaceFirst("[?#].*$", "");
        if (t.endsWith("/data")) return t.substring(0, t.length() - "/data".length()) + "/sparql";
        if (t.matches(".*/sparql-graph-crud(-auth)?$")) return t.replaceFirst("/sparql-graph-crud(-auth)?$", "/sparql");
        return null;
    }

    /** The SPARQL query endpoint the rollups are computed by, or null when none is known. */
    public String queryEndpoint() { return query; }

    public static Builder builder() { return new Builder(); }

    /** The state file used when none is given: {@code .fazhi-push/HOST_PORT_HASH.tsv} in the working folder. */
    public static Path defaultState(String target) {
        URI u = URI.create(target);
        return Path.of(".fazhi-push", (u.getHost() + "_" + u.getPort()).replaceAll("[^A-Za-z0-9_.-]", "_")
                + "_" + IriMinter.shortHash(target) + ".tsv");
    }

    public Path state() { return state; }

    /** Pushes the vocabularies and every report whose content or extractor version changed since the last push. */
    public LoadSummary push(List<String> inputs) {
        ExtractionPipeline p = pipeline != null ? pipeline
                : ExtractionPipeline.builder().base(base).maxBytes(maxBytes).log(this::say).build();
        return p.into(new Sink(), inputs);
    }

    /** The endpoint as a graph sink: each graph PUT at once, the state file written after each. */
    private final class Sink implements GraphSink {
        private final Map<String, String[]> pushed = readState();
        private final String version = ExtractionPipeline.version();
        private boolean changed;

        @Override
        public List<String> vocabularies(Vocabularies vocabularies) {
            List<String> written = new ArrayList<>();
            for (Vocabularies.Vocabulary v : vocabularies.graphs()) {
                String[] before = pushed.get(v.graphIri());
                if (before != null && before[1].equals(v.sha256())) continue;
                try {
                    put(v.graphIri(), v.graph());
                } catch (IOException e) {
                    throw new UncheckedIOException(v.graphIri() + ": not pushed: " + e.getMessage(), e);
                }
                pushed.put(v.graphIri(), new String[] {String.join(" ", v.files()), v.sha256()});
                writeState(pushed);
                written.add(v.graphIri());
                changed = true;
            }
            return written;
        }

        @Override
        public boolean holds(String location, String sourceHash) {
            String hash = sourceHash + "+" + version;
            synchronized (pushed) {
                for (String[] v : pushed.values()) if (v[0].equals(location) && v[1].equals(hash)) return true;
            }
            return false;
        }

        @Override
        public String sourceOf(String graphIri) {
            synchronized (pushed) {
                String[] v = pushed.get(graphIri);
                return v == null ? null : v[0];
            }
        }

        @Override
        public void write(ExtractionResult.Extracted report) {
            // Graphs earlier pushes made from the same source under another name (its year or region
            // changed) go, as a local load removes them.
            List<String> obsolete = new ArrayList<>();
            synchronized (pushed) {
                pushed.forEach((graph, v) -> {
                    if (v[0].equals(report.location()) && !graph.equals(report.graphIri())) obsolete.add(graph);
                });
            }
            try {
                put(report.graphIri(), report.graph().getGraph());
                for (String graph : obsolete) delete(graph);
            } catch (IOException e) {
                throw new UncheckedIOException("not pushed: " + e.getMessage(), e);
            }
            synchronized (pushed) {
                obsolete.forEach(pushed::remove);
                pushed.put(report.graphIri(), new String[] {report.location(), report.sourceHash() + "+" + version});
                writeState(pushed);
                changed = true;
            }
        }

        /** The rollups, once the reports are in: computed by the target from all it holds, then PUT whole. */
        @Override
        public void finish() {
            String graph = new StoreGraphs(base).rollups();
            String[] before = pushed.get(graph);
            if (!changed && before != null && before[1].equals(Rollups.FINGERPRINT)) return;
            if (query == null) {
                say("no query endpoint is known beside " + target + " (give --target-query): the rollups graph was not "
                        + "brought up to date, so the saved queries that read it do not yet count what this push sent");
                return;
            }
            try {
                Graph rows = Rollups.compute(q -> QueryExecHTTP.service(query).query(q).build());
                put(graph, rows);
                say("rollups computed by " + query + " and pushed: " + rows.size() + " triples");
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("the reports were pushed, but the rollups graph could not be brought up to date ("
                        + e.getMessage() + "); run the push again", e);
            }
            pushed.put(graph, new String[] {"rollups", Rollups.FINGERPRINT});
            writeState(pushed);
        }
    }

    /** PUT one graph, replacing it; retried with exponential back-off on network errors, 429 and 5xx. */
    void put(String graphIri, Graph graph) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, graph, Lang.NTRIPLES);
        HttpRequest request = HttpRequest.newBuilder(graphUri(graphIri)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/n-triples")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        send(request, "PUT " + graphIri, false);
    }

    /** DELETE one graph; one that is not there (404) is already deleted. Retried as {@link #put}. */
    void delete(String graphIri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(graphUri(graphIri)).timeout(Duration.ofMinutes(2)).DELETE().build();
        send(request, "DELETE " + graphIri, true);
    }

    private URI graphUri(String graphIri) {
        return URI.create(target + (target.contains("?") ? "&" : "?") + "graph=" + URLEncoder.encode(graphIri, StandardCharsets.UTF_8));
    }

    private void send(HttpRequest request, String what, boolean notFoundIsDone) throws IOException {
        long wait = backoff.toMillis();
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                int s = r.statusCode();
                if (s >= 200 && s < 300 || s == 404 && notFoundIsDone) return;
                String message = "HTTP " + s + " from " + target + ": " + r.body().strip();
                if (s != 429 && s < 500) throw new IOException(message); // the request itself is wrong: no retry
                last = new IOException(message);
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("HTTP 4") && !e.getMessage().startsWith("HTTP 429")) throw e;
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (attempt < attempts) {
                say(what + " failed (" + last.getMessage() + "), retrying in " + wait + " ms");
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                wait *= 2;
            }
        }
        throw last;
    }

    /** graph → {source, hash}. */
    private Map<String, String[]> readState() {
        Map<String, String[]> out = new TreeMap<>();
        if (!Files.exists(state)) return out;
        try {
            for (String line : Files.readAllLines(state, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length == 3) out.put(f[0], new String[] {f[1], f[2]});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + state, e);
        }
        return out;
    }

    /** Written whole beside itself and moved in place, after every graph: an interrupted push resumes where it stopped. */
    private void writeState(Map<String, String[]> pushed) {
        StringBuilder sb = new StringBuilder("# fazhi load --target " + target + "\n# graph\tsource\tsha256+extractor version\n");
        pushed.forEach((g, v) -> sb.append(g).append('\t').append(v[0]).append('\t').append(v[1]).append('\n'));
        try {
            AtomicFile.write(state, sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + state, e);
        }
    }

    private void say(String message) {
        if (log != null) log.println("fazhi: " + message);
    }

    /** Configuration of a pusher. */
    public static final class Builder {
        private String target;
        private Path state;
        private int attempts = 6;
        private Duration backoff = Duration.ofMillis(500);
        private String base = IriMinter.DEFAULT_BASE;
        private long maxBytes = InputLimit.DEFAULT_MAX_BYTES;
        private PrintStream log;
        private ExtractionPipeline pipeline;
        private String query;

        /** The Graph Store Protocol endpoint, e.g. {@code http://host:3030/kg/data}. */
        public Builder target(String target) { this.target = target; return this; }

        /** Where the pushed graphs' hashes are kept (default: {@link #defaultState(String)}). */
        public Builder state(Path state) { this.state = state; return this; }

        /** Tries per graph (default 6). */
        public Builder attempts(int attempts) { this.attempts = attempts; return this; }

        /** The first wait between tries, doubled each time (default 500 ms). */
        public Builder backoff(Duration backoff) { this.backoff = backoff; return this; }

        public Builder base(String base) { this.base = base; return this; }

        public Builder maxBytes(long maxBytes) { this.maxBytes = maxBytes; return this; }

        public Builder log(PrintStream log) { this.log = log; return this; }

        /** The pipeline to read and extract with (default: one under the base, with the settings above). */
        public Builder pipeline(ExtractionPipeline pipeline) { this.pipeline = pipeline; return this; }

        /** The target's SPARQL query endpoint, which computes the rollups (default: {@link #queryEndpointOf(String)}). */
        public Builder query(String query) { this.query = query; return this; }

        public GraphStorePusher build() { return new GraphStorePusher(this); }
    }
}
