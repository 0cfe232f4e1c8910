package org.w3id.fazhi.bench;

import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLoader;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of the memory benchmark: loads a folder into a store, then prints its peak heap.
 *
 * <p>The peak is the largest heap in use seen by sampling every 20 ms. Adding up each memory
 * pool's own peak, as the pools report them, overstates it: eden, survivor and old space peak at
 * different moments, and the sum can exceed the heap limit.
 */
public final class LoadChild {
    private LoadChild() {}

    public static void main(String[] args) {
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
        LoadSummary s;
        try (KnowledgeStore store = KnowledgeStore.builder().folder(Path.of(args[0])).build()) {
            s = StoreLoader.builder().store(store).build().load(List.of(args[1]));
        }
        sampler.interrupt();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        System.out.println("loaded " + s.loaded().size() + " problems " + s.problems().size());
        System.out.printf("peak_heap_mb %.1f%n", peak.get() / 1048576.0);
        System.exit(s.problems().isEmpty() ? 0 : 1);
    }
}
