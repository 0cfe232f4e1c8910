package org.w3id.fazhi.bench;

import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLoader;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of the memory benchmark: loads a folder into a store, then prints its peak heap.
 *
 * <p>The peak is the largest heap in use seen by sampling every 20 ms. Adding up each memory
 * pool's own peak, as the pools report them, overstates it: eden, survivor and old space peak at
 * different moments, and the sum can exceed the heap limit.
 *
 * <p>A collector given 512 MB lets garbage fill most of it before collecting, so the sampled peak
 * is near the limit for any long load. The heap left in use after each collection is printed too
 * (the largest, from the collectors' notifications: survivor and old space after each, what a GC
 * log's "before->after" gives); it is an upper bound of what the load keeps, since a young
 * collection leaves the old space's garbage in place. Whether a load fits a smaller heap is told
 * only by running it in one.
 */
public final class LoadChild {
    private LoadChild() {}

    /** The heap's pools by name (the collectors also report code cache and metaspace). */
    private static boolean isHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == java.lang.management.MemoryType.HEAP);
    }

    public static void main(String[] args) {
        HeapSampler sampler = HeapSampler.start();
        AtomicLong live = new AtomicLong();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof javax.management.NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((n, h) -> {
                if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
                // Without the young space: G1's concurrent cycles report it as it stands, not emptied.
                long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> isHeap(e.getKey()) && !e.getKey().contains("Eden"))
                        .mapToLong(e -> e.getValue().getUsed()).sum();
                live.accumulateAndGet(after, Math::max);
            }, null, null);
        }
        LoadSummary s;
        try (KnowledgeStore store = KnowledgeStore.builder().folder(Path.of(args[0])).build()) {
            s = StoreLoader.builder().store(store).build().load(List.of(args[1]));
        }
        double peak = sampler.stop();
        System.out.println("loaded " + s.loaded().size() + " problems " + s.problems().size());
        System.out.printf("peak_heap_mb %.1f%n", peak);
        System.out.printf("live_heap_mb %.1f%n", live.get() / 1048576.0);
        System.exit(s.problems().isEmpty() ? 0 : 1);
    }
}
