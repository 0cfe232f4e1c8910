package org.w3id.fazhi.store;

import org.w3id.fazhi.extract.LoadSummary;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** Each named graph of a store, copied out, without the load and run times, which differ between any two loads. */
    private static Map<String, Graph> graphs(KnowledgeStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            Map<String, Graph> out = new TreeMap<>();
            store.dataset().asDatasetGraph().find().forEachRemaining(q -> {
                if (q.getPredicate().equals(DCTerms.modified.asNode())) return;
                // Nor when each extraction ran.
                if (q.getPredicate().getURI().startsWith("http://www.w3.org/ns/prov#") && q.getPredicate().getURI().endsWith("AtTime")) return;
                // Nor the token of the answer tables' last commit, new with each.
                if (q.getSubject().isURI() && q.getSubject().getURI().equals(store.graphs().answers())) return;
                out.computeIfAbsent(q.getGraph().getURI(), g -> GraphFactory.createDefaultGraph()).add(q.asTriple());
            });
            return out;
        });
    }

    @Test
    void aNewStoreFilledInBulkHoldsWhatTransactionsWrite(@TempDir Path dir) throws Exception {
        List<String> reports;
        try (Stream<Path> s = Files.list(Path.of("data/reports"))) {
            reports = s.map(Path::toString).filter(f -> f.endsWith(".txt")).sorted().toList();
        }
        String search = "PREFIX text: <http://jena.apache.org/text#> SELECT (COUNT(*) AS ?n) { ?s text:query '\"行政复议\"' }";
        try (KnowledgeStore bulk = KnowledgeStore.builder().folder(dir.resolve("bulk")).build();
             KnowledgeStore stepwise = KnowledgeStore.builder().folder(dir.resolve("stepwise")).build()) {
            // All at once into a new store goes through the bulk loader ...
            assertEquals(reports.size(), StoreLoader.builder().store(bulk).build().load(reports).loaded().size());
            // ... a store that already holds a report takes the rest in a transaction.
            StoreLoader.builder().store(stepwise).build().load(reports.subList(0, 1));
            assertEquals(reports.size() - 1, StoreLoader.builder().store(stepwise).build()
                    .load(reports.subList(1, reports.size())).loaded().size());
            Map<String, Graph> inBulk = graphs(bulk), inSteps = graphs(stepwise);
            assertEquals(inSteps.keySet(), inBulk.keySet());
            assertEquals(reports.size() + 6, inBulk.size(), "the reports, four vocabularies, the rollups and the metadata");
            // Quotes hang off blank nodes, so the graphs are compared up to their names.
            inBulk.forEach((name, g) -> assertTrue(g.isIsomorphicWith(inSteps.get(name)), name));
            long hits = count(bulk, search);
            assertTrue(hits > 5, "text hits: " + hits);
            assertEquals(count(stepwise, search), hits, "the text index holds the same either way");
        }
    }

    @Test
    void aStoreIsReleasedEvenIfAQueryNeverEndedItsTransaction(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        KnowledgeStore store = KnowledgeStore.builder().folder(db).closeWait(Duration.ofMillis(300)).build();
        // A query cut off mid-way (as when a server stops) can leave its read transaction open.
        Thread reader = new Thread(() -> store.dataset().begin(ReadWrite.READ));
        reader.start();
        reader.join();
        store.close();
        try (KnowledgeStore again = KnowledgeStore.builder().folder(db).build()) {
            assertEquals(0, count(again, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"), "the same store opens again");
        }
    }
}
