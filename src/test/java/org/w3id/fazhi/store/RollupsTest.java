package org.w3id.fazhi.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;
import org.w3id.fazhi.rdf.FZ;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rollups graph against the facts it sums, on a generated store: kept by loads that add,
 * replace and remove reports, it equals the rollups computed whole from the final reports; and
 * every saved query that reads it gives the same rows as its former version, which computed the
 * same answer from the facts ({@code src/test/resources/from-facts/}).
 */
class RollupsTest {

    /** The saved queries that read the rollups, each with parameter values to try beside the defaults. */
    private static final Map<String, List<Map<String, String>>> READERS = Map.of(
            "programs-shared", List.of(Map.of(), Map.of("min_regions", "1"), Map.of("min_regions", "5")),
            "planned-not-practised", List.of(Map.of()),
            "programs-by-theme", List.of(Map.of()),
            "indicator-coverage", List.of(Map.of()),
            "program-cooccurrence", List.of(Map.of(), Map.of("min_measures", "3")));

    @Test
    void loadsKeepTheRollupsEqualToThoseComputedWholeAndTheQueriesEqualToTheFacts(@TempDir Path dir) throws Exception {
        List<Path> files = TestCorpus.withRealReports(dir.resolve("corpus"), 60, 7);
        List<String> all = files.stream().map(Path::toString).toList();

        try (KnowledgeStore kept = KnowledgeStore.builder().folder(dir.resolve("kept")).build()) {
            // Added: half in bulk into the new store, the rest in a transaction.
            StoreLoader.builder().store(kept).build().load(all.subList(0, 30));
            StoreLoader.builder().store(kept).build().load(all);
            Graph afterAdding = rollups(kept);
            // Replaced: reports lose sentences (and so programs and numbers) ...
            for (Path f : files.subList(10, 20)) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Files.writeString(f, text.substring(0, text.length() * 2 / 3), StandardCharsets.UTF_8);
            }
            // ... and removed: a report that now says it is of another year is a new report, its old graph goes.
            Path moved = files.get(files.size() - 1);
            String text = Files.readString(moved, StandardCharsets.UTF_8);
            assertTrue(text.contains("2023年"), moved.toString());
            Files.writeString(moved, text.replace("2023年", "2019年"), StandardCharsets.UTF_8);
            StoreLoader.builder().store(kept).build().load(all);
            Graph afterChanging = rollups(kept);
            assertFalse(afterChanging.isIsomorphicWith(afterAdding), "the changes reached the rollups");

            try (KnowledgeStore whole = KnowledgeStore.builder().folder(dir.resolve("whole")).build()) {
                StoreLoader.builder().store(whole).build().load(all);
                Graph computedWhole = rollups(whole);
                assertTrue(computedWhole.size() > 200, "rollup triples: " + computedWhole.size());
                assertTrue(afterChanging.isIsomorphicWith(computedWhole),
                        "the rollups kept by the loads are those computed from the final reports");
            }

            QueryRunner runner = QueryRunner.builder().dataset(kept.dataset()).build();
            SavedQueries saved = SavedQueries.fromDirectory(Path.of("queries"));
            for (Map.Entry<String, List<Map<String, String>>> e : READERS.entrySet()) {
                SavedQuery fromRollups = saved.get(e.getKey());
                assertTrue(fromRollups.sparql().contains("Rollup"), e.getKey() + " reads the rollups");
                SavedQuery fromFacts = factsVersion(e.getKey());
                for (Map<String, String> params : e.getValue()) {
                    List<List<String>> expected = runner.run(fromFacts, params).table();
                    assertFalse(expected.isEmpty(), e.getKey() + " " + params + " has rows on the generated store");
                    assertEquals(expected, runner.run(fromRollups, params).table(), e.getKey() + " " + params);
                }
            }
        }
    }

    @Test
    void aStoreWhoseRollupsOtherDefinitionsMadeRebuildsThem(@TempDir Path dir) {
        try (KnowledgeStore store = KnowledgeStore.builder().folder(dir.resolve("db")).build()) {
            StoreLoader.builder().store(store).build().load(List.of("data/reports"));
            Graph made = rollups(store);
            assertTrue(made.size() > 20, "rollup triples: " + made.size());
            // As a jar with other definitions would have left it: rows gone and another fingerprint.
            Txn.executeWrite(store.dataset(), () -> {
                var dsg = store.dataset().asDatasetGraph();
                var meta = NodeFactory.createURI(store.graphs().meta());
                var rollups = NodeFactory.createURI(store.graphs().rollups());
                dsg.deleteAny(rollups, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY);
                store.removeAbout(meta, rollups);
                dsg.add(meta, rollups, FZ.contentHash.asNode(), NodeFactory.createLiteralString("older"));
            });
            assertEquals(0, rollups(store).size());
            // Nothing to extract again: the load only rebuilds the rollups.
            assertTrue(StoreLoader.builder().store(store).build().load(List.of("data/reports")).loaded().isEmpty());
            assertTrue(made.isIsomorphicWith(rollups(store)));
        }
    }

    private static Graph rollups(KnowledgeStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            store.dataset().asDatasetGraph().getGraph(NodeFactory.createURI(store.graphs().rollups())).find().forEachRemaining(copy::add);
            return copy;
        });
    }

    private static SavedQuery factsVersion(String name) throws IOException {
        try (InputStream in = RollupsTest.class.getClassLoader().getResourceAsStream("from-facts/" + name + ".rq")) {
            assertTrue(in != null, "from-facts/" + name + ".rq");
            return SavedQueries.read(name, in);
        }
    }
}
