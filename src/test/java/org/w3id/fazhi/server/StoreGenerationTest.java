package org.w3id.fazhi.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.store.DumpFormat;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreDump;
import org.w3id.fazhi.store.StoreLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's generation, which the server's validators and cached dumps are keyed on: a load
 * (bulk or transactional) moves it on, reads and restarts do not, and a dump is written once
 * per generation.
 */
class StoreGenerationTest {

    @TempDir
    Path dir;

    KnowledgeStore open() {
        return KnowledgeStore.builder().folder(dir.resolve("kg")).closeWait(Duration.ofSeconds(1)).build();
    }

    @Test
    void loadsMoveItOnReadsAndRestartsDoNot() throws Exception {
        long empty;
        long loaded;
        try (KnowledgeStore store = open()) {
            empty = store.generation();
            LoadSummary first = StoreLoader.builder().store(store).build().load(List.of("data/reports/gaotai-county-2020.txt"));
            assertEquals(1, first.loaded().size(), first.describe());
            loaded = store.generation();
            assertTrue(loaded > empty, "the bulk load of an empty store moves it on");
            store.dataset().executeRead(() -> store.dataset().asDatasetGraph().find().hasNext());
            assertEquals(loaded, store.generation(), "a read leaves it");

            Path dump = StoreDump.cached(store, DumpFormat.NQ);
            long written = Files.getLastModifiedTime(dump).toMillis();
            assertEquals(dump, StoreDump.cached(store, DumpFormat.NQ));
            assertEquals(written, Files.getLastModifiedTime(dump).toMillis(), "written once per generation");

            StoreLoader.builder().store(store).build().load(List.of("data/reports/nanchang-county-2023.txt"));
            assertTrue(store.generation() > loaded, "a load into a store with data moves it on");
            loaded = store.generation();
            Path next = StoreDump.cached(store, DumpFormat.NQ);
            assertFalse(next.equals(dump));
            assertFalse(Files.exists(dump), "the dump of an earlier generation is deleted");
        }
        try (KnowledgeStore store = open()) {
            assertEquals(loaded, store.generation(), "a restart keeps it");
        }
    }
}
