package org.w3id.fazhi.store;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.ExtractionResult;
import org.w3id.fazhi.extract.GraphSink;
import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.rdf.Vocabularies;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report that fails halfway through its write, with the real TDB2 store and its text index: the
 * write of its graph has begun (its triples and text are in the open batch) when it fails. The
 * batch is rolled back, the other reports go in, and nothing of the failed one is left, neither in
 * TDB2 nor in the text index. Both paths: the bulk loader (a new store) and one transaction (a
 * store that already holds reports).
 */
class HalfwayFailureTest {

    /** The store's own writer, failing right after it has written the graph of one report. */
    private record FailingAfterWrite(StoreWriter inner, String failing) implements GraphSink {
        @Override public List<String> vocabularies(Vocabularies v) { return inner.vocabularies(v); }
        @Override public boolean holds(String location, String hash) { return inner.holds(location, hash); }
        @Override public void write(ExtractionResult.Extracted report) {
            inner.write(report);
            if (report.location().equals(failing)) throw new IllegalStateException("the disk failed while writing " + report.graphIri());
        }
        @Override public boolean batched() { return inner.batched(); }
        @Override public void commit() { inner.commit(); }
        @Override public void abort(RuntimeException cause) { inner.abort(cause); }
        @Override public void finish() { inner.finish(); }
    }

    static final String HITS = "?s text:query ('法治' 100000)";
    /** Text hits whose subject is in no graph: what a failed write left in the index. */
    static final String ORPHAN_HITS = HITS + " FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } }";

    private static List<String> reports() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("data/reports"))) {
            return s.filter(p -> p.toString().endsWith(".txt")).map(Path::toString).sorted().toList();
        }
    }

    private static long count(KnowledgeStore store, String where) {
        String q = "PREFIX text: <http://jena.apache.org/text#> SELECT (COUNT(*) AS ?n) { " + where + " }";
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    private void check(Path db, boolean fresh) throws Exception {
        List<String> all = reports();
        String failing = all.get(2);
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            int before = 0;
            if (!fresh) {
                // A store that already holds one report: the rest go in one transaction.
                StoreLoader.builder().store(store).build().load(List.of(all.get(0)));
                before = 1;
            }
            ExtractionPipeline pipeline = ExtractionPipeline.builder().base(store.graphs().base()).build();
            LoadSummary s = pipeline.into(new FailingAfterWrite(new StoreWriter(store, ExtractionPipeline.version(), m -> { }), failing),
                    fresh ? all : all.subList(1, all.size()));
            assertEquals(all.size() - 1 - before, s.loaded().size(), s.describe());
            assertEquals(1, s.problems().size());
            assertTrue(s.problems().get(0).message().startsWith(failing), s.problems().get(0).message());
            Set<String> graphs = LoadFaultsTest.consistentReports(store);
            assertEquals(all.size() - 1, graphs.size(), graphs.toString());
            assertTrue(count(store, HITS) > 0);
            assertEquals(0, count(store, ORPHAN_HITS), "text of the failed report left in the index");
        }
        // Loading it again (without the fault) completes the store.
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            LoadSummary again = StoreLoader.builder().store(store).build().load(all);
            assertEquals(List.of(failing), again.loaded());
            Set<String> graphs = LoadFaultsTest.consistentReports(store);
            assertEquals(all.size(), graphs.size());
            assertEquals(0, count(store, ORPHAN_HITS));
        }
    }

    @Test
    void bulkLoadIntoANewStore(@TempDir Path dir) throws Exception {
        check(dir.resolve("db"), true);
    }

    @Test
    void oneTransactionIntoAStoreWithReports(@TempDir Path dir) throws Exception {
        check(dir.resolve("db"), false);
    }
}
