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
        deleteTree(bulkDb);
        t0 = System.nanoTime();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(bulkDb.toString());
        long quads;
        try {
            DataLoader loader = LoaderFactory.createLoader(dsg, (format, args) -> { });
            loader.startBulk();
            try {
                loader.load(nq.toString());
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            quads = loader.countQuads();
        } finally {
            TDBInternal.expel(dsg);
        }
        double bulk = secs(t0);
        ctx.row("load " + files.size() + " reports", String.format("extract+load %.1f s, bulk loader %.1f s (%d quads, no text index)", ours, bulk, quads),
                String.format("ratio %.2f (goal <= 1.5)", ours / bulk));
        Files.deleteIfExists(nq);
        deleteTree(bulkDb);
        return new BenchResult.Load(files.size(), round(ours), round(bulk), quads, round(ours / bulk));
    }
}
