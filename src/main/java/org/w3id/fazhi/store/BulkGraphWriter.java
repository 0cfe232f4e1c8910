package org.w3id.fazhi.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes new graphs into a store with Jena's phased TDB2 bulk loader, the loader behind
 * {@code tdb2.tdbloader}, which fills the primary index first and builds the others from it in
 * parallel; their text goes straight to the Lucene index. The bulk loader is not one transaction,
 * so {@link #abort()} removes again every graph it was given: use it only for graphs that were not
 * in the store before.
 */
final class BulkGraphWriter {

    private final KnowledgeStore store;
    private final DataLoader loader;
    private final StreamRDF stream;
    private final TextIndex index;
    private final Set<Node> written = new HashSet<>();
    private final List<Node> order = new ArrayList<>();
    /**
     * Lucene analyses text on a thread of its own, beside the loader's; a short queue keeps
     * memory flat, and when it is full the writing thread indexes the graph itself.
     */
    private final ThreadPoolExecutor indexing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(16), r -> {
                Thread t = new Thread(r, "fazhi-text-index");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.CallerRunsPolicy());
    private final AtomicReference<RuntimeException> indexFailure = new AtomicReference<>();

    BulkGraphWriter(KnowledgeStore store) {
        this.store = store;
        this.loader = LoaderFactory.phasedLoader(store.tdb(), (format, args) -> { });
        this.index = store.textIndex();
        marker(true);
        loader.startBulk();
        this.stream = loader.stream();
        stream.start();
    }

    /** True when a graph of this name was already written by this writer (and so cannot be appended to). */
    boolean hasWritten(Node graph) { return written.contains(graph); }

    /** Adds every triple of {@code content} to the named graph {@code graph}, which must be new. */
    void add(Node graph, Graph content) {
        if (written.add(graph)) order.add(graph);
        List<Entity> entities = new ArrayList<>();
        content.find().forEachRemaining(t -> {
            stream.quad(Quad.create(graph, t));
            Entity entity = store.textEntity(graph, t);
            if (entity != null) entities.add(entity);
        });
        indexing.execute(() -> {
            try {
                entities.forEach(index::addEntity);
            } catch (RuntimeException e) {
                indexFailure.compareAndSet(null, e);
            }
        });
    }

    /** Adds one quad (a metadata record). */
    void add(Quad quad) {
        stream.quad(quad);
    }

    /** Finishes the indexes and makes the text searchable. */
    void commit() {
        // The bulk loader writes past TDB2's transaction listeners: move the generation on here,
        // before (its file is never behind the data) and after.
        store.changed();
        stream.finish();
        loader.finishBulk();
        awaitIndexing();
        if (indexFailure.get() != null) throw indexFailure.get();
        index.commit();
        store.changed();
        marker(false);
    }

    /** The file that says a bulk load is under way ({@link KnowledgeStore#BULK_MARKER}), written or removed. */
    private void marker(boolean present) {
        java.nio.file.Path file = store.folder().resolve(KnowledgeStore.BULK_MARKER);
        try {
            if (present) java.nio.file.Files.writeString(file, "a bulk load into this new store began and has not finished\n");
            else java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }

    private void awaitIndexing() {
        indexing.shutdown();
        try {
            while (!indexing.awaitTermination(1, TimeUnit.MINUTES)) {
                // a large load can take many minutes to index; keep waiting
            }
        } catch (InterruptedException e) {
            indexing.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing text", e);
        }
    }

    /**
     * Undoes a failed load: drops the text not yet committed and, in a transaction, deletes what
     * reached TDB2 of every graph written. The secondary indexes are built from the primary one, so
     * deleting what the primary holds removes everything.
     */
    void abort(RuntimeException cause, Node metaGraph) {
        try {
            loader.finishException(cause);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        indexing.shutdownNow();
        awaitIndexing();
        index.rollback();
        store.dataset().executeWrite(() -> {
            for (Node g : order) {
                store.removeGraph(g);
                store.removeAbout(metaGraph, g);
            }
        });
        marker(false);
    }
}
