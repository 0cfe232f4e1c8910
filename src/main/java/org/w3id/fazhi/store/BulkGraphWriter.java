package org.w3id.fazhi.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.DataLoader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes new graphs into a store with Jena's phased TDB2 bulk loader, the loader behind
 * {@code tdb2.tdbloader}, filling the primary index only; the commit writes the others from it,
 * sorted and packed ({@link StorageLayout#pack}). Their text goes straight to the Lucene index.
 * The bulk loader is not one transaction, so {@link #abort()} removes again every graph it was
 * given: use it only for graphs that were not in the store before.
 */
final class BulkGraphWriter {

    private final KnowledgeStore store;
    private final DataLoader loader;
    private final StreamRDF stream;
    private final TextIndex index;
    private final Set<Node> written = new HashSet<>();
    private final List<Node> order = new ArrayList<>();
    /**
     * Lucene analyses text on a thread of its own, beside the loader's. What waits for it is
     * bounded by bytes, not by graphs: a report can be a hundred times the size of another (the
     * input limit is 8 MiB), so a queue of graphs could hold hundreds of megabytes. When the text
     * waiting would pass {@link #queueBytes}, the writing thread waits for the indexer.
     */
    private final ThreadPoolExecutor indexing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "fazhi-text-index");
                t.setDaemon(true);
                return t;
            });
    /** The text waiting to be indexed may take this many bytes: a sixteenth of the heap, at most 32 MiB. */
    static final int QUEUE_BYTES = (int) Math.max(1 << 20, Math.min(32L << 20, Runtime.getRuntime().maxMemory() / 16));
    private final Semaphore queueBytes = new Semaphore(QUEUE_BYTES);
    private final AtomicReference<RuntimeException> indexFailure = new AtomicReference<>();

    BulkGraphWriter(KnowledgeStore store) {
        this.store = store;
        this.loader = StorageLayout.primaryLoader(store.tdb());
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
        long[] bytes = {0};
        content.find().forEachRemaining(t -> {
            stream.quad(Quad.create(graph, t));
            Entity entity = store.textEntity(graph, t);
            if (entity != null) {
                entities.add(entity);
                bytes[0] += entityBytes(entity);
            }
        });
        // A graph larger than the whole allowance waits until the queue is empty.
        int permits = (int) Math.min(bytes[0], QUEUE_BYTES);
        queueBytes.acquireUninterruptibly(permits);
        indexing.execute(() -> {
            try {
                entities.forEach(index::addEntity);
            } catch (RuntimeException e) {
                indexFailure.compareAndSet(null, e);
            } finally {
                queueBytes.release(permits);
            }
        });
    }

    /** What an entity holds in memory, about: its strings as UTF-16 and the objects around them. */
    static long entityBytes(Entity entity) {
        long n = 64 + 2L * entity.getId().length() + 2L * (entity.getGraph() == null ? 0 : entity.getGraph().length());
        for (var e : entity.getMap().entrySet()) n += 48 + 2L * e.getKey().length() + 2L * String.valueOf(e.getValue()).length();
        return n;
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
        // The text index writes out what it holds (the first phase of its commit) on its own
        // thread, after the text waiting for it, while the primary indexes are written again
        // packed (the loader leaves them about half full) and the others from them. Until the
        // second phase below, abort() can still drop it.
        indexing.execute(() -> {
            if (indexFailure.get() != null) return;
            try {
                index.prepareCommit();
            } catch (RuntimeException e) {
                indexFailure.compareAndSet(null, e);
            }
        });
        store.pack();
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
     * reached TDB2 of every graph written. The other indexes are written from the primary one (if
     * the failure came after), so deleting what the primary holds removes everything.
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
