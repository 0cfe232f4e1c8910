package org.w3id.fazhi.store;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.w3id.fazhi.extract.ExtractedReport;
import org.w3id.fazhi.extract.Extractor;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.rdf.W3C;
import org.w3id.fazhi.source.SourceBatch;
import org.w3id.fazhi.source.SourceDocument;
import org.w3id.fazhi.source.SourceProblem;
import org.w3id.fazhi.source.SourceReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads reports and the shipped vocabularies into a {@link KnowledgeStore}.
 *
 * <p>Each report goes in its own named graph, written together with its metadata record (source,
 * content hash, extractor version, load time) in the metadata graph; reports are written in
 * batches, one write transaction each, and a batch that fails is written again one report per
 * transaction. A report whose content hash and extractor version are already recorded is skipped
 * before it is extracted. A report that fails to extract or store leaves the store exactly as it
 * was. A load that wrote anything ends by compacting the store.
 *
 * <pre>{@code
 * LoadSummary s = StoreLoader.builder().store(store).build().load(List.of("data/reports"));
 * }</pre>
 */
public final class StoreLoader {

    private final KnowledgeStore store;
    private Extractor extractor;
    private final IriMinter iris;
    private final SourceReader reader;
    private final String version;
    private final PrintStream log;

    private StoreLoader(Builder b) {
        this.store = Objects.requireNonNull(b.store, "store");
        this.iris = new IriMinter(store.graphs().base());
        this.extractor = b.extractor;
        this.reader = SourceReader.builder().maxBytes(b.maxBytes).build();
        this.version = b.version != null ? b.version : Extractor.version();
        this.log = b.log;
    }

    public static Builder builder() { return new Builder(); }

    /** Loads the vocabularies (when changed) and every report in the inputs (files, folders, URLs). */
    public LoadSummary load(List<String> inputs) {
        List<String> vocabularies = loadVocabularies();
        SourceBatch batch = reader.read(inputs);
        List<SourceProblem> problems = new ArrayList<>(batch.problems());
        batch.problems().forEach(p -> say(p.message()));
        List<String> loaded = new ArrayList<>(), skipped = new ArrayList<>();
        List<GraphWrite> pending = new ArrayList<>();
        long pendingTriples = 0;
        for (SourceDocument doc : batch.documents()) {
            if (isCurrent(doc.sha256())) {
                skipped.add(doc.location());
                continue;
            }
            try {
                ExtractedReport report = extractor().extract(doc);
                // Graphs earlier loads made from the same source (its key may have changed) go too.
                List<String> previous = graphsFromSource(doc.location());
                previous.remove(report.graphIri());
                pending.add(new GraphWrite(report.graphIri(), report.graph().getGraph(), doc.sha256(), doc.location(), previous));
                pendingTriples += report.graph().size();
            } catch (RuntimeException e) {
                fail(doc.location(), e, problems);
                continue;
            }
            if (pendingTriples >= BATCH_TRIPLES) {
                write(pending, loaded, problems);
                pending.clear();
                pendingTriples = 0;
            }
        }
        write(pending, loaded, problems);
        if (!loaded.isEmpty() || !vocabularies.isEmpty()) store.compact();
        return new LoadSummary(loaded, skipped, vocabularies, problems);
    }

    /**
     * Reports extracted but not yet written are written together, up to this many triples: one
     * transaction per report leaves TDB2 a copy of every touched index block per transaction, and
     * a store of a thousand reports grew to 18 GB that way.
     */
    static final long BATCH_TRIPLES = 100_000;

    /** One graph to replace, with its metadata record. */
    private record GraphWrite(String graphIri, Graph content, String hash, String source, List<String> obsolete) {}

    /**
     * Writes the pending reports in one transaction; if that fails, each in its own, so that one
     * bad report leaves the store as it was and the others still go in.
     */
    private void write(List<GraphWrite> pending, List<String> loaded, List<SourceProblem> problems) {
        if (pending.isEmpty()) return;
        try {
            replace(pending);
            pending.forEach(w -> loaded(w, loaded));
        } catch (RuntimeException batchFailure) {
            for (GraphWrite w : pending) {
                try {
                    replace(List.of(w));
                    loaded(w, loaded);
                } catch (RuntimeException e) {
                    fail(w.source(), e, problems);
                }
            }
        }
    }

    private void loaded(GraphWrite w, List<String> loaded) {
        loaded.add(w.source());
        say(w.source() + ": loaded into " + w.graphIri() + " (" + w.content().size() + " triples)");
    }

    private void fail(String location, RuntimeException e, List<SourceProblem> problems) {
        String message = location + ": not loaded, the store is unchanged: " + e;
        problems.add(new SourceProblem(location, message));
        say(message);
    }

    /** Built on first use: an unchanged store is loaded without the cost of building an extractor. */
    private Extractor extractor() {
        if (extractor == null) extractor = Extractor.builder().base(iris.base()).build();
        return extractor;
    }

