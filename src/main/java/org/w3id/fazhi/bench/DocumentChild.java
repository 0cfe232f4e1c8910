package org.w3id.fazhi.bench;

import org.w3id.fazhi.extract.ExtractedReport;
import org.w3id.fazhi.extract.Extractor;
import org.w3id.fazhi.extract.ReportSummary;
import org.w3id.fazhi.source.SourceDocument;
import org.w3id.fazhi.source.SourceReader;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of the document benchmark, run in a small heap: builds the extractor (the
 * vocabularies, the gazetteer, the dictionaries: what every command pays once), then reads and
 * extracts one document, first in the new JVM and then again, and prints each time and the peak
 * heap (sampled every 20 ms, as {@link LoadChild} does).
 */
public final class DocumentChild {
    private DocumentChild() {}

    public static void main(String[] args) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        String file = args[0];
        int runs = Integer.parseInt(args[1]);
        long t0 = System.nanoTime();
        Extractor extractor = Extractor.builder().build();
        SourceReader reader = SourceReader.builder().build();
        double startup = ms(t0);
        double[] times = new double[runs + 1];
        int facts = 0, chars = 0;
        for (int i = 0; i <= runs; i++) {
            long t = System.nanoTime();
            SourceDocument doc = reader.readOne(file);
            ExtractedReport report = extractor.extract(doc);
            times[i] = ms(t);
            facts = ReportSummary.of(report).path("facts").size();
            chars = doc.text().length();
        }
        sampler.interrupt();
        double[] warm = Arrays.copyOfRange(times, 1, times.length);
        Arrays.sort(warm);
        System.out.printf("startup_ms %.1f%n", startup);
        System.out.printf("first_ms %.1f%n", times[0]);
        System.out.printf("warm_ms %.1f%n", warm.length == 0 ? Double.NaN : warm[warm.length / 2]);
        System.out.printf("peak_heap_mb %.1f%n", peak.get() / 1048576.0);
        System.out.println("facts " + facts);
        System.out.println("chars " + chars);
    }

    private static double ms(long t0) { return (System.nanoTime() - t0) / 1e6; }
}
