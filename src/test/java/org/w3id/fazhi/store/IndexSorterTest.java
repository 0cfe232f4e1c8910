package org.w3id.fazhi.store;

import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A primary index's records come out rearranged into another index's order and sorted as the
 * B+tree sorts them, whether they fit in memory or go through runs on disk.
 */
class IndexSorterTest {

    private static final RecordFactory QUADS = new RecordFactory(32, 0);

    /** A GSPO record of four node ids, some with the high bit set (unsigned order matters). */
    private static Record gspo(long g, long s, long p, long o) {
        return QUADS.create(ByteBuffer.allocate(32).putLong(g).putLong(s).putLong(p).putLong(o).array());
    }

    private static List<Record> quads(int n, long seed) {
        Random r = new Random(seed);
        TreeSet<Record> sorted = new TreeSet<>(Record::compareByKey);
        while (sorted.size() < n) {
            // Few graphs and predicates, as in a store; ids with the top bit set are inline values.
            sorted.add(gspo(r.nextInt(20), r.nextLong() >>> r.nextInt(64), r.nextInt(30) | (r.nextBoolean() ? Long.MIN_VALUE : 0), r.nextLong()));
        }
        return new ArrayList<>(sorted);
    }

    /** What the target index must hold: each record rearranged to SPOG, in unsigned byte order. */
    private static List<byte[]> expected(List<Record> gspo, String to) {
        List<byte[]> out = new ArrayList<>();
        for (Record rec : gspo) {
            ByteBuffer in = ByteBuffer.wrap(rec.getKey());
            ByteBuffer moved = ByteBuffer.allocate(32);
            for (char c : to.toCharArray()) moved.putLong(in.getLong(8 * "GSPO".indexOf(c)));
            out.add(moved.array());
        }
        out.sort(java.util.Arrays::compareUnsigned);
        return out;
    }

    private static void check(List<byte[]> expected, Iterator<Record> got) {
        for (byte[] e : expected) {
            assertTrue(got.hasNext());
            assertArrayEquals(e, got.next().getKey());
        }
        assertFalse(got.hasNext());
    }

    @Test
    void inMemory(@TempDir Path dir) throws Exception {
        List<Record> records = quads(20_000, 1);
        for (String to : List.of("SPOG", "POSG", "OSPG", "GSPO")) {
            check(expected(records, to), new IndexSorter("GSPO", to, QUADS, dir.resolve("runs")).sort(records.iterator()));
        }
        assertFalse(Files.exists(dir.resolve("runs")), "nothing written to disk");
    }

    @Test
    void throughRunsOnDisk(@TempDir Path dir) throws Exception {
        // Five times as many records as the sorter holds in memory at once: runs on disk, merged.
        long memory = 1024 * (32 + 24);
        List<Record> records = quads(5 * 1024 + 123, 2);
        Path runs = dir.resolve("runs");
        Iterator<Record> sorted = new IndexSorter("GSPO", "POSG", QUADS, runs, memory).sort(records.iterator());
        try (var files = Files.list(runs)) {
            assertEquals(6, files.count(), "six runs");
        }
        check(expected(records, "POSG"), sorted);
        try (var files = Files.list(runs)) {
            assertEquals(0, files.count(), "the runs are deleted once read");
        }
    }

    @Test
    void indexesOfOtherColumnsAreRefused(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> new IndexSorter("GSPO", "SPO", QUADS, dir));
        assertThrows(IllegalArgumentException.class, () -> new IndexSorter("GSPO", "SPOX", QUADS, dir));
    }
}
