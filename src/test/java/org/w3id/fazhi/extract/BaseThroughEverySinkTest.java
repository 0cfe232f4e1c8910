package org.w3id.fazhi.extract;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.query.QueryDatasets;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.rdf.Vocabularies;
import org.w3id.fazhi.store.GraphStorePusher;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLoader;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports loaded under a base of their own, through each sink: every vocabulary IRI a report graph
 * uses (the ontology's terms, programs, themes, indicators, regions) is described in the
 * vocabulary graphs that sink received, and nothing else is left under the default base.
 */
class BaseThroughEverySinkTest {

    private static final String BASE = "http://example.org/kg/";
    private static final List<String> REPORTS = List.of("data/reports");

    /** The kinds of things the shipped vocabularies define, under {@link #BASE}. */
    private static final List<String> VOCABULARY_PREFIXES = List.of(
            BASE + "id/program/", BASE + "id/theme/", BASE + "id/indicator/", BASE + "id/region/", BASE + "id/scheme/");

    private static void assertVocabulariesCover(DatasetGraph dsg) {
        Txn.executeRead(dsg, () -> {
            Set<String> vocabularyGraphs = Vocabularies.bundled(BASE).graphIris();
            Set<Node> described = new HashSet<>();
            Set<String> reportGraphs = new TreeSet<>();
            dsg.listGraphNodes().forEachRemaining(g -> {
                if (vocabularyGraphs.contains(g.getURI())) dsg.getGraph(g).find().forEachRemaining(t -> described.add(t.getSubject()));
                else if (g.getURI().startsWith(BASE + "graph/report/")) reportGraphs.add(g.getURI());
            });
            assertEquals(vocabularyGraphs, graphNames(dsg, vocabularyGraphs), "every vocabulary graph arrived");
            assertTrue(reportGraphs.size() >= 5, "report graphs: " + reportGraphs);
            Set<String> used = new TreeSet<>(), missing = new TreeSet<>(), stray = new TreeSet<>();
            for (String g : reportGraphs) {
                dsg.getGraph(NodeFactory.createURI(g)).find().forEachRemaining(t -> {
                    for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                        if (!n.isURI()) continue;
                        String iri = n.getURI();
                        if (iri.startsWith(IriMinter.DEFAULT_BASE) && !iri.startsWith(FZ.ONTOLOGY)) stray.add(iri);
                        boolean vocabulary = iri.startsWith(FZ.NS) || VOCABULARY_PREFIXES.stream().anyMatch(iri::startsWith);
                        if (!vocabulary) continue;
                        used.add(iri);
                        if (!described.contains(n)) missing.add(iri);
                    }
                });
            }
            assertTrue(used.size() > 50, "vocabulary IRIs used: " + used.size());
            assertTrue(used.stream().anyMatch(i -> i.startsWith(BASE + "id/program/")), "programs are used");
            assertTrue(used.stream().anyMatch(i -> i.startsWith(BASE + "id/region/")), "regions are used");
            assertTrue(stray.isEmpty(), "IRIs left under the default base: " + stray);
            assertTrue(missing.isEmpty(), "vocabulary IRIs the report graphs use but the vocabulary graphs lack: " + missing);
        });
    }

    private static Set<String> graphNames(DatasetGraph dsg, Set<String> wanted) {
        Set<String> names = new HashSet<>();
        dsg.listGraphNodes().forEachRemaining(g -> { if (wanted.contains(g.getURI())) names.add(g.getURI()); });
        return names;
    }

    @Test
    void theTdb2Store(@TempDir Path dir) {
        try (KnowledgeStore store = KnowledgeStore.builder().folder(dir.resolve("db")).base(BASE).build()) {
            LoadSummary s = StoreLoader.builder().store(store).build().load(REPORTS);
            assertEquals(5, s.loaded().size(), s.describe());
            assertVocabulariesCover(store.dataset().asDatasetGraph());
        }
    }

    @Test
    void aGraphStorePush(@TempDir Path dir) {
        DatasetGraph remote = DatasetGraphFactory.createTxnMem();
        FusekiServer fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", remote).build().start();
        try {
            String target = "http://localhost:" + fuseki.getHttpPort() + "/ds/data";
            LoadSummary s = GraphStorePusher.builder().target(target).state(dir.resolve("state.tsv")).base(BASE).build().push(REPORTS);
            assertEquals(5, s.loaded().size(), s.describe());
            assertVocabulariesCover(remote);
        } finally {
            fuseki.stop();
        }
    }

    @Test
    void anInMemoryDataset() {
        Dataset ds = QueryDatasets.fromReports(REPORTS, BASE, p -> { throw new AssertionError(p); });
        assertVocabulariesCover(ds.asDatasetGraph());
        // The union default graph holds what the named graphs hold.
        long named = Txn.calculateRead(ds, () -> {
            Set<org.apache.jena.graph.Triple> all = new HashSet<>();
            ds.asDatasetGraph().find().forEachRemaining((Quad q) -> { if (!q.isDefaultGraph()) all.add(q.asTriple()); });
            return (long) all.size();
        });
        assertEquals(named, Txn.calculateRead(ds, () -> (long) ds.asDatasetGraph().getDefaultGraph().size()));
    }
}