    /** Loads the shipped vocabularies whose content changed since they were last loaded. */
    public List<String> loadVocabularies() {
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, List<String>> vocabulary : store.graphs().vocabularies().entrySet()) {
            String graphIri = vocabulary.getKey();
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String file : vocabulary.getValue()) files.put(file, bundledBytes(file));
            String hash = sha256(files.values());
            if (hash.equals(recordedHash(graphIri))) continue;
            Model model = ModelFactory.createDefaultModel();
            files.forEach((name, bytes) -> RDFParser.source(new ByteArrayInputStream(bytes)).lang(Lang.TURTLE).parse(model));
            replace(List.of(new GraphWrite(graphIri, rebase(model.getGraph()), hash, String.join(" ", files.keySet()), List.of())));
            written.add(graphIri);
            say("vocabulary " + String.join(", ", files.keySet()) + " loaded into " + graphIri);
        }
        return written;
    }

    /** Replaces graphs and their metadata records in a single write transaction. */
    private void replace(List<GraphWrite> writes) {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        Node meta = NodeFactory.createURI(store.graphs().meta());
        store.dataset().begin(ReadWrite.WRITE);
        try {
            for (GraphWrite w : writes) {
                Node graph = NodeFactory.createURI(w.graphIri());
                for (String old : w.obsolete()) {
                    Node oldGraph = NodeFactory.createURI(old);
                    dsg.deleteAny(oldGraph, Node.ANY, Node.ANY, Node.ANY);
                    dsg.deleteAny(meta, oldGraph, Node.ANY, Node.ANY);
                }
                dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
                dsg.deleteAny(meta, graph, Node.ANY, Node.ANY);
                w.content().find().forEachRemaining(t -> dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
                dsg.add(meta, graph, FZ.sourceFile.asNode(), NodeFactory.createLiteralString(w.source()));
                dsg.add(meta, graph, FZ.contentHash.asNode(), NodeFactory.createLiteralString(w.hash()));
                dsg.add(meta, graph, W3C.wasAttributedTo.asNode(), NodeFactory.createURI(iris.software(version)));
                dsg.add(meta, graph, DCTerms.modified.asNode(), NodeFactory.createLiteralDT(
                        OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString(), XSDDatatype.XSDdateTime));
            }
            store.dataset().commit();
        } catch (RuntimeException e) {
            store.dataset().abort();
            throw e;
        } finally {
            store.dataset().end();
        }
    }

    /** True when a graph made from this content by this extractor version is in the store. */
    private boolean isCurrent(String sha256) {
        String software = iris.software(version);
        return store.dataset().calculateRead(() -> {
            DatasetGraph dsg = store.dataset().asDatasetGraph();
            Node meta = NodeFactory.createURI(store.graphs().meta());
            var it = dsg.find(meta, Node.ANY, FZ.contentHash.asNode(), NodeFactory.createLiteralString(sha256));
            while (it.hasNext()) {
                Node graph = it.next().getSubject();
                if (dsg.contains(meta, graph, W3C.wasAttributedTo.asNode(), NodeFactory.createURI(software))) return true;
            }
            return false;
        });
    }

    private String recordedHash(String graphIri) {
        return store.dataset().calculateRead(() -> {
            var it = store.dataset().asDatasetGraph().find(NodeFactory.createURI(store.graphs().meta()),
                    NodeFactory.createURI(graphIri), FZ.contentHash.asNode(), Node.ANY);
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        });
    }

    private List<String> graphsFromSource(String location) {
        return store.dataset().calculateRead(() -> {
            List<String> out = new ArrayList<>();
            store.dataset().asDatasetGraph().find(NodeFactory.createURI(store.graphs().meta()), Node.ANY,
                    FZ.sourceFile.asNode(), NodeFactory.createLiteralString(location))
                    .forEachRemaining(q -> out.add(q.getSubject().getURI()));
            return out;
        });
    }

    /** The shipped vocabularies name things under the default base; move them under ours. */
    private Graph rebase(Graph g) {
        if (iris.base().equals(IriMinter.DEFAULT_BASE)) return g;
        Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> out.add(Triple.create(rebase(t.getSubject()), rebase(t.getPredicate()), rebase(t.getObject()))));
        return out;
    }

    private Node rebase(Node n) {
        return n.isURI() ? NodeFactory.createURI(iris.rebase(n.getURI())) : n;
    }

    private void say(String message) {
        if (log != null) log.println("fazhi: " + message);
    }

    static byte[] bundledBytes(String fileName) {
        String resource = "fazhi/ontology/" + fileName;
        try (InputStream in = StoreLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource + " in the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String sha256(Iterable<byte[]> parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) d.update(p);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Configuration of a loader. */
    public static final class Builder {
        private KnowledgeStore store;
        private Extractor extractor;
        private long maxBytes = SourceReader.DEFAULT_MAX_BYTES;
        private String version;
        private PrintStream log;

        /** The store to load into; IRIs are minted under its base. */
        public Builder store(KnowledgeStore store) { this.store = store; return this; }

        public Builder extractor(Extractor extractor) { this.extractor = extractor; return this; }

        public Builder maxBytes(long maxBytes) { this.maxBytes = maxBytes; return this; }

        /** The extractor version recorded (default: the jar's); a different one re-extracts everything. */
        public Builder version(String version) { this.version = version; return this; }

        /** Where to tell the user what was loaded (default: nowhere). */
        public Builder log(PrintStream log) { this.log = log; return this; }

        public StoreLoader build() { return new StoreLoader(this); }
    }
}
