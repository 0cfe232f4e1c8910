package org.w3id.fazhi.bench;

import java.io.IOException;
import java.nio.file.Path;

import static org.w3id.fazhi.bench.BenchContext.childJvm;
import static org.w3id.fazhi.bench.BenchContext.round;
import static org.w3id.fazhi.bench.BenchContext.runChild;
import static org.w3id.fazhi.bench.BenchContext.secs;

/**
 * The document phase: one document (an office suite's PDF, say) read and extracted in a JVM with
 * {@value #HEAP_MB} MB of heap, timed in the process ({@link DocumentChild}: the extractor's
 * start-up, the first document, the document again) and as the {@code extract} command a user
 * runs (a new JVM, start-up included).
 */
final class DocumentPhase {

    static final int HEAP_MB = 256;
    static final int RUNS = 5;

    private DocumentPhase() {}

    static BenchResult.Document run(BenchContext ctx, Path document) throws IOException, InterruptedException {
        BenchContext.ChildRun figures = runChild(childJvm(HEAP_MB, DocumentChild.class.getName(), document.toString(), Integer.toString(RUNS)));
        if (!figures.ok()) throw new IllegalStateException("the document benchmark failed in -Xmx" + HEAP_MB + "m: " + figures.last());
        long t0 = System.nanoTime();
        BenchContext.ChildRun command = runChild(childJvm(HEAP_MB, "org.w3id.fazhi.cli.Fazhi",
                "extract", document.toString(), "--format", "jsonl", "-o", ctx.work.resolve("document.jsonl").toString()));
        double commandS = secs(t0);
        if (!command.ok()) throw new IllegalStateException("fazhi extract " + document + " failed: " + command.last());
        BenchResult.Document d = new BenchResult.Document(document.getFileName().toString(), HEAP_MB,
                number(figures, "startup_ms"), number(figures, "first_ms"), number(figures, "warm_ms"),
                number(figures, "peak_heap_mb"), round(commandS * 1000), (int) (double) number(figures, "facts"));
        ctx.row("document " + document.getFileName() + ", -Xmx" + HEAP_MB + "m",
                String.format("read and extracted in %.0f ms in a new JVM, %.0f ms again (median of %d); extractor start-up (a one-line text) %.0f ms; "
                                + "peak heap %.0f MB; `fazhi extract` %.2f s wall, start-up included; %d facts",
                        d.firstMs(), d.warmMs(), RUNS, d.startupMs(), d.peakHeapMb(), commandS, d.facts()),
                "goal: < 2 s in -Xmx256m");
        return d;
    }

    private static Double number(BenchContext.ChildRun child, String name) {
        String v = child.figures().get(name);
        if (v == null) throw new IllegalStateException("the document benchmark gave no " + name);
        return round(Double.parseDouble(v));
    }
}
