package org.w3id.fazhi.store;

import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data folder watch: a removed file's graph goes, a moved file keeps its report's name, a new file comes in. */
class DataFolderWatchTest {

    @Test
    void removedMovedAndNewFiles(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.copy(Path.of("data/reports/gaotai-county-2020.txt"), data.resolve("gaotai.txt"));
        Files.copy(Path.of("data/reports/nanchang-county-2023.txt"), data.resolve("nanchang.txt"));
        LinkedBlockingQueue<DataFolderWatch.Batch> batches = new LinkedBlockingQueue<>();
        try (KnowledgeStore store = KnowledgeStore.builder().folder(dir.resolve("kg-db")).build();
             DataFolderWatch watch = DataFolderWatch.builder().store(store).folder(data).interval(Duration.ofMillis(100))
                     .listener(batches::add).build()) {
            assertEquals(2, StoreLoader.builder().store(store).build().load(List.of(data.toString())).loaded().size());
            watch.start();
            String gaotai = store.graphs().base() + "graph/report/620724-2020";
            String nanchang = store.graphs().base() + "graph/report/360121-2023";
            assertTrue(has(store, gaotai) && has(store, nanchang));

            // One file gone, the other moved to another name: one batch, one transaction.
            Files.delete(data.resolve("gaotai.txt"));
            Files.move(data.resolve("nanchang.txt"), data.resolve("nanchang-county-2023.txt"));
            DataFolderWatch.Batch b = batches.poll(3, TimeUnit.MINUTES);
            assertNotNull(b, "a batch");
            assertEquals(2, b.removed().size(), b.toString());
            assertFalse(has(store, gaotai), "the removed file's report is gone");
            assertTrue(has(store, nanchang), "the moved file's report keeps its name");
            assertEquals(1, b.summary().loaded().size(), "the moved file was loaded again: " + b.summary());
            assertEquals(0, reportGraphs(store) - 1, "no second copy under a hashed name");

            Files.copy(Path.of("data/reports/gaotai-county-2020.txt"), data.resolve("gaotai.txt"));
            b = batches.poll(3, TimeUnit.MINUTES);
            assertNotNull(b, "a second batch");
            assertTrue(has(store, gaotai), "a new file comes in");
            assertEquals(2, reportGraphs(store));
            assertEquals(2, watch.batches());
        }
    }

    static boolean has(KnowledgeStore store, String graph) {
        return store.dataset().calculateRead(() -> store.dataset().asDatasetGraph().containsGraph(NodeFactory.createURI(graph)));
    }

    static long reportGraphs(KnowledgeStore store) {
        String prefix = store.graphs().base() + "graph/report/";
        return store.dataset().calculateRead(() -> {
            long n = 0;
            var it = store.dataset().asDatasetGraph().listGraphNodes();
            while (it.hasNext()) if (it.next().getURI().startsWith(prefix)) n++;
            return n;
        });
    }
}
