package org.w3id.fazhi.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.w3id.fazhi.extract.ExtractedReport;
import org.w3id.fazhi.extract.Extractor;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.source.SourceBatch;
import org.w3id.fazhi.source.SourceDocument;
import org.w3id.fazhi.source.SourceProblem;
import org.w3id.fazhi.source.SourceReader;

import java.io.ByteArrayInputStream;
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
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Pushes each report's named graph (and the shipped vocabularies) to a SPARQL 1.1 Graph Store
 * Protocol endpoint: one {@code PUT ?graph=IRI} per graph, which replaces it whole; retried with
 * exponential back-off on network errors, 429 and 5xx. What was pushed is kept in a small state
 * file (graph, source, content hash + extractor version) so that a rerun sends only what changed.
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
    private final SourceReader reader;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private Extractor extractor;

    private GraphStorePusher(Builder b) {
        this.target = Objects.requireNonNull(b.target, "target");
        this.state = b.state != null ? b.state : defaultState(b.target);
        this.attempts = b.attempts;
        this.backoff = b.backoff;
        this.base = b.base;
        this.log = b.log;
        this.reader = SourceReader.builder().maxBytes(b.maxBytes).build();
    }

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
        Map<String, String[]> pushed = readState();
        List<String> loaded = new ArrayList<>(), skipped = new ArrayList<>(), vocabularies = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        String version = Extractor.version();
        StoreGraphs graphs = new StoreGraphs(new IriMinter(base).base());
        for (Map.Entry<String, List<String>> v : graphs.vocabularies().entrySet()) {
            Model model = ModelFactory.createDefaultModel();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (String file : v.getValue()) {
                byte[] bytes = StoreLoader.bundledBytes(file);
                all.writeBytes(bytes);
                RDFParser.source(new ByteArrayInputStream(bytes)).lang(Lang.TURTLE).parse(model);
            }
            String hash = sha256(all.toByteArray());
            String[] before = pushed.get(v.getKey());
            if (before != null && before[1].equals(hash)) continue;
            try {
                put(v.getKey(), model.getGraph());
                pushed.put(v.getKey(), new String[] {String.join(" ", v.getValue()), hash});
                writeState(pushed);
                vocabularies.add(v.getKey());
            } catch (IOException e) {
                problems.add(new SourceProblem(v.getKey(), v.getKey() + ": not pushed: " + e.getMessage()));
            }
        }
        SourceBatch batch = reader.read(inputs);
        problems.addAll(batch.problems());
        batch.problems().forEach(p -> say(p.message()));
        for (SourceDocument doc : batch.documents()) {
            String hash = doc.sha256() + "+" + version;
            String graphOfSource = graphPushedFrom(pushed, doc.location(), hash);
            if (graphOfSource != null) {
                skipped.add(doc.location());
                continue;
            }
            try {
                ExtractedReport report = extractor().extract(doc);
                put(report.graphIri(), report.graph().getGraph());
                pushed.put(report.graphIri(), new String[] {doc.location(), hash});
                writeState(pushed);
                loaded.add(doc.location());
                say(doc.location() + ": pushed " + report.graphIri() + " (" + report.graph().size() + " triples)");
            } catch (IOException | RuntimeException e) {
                String message = doc.location() + ": not pushed: " + e.getMessage();
                problems.add(new SourceProblem(doc.location(), message));
                say(message);
            }
        }
        return new LoadSummary(loaded, skipped, vocabularies, problems);
    }

    private static String graphPushedFrom(Map<String, String[]> pushed, String location, String hash) {
        for (Map.Entry<String, String[]> e : pushed.entrySet()) {
            if (e.getValue()[0].equals(location) && e.getValue()[1].equals(hash)) return e.getKey();
        }
        return null;
    }

    private Extractor extractor() {
        if (extractor == null) extractor = Extractor.builder().base(base).build();
        return extractor;
    }

    /** PUT one graph, replacing it; retried with exponential back-off on network errors, 429 and 5xx. */
    void put(String graphIri, Graph graph) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, graph, Lang.NTRIPLES);
        URI uri = URI.create(target + (target.contains("?") ? "&" : "?") + "graph=" + URLEncoder.encode(graphIri, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/n-triples")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        long wait = backoff.toMillis();
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                int s = r.statusCode();
                if (s >= 200 && s < 300) return;
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
                say("PUT " + graphIri + " failed (" + last.getMessage() + "), retrying in " + wait + " ms");
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
            Path dir = state.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(state.getFileName() + ".part");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + state, e);
        }
    }

    private void say(String message) {
        if (log != null) log.println("fazhi: " + message);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Configuration of a pusher. */
    public static final class Builder {
        private String target;
        private Path state;
        private int attempts = 6;
        private Duration backoff = Duration.ofMillis(500);
        private String base = IriMinter.DEFAULT_BASE;
        private long maxBytes = SourceReader.DEFAULT_MAX_BYTES;
        private PrintStream log;

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

        public GraphStorePusher build() { return new GraphStorePusher(this); }
    }
}
