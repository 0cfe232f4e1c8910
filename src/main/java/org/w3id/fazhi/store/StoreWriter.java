package org.w3id.fazhi.store;

import org.w3id.fazhi.util.Locations;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.w3id.fazhi.extract.ExtractionResult;
import org.w3id.fazhi.extract.GraphSink;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.rdf.Vocabularies;
import org.w3id.fazhi.rdf.W3C;
import org.w3id.fazhi.util.ContentHash;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The TDB2 store as a {@link GraphSink}: each report in its own named graph, written together with
 * its record (source, content hash, extractor version, load time) in the metadata graph.
 *
 * <p>Into a store that holds no reports yet, everything, vocabularies included, is streamed into
 * Jena's TDB2 bulk loader ({@link BulkGraphWriter}); into any other, the batch is one write
 * transaction: TDB2 copies each index block once per transaction that touches it, so one
 * transaction needs no compaction, where a transaction per report grew a store of a thousand
 * reports to 18 GB. After a failed batch the pipeline writes each report in a transaction of its
 * own; a load that wrote that way, or replaced graphs, ends by compacting the store.
 *
 * <p>The {@link Rollups} are kept in the same transactions: the rows the batch's reports touch
 * (before and after) are computed again before it commits; a store the bulk loader filled, one
 * whose vocabularies changed and one whose rollups other definitions made get them rebuilt whole.
 */
final class StoreWriter implements GraphSink {

    /** One graph to replace, with its record and the graphs earlier loads made from the same source. */
    private record GraphWrite(String graphIri, Graph content, String hash, String source, String sourceKey, List<String> obsolete) {}

    private final KnowledgeStore store;
    private final IriMinter iris;
    private final String software;
    private final Consumer<String> log;
    private StoreRecords records;
    private List<GraphWrite> vocabularyWrites = List.of();
    private boolean vocabulariesInBulk;
    private Writing writing;
    private boolean compact;
    private boolean rollupsStale;
    /**
     * A write transaction of this load was aborted. TDB2 keeps the node ids it allocated there in
     * its node cache (an aborted transaction's are not all dropped), which is harmless only while
     * the reports are written again in the same order, so that each node is given the same id
     * again: rollup rows written between them would shift the ids and the store would be left
     * pointing into other nodes. After an abort the rollups are therefore rebuilt once, at the end.
     */
    private boolean afterAbort;
    private final Rollups.Touched touched = new Rollups.Touched();
    /** The saved queries' answers, kept in the same transactions as the reports. */
    private final Answers answers;
    /** The answers are to be computed again from every report, in the load's next (or a last) transaction. */
    private boolean answersStale;

    /** Sources whose files are gone: their graphs are removed in the load's write transaction, before its writes. */
    private final List<String> removedLocations;
    private List<String> removals = List.of();

    StoreWriter(KnowledgeStore store, String version, Consumer<String> log) {
        this(store, version, log, List.of(), true);
    }

    /** Whether a load that replaced graphs ends by compacting the store. */
    private final boolean compactAfter;

    StoreWriter(KnowledgeStore store, String version, Consumer<String> log, List<String> removedLocations, boolean compactAfter) {
        this.removedLocations = List.copyOf(removedLocations);
        this.compactAfter = compactAfter;
        this.store = store;
        this.iris = new IriMinter(store.graphs().base());
        this.software = iris.software(version);
        this.log = log;
        this.answers = store.answers();
    }

    @Override
    public List<String> vocabularies(Vocabularies vocabularies) {
        records = StoreRecords.read(store, software);
        removals = records.forgetSources(removedLocations.stream().map(this::sourceKey).toList());
        vocabularyWrites = new ArrayList<>();
        for (Vocabularies.Vocabulary v : vocabularies.graphs()) {
            if (v.sha256().equals(records.hashOf(v.graphIri()))) continue;
            vocabularyWrites.add(new GraphWrite(v.graphIri(), v.graph(), v.sha256(), String.join(" ", v.files()), null, List.of()));
        }
        rollupsStale = !Rollups.FINGERPRINT.equals(records.hashOf(store.graphs().rollups()));
        boolean fresh = !records.hasReports() && removals.isEmpty() && vocabularies.graphIris().stream().noneMatch(records::hasGraph);
        answers.startLoad(vocabularies, fresh);
        // Rows read the vocabularies (names, labels, themes): when they change, every row is made again.
        answersStale = !fresh && (!vocabularyWrites.isEmpty() || answers.needsRebuild());
        compact = !fresh && !vocabularyWrites.isEmpty();
        writing = fresh ? new BulkWriting() : new Writing();
        if (fresh) {
            try {
                vocabularyWrites.forEach(writing::write);
                vocabulariesInBulk = true;
            } catch (RuntimeException e) {
                // Nothing is in the store yet: write them as any other load would.
                writing.abort(e);
                writing = new Writing();
                writeVocabularies();
            }
        } else {
            writeVocabularies();
        }
        vocabularyWrites.forEach(w -> log.accept("vocabulary " + w.source().replace(" ", ", ") + " loaded into " + w.graphIri()));
        return vocabularyWrites.stream().map(GraphWrite::graphIri).toList();
    }

