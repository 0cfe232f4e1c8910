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

    /** Makes the small store in {@code db}; the figures when {@code measure}, else null. */
    static BenchResult.Load run(BenchContext ctx, Path db, boolean measure) throws IOException {
        List<Path> files = ctx.smallFiles();
        deleteTree(db);
        List<String> inputs = files.stream().map(Path::toString).toList();
        long t0 = System.nanoTime();
        LoadSummary summary;
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            summary = StoreLoader.builder().store(store).build().load(inputs);
        }
        double ours = secs(t0);
        if (!summary.problems().isEmpty()) say("load problems: %s", summary.problems().get(0).message());
        if (!measure) return null;
        // the same quads, as N-Quads, into a fresh TDB2 with Jena's bulk loader
        Path nq = ctx.work.resolve("load-" + files.size() + ".nq");
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build();
             OutputStream o = Files.newOutputStream(nq)) {
            Txn.executeRead(store.dataset(), () -> RDFDataMgr.write(o, store.dataset().asDatasetGraph(), Lang.NQUADS));
        }
        Path bulkDb = ctx.work.resolve("bulk-" + files.size());
        // Jena's default loader into a default TDB2 (six quad indexes), as the first figures were taken ...
        deleteTree(bulkDb);
        t0 = System.nanoTime();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(bulkDb.toString());
        long quads = bulkLoad(LoaderFactory.createLoader(dsg, (format, args) -> { }), dsg, nq);
        double bulk = secs(t0);
        // ... and Jena's phased loader into a TDB2 laid out as the store is (four quad indexes).
        deleteTree(bulkDb);
        t0 = System.nanoTime();
        DatasetGraph sameDsg = StoreLoader.databaseLikeAStore(bulkDb);
        bulkLoad(StoreLoader.bulkLoaderLikeAStore(sameDsg), sameDsg, nq);
        double bulkSame = secs(t0);
        ctx.row("load " + files.size() + " reports", String.format("extract+load %.1f s; TDB2 bulk loader alone %.1f s into six quad indexes,"
                        + " %.1f s into the store's four (%d quads, no text index)", ours, bulk, bulkSame, quads),
                String.format("ratio %.2f against six, %.2f against four (goal <= 1.2)", ours / bulk, ours / bulkSame));
        Files.deleteIfExists(nq);
        deleteTree(bulkDb);
        return new BenchResult.Load(files.size(), round(ours), round(bulk), quads, round(ours / bulk), round(bulkSame), round(ours / bulkSame));
    }
}
