package org.w3id.fazhi.bench;

import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.LoadSummary;
import org.w3id.fazhi.store.StoreLoader;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;

/** The child JVM of the memory benchmark: loads a folder into a store, then prints its peak heap. */
public final class LoadChild {
    private LoadChild() {}

    public static void main(String[] args) {
        LoadSummary s;
        try (KnowledgeStore store = KnowledgeStore.builder().folder(Path.of(args[0])).build()) {
            s = StoreLoader.builder().store(store).build().load(List.of(args[1]));
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) peak += pool.getPeakUsage().getUsed();
        }
        System.out.println("loaded " + s.loaded().size() + " problems " + s.problems().size());
        System.out.printf("peak_heap_mb %.1f%n", peak / 1048576.0);
        System.exit(s.problems().isEmpty() ? 0 : 1);
    }
}
