package org.w3id.fazhi.store;

import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The records of one tuple index in the order of another: each record's columns rearranged, then
 * sorted, in memory when they fit in {@link #memoryBytes()} and else in sorted runs on disk merged
 * as they are read. A B+tree written from them in order is packed ({@link StorageLayout}); this is
 * how TDB2's {@code xloader} builds its secondary indexes, instead of inserting into them one
 * record at a time as the phased loader does.
 *
 * <p>Keys are compared as the B+tree compares them: bytes as unsigned values, in order.
 */
final class IndexSorter {

    private final int[] columns;
    private final int columnBytes;
    private final RecordFactory factory;
    private final Path runs;
    private final long memory;

    /**
     * @param from      the source index's column order, as TDB2 names it ({@code GSPO})
     * @param to        the target index's ({@code SPOG})
     * @param factory   the target tree's records
     * @param runs      a folder for sorted runs, should the records not fit in memory
     */
    IndexSorter(String from, String to, RecordFactory factory, Path runs) {
        this(from, to, factory, runs, memoryBytes());
    }

    /** As above, sorting at most {@code memory} bytes of records in memory at once. */
    IndexSorter(String from, String to, RecordFactory factory, Path runs, long memory) {
        if (from.length() != to.length()) throw new IllegalArgumentException(from + " and " + to + " differ in length");
        this.columns = new int[to.length()];
        for (int i = 0; i < to.length(); i++) {
            columns[i] = from.indexOf(to.charAt(i));
            if (columns[i] < 0) throw new IllegalArgumentException(to + " has a column " + from + " lacks");
        }
        if (factory.keyLength() % to.length() != 0 || factory.hasValue()) {
            throw new IllegalArgumentException("not a tuple index's records: key " + factory.keyLength() + " bytes");
        }
        this.columnBytes = factory.keyLength() / to.length();
        this.factory = factory;
        this.runs = runs;
        this.memory = memory;
    }

    /** How many bytes of records are sorted in memory at once: an eighth of the heap, between 8 and 256 MB. */
    static long memoryBytes() {
        return Math.max(8L << 20, Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8));
    }

    /**
     * The source's records, rearranged and in the target's order. The source is read once, before
     * this returns; the runs it leaves on disk are deleted when the iterator is exhausted.
     */
    Iterator<Record> sort(Iterator<Record> source) throws IOException {
        int keyLength = factory.keyLength();
        // A key as a small array: 16 bytes of header and its bytes, and the reference to it.
        int perChunk = (int) Math.max(1024, Math.min(Integer.MAX_VALUE - 16, memory / (keyLength + 24)));
        List<Path> written = new ArrayList<>();
        byte[][] chunk = new byte[Math.min(perChunk, 1 << 16)][];
        int n = 0;
        while (source.hasNext()) {
            byte[] key = source.next().getKey();
            byte[] moved = new byte[keyLength];
            for (int i = 0; i < columns.length; i++) {
                System.arraycopy(key, columns[i] * columnBytes, moved, i * columnBytes, columnBytes);
            }
            if (n == chunk.length) {
                if (n == perChunk) {
                    written.add(writeRun(chunk, n, written.size()));
                    n = 0;
                } else {
                    chunk = Arrays.copyOf(chunk, (int) Math.min(perChunk, 2L * chunk.length));
                }
            }
            chunk[n++] = moved;
        }
        Arrays.sort(chunk, 0, n, Arrays::compareUnsigned);
        if (written.isEmpty()) return records(Arrays.asList(chunk).subList(0, n).iterator());
        written.add(writeRun(chunk, n, written.size()));
        return records(new Merge(written, keyLength));
    }

    private Iterator<Record> records(Iterator<byte[]> keys) {
        return new Iterator<>() {
            @Override public boolean hasNext() { return keys.hasNext(); }
            @Override public Record next() { return factory.create(keys.next()); }
        };
    }

    /** Sorts the first {@code n} keys and writes them to a file of their own. */
    private Path writeRun(byte[][] keys, int n, int number) throws IOException {
        Arrays.sort(keys, 0, n, Arrays::compareUnsigned);
        Files.createDirectories(runs);
        Path file = runs.resolve("run-" + number);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = 0; i < n; i++) {
                out.write(keys[i]);
                keys[i] = null;
            }
        }
        return file;
    }

    /** The runs' keys merged in order; each run's file is deleted once read to its end. */
    private static final class Merge implements Iterator<byte[]> {
        private record Head(byte[] key, DataInputStream in, Path file) {}

        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> Arrays.compareUnsigned(a.key, b.key));
        private final int keyLength;

        Merge(List<Path> files, int keyLength) throws IOException {
            this.keyLength = keyLength;
            for (Path f : files) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16));
                advance(in, f);
            }
        }

        private void advance(DataInputStream in, Path file) {
            try {
                byte[] key = new byte[keyLength];
                try {
                    in.readFully(key);
                } catch (EOFException end) {
                    in.close();
                    Files.deleteIfExists(file);
                    return;
                }
                heads.add(new Head(key, in, file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sorted run " + file, e);
            }
        }

        @Override
        public boolean hasNext() { return !heads.isEmpty(); }

        @Override
        public byte[] next() {
            Head h = heads.poll();
            if (h == null) throw new NoSuchElementException();
            advance(h.in, h.file);
            return h.key;
        }
    }
}
