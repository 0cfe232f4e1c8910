package org.w3id.fazhi.store;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreLoaderTest {

    private static long count(KnowledgeStore store, String sparql) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(sparql).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    private static long generations(Path db) throws Exception {
        try (Stream<Path> s = Files.list(db.resolve("tdb2"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("Data-")).count();
        }
    }

    @Test
    void aChangedReportReplacesItsGraphAndTheIndexFollows(@TempDir Path dir) throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path gaotai = reports.resolve("gaotai.txt");
        Files.copy(Path.of("data/reports/gaotai-county-2020.txt"), gaotai);
        Files.writeString(reports.resolve("broken.txt"), "");
        Path db = dir.resolve("db");
        String facts = "PREFIX fz: <https://w3id.org/fazhi/ontology#> SELECT (COUNT(*) AS ?n) { ?f a fz:MetricFact }";
        String search = "PREFIX text: <http://jena.apache.org/text#> SELECT (COUNT(*) AS ?n) { ?s text:query '\"宪法宣誓12次\"' }";
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            LoadSummary first = StoreLoader.builder().store(store).build().load(List.of(reports.toString()));
            assertEquals(1, first.loaded().size());
            assertEquals(1, first.problems().size(), "the empty file is named, the other report still loads");
            assertTrue(first.problems().get(0).message().contains("broken.txt"));
            long before = count(store, facts);
            assertTrue(before > 50, "facts: " + before);
            assertTrue(count(store, search) > 0);

            // The same report without the sentence about constitutional oaths.
            Files.writeString(gaotai, Files.readString(gaotai).replace("开展宪法宣誓12次", "开展宪法宣誓"));
            LoadSummary second = StoreLoader.builder().store(store).build().load(List.of(gaotai.toString()));
            assertEquals(List.of(gaotai.toString()), second.loaded());
            assertEquals(before - 1, count(store, facts), "the old graph is gone, not merged");
            assertEquals(0, count(store, search), "no stale hits in the text index");
        }
        assertEquals(1, generations(db), "a load that wrote ends by compacting the store");
    }
}
