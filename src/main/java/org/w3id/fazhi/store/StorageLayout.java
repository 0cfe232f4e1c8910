package org.w3id.fazhi.store;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.loader.main.LoaderMain;
import org.apache.jena.tdb2.loader.main.LoaderPlan;
import org.apache.jena.tdb2.loader.main.LoaderPlans;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.StoragePrefixesTDB;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.fazhi.util.Folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How the store lays out its TDB2 database, and how it writes a new generation of it.
 *
 * <p><b>Four quad indexes, not six.</b> Every report is a named graph and queries read the union of
 * them, so the patterns they look up have the graph free: SPOG, POSG and OSPG answer those. GSPO
 * (the primary) reads, replaces and removes one graph. TDB2's other two, GPOS and GOSP, serve a
 * pattern with the graph and the predicate or object given and the subject free, which nothing of
 * ours asks (a whole report graph is read by GSPO; its metadata record too). They were a quarter
 * of the store each time (1,000 generated reports: 542 MB of TDB2 with six, 398 MB with four).
 * A store made before keeps the indexes it was made with: TDB2 records them in {@code tdb.cfg}.
 *
 * <p><b>Packed indexes.</b> TDB2 fills its B+trees by inserting, which leaves blocks about half
 * full (the bulk loader too). After a bulk load, and when the store is compacted, each B+tree is
 * written again from its records, in order, into full blocks ({@link BPlusTreeRewriter}, as
 * TDB2's own {@code xloader} builds indexes): the same 1,000 reports take 262 MB instead of 398 MB.
 * A bulk load fills only the primary index of each table ({@link #primaryLoader}); the others are
 * written from the primary's records sorted into their order ({@link IndexSorter}). Building
 * them by insertion and then packing them took 6.7 s of a 1,000-report load of 38 s.
 * The new files form the next TDB2 generation ({@code Data-NNNN}), written beside the current one
 * under a {@code -tmp} name and renamed into place when complete, as TDB2's compaction does: TDB2
 * removes a {@code -tmp} folder when it opens a store, and opens the highest generation, so a kill
 * at any moment leaves either the old generation or the new one whole.
 */
final class StorageLayout {

    /** The quad indexes of a new store; the first is the primary. */
    static final String[] QUAD_INDEXES = {"GSPO", "SPOG", "POSG", "OSPG"};

    private static final Pattern GENERATION = Pattern.compile("Data-(\\d+)");

    private StorageLayout() {}

    /** The parameters a new store is created with: our indexes, caches sized to the heap. */
    static StoreParams params() {
        return StoreParams.builder(KnowledgeStore.nodeCaches()).quadIndexes(QUAD_INDEXES.clone()).build();
    }

    /**
     * Jena's phased bulk loader as a plan over the database's own indexes: the primary of each kind
     * first, then its others from it. Jena's own phased plan names all six quad indexes and fails
     * on a store that has four.
     */
    static DataLoader bulkLoader(DatasetGraph tdb) {
        StoreParams p = TDBInternal.getDatasetGraphTDB(tdb).getStoreParams();
        return new LoaderMain(plan(p), tdb, (format, args) -> { });
    }

    /**
     * Jena's phased loader filling only the primary index of each table: the store's bulk loads,
     * whose other indexes {@link #pack} writes from it. Until then the store must not be read.
     */
    static DataLoader primaryLoader(DatasetGraph tdb) {
        StoreParams p = TDBInternal.getDatasetGraphTDB(tdb).getStoreParams();
        return new LoaderMain(primaryPlan(p), tdb, (format, args) -> { });
    }

    private static LoaderPlan primaryPlan(StoreParams p) {
        return new LoaderPlan(LoaderPlans.loaderPlanPhased.dataInputType(),
                new String[] {p.getPrimaryIndexTriples()}, new String[] {p.getPrimaryIndexQuads()}, new String[0][], new String[0][]);
    }

    static LoaderPlan plan(StoreParams p) {
        return new LoaderPlan(LoaderPlans.loaderPlanPhased.dataInputType(),
                new String[] {p.getPrimaryIndexTriples()}, new String[] {p.getPrimaryIndexQuads()},
                secondaries(p.getTripleIndexes(), p.getPrimaryIndexTriples()),
                secondaries(p.getQuadIndexes(), p.getPrimaryIndexQuads()));
    }

    private static String[][] secondaries(String[] all, String primary) {
        String[] others = Arrays.stream(all).filter(i -> !i.equals(primary)).toArray(String[]::new);
        return others.length == 0 ? new String[0][] : new String[][] {others};
    }

    /**
     * Writes the next generation of the database with every B+tree packed, then switches the store
     * over to it and deletes the current one. The node table's data file is copied as it is (node
     * ids are its offsets); so is every other file a B+tree does not make. Each table's indexes
     * other than its primary are written from the primary's records, so they may be empty before
     * (after a {@link #primaryLoader} load). No transaction may be open, nor begin before this
     * returns.
     */
    static void pack(DatasetGraph tdb) {
        nextGeneration(tdb, StorageLayout::packed);
    }

    /**
     * A database written packed into a folder: its other files copied, the node tables' and
     * primary indexes' B+trees written again from their records, every other index from its
     * table's primary.
     */
    private static void packed(DatasetGraphTDB source, Path into) throws IOException {
        copyOthers(source, into);
        DatasetGraphTDB next = StoreConnection.connectCreate(Location.create(into), source.getStoreParams(), null).getDatasetGraphTDB();
        List<Tree> sources = trees(source);
        List<Tree> targets = trees(next);
        Path runs = into.resolve("sort-runs");
        for (int i = 0; i < sources.size(); i++) {
            Tree t = sources.get(i);
            if (t.from() == i) packInto(t.tree(), targets.get(i).tree());
            else sortInto(sources.get(t.from()), targets.get(i), runs);
        }
        Folders.deleteTree(runs);
        StoreConnection.internalExpel(Location.create(into), true);
    }

    /**
     * Writes the next generation of the database from its quads (Jena's phased loader into a new
     * database with the same indexes, then packed), so that what replaced graphs left behind, in
     * the indexes and in the node table, is gone; then switches over as {@link #pack} does.
     * Jena's own compaction makes the new generation with TDB2's default indexes whatever the
     * store was made with; this keeps the store's.
     */
    static void compact(DatasetGraph tdb) {
        nextGeneration(tdb, (current, into) -> {
            // Inside the -tmp folder, which TDB2 removes if the process stops before the rename.
            Path loaded = Files.createDirectories(into.resolve("load"));
            try {
                DatasetGraphTDB copy = StoreConnection.connectCreate(Location.create(loaded), current.getStoreParams(), null).getDatasetGraphTDB();
                DataLoader loader = new LoaderMain(primaryPlan(current.getStoreParams()), copy, (format, args) -> { });
                loader.startBulk();
                try {
                    Txn.executeRead(current, () -> current.find().forEachRemaining(loader.stream()::quad));
                    loader.finishBulk();
                } catch (RuntimeException e) {
                    loader.finishException(e);
                    throw e;
                }
                Txn.executeWrite(copy, () -> copy.prefixes().putAll(Txn.calculateRead(current, () -> current.prefixes().getMapping())));
                // Packed from the copy, into the folder that becomes the next generation.
                packed(copy, into);
            } finally {
                StoreConnection.internalExpel(Location.create(loaded), true);
                Folders.deleteTree(loaded);
            }
        });
    }

    /** What makes the files of a new generation in a folder, from the current database. */
    private interface GenerationWriter {
        void write(DatasetGraphTDB current, Path into) throws IOException;
    }

    /**
     * Writes the next generation into {@code Data-NNNN-tmp}, renames it {@code Data-NNNN}, points
     * the store at it and deletes the current generation.
     */
    private static void nextGeneration(DatasetGraph tdb, GenerationWriter writer) {
        DatasetGraphSwitchable container = TDBInternal.getDatabaseContainer(tdb);
        DatasetGraphTDB current = TDBInternal.getDatasetGraphTDB(tdb);
        Path currentDir = Path.of(current.getLocation().getDirectoryPath());
        Matcher m = GENERATION.matcher(currentDir.getFileName().toString());
        if (!m.matches()) throw new IllegalStateException("not a TDB2 generation folder: " + currentDir);
        String nextName = String.format("Data-%04d", Integer.parseInt(m.group(1)) + 1);
        Path next = container.getContainerPath().resolve(nextName);
        Path tmp = container.getContainerPath().resolve(nextName + "-tmp");
        TransactionCoordinator old = current.getTxnSystem().getTxnMgr();
        try {
            Folders.deleteTree(tmp);
            Files.createDirectories(tmp);
            // No writer may start while the files are read; readers would see the old generation.
            old.startExclusiveMode();
            try {
                writer.write(current, tmp);
            } finally {
                old.finishExclusiveMode();
            }
            Files.move(tmp, next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the next generation of the store in " + tmp, e);
        }
        DatasetGraphTDB switched = StoreConnection.connectCreate(Location.create(next), current.getStoreParams(), null).getDatasetGraphTDB();
        TransactionCoordinator fresh = switched.getTxnSystem().getTxnMgr();
        fresh.execExclusive(() -> {
            fresh.takeOverFrom(old);
            fresh.modifyConfigDirect(() -> old.listExternals().forEach(fresh::addExternal));
            if (!container.change(current, switched)) container.set(switched);
        });
        old.startExclusiveMode();
        StoreConnection.release(current.getLocation());
        try {
            Folders.deleteTree(currentDir);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(StorageLayout.class).warn("the previous generation {} could not be deleted: {}", currentDir, e.getMessage());
        }
    }

    /**
     * A B+tree of a database: its column order (a tuple index's name, else null) and the place in
     * {@link #trees} of the tree it is written from (itself, or its table's primary index).
     */
    private record Tree(BPlusTree tree, String order, int from) {}

    /** Every B+tree of a database in a fixed order: the node table's, the prefixes', then each tuple index. */
    private static List<Tree> trees(DatasetGraphTDB dsg) {
        List<Tree> out = new ArrayList<>();
        out.add(new Tree(nodeTree(dsg.getTripleTable().getNodeTupleTable().getNodeTable()), null, 0));
        StoragePrefixesTDB prefixes = (StoragePrefixesTDB) dsg.getStoragePrefixes();
        out.add(new Tree(nodeTree(prefixes.getNodeTupleTable().getNodeTable()), null, 1));
        StoreParams p = dsg.getStoreParams();
        addTable(out, dsg.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes(), p.getPrimaryIndexTriples());
        addTable(out, dsg.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes(), p.getPrimaryIndexQuads());
        // The prefixes' few records: each index packed from itself.
        addTable(out, prefixes.getNodeTupleTable().getTupleTable().getIndexes(), null);
        return out;
    }

    /** A table's indexes, each written from the one named {@code primary} (from itself when null). */
    private static void addTable(List<Tree> out, TupleIndex[] indexes, String primary) {
        int first = out.size();
        int from = -1;
        for (int i = 0; i < indexes.length; i++) if (indexes[i].getName().equals(primary)) from = first + i;
        for (int i = 0; i < indexes.length; i++) {
            out.add(new Tree(tree(indexes[i]), indexes[i].getName(), from < 0 ? first + i : from));
        }
    }

    private static BPlusTree tree(TupleIndex index) {
        return (BPlusTree) ((TupleIndexRecord) index).getRangeIndex();
    }

    private static BPlusTree nodeTree(NodeTable table) {
        NodeTable base = table;
        while (base.wrapped() != null && base.wrapped() != base) base = base.wrapped();
        if (!(base instanceof NodeTableTRDF trdf)) throw new IllegalStateException("unexpected node table " + base.getClass());
        return (BPlusTree) trdf.getIndex();
    }

    /** An index written from another's records, rearranged and sorted into its order. */
    private static void sortInto(Tree primary, Tree target, Path runs) {
        TransactionCoordinator reading = CoLib.newCoordinator();
        reading.add(primary.tree());
        CoLib.start(reading);
        Transaction read = reading.begin(TxnType.READ);
        Iterator<Record> sorted;
        try {
            IndexSorter sorter = new IndexSorter(primary.order(), target.order(), target.tree().getRecordFactory(), runs);
            sorted = sorter.sort(primary.tree().iterator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sort the records of " + target.order() + " in " + runs, e);
        } finally {
            read.end();
        }
        write(target.tree(), sorted);
    }

    /** The records of one B+tree, in order, written into the empty tree of the next generation. */
    private static void packInto(BPlusTree source, BPlusTree target) {
        TransactionCoordinator reading = CoLib.newCoordinator();
        reading.add(source);
        CoLib.start(reading);
        Transaction read = reading.begin(TxnType.READ);
        try {
            write(target, source.iterator());
        } finally {
            read.end();
        }
    }

    /** Records in the tree's order written into an empty B+tree; an empty tree stays as the new generation made it. */
    private static void write(BPlusTree target, Iterator<Record> records) {
        if (!records.hasNext()) return;
        TransactionCoordinator writing = CoLib.newCoordinator();
        writing.add(target);
        CoLib.start(writing);
        Transaction write = writing.begin(TxnType.WRITE);
        try {
            BPlusTreeRewriter.packIntoBPlusTree(records, target.getParams(), target.getRecordFactory(),
                    target.getStateManager().getBufferChannel(), target.getNodeManager().getBlockMgr(),
                    target.getRecordsMgr().getBlockMgr());
            write.commit();
        } finally {
            write.end();
        }
    }

    /** The files of a generation no B+tree makes (the node table's data, the journal state) copied as they are. */
    private static void copyOthers(DatasetGraphTDB current, Path into) throws IOException {
        Path from = Path.of(current.getLocation().getDirectoryPath());
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || name.equals("tdb.lock") || name.equals("journal.jrnl")) continue;
                if (name.endsWith(".dat") || name.endsWith(".idn") || name.endsWith(".bpt")) continue;
                Files.copy(f, into.resolve(name));
            }
        }
    }
}
