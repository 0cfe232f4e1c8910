package org.w3id.fazhi.bench;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLoader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.w3id.fazhi.util.Folders.deleteTree;
import static org.w3id.fazhi.bench.BenchContext.round;
import static org.w3id.fazhi.bench.BenchContext.say;
import static org.w3id.fazhi.bench.BenchContext.secs;

/**
 * The load phase: extracts and loads the small corpus into a fresh store (which the query phase
 * also needs), then, when measured, loads the same quads with Jena's bulk loader for comparison.
 */
final class LoadPhase {

    private LoadPhase() {}

    /** Loads an N-Quads file with a bulk loader and releases its database; the quads loaded. */
    private static long bulkLoad(DataLoader loader, DatasetGraph dsg, Path nq) {
        try {
            loader.startBulk();
            try {
                loader.load(nq.toString());
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            return loader.countQuads();
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /** Extracts and loads the reports into a new store in {@code db}; the seconds taken. */
    private static double load(Path db, List<String> inputs) throws IOException {
        deleteTree(db);
        long t0 = System.nanoTime();
        LoadSummary summary;
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            summary = StoreLoader.builder().store(store).build().load(inputs);
        }
        double seconds = secs(t0);
        if (!summary.problems().isEmpty()) say("load problems: %s", summary.problems().get(0).message());
        return seconds;
    }

    /** Seconds a bulk load took, and the quads it loaded. */
    private record Bulk(double seconds, long quads) {}

    /**
     * The N-Quads loaded into a new TDB2 by Jena's default loader into six quad indexes, or, with
     * {@code likeTheStore}, by its phased loader into a TDB2 laid out as the store is (four).
     */
    private static Bulk bulk(Path bulkDb, Path nq, boolean likeTheStore) throws IOException {
        deleteTree(bulkDb);
        long t0 = System.nanoTime();
        DatasetGraph dsg = likeTheStore ? StoreLoader.databaseLikeAStore(bulkDb) : DatabaseMgr.connectDatasetGraph(bulkDb.toString());
        DataLoader loader = likeTheStore ? StoreLoader.bulkLoaderLikeAStore(dsg) : LoaderFactory.createLoader(dsg, (format, args) -> { });
        long quads = bulkLoad(loader, dsg, nq);
        double seconds = secs(t0);
        deleteTree(bulkDb);
        return new Bulk(seconds, quads);
    }

    /**
     * Makes the small store in {@code db}; the figures when {@code measure}, else null. Measured,
     * each of the three loads runs twice: the first time in this JVM, as a command runs it (ours
     * first, so Jena's loader then finds TDB2's code compiled), and again, each with its code
     * compiled.
     */
    static BenchResult.Load run(BenchContext ctx, Path db, boolean measure) throws IOException {
        List<Path> files = ctx.smallFiles();
        List<String> inputs = files.stream().map(Path::toString).toList();
        double ours = load(db, inputs);
        if (!measure) return null;
        // the same quads, as N-Quads, into a fresh TDB2 with Jena's bulk loader
        Path nq = ctx.work.resolve("load-" + files.size() + ".nq");
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build();
             OutputStream o = Files.newOutputStream(nq)) {
            Txn.executeRead(store.dataset(), () -> RDFDataMgr.write(o, store.dataset().asDatasetGraph(), Lang.NQUADS));
        }
        Path bulkDb = ctx.work.resolve("bulk-" + files.size());
        Bulk six = bulk(bulkDb, nq, false);
        double bulk = six.seconds();
        long quads = six.quads();
        double bulkSame = bulk(bulkDb, nq, true).seconds();
        ctx.row("load " + files.size() + " reports", String.format("extract+load %.1f s; TDB2 bulk loader alone %.1f s into six quad indexes,"
                        + " %.1f s into the store's four (%d quads, no text index)", ours, bulk, bulkSame, quads),
                String.format("ratio %.2f against six, %.2f against four (goal <= 1.2)", ours / bulk, ours / bulkSame));
        // Each again, its code compiled: a large load spends most of its time so.
        double oursWarm = load(ctx.work.resolve("load-warm-" + files.size()), inputs);
        deleteTree(ctx.work.resolve("load-warm-" + files.size()));
        double bulkWarm = bulk(bulkDb, nq, false).seconds();
        double bulkSameWarm = bulk(bulkDb, nq, true).seconds();
        ctx.row("load " + files.size() + " reports, again", String.format("extract+load %.1f s; TDB2 bulk loader alone %.1f s into six,"
                        + " %.1f s into four (each the second time in this JVM)", oursWarm, bulkWarm, bulkSameWarm),
                String.format("ratio %.2f against six, %.2f against four", oursWarm / bulkWarm, oursWarm / bulkSameWarm));
        Files.deleteIfExists(nq);
        return new BenchResult.Load(files.size(), round(ours), round(bulk), quads, round(ours / bulk), round(bulkSame), round(ours / bulkSame),
                round(oursWarm), round(bulkWarm), round(oursWarm / bulkWarm), round(bulkSameWarm), round(oursWarm / bulkSameWarm));
    }
}