    @Override
    public boolean holds(String location, String sourceHash) {
        return records.isCurrent(sourceHash);
    }

    @Override
    public String sourceOf(String graphIri) {
        return records.sourceOf(graphIri);
    }

    /**
     * A source as the metadata graph keeps it: a URL as it is; a file by a hash of its absolute
     * path, so that a reload of the same file replaces its graph without the store publishing
     * where files lie on this machine (the file's name is kept beside it).
     */
    @Override
    public String sourceKey(String location) {
        if (Locations.isWebAddress(location)) return location;
        return "sha256:" + ContentHash.sha256(java.nio.file.Path.of(location).toAbsolutePath().normalize().toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String published(String location) {
        if (Locations.isWebAddress(location)) return location;
        java.nio.file.Path name = java.nio.file.Path.of(location).getFileName();
        return name == null ? location : name.toString();
    }

    @Override
    public void write(ExtractionResult.Extracted report) {
        // Graphs earlier loads made from the same source (its key may have changed) go too.
        List<String> obsolete = new ArrayList<>(records.graphsFrom(sourceKey(report.location())));
        obsolete.remove(report.graphIri());
        writing.write(new GraphWrite(report.graphIri(), report.graph().getGraph(), report.sourceHash(),
                published(report.location()), sourceKey(report.location()), obsolete));
    }

    @Override
    public boolean batched() { return true; }

    @Override
    public void commit() {
        writing.commit();
        compact |= writing.replaced;
    }

    @Override
    public void abort(RuntimeException cause) {
        writing.abort(cause);
        compact = true;
        if (writing instanceof BulkWriting) {
            writing = new Writing();
            if (vocabulariesInBulk) writeVocabularies();
            vocabulariesInBulk = false;
        }
    }

    @Override
    public void finish() {
        if (afterAbort) store.dataset().executeWrite(this::rebuildRollups);
        if (answersStale) {
            // Nothing was written that rebuilt them: a transaction of their own.
            long[] version = {0};
            store.dataset().executeWrite(() -> {
                answers.rebuild(store.dataset().asDatasetGraph());
                answers.beforeCommit(store.dataset().asDatasetGraph(), touched);
                version[0] = writeVersion();
            });
            answers.afterCommit(version[0]);
            answersStale = false;
        }
        answers.finishLoad();
        if (compact && compactAfter) store.compact();
    }

    /** The data version the open write transaction began at; its commit makes the next. */
    private long writeVersion() {
        return org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(store.tdb()).getTxnSystem().getThreadTransaction().getDataVersion();
    }

    /**
     * Replaces the changed vocabulary graphs in one transaction, with the rollups rebuilt in it when
     * they depend on what changed (region names, programs' themes) or other definitions made them.
     */
    private void writeVocabularies() {
        if (vocabularyWrites.isEmpty() && !rollupsStale) return;
        store.dataset().executeWrite(() -> {
            vocabularyWrites.forEach(this::writeGraph);
            rebuildRollups();
        });
    }

    /** Computes the rollups graph again from every report and records which definitions made it; inside a write transaction. */
    private void rebuildRollups() {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        Node meta = NodeFactory.createURI(store.graphs().meta());
        Node rollups = NodeFactory.createURI(store.graphs().rollups());
        Rollups.rebuild(dsg, rollups);
        store.removeAbout(meta, rollups);
        dsg.add(meta, rollups, FZ.contentHash.asNode(), NodeFactory.createLiteralString(Rollups.FINGERPRINT));
        rollupsStale = false;
    }

    /** Reports written in one write transaction, opened by the first write (or by the commit, to remove graphs only). */
    private class Writing {
        boolean replaced;
        private boolean started;
        /** The removals made in the open transaction, put back if it is undone. */
        private List<String> removed = List.of();

        /** Opens the transaction; the graphs of sources that are gone go first, so their names are free. */
        private void begin() {
            store.dataset().begin(ReadWrite.WRITE);
            started = true;
            removed = removals;
            removals = List.of();
            DatasetGraph dsg = store.dataset().asDatasetGraph();
            Node meta = NodeFactory.createURI(store.graphs().meta());
            for (String g : removed) {
                Node graph = NodeFactory.createURI(g);
                touched.add(dsg, graph);
                answers.removed(g, dsg.getGraph(graph));
                store.removeGraph(graph);
                store.removeAbout(meta, graph);
                replaced = true;
                log.accept("removed " + g + " (its source is gone)");
            }
        }

        void write(GraphWrite w) {
            if (!started) begin();
            replaced |= !w.obsolete().isEmpty() || records.hasGraph(w.graphIri());
            // The rollup rows the report decided before the change, and those it decides after.
            DatasetGraph dsg = store.dataset().asDatasetGraph();
            for (String old : w.obsolete()) {
                touched.add(dsg, NodeFactory.createURI(old));
                answers.removed(old, dsg.getGraph(NodeFactory.createURI(old)));
            }
            touched.add(dsg, NodeFactory.createURI(w.graphIri()));
            if (records.hasGraph(w.graphIri())) answers.removed(w.graphIri(), dsg.getGraph(NodeFactory.createURI(w.graphIri())));
            touched.add(w.content());
            writeGraph(w);
            if (isReport(w)) answers.written(w.graphIri(), w.content());
        }

        void commit() {
            if (!started && !removals.isEmpty()) begin();
            if (!started) return;
            started = false;
            try {
                if (afterAbort) {
                    // Rebuilt whole in finish(); until then the record goes (a deletion allocates no
                    // node), so a load stopped before it leaves the next one to rebuild them.
                    store.removeAbout(NodeFactory.createURI(store.graphs().meta()), NodeFactory.createURI(store.graphs().rollups()));
                } else if (rollupsStale) rebuildRollups();
                else Rollups.refresh(store.dataset().asDatasetGraph(), NodeFactory.createURI(store.graphs().rollups()), touched);
                DatasetGraph dsg = store.dataset().asDatasetGraph();
                if (answersStale) answers.rebuild(dsg);
                answers.beforeCommit(dsg, touched);
                long version = writeVersion();
                store.dataset().commit();
                answers.afterCommit(version);
                answersStale = false;
                removed = List.of();
            } finally {
                touched.clear();
                store.dataset().end();
            }
        }

        void abort(RuntimeException cause) {
            touched.clear();
            answers.abort();
            afterAbort = true;
            if (!removed.isEmpty()) {
                removals = removed;
                removed = List.of();
            }
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

        @Override
        void write(GraphWrite w) {
            if (bulk == null) bulk = new BulkGraphWriter(store);
            Node graph = NodeFactory.createURI(w.graphIri());
            if (bulk.hasWritten(graph)) {
                again.add(w);
                return;
            }
            bulk.add(graph, w.content());
            metadata(graph, w).forEach(q -> bulk.add(q));
            if (isReport(w)) answers.written(w.graphIri(), w.content());
        }

        @Override
        void commit() {
            if (bulk == null) return;
            answers.flushInBackground();
            bulk.commit();
            bulk = null;
            // The bulk loader writes past transactions: the rollups and the answers computed
            // across reports follow in one of their own.
            long[] version = {0};
            store.dataset().executeWrite(() -> {
                rebuildRollups();
                answers.beforeCommit(store.dataset().asDatasetGraph(), touched);
                version[0] = writeVersion();
            });
            answers.afterCommit(version[0]);
            if (again.isEmpty()) return;
            records = StoreRecords.read(store, software);
            Writing replacing = new Writing();
            again.forEach(replacing::write);
            again.clear();
            replacing.commit();
            replaced = true;
        }

        @Override
        void abort(RuntimeException cause) {
            answers.abort();
            if (bulk != null) bulk.abort(cause, NodeFactory.createURI(store.graphs().meta()));
            bulk = null;
            again.clear();
        }
    }

    /** A report's graph, not a vocabulary's: only reports have rows in the answer tables. */
    private boolean isReport(GraphWrite w) {
        return w.sourceKey() != null;
    }

    /** Replaces a graph and its metadata record; inside a write transaction. */
    private void writeGraph(GraphWrite w) {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        Node meta = NodeFactory.createURI(store.graphs().meta());
        Node graph = NodeFactory.createURI(w.graphIri());
        for (String old : w.obsolete()) {
            Node oldGraph = NodeFactory.createURI(old);
            store.removeGraph(oldGraph);
            store.removeAbout(meta, oldGraph);
        }
        store.removeGraph(graph);
        store.removeAbout(meta, graph);
        store.addToEmptyGraph(graph, w.content());
        metadata(graph, w).forEach(dsg::add);
    }

    /** The record of where a graph came from, in the metadata graph. */
    private List<Quad> metadata(Node graph, GraphWrite w) {
        Node meta = NodeFactory.createURI(store.graphs().meta());
        List<Quad> quads = new ArrayList<>(List.of(
                Quad.create(meta, graph, FZ.sourceFile.asNode(), NodeFactory.createLiteralString(w.source())),
                Quad.create(meta, graph, FZ.contentHash.asNode(), NodeFactory.createLiteralString(w.hash())),
                Quad.create(meta, graph, W3C.wasAttributedTo.asNode(), NodeFactory.createURI(software)),
                Quad.create(meta, graph, DCTerms.modified.asNode(), NodeFactory.createLiteralDT(
                        OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString(), XSDDatatype.XSDdateTime))));
        if (w.sourceKey() != null) quads.add(Quad.create(meta, graph, FZ.sourceKey.asNode(), NodeFactory.createLiteralString(w.sourceKey())));
        return quads;
    }
}
