package org.w3id.fazhi.bench;

import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.ExtractionResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The child JVM of the document benchmark, run in a small heap: first a one-line text (which
 * builds the extractor: the vocabularies, the gazetteer, the dictionaries, what every command pays
 * once), then the document, first in the new JVM and then again; prints each time, the document's
 * facts and the peak heap ({@link HeapSampler}).
 */
public final class DocumentChild {
    private DocumentChild() {}

    public static void main(String[] args) throws Exception {
        HeapSampler sampler = HeapSampler.start();
        String file = args[0];
        int runs = Integer.parseInt(args[1]);
        ExtractionPipeline pipeline = ExtractionPipeline.builder().threads(1).build();
        Path tiny = Files.createTempFile("fazhi-bench-", ".txt");
        double startup;
        try {
            Files.writeString(tiny, "某县人民政府关于2023年法治政府建设情况的报告\n", StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            extract(pipeline, tiny.toString());
            startup = ms(t0);
        } finally {
            Files.deleteIfExists(tiny);
        }
        double[] times = new double[runs + 1];
        int facts = 0;
        for (int i = 0; i <= runs; i++) {
            long t = System.nanoTime();
            facts = extract(pipeline, file);
            times[i] = ms(t);
        }
        double peak = sampler.stop();
        double[] warm = Arrays.copyOfRange(times, 1, times.length);
        Arrays.sort(warm);
        System.out.printf("startup_ms %.1f%n", startup);
        System.out.printf("first_ms %.1f%n", times[0]);
        System.out.printf("warm_ms %.1f%n", warm.length == 0 ? Double.NaN : warm[warm.length / 2]);
        System.out.printf("peak_heap_mb %.1f%n", peak);
        System.out.println("facts " + facts);
    }

    /** Reads and extracts one input; its facts. */
    private static int extract(ExtractionPipeline pipeline, String input) {
        try (ExtractionPipeline.Run run = pipeline.run(List.of(input))) {
            ExtractionResult r = run.next();
            if (r instanceof ExtractionResult.Extracted e) return e.summary().path("facts").size();
            throw new IllegalStateException(input + " was not extracted: " + r);
        }
    }

    private static double ms(long t0) { return (System.nanoTime() - t0) / 1e6; }
}
