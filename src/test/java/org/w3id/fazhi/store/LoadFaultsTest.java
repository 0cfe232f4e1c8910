package org.w3id.fazhi.store;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.bench.CorpusGenerator;
import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.rdf.FZ;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A load that is killed ({@code kill -9}) in the middle, on the bulk path (a new store) and on
 * the transactional path (a store that already holds reports), a store folder that cannot be
 * written, and a full disk. The load runs as {@code fazhi load} in a child JVM; afterwards the
 * store must open, be consistent (every report graph has its metadata record and every record
 * its graph) and hold exactly what was committed, and loading again must complete it.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LoadFaultsTest {

    static final int REPORTS = 40;
    static Path corpus;
    static Path root;

    @BeforeAll
    static void corpus() throws IOException {
        root = Files.createTempDirectory("fazhi-faults-");
        corpus = root.resolve("corpus");
        CorpusGenerator.fromReports(Path.of("data/reports")).generate(REPORTS, 13, corpus);
    }

    /** {@code fazhi load} in a child JVM; its output goes to {@code log}. */
    static Process load(Path db, Path input, Path log) throws IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.w3id.fazhi.cli.Fazhi", "load", "--db", db.toString(), input.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The report graphs and the graphs with a metadata record must be the same set; returns it. */
    static Set<String> consistentReports(Path db) {
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            return consistentReports(store);
        }
    }

    static Set<String> consistentReports(KnowledgeStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            DatasetGraph dsg = store.dataset().asDatasetGraph();
            String meta = store.graphs().meta();
            Set<String> graphs = new TreeSet<>();
            dsg.listGraphNodes().forEachRemaining(g -> {
                if (g.getURI().contains("/graph/report/")) graphs.add(g.getURI());
            });
            Set<String> records = new TreeSet<>();
            dsg.find(org.apache.jena.graph.NodeFactory.createURI(meta), Node.ANY, FZ.contentHash.asNode(), Node.ANY)
                    .forEachRemaining(q -> {
                        if (q.getSubject().getURI().contains("/graph/report/")) records.add(q.getSubject().getURI());
                    });
            assertEquals(graphs, records, "report graphs and metadata records differ");
            return graphs;
        });
    }

    static int runToEnd(Path db, Path input, Path log) throws Exception {
        Process p = load(db, input, log);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "load did not finish");
        return p.exitValue();
    }

    /** Kills a load after each delay; each time the store is consistent and holds none or all, and the next load completes it. */
    private void killAndReload(Path work, boolean fresh) throws Exception {
        List<String> seen = new ArrayList<>();
        for (long delay : new long[] {2500, 5000, 8000}) {
            Path db = work.resolve("db-" + delay);
            int before = 0;
            if (!fresh) {
                try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
                    StoreLoader.builder().store(store).build().load(List.of("data/reports"));
                    before = consistentReports(store).size();
                }
                assertEquals(5, before);
            }
            Process p = load(db, corpus, work.resolve("load-" + delay + ".log"));
            boolean ended = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!ended) {
                p.destroyForcibly(); // SIGKILL
                p.waitFor();
            }
            Set<String> after = consistentReports(db);
            // One transaction (or one bulk load) per load: all of it or none of it.
            assertTrue(after.size() == before || after.size() == before + REPORTS,
                    "killed after " + delay + " ms: " + after.size() + " reports");
            seen.add(delay + " ms: " + (ended ? "finished" : "killed") + " with " + after.size());
            assertEquals(0, runToEnd(db, corpus, work.resolve("again-" + delay + ".log")), Files.readString(work.resolve("again-" + delay + ".log")));
            assertEquals(before + REPORTS, consistentReports(db).size());
        }
        System.out.println((fresh ? "bulk" : "transactional") + " load killed: " + seen);
    }

    /**
     * The phased bulk loader is not a transaction: killed while it builds its second indexes, it
     * leaves a graph in one index and its record not yet in another. The file it leaves while it
     * runs says so; the next opening empties the store (it held nothing before), deterministically
     * here rather than by the timing of a kill.
     */
    @Test
    void aStoreLeftByAnUnfinishedBulkLoadIsEmptiedWhenOpened(@TempDir Path work) throws Exception {
        Path db = work.resolve("db");
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            StoreLoader.builder().store(store).build().load(List.of("data/reports"));
            assertEquals(5, consistentReports(store).size());
            assertTrue(Files.notExists(db.resolve(KnowledgeStore.BULK_MARKER)), "a finished bulk load removes its file");
        }
        Files.writeString(db.resolve(KnowledgeStore.BULK_MARKER), "as a killed load leaves it");
        assertEquals(0, consistentReports(db).size());
        assertTrue(Files.notExists(db.resolve(KnowledgeStore.BULK_MARKER)));
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            assertEquals(5, StoreLoader.builder().store(store).build().load(List.of("data/reports")).loaded().size());
            assertEquals(5, consistentReports(store).size());
        }
    }

    /**
     * A load killed while TDB2 was still creating a new store's files left index files whose blocks
     * were never written, and the next load failed on them ("No known block type for 0", once under
     * heavy load). A new store is now created under the file a bulk load leaves, so an unfinished
     * creation is emptied like an unfinished bulk load. Shown without timing a kill: a creation that
     * stops halfway (TDB2 refuses its settings file) leaves that file, and the next opening
     * empties the half-made store and loads into it.
     */
    @Test
    void aStoreWhoseCreationStoppedHalfwayIsEmptiedWhenOpened(@TempDir Path work) throws Exception {
        Path db = work.resolve("db");
        // A folder where TDB2's lock file should be: the creation fails on it.
        Files.createDirectories(db.resolve("tdb2").resolve("tdb.lock"));
        try {
            KnowledgeStore.builder().folder(db).build().close();
            throw new AssertionError("TDB2 created a store without its lock file");
        } catch (RuntimeException expected) {
            // the creation stopped
        }
        assertTrue(Files.exists(db.resolve(KnowledgeStore.BULK_MARKER)), "the creation was under way with its file written");
        // A store whose index blocks were never written, as a kill during the creation leaves it.
        Files.delete(db.resolve("tdb2").resolve("tdb.lock"));
        Path storage = Files.createDirectories(db.resolve("tdb2").resolve("Data-0001"));
        for (String f : List.of("GSPO.dat", "GSPO.idn", "OSPG.dat", "OSPG.idn", "nodes.dat", "nodes.idn")) {
            Files.write(storage.resolve(f), new byte[8192]);
        }
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            assertTrue(Files.notExists(db.resolve(KnowledgeStore.BULK_MARKER)));
            assertEquals(5, StoreLoader.builder().store(store).build().load(List.of("data/reports")).loaded().size());
            assertEquals(5, consistentReports(store).size());
        }
        // Opening a store that exists writes no such file.
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            assertTrue(Files.notExists(db.resolve(KnowledgeStore.BULK_MARKER)));
            assertEquals(5, consistentReports(store).size());
        }
    }

    @Test
    void aBulkLoadKilledMidwayLeavesAConsistentStoreAndTheNextLoadCompletesIt(@TempDir Path work) throws Exception {
        killAndReload(work, true);
    }

    @Test
    void aTransactionalLoadKilledMidwayLeavesAConsistentStoreAndTheNextLoadCompletesIt(@TempDir Path work) throws Exception {
        killAndReload(work, false);
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    static boolean sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void aStoreFolderThatCannotBeWrittenIsAClearErrorAndStaysAsItWas(@TempDir Path work) throws Exception {
        Path db = work.resolve("db");
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            StoreLoader.builder().store(store).build().load(List.of("data/reports"));
        }
        Set<String> before = consistentReports(db);
        Set<String> files = listing(db);
        boolean mounted = false;
        if (root()) {
            // root writes through file permissions: make the folder a read-only bind mount instead.
            mounted = sh("mount", "--bind", db.toString(), db.toString()) && sh("mount", "-o", "remount,ro,bind", db.toString());
            assumeTrue(mounted, "cannot make a read-only bind mount");
        } else {
            sh("chmod", "-R", "a-w", db.toString());
        }
        try {
            Path log = work.resolve("load.log");
            int code = runToEnd(db, corpus, log);
            String out = Files.readString(log);
            assertNotEquals(0, code, out);
            assertTrue(out.contains("read-only") || out.contains("cannot be written"), out);
            assertTrue(out.lines().count() < 10, "a message, not a stack trace:\n" + out);
        } finally {
            if (mounted) sh("umount", db.toString());
            else sh("chmod", "-R", "u+w", db.toString());
        }
        assertEquals(files, listing(db));
        assertEquals(before, consistentReports(db));
    }

    @Test
    void aFullDiskIsAClearErrorAndTheStoreStaysAsItWas(@TempDir Path work) throws Exception {
        assumeTrue(root(), "needs root to mount a small tmpfs");
        Path disk = Files.createDirectories(work.resolve("disk"));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", disk.toString()), "cannot mount a tmpfs");
        try {
            Path db = disk.resolve("db");
            try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
                StoreLoader.builder().store(store).build().load(List.of("data/reports"));
            }
            Set<String> before = consistentReports(db);
            // Fill what is left but a little.
            Path filler = disk.resolve("filler");
            long free = Files.getFileStore(disk).getUsableSpace();
            sh("fallocate", "-l", Long.toString(Math.max(0, free - (512 << 10))), filler.toString());
            Path log = work.resolve("load.log");
            int code = runToEnd(db, corpus, log);
            String out = Files.readString(log);
            System.out.println("full disk: exit " + code + "\n" + out.lines().limit(15).reduce("", (a, b) -> a + b + "\n"));
            assertNotEquals(0, code, out);
            assertTrue(out.contains("disk is full"), out);
            assertTrue(out.lines().count() < 10, "a message, not a stack trace:\n" + out);
            Files.delete(filler);
            assertEquals(before, consistentReports(db));
            // With room again, the load goes through.
            assertEquals(0, runToEnd(db, corpus, work.resolve("again.log")), Files.readString(work.resolve("again.log")));
            assertEquals(5 + REPORTS, consistentReports(db).size());
        } finally {
            sh("umount", "-l", disk.toString());
        }
    }

    static Set<String> listing(Path db) throws IOException {
        Set<String> out = new HashSet<>();
        try (var files = Files.walk(db)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    out.add(db.relativize(f) + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return out;
    }
}
