package org.w3id.fazhi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest heap in use, sampled every 20 ms on a daemon thread from {@link #start()} to
 * {@link #stop()}: what the benchmarks' child JVMs report as their peak heap.
 */
final class HeapSampler {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread = new Thread(this::sample, "heap-sampler");

    static HeapSampler start() {
        HeapSampler s = new HeapSampler();
        s.thread.setDaemon(true);
        s.thread.start();
        return s;
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling; the peak in MB, the heap in use now included. */
    double stop() {
        thread.interrupt();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return peak.get() / 1048576.0;
    }
}
