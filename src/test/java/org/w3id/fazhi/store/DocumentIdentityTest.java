package org.w3id.fazhi.store;

import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.extract.LoadSummary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four different documents of one county and year: its government's report, its leaders' report
 * on the first-responsibility duty, the report of a department the scheme does not know, and a
 * second edition of the government's report. Each keeps a graph of its own; none replaces another.
 */
class DocumentIdentityTest {

    private static final String TITLE = "南昌县政府2023年度法治政府建设工作报告";

    private static Set<String> reportGraphs(KnowledgeStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            Set<String> names = new TreeSet<>();
            store.dataset().asDatasetGraph().listGraphNodes().forEachRemaining(g -> {
                if (g.getURI().contains("/graph/report/")) names.add(g.getURI());
            });
            return names;
        });
    }

    private static long quads(KnowledgeStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            long[] n = {0};
            store.dataset().asDatasetGraph().find().forEachRemaining(q -> n[0]++);
            return n[0];
        });
    }

    @Test
    void fourDocumentsOfOneRegionAndYearKeepFourGraphs(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("data/reports/nanchang-county-2023.txt"));
        assertTrue(text.contains(TITLE));
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("a-government.txt"), text);
        Files.writeString(reports.resolve("b-leader.txt"),
                text.replace(TITLE, "南昌县党政主要负责人2023年度履行推进法治建设第一责任人职责情况报告"));
        Files.writeString(reports.resolve("c-department.txt"), text.replace(TITLE, "南昌县乡村振兴局2023年度法治政府建设工作报告"));
        Files.writeString(reports.resolve("d-second-edition.txt"), text.replace("全年共收到行政复议申请233件", "全年共收到行政复议申请234件"));
        try (KnowledgeStore store = KnowledgeStore.builder().folder(dir.resolve("db")).build()) {
            LoadSummary first = StoreLoader.builder().store(store).build().load(List.of(reports.toString()));
            assertEquals(4, first.loaded().size(), first.describe());
            Set<String> graphs = reportGraphs(store);
            assertEquals(4, graphs.size(), graphs.toString());
            String base = "https://w3id.org/fazhi/graph/report/360121-2023";
            assertTrue(graphs.contains(base), graphs.toString());
            assertTrue(graphs.contains(base + "-leader"), graphs.toString());
            assertTrue(graphs.stream().anyMatch(g -> g.startsWith(base + "-department-")), graphs.toString());
            assertTrue(graphs.stream().anyMatch(g -> g.matches(".*/360121-2023-[0-9a-f]{8}$")),
                    "the second edition is kept under a name with its content's hash: " + graphs);

            long before = quads(store);
            LoadSummary again = StoreLoader.builder().store(store).build().load(List.of(reports.toString()));
            assertEquals(0, again.loaded().size(), again.describe());
            assertEquals(4, again.skipped().size(), again.describe());
            assertEquals(graphs, reportGraphs(store));
            assertEquals(before, quads(store), "reloading unchanged documents changes nothing");
        }
    }
}
