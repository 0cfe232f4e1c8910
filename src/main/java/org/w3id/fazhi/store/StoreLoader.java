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
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.w3id.fazhi.extract.ExtractedReport;
import org.w3id.fazhi.extract.Extractor;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.rdf.W3C;
import org.w3id.fazhi.source.SourceDocument;
import org.w3id.fazhi.source.SourceException;
import org.w3id.fazhi.source.SourceListing;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Loads reports and the shipped vocabularies into a {@link KnowledgeStore}.
 *
 * <p>Each report goes in its own named graph, written together with its metadata record (source,
 * content hash, extractor version, load time) in the metadata graph. A report whose content hash
 * and extractor version are already recorded is skipped before it is extracted.
 *
 * <p>Reports are read and extracted on every core while one thread writes them, in input order.
 * Into a store that holds no reports yet, the writer streams everything, vocabularies included,
 * into Jena's TDB2 bulk loader ({@link BulkGraphWriter}); into any other it writes in a single
 * write transaction: TDB2 copies each index block once per transaction that touches it, so one
 * transaction needs no compaction, where a transaction per report grew a store of a thousand
 * reports to 18 GB. A report that fails to read or extract is left out and the rest go in. If the
 * writing itself fails, what it wrote is undone and every report is written again in a transaction
 * of its own, so a report that cannot be stored leaves the store exactly as it was; a load that
 * wrote that way, or replaced graphs, ends by compacting the store.
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
    private final int threads;

    private StoreLoader(Builder b) {
        this.store = Objects.requireNonNull(b.store, "store");
        this.iris = new IriMinter(store.graphs().base());
        this.extractor = b.extractor;
        this.reader = SourceReader.builder().maxBytes(b.maxBytes).build();
        this.version = b.version != null ? b.version : Extractor.version();
        this.log = b.log;
        this.threads = b.threads;
    }

    public static Builder builder() { return new Builder(); }

    /** Loads the vocabularies (when changed) and every report in the inputs (files, folders, URLs). */
    public LoadSummary load(List<String> inputs) {
        StoreRecords records = StoreRecords.read(store, iris.software(version));
        List<GraphWrite> vocabularyWrites = changedVocabularies(records);
        List<String> vocabularies = vocabularyWrites.stream().map(GraphWrite::graphIri).toList();
        // A new store is filled by the bulk loader, vocabularies and all; any other load is one transaction.
        boolean fresh = !records.hasReports() && vocabularies.stream().noneMatch(records::hasGraph);
        boolean compact = !fresh && !vocabularyWrites.isEmpty();
        if (!fresh) writeVocabularies(vocabularyWrites);
        SourceListing listing = reader.list(inputs);
        List<SourceProblem> problems = new ArrayList<>(listing.problems());
        listing.problems().forEach(p -> say(p.message()));
        List<String> loaded = new ArrayList<>(), skipped = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            Iterator<Outcome> outcomes = extractInOrder(listing.locations(), records, pool);
            Writing writing = fresh ? new BulkWriting() : new Writing(records);
            if (fresh && !vocabularyWrites.isEmpty()) {
                try {
                    vocabularyWrites.forEach(writing::write);
                } catch (RuntimeException e) {
                    // Nothing of the vocabularies or reports is in the store yet: write them as any other load would.
                    writing.abort(e);
                    writing = new Writing(records);
                    writeVocabularies(vocabularyWrites);
                }
                vocabularyWrites.forEach(w -> sayVocabulary(w));
            }
            try {
                while (outcomes.hasNext()) take(outcomes.next(), skipped, problems, writing::write);
                writing.commit();
                writing.written.stream().filter(w -> !vocabularies.contains(w.graphIri())).forEach(w -> loaded(w, loaded));
                compact |= writing.replaced;
            } catch (RuntimeException failure) {
                // Nothing of the load is in the store now: write every report on its own, those
                // written before the failure again, then the one that failed, then the rest.
                writing.abort(failure);
                say("writing the reports together failed (" + failure + "); writing each on its own");
                if (fresh) writeVocabularies(vocabularyWrites);
                for (GraphWrite w : writing.written) {
                    if (!vocabularies.contains(w.graphIri())) writeAlone(w.source(), records, loaded, problems);
                }
                while (outcomes.hasNext()) take(outcomes.next(), skipped, problems, w -> writeAlone(w, loaded, problems));
                compact = true;
            }
        } finally {
            pool.shutdownNow();
        }
        if (compact) store.compact();
        return new LoadSummary(loaded, skipped, vocabularies, problems);
    }

    /**
     * Reports written together in one write transaction. TDB2 copies each index block once per
     * transaction that touches it, so one transaction for the whole load needs no compaction, where
     * a transaction per report grew a store of a thousand reports to 18 GB.
     */
    private class Writing {
        final List<GraphWrite> written = new ArrayList<>();
        final StoreRecords records;
        boolean replaced;
        private boolean started;

        Writing(StoreRecords records) { this.records = records; }

        void write(GraphWrite w) {
            if (!started) {
                store.dataset().begin(ReadWrite.WRITE);
                started = true;
            }
            replaced |= !w.obsolete().isEmpty() || (records != null && records.hasGraph(w.graphIri()));
            written.add(w.withoutContent());
            writeGraph(w);
        }

        void commit() {
            if (!started) return;
            started = false;
            try {
                store.dataset().commit();
            } finally {
                store.dataset().end();
            }
        }

        void abort(RuntimeException cause) {
            if (!started) return;
            started = false;
            store.dataset().abort();
            store.dataset().end();
        }
    }

    /**
     * Reports written into a store that has none yet, with Jena's TDB2 bulk loader. A source seen
     * twice in one load (the same report key) is written afterwards in a transaction, replacing.
     */
    private final class BulkWriting extends Writing {
        private BulkGraphWriter bulk;
        private final List<GraphWrite> again = new ArrayList<>();

        BulkWriting() { super(null); }

        @Override
        void write(GraphWrite w) {
            if (bulk == null) bulk = new BulkGraphWriter(store);
            Node graph = NodeFactory.createURI(w.graphIri());
            if (bulk.hasWritten(graph)) {
                again.add(w);
                return;
            }
            written.add(w.withoutContent());
            bulk.add(graph, w.content());
            metadata(graph, w).forEach(q -> bulk.add(q));
        }

        @Override
        void commit() {
            if (bulk == null) return;
            bulk.commit();
            if (again.isEmpty()) return;
            Writing replacing = new Writing(StoreRecords.read(store, iris.software(version)));
            again.forEach(replacing::write);
            replacing.commit();
            written.addAll(replacing.written);
            replaced = true;
        }

        @Override
        void abort(RuntimeException cause) {
            if (bulk != null) bulk.abort(cause, NodeFactory.createURI(store.graphs().meta()));
            written.addAll(again);
        }
    }

    private void take(Outcome outcome, List<String> skipped, List<SourceProblem> problems, Consumer<GraphWrite> write) {
        if (outcome instanceof Skipped s) {
            skipped.add(s.location());
        } else if (outcome instanceof Failed f) {
            problems.add(new SourceProblem(f.location(), f.message()));
            say(f.message());
        } else if (outcome instanceof GraphWrite w) {
            write.accept(w);
        }
    }

    /** What reading and extracting one input came to. */
    private sealed interface Outcome permits Skipped, Failed, GraphWrite {}

    private record Skipped(String location) implements Outcome {}

    private record Failed(String location, String message) implements Outcome {}

    /** One graph to replace, with its metadata record and the graphs earlier loads made from the same source. */
    private record GraphWrite(String graphIri, Graph content, long size, String hash, String source, List<String> obsolete)
            implements Outcome {
        GraphWrite withoutContent() { return new GraphWrite(graphIri, null, size, hash, source, obsolete); }
    }

    /**
     * Reads and extracts the inputs on the pool, a bounded number ahead of the writer so that
     * memory stays flat however many reports there are, and hands them over in input order.
     */
    private Iterator<Outcome> extractInOrder(List<String> locations, StoreRecords records, ExecutorService pool) {
        int window = threads * 4;
        Deque<Future<Outcome>> ahead = new ArrayDeque<>();
        Iterator<String> next = locations.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                while (ahead.size() < window && next.hasNext()) {
                    String location = next.next();
                    ahead.add(pool.submit(() -> readAndExtract(location, records)));
                }
                return !ahead.isEmpty();
            }

            @Override
            public Outcome next() {
                if (!hasNext()) throw new NoSuchElementException();
                try {
                    return ahead.poll().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while extracting", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        };
    }

    private Outcome readAndExtract(String location, StoreRecords records) {
        SourceDocument doc;
        try {
            doc = reader.readOne(location);
        } catch (SourceException e) {
            return new Failed(location, e.toProblem().message());
        }
        if (records.isCurrent(doc.sha256())) return new Skipped(doc.location());
        try {
            return toWrite(doc, records);
        } catch (RuntimeException e) {
            return new Failed(doc.location(), doc.location() + ": not loaded, the store is unchanged: " + e);
        }
    }

    private GraphWrite toWrite(SourceDocument doc, StoreRecords records) {
        ExtractedReport report = extractor().extract(doc);
        // Graphs earlier loads made from the same source (its key may have changed) go too.
        List<String> obsolete = new ArrayList<>(records.graphsFrom(doc.location()));
        obsolete.remove(report.graphIri());
        return new GraphWrite(report.graphIri(), report.graph().getGraph(), report.graph().size(), doc.sha256(),
                doc.location(), obsolete);
    }

    /** The fallback after a failed load: one report, read and extracted again, in a transaction of its own. */
    private void writeAlone(String location, StoreRecords records, List<String> loaded, List<SourceProblem> problems) {
        GraphWrite w;
        try {
            w = toWrite(reader.readOne(location), records);
        } catch (SourceException e) {
            problems.add(e.toProblem());
            say(e.toProblem().message());
            return;
        } catch (RuntimeException e) {
            fail(location, e, problems);
            return;
        }
        writeAlone(w, loaded, problems);
    }

    private void writeAlone(GraphWrite w, List<String> loaded, List<SourceProblem> problems) {
        try {
            store.dataset().executeWrite(() -> writeGraph(w));
            loaded(w, loaded);
        } catch (RuntimeException e) {
            fail(w.source(), e, problems);
        }
    }

    private void loaded(GraphWrite w, List<String> loaded) {
        loaded.add(w.source());
        say(w.source() + ": loaded into " + w.graphIri() + " (" + w.size() + " triples)");
    }

    private void fail(String location, RuntimeException e, List<SourceProblem> problems) {
        String message = location + ": not loaded, the store is unchanged: " + e;
        problems.add(new SourceProblem(location, message));
        say(message);
    }

    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "fazhi-extract");
            t.setDaemon(true);
            return t;
        };
    }

    /** Built on first use: an unchanged store is loaded without the cost of building an extractor. */
    private synchronized Extractor extractor() {
        if (extractor == null) extractor = Extractor.builder().base(iris.base()).build();
        return extractor;
    }

    /** The shipped vocabularies whose content changed since they were last loaded, ready to write. */
    private List<GraphWrite> changedVocabularies(StoreRecords records) {
        List<GraphWrite> writes = new ArrayList<>();
        for (Map.Entry<String, List<String>> vocabulary : store.graphs().vocabularies().entrySet()) {
            String graphIri = vocabulary.getKey();
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String file : vocabulary.getValue()) files.put(file, bundledBytes(file));
            String hash = sha256(files.values());
            if (hash.equals(records.hashOf(graphIri))) continue;
            Model model = ModelFactory.createDefaultModel();
            files.forEach((name, bytes) -> RDFParser.source(new ByteArrayInputStream(bytes)).lang(Lang.TURTLE).parse(model));
            Graph content = rebase(model.getGraph());
            writes.add(new GraphWrite(graphIri, content, content.size(), hash, String.join(" ", files.keySet()), List.of()));
        }
        return writes;
    }

    /** Replaces vocabulary graphs in one transaction. */
    private void writeVocabularies(List<GraphWrite> writes) {
        if (writes.isEmpty()) return;
        store.dataset().executeWrite(() -> writes.forEach(this::writeGraph));
        writes.forEach(this::sayVocabulary);
    }

    private void sayVocabulary(GraphWrite w) {
        say("vocabulary " + w.source().replace(" ", ", ") + " loaded into " + w.graphIri());
    }

    /** Replaces a graph and its metadata record; inside a write transaction. */
    private void writeGraph(GraphWrite w) {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        Node meta = NodeFactory.createURI(store.graphs().meta());
        Node graph = NodeFactory.createURI(w.graphIri());
        for (String old : w.obsolete()) {
            Node oldGraph = NodeFactory.createURI(old);
            dsg.deleteAny(oldGraph, Node.ANY, Node.ANY, Node.ANY);
            dsg.deleteAny(meta, oldGraph, Node.ANY, Node.ANY);
        }
        dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
        dsg.deleteAny(meta, graph, Node.ANY, Node.ANY);
        store.addToEmptyGraph(graph, w.content());
        metadata(graph, w).forEach(dsg::add);
    }

    /** The record of where a graph came from, in the metadata graph. */
    private List<Quad> metadata(Node graph, GraphWrite w) {
        Node meta = NodeFactory.createURI(store.graphs().meta());
        return List.of(
                Quad.create(meta, graph, FZ.sourceFile.asNode(), NodeFactory.createLiteralString(w.source())),
                Quad.create(meta, graph, FZ.contentHash.asNode(), NodeFactory.createLiteralString(w.hash())),
                Quad.create(meta, graph, W3C.wasAttributedTo.asNode(), NodeFactory.createURI(iris.software(version))),
                Quad.create(meta, graph, DCTerms.modified.asNode(), NodeFactory.createLiteralDT(
                        OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString(), XSDDatatype.XSDdateTime)));
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
        private int threads = Runtime.getRuntime().availableProcessors();

        /** The store to load into; IRIs are minted under its base. */
        public Builder store(KnowledgeStore store) { this.store = store; return this; }

        public Builder extractor(Extractor extractor) { this.extractor = extractor; return this; }

        public Builder maxBytes(long maxBytes) { this.maxBytes = maxBytes; return this; }

        /** The extractor version recorded (default: the jar's); a different one re-extracts everything. */
        public Builder version(String version) { this.version = version; return this; }

        /** Where to tell the user what was loaded (default: nowhere). */
        public Builder log(PrintStream log) { this.log = log; return this; }

        /** How many reports are read and extracted at once (default: one per core). */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
            this.threads = threads;
            return this;
        }

        public StoreLoader build() { return new StoreLoader(this); }
    }
}
