package org.w3id.fazhi.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.w3id.fazhi.bench.BenchContext.javaBin;
import static org.w3id.fazhi.bench.BenchContext.round;
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
        String cp = System.getProperty("java.class.path");
        Map<String, String> figures = child(List.of(javaBin(), "-Xmx" + HEAP_MB + "m", "-cp", cp, DocumentChild.class.getName(),
                document.toString(), Integer.toString(RUNS)));
        if (!"0".equals(figures.get("exit"))) {
            throw new IllegalStateException("the document benchmark failed in -Xmx" + HEAP_MB + "m: " + figures.get("last"));
        }
        long t0 = System.nanoTime();
        Map<String, String> command = child(List.of(javaBin(), "-Xmx" + HEAP_MB + "m", "-cp", cp, "org.w3id.fazhi.cli.Fazhi",
                "extract", document.toString(), "--format", "jsonl", "-o", ctx.work.resolve("document.jsonl").toString()));
        double commandS = secs(t0);
        if (!"0".equals(command.get("exit"))) throw new IllegalStateException("fazhi extract " + document + " failed: " + command.get("last"));
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

    /** Runs a child JVM; its "name value" lines, its exit code and last line. */
    private static Map<String, String> child(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> out = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.put("last", line);
                int sp = line.indexOf(' ');
                if (sp > 0 && line.substring(0, sp).matches("[a-z_]+")) out.put(line.substring(0, sp), line.substring(sp + 1).trim());
            }
        }
        out.put("exit", Integer.toString(p.waitFor()));
        return out;
    }

    private static Double number(Map<String, String> figures, String name) {
        String v = figures.get(name);
        if (v == null) throw new IllegalStateException("the document benchmark gave no " + name);
        return round(Double.parseDouble(v));
    }
}
