package org.w3id.fazhi.bench;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.store.KnowledgeStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.w3id.fazhi.util.Folders.deleteTree;
import static org.w3id.fazhi.bench.BenchContext.du;
import static org.w3id.fazhi.bench.BenchContext.childJvm;
import static org.w3id.fazhi.bench.BenchContext.round;
import static org.w3id.fazhi.bench.BenchContext.runChild;
import static org.w3id.fazhi.bench.BenchContext.secs;

/**
 * The memory phase: loads the whole corpus in a child JVM with {@value #HEAP_MB} MB of heap
 * ({@link LoadChild}) and reads its peak heap, and measures the store on disk (each of its folders,
 * and per report). The store it makes is the large store the later phases use.
 */
final class MemoryPhase {

    /** The heap the large load is given. */
    static final int HEAP_MB = 400;

    private MemoryPhase() {}

    static BenchResult.Memory run(BenchContext ctx, Path db) throws IOException, InterruptedException {
        deleteTree(db);
        long t0 = System.nanoTime();
        BenchContext.ChildRun child = runChild(childJvm(HEAP_MB, LoadChild.class.getName(), db.toString(), ctx.corpus.toString()));
        String peak = child.figures().get("peak_heap_mb"), live = child.figures().get("live_heap_mb"), last = child.last();
        int exit = child.exit();
        double s = secs(t0);
        java.util.Map<String, Double> parts = new java.util.LinkedHashMap<>();
        for (String part : List.of("tdb2", "text", "answers")) parts.put(part, round(du(db.resolve(part)) / 1e6));
        double perReport = du(db) / 1e6 / ctx.reports;
        BenchResult.Memory figures = new BenchResult.Memory(exit == 0, round(s), peak == null ? null : Double.parseDouble(peak),
                live == null ? null : Double.parseDouble(live), round(du(db) / 1e6), HEAP_MB, round(perReport), parts);
        ctx.row("load " + ctx.reports + " reports, -Xmx" + HEAP_MB + "m", exit == 0 ? String.format("completed in %.0f s, peak heap %s MB (largest after a GC %s MB), "
                        + "store %.0f MB on disk, %.3f MB a report (%s)", s, peak, live, du(db) / 1e6, perReport, parts)
                : "FAILED (exit " + exit + "): " + last, "goal: completes; <= 0.4 MB a report");
        if (exit != 0) throw new IllegalStateException("the -Xmx" + HEAP_MB + "m load failed: " + last);
        return figures;
    }

    /** How many report graphs a store made by an earlier run holds (0 when there is none). */
    static long reportsIn(Path db) {
        if (!Files.isDirectory(db.resolve("tdb2"))) return 0;
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            String count = "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH <" + store.graphs().meta() + "> { ?g <"
                    + FZ.sourceFile.getURI() + "> ?s } FILTER (STRSTARTS(STR(?g), \"" + store.graphs().base() + "graph/report/\")) }";
            return Txn.calculateRead(store.dataset(), () -> {
                try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(count).build()) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
        }
    }
}
