package org.w3id.fazhi.store;

import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionListener;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.util.AtomicFile;
import org.w3id.fazhi.util.Folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The persistent store: a TDB2 database ({@code DIR/tdb2}) wrapped by a jena-text Lucene index
 * ({@code DIR/text}). Every read and write goes through {@link #dataset()}, the text-wrapped
 * dataset, because only writes made through the wrapper reach the index. The default graph is
 * the union of the named graphs, so queries see every report without naming graphs.
 *
 * <pre>{@code
 * try (KnowledgeStore store = KnowledgeStore.builder().folder(Path.of("kg-db")).build()) { ... }
 * }</pre>
 */
public final class KnowledgeStore implements AutoCloseable {

    public static final Path DEFAULT_FOLDER = Path.of("kg-db");

    private final Path folder;
    private final StoreGraphs graphs;
    private final DatasetGraph tdb;
    private final DatasetGraphText text;
    private final Dataset dataset;

    private final Duration closeWait;
    private final Answers answers;

    /**
     * The file a bulk load into a new store leaves while it runs. Jena's phased bulk loader is not
     * a transaction: killed halfway, it leaves indexes that disagree (a graph in one index, its
     * metadata record not yet in another). The store had nothing in it before, so opening one
     * with this file present empties it, and the next load starts again.
     */
    static final String BULK_MARKER = "bulk-load-unfinished";

    /** The file that keeps {@link #generation()} and {@link #modified()} across restarts. */
    static final String GENERATION_FILE = "generation";

    private final Object generationLock = new Object();
    private volatile long generation;
    private volatile long modifiedMillis;
    private final TransactionListener bumpOnCommit = new TransactionListener() {
        // Before the commit (the file is never behind the data) and after it (a reader that read
        // the number and then began a transaction during the commit sees it change).
        @Override
        public void notifyCommitStart(Transaction txn) {
            if (txn.isWriteTxn()) bumpGeneration();
        }

        @Override
        public void notifyCommitFinish(Transaction txn) {
            if (txn.isWriteTxn()) bumpGeneration();
        }
    };

    private KnowledgeStore(Path folder, StoreGraphs graphs, DatasetGraph tdb, DatasetGraphText text, Duration closeWait) {
        this.closeWait = closeWait;
        this.folder = folder;
        this.graphs = graphs;
        this.tdb = tdb;
        this.text = text;
        this.dataset = DatasetFactory.wrap(text);
        readGeneration();
        listen();
        this.answers = Answers.open(this);
        // The query engine finds the answers through the dataset's context (see query.AnswerEngine).
        text.getContext().set(Answers.SYMBOL, answers);
        tdb.getContext().set(Answers.SYMBOL, answers);
    }

    /** The saved queries' answers the loads keep ({@link Answers}). */
    public Answers answers() { return answers; }

    public static Builder builder() { return new Builder(); }

    /** The text-indexed dataset; use it in transactions. */
    public Dataset dataset() { return dataset; }

    public Path folder() { return folder; }

    /** The TDB2 database under the text wrapper, for Jena's bulk loader. */
    DatasetGraph tdb() { return tdb; }

    TextIndex textIndex() { return text.getTextIndex(); }

    /** The IRIs of the store's own graphs (metadata, vocabularies) under the configured base. */
    public StoreGraphs graphs() { return graphs; }

    /**
     * Rewrites the store without what replaced graphs left behind (TDB2 keeps a copy of every index
     * block a write transaction touched, and the nodes of every triple ever added) and deletes the
     * old generation: a new generation of the database with the same indexes, packed
     * ({@link StorageLayout#compact}). Not inside a transaction, and with none open.
     */
    public void compact() {
        try {
            StorageLayout.compact(tdb);
        } finally {
            // The new generation has a transaction coordinator of its own; the old one, and its
            // listener, are dropped with the old generation of files.
            listen();
        }
    }

    /**
     * Writes every index of the database again in full blocks, as a new generation
     * ({@link StorageLayout#pack}); after a bulk load, which fills the primary indexes about half
     * full and leaves the others empty.
     */
    void pack() {
        try {
            StorageLayout.pack(tdb);
        } finally {
            listen();
        }
    }

    /**
     * The store's generation: a number that changes whenever its content may have changed (every
     * write transaction that commits, a load or an update, moves it on; reads never do) and that
     * does not repeat for the folder, since it starts from the clock when the store is created.
     * Kept in {@code DIR/generation}, so a restart keeps it. Validators (HTTP ETags) and the
     * cached dumps are keyed on it.
     */
    public long generation() { return generation; }

    /** When the generation last moved on: the store's last write, to the millisecond. */
    public Instant modified() { return Instant.ofEpochMilli(modifiedMillis); }

    /**
     * Adds the listener that bumps the generation. TDB2 takes listeners only in its configuration
     * mode; the direct form does not wait for running transactions (the exclusive form would wait
     * for every query of a server), and adding the listener is all that happens in it.
     */
    private void listen() {
        TransactionCoordinator transactions = coordinator();
        transactions.modifyConfigDirect(() -> transactions.addListener(bumpOnCommit));
    }

    private void readGeneration() {
        Path file = folder.resolve(GENERATION_FILE);
        try {
            if (Files.exists(file)) {
                String[] fields = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
                generation = Long.parseLong(fields[0]);
                modifiedMillis = Long.parseLong(fields[1]);
                return;
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable: start again from the clock below, which is past any number written before.
        }
        bumpGeneration();
    }

    /** Moves the generation on, for writers that go past TDB2's transactions (the bulk loader). */
    void changed() { bumpGeneration(); }

    /**
     * Moves the generation on and writes it down before the commit it announces, so the file is
     * never behind the data (a crash in between only skips a number).
     */
    private void bumpGeneration() {
        synchronized (generationLock) {
            long now = System.currentTimeMillis();
            long next = Math.max(generation + 1, now);
            try {
                AtomicFile.write(folder.resolve(GENERATION_FILE), (next + " " + now + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + folder.resolve(GENERATION_FILE), e);
            }
            modifiedMillis = now;
            generation = next;
        }
    }

    /**
     * Adds a graph's triples to a named graph known to be empty, inside a write transaction on
     * {@link #dataset()}. The quads go straight to TDB2 and the indexed literals straight to the
     * text index: the text wrapper would first look every quad up to see whether it is already
     * there, which doubles the cost of a large load.
     */
    public void addToEmptyGraph(Node graph, Graph content) {
        TextIndex index = text.getTextIndex();
        content.find().forEachRemaining(t -> {
            tdb.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
            Entity entity = textEntity(graph, t);
            if (entity != null) index.addEntity(entity);
        });
    }

    /**
     * Removes a named graph and its text, inside a write transaction. Not through jena-text's
     * deleteAny: that finds the quads and deletes them one by one by their nodes, and TDB2 gives
     * back a decimal stored inline in canonical form ("10" as "10.0"), which then matches nothing,
     * so numbers stayed behind in a graph that was replaced. TDB2 deletes here by its own ids.
     */
    public void removeGraph(Node graph) {
        TextIndex index = text.getTextIndex();
        tdb.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            Entity entity = TextIndexing.entityToDelete(index.getDocDef(), graph, q.asTriple());
            if (entity != null) index.deleteEntity(entity);
        });
        TDBInternal.getDatasetGraphTDB(tdb).deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
    }

    /** Removes what a graph says about a subject (a record of the metadata graph), inside a write transaction. */
    public void removeAbout(Node graph, Node subject) {
        TDBInternal.getDatasetGraphTDB(tdb).deleteAny(graph, subject, Node.ANY, Node.ANY);
    }

    /** What the text index holds for a triple of a named graph, or null when its predicate is not indexed. */
    Entity textEntity(Node graph, Triple t) {
        return TextQueryFuncs.entityFromQuad(text.getTextIndex().getDocDef(), graph, t.getSubject(), t.getPredicate(), t.getObject());
    }

    /** Read and write transactions open on the store now (for tests and monitoring). */
    public long openTransactions() {
        return coordinator().countActive();
    }

    /**
     * Ends the transaction the calling thread left open, if any: a query cut short by the time
     * limit can return without ending its read transaction, which would then hold the store open
     * until {@link #close()} gives up waiting. Returns whether there was one.
     */
    public boolean endLeftoverTransaction() {
        boolean left = false;
        if (text.isInTransaction()) {
            left = true;
            try {
                text.end();
            } catch (RuntimeException e) {
                // fall through to the database under the wrapper
            }
        }
        if (tdb.isInTransaction()) {
            left = true;
            try {
                tdb.abort();
            } catch (RuntimeException e) {
                // ended below
            }
            tdb.end();
        }
        return left;
    }

    private TransactionCoordinator coordinator() {
        return TDBInternal.getDatasetGraphTDB(tdb).getTxnSystem().getTxnMgr();
    }

    /** How long {@link #close()} waits by default for queries still running (a server just stopped) to end. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(75);

    @Override
    public void close() {
        // A load stopped by an error (a full disk) may leave its own write transaction open: undo it.
        if (text.isInTransaction() || tdb.isInTransaction()) {
            try {
                text.abort();
            } catch (Throwable e) {
                // the database below is ended regardless
            }
            endLeftoverTransaction();
        }
        TransactionCoordinator transactions = coordinator();
        awaitQueries(transactions);
        answers.close();
        text.close();
        // TDB2 keeps the database (and its process lock) cached until it is expelled. Read
        // transactions of queries cut off when a server stopped would keep it forever; nothing is
        // written through them, so once the wait is over the database is released regardless,
        // unless a write is still open.
        TDBInternal.expel(tdb, transactions.countActiveWriter() == 0);
    }

    /**
     * TDB2 caches up to 1.2 million nodes by default, sized for large heaps; our nodes include
     * report bodies and quotes, so a 512 MB heap fills with cached nodes and the load stalls in
     * garbage collection. The caches are sized to the heap instead, up to TDB2's defaults.
     */
    static StoreParams nodeCaches() {
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        int byId = (int) Math.max(10_000, Math.min(SystemTDB.NodeId2NodeCacheSize, heapMb * 200));
        int byNode = (int) Math.max(10_000, Math.min(SystemTDB.Node2NodeIdCacheSize, heapMb * 50));
        return StoreParams.builder().nodeId2NodeCacheSize(byId).node2NodeIdCacheSize(byNode).build();
    }

    /**
     * A server's queries may outlive the server by up to their time limit; TDB2 refuses to release a
     * database with transactions open, so wait for them.
     */
    private void awaitQueries(TransactionCoordinator transactions) {
        long deadline = System.nanoTime() + closeWait.toNanos();
        while (transactions.countActive() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Configuration of a store. */
    public static final class Builder {
        private Path folder = DEFAULT_FOLDER;
        private TextAnalyzer analyzer = TextAnalyzer.DEFAULT;
        private String base = IriMinter.DEFAULT_BASE;
        private Duration closeWait = CLOSE_WAIT;

        public Builder folder(Path folder) {
            this.folder = Objects.requireNonNull(folder);
            return this;
        }

        public Builder analyzer(TextAnalyzer analyzer) {
            this.analyzer = Objects.requireNonNull(analyzer);
            return this;
        }

        /** How long closing waits for queries still running (default 75 s, past the server's time limits). */
        public Builder closeWait(Duration closeWait) {
            this.closeWait = Objects.requireNonNull(closeWait);
            return this;
        }

        public Builder base(String base) {
            this.base = Objects.requireNonNull(base);
            return this;
        }

        /**
         * Empties a store a killed bulk load left, before TDB2 opens it (opened, its cached file
         * channels would go on writing into the deleted files). Not while the load runs: the
         * process named in TDB2's lock file must be gone.
         */
        private void emptyAfterUnfinishedBulkLoad(Path tdbFolder, Path textFolder) {
            Path lock = tdbFolder.resolve("tdb.lock");
            try {
                if (Files.exists(lock)) {
                    long pid = Long.parseLong(Files.readString(lock).strip());
                    if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        throw new StoreLockedException("the store " + folder + " is being loaded by process " + pid
                                + "; wait for it or give another --db", null);
                    }
                }
                for (Path p : List.of(tdbFolder, textFolder, folder.resolve("answers"))) {
                    Folders.deleteTree(p);
                    Files.createDirectories(p);
                }
                Files.delete(folder.resolve(BULK_MARKER));
            } catch (IOException | NumberFormatException e) {
                throw new StoreAccessException("cannot empty the store " + folder + " after an unfinished bulk load: " + e.getMessage(), e);
            }
            org.slf4j.LoggerFactory.getLogger(KnowledgeStore.class).warn("the store {} was left by a bulk load that did not "
                    + "finish (the process was stopped); it held nothing before it, so it was emptied: load again", folder);
        }

        /**
         * Connects TDB2, which creates the database when the folder has none. Creating it writes
         * several files; a process killed halfway would leave index files whose blocks were never
         * written, which the next load then fails on ("No known block type for 0"). So a new
         * database is created under the same file a bulk load leaves while it runs: killed before
         * the creation is complete, the store is emptied when it is opened next.
         */
        private DatasetGraph connect(Path tdbFolder) {
            boolean creating;
            try (var existing = Files.list(tdbFolder)) {
                creating = existing.noneMatch(p -> p.getFileName().toString().startsWith("Data-"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the store folder " + tdbFolder, e);
            }
            Path marker = folder.resolve(BULK_MARKER);
            try {
                if (creating) Files.writeString(marker, "a new store was being created and had not been finished\n");
                DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(tdbFolder.toString(), StorageLayout.params());
                if (creating) Files.delete(marker);
                return tdb;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + marker, e);
            }
        }

        /** Opens (creating when missing) the store. */
        public KnowledgeStore build() {
            Path tdbFolder = folder.resolve("tdb2");
            Path textFolder = folder.resolve("text");
            try {
                Files.createDirectories(tdbFolder);
                Files.createDirectories(textFolder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the store folder " + folder, e);
            }
            if (!Files.isWritable(tdbFolder) || !Files.isWritable(textFolder)) {
                throw new StoreAccessException("the store " + folder + " cannot be written (a read-only folder or file system): "
                        + "loading and serving need to write it; give a writable --db", null);
            }
            if (Files.exists(folder.resolve(BULK_MARKER))) emptyAfterUnfinishedBulkLoad(tdbFolder, textFolder);
            DatasetGraph tdb;
            try {
                tdb = connect(tdbFolder);
            } catch (TDBException | DBOpEnvException e) {
                throw new StoreLockedException("the store " + folder + " is in use by another process ("
                        + e.getMessage() + "); stop it or give another --db", e);
            }
            tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
            TextIndex index = TextIndexing.open(textFolder, analyzer);
            DatasetGraphText text = (DatasetGraphText) TextDatasetFactory.create(tdb, index, true);
            text.getContext().set(TDB2.symUnionDefaultGraph, true);
            return new KnowledgeStore(folder, new StoreGraphs(new IriMinter(base).base()), tdb, text, closeWait);
        }
    }
}
