package org.w3id.fazhi.extract;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.clean.ReportCleaner;
import org.w3id.fazhi.query.ReportReview;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.Vocabularies;
import org.w3id.fazhi.rdf.W3C;
import org.w3id.fazhi.recognize.ProgramScheme;
import org.w3id.fazhi.recognize.metadata.RegionGazetteer;
import org.w3id.fazhi.recognize.ReportMentions;
import org.w3id.fazhi.recognize.ReportRecognizer;
import org.w3id.fazhi.recognize.metadata.SiteHosts;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a crawler's manifest, the site a page came from and a curator's overrides say about a
 * report, against what its text says; and `fazhi review`, which lists what a curator should check.
 */
class MetadataHintsTest {

    /** An excerpt with no title and no place name: the text alone cannot say whose report it is. */
    private static final String NAMELESS = """
            2023年，我们坚持以习近平法治思想为指导，深入推进法治政府建设。
            一、主要成效
            （一）加强行政复议工作。全年共收到行政复议申请12件，依法办结10件。
            二、存在的问题
            行政执法人员素质有待提高。
            """;

    private static ExtractionResult.Extracted only(ExtractionPipeline pipeline, String input) {
        try (ExtractionPipeline.Run run = pipeline.run(List.of(input))) {
            List<ExtractionResult> all = new ArrayList<>();
            while (run.hasNext()) all.add(run.next());
            assertEquals(1, all.size(), all.toString());
            return (ExtractionResult.Extracted) all.get(0);
        }
    }

    private static List<String> usedTables(ExtractionResult.Extracted e) {
        Model g = e.graph();
        Resource run = g.createResource(e.graphIri()).getRequiredProperty(W3C.wasGeneratedBy).getResource();
        List<String> names = new ArrayList<>();
        run.listProperties(W3C.used).forEach(s -> { if (s.getResource().hasProperty(FZ.fileName)) names.add(s.getResource().getProperty(FZ.fileName).getString()); });
        return names;
    }

    @Test
    void withoutHintsTheRegionIsAnHonestUnknown(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("nameless.txt"), NAMELESS);
        JsonNode j = only(ExtractionPipeline.builder().build(), report.toString()).summary();
        assertTrue(j.get("region").isNull(), j.toString());
        List<ReportReview.Item> review = ReportReview.ofReports(ExtractionPipeline.builder().build(), List.of(report.toString()),
                ReportReview.DEFAULT_THRESHOLD, p -> { throw new AssertionError(p); });
        assertEquals(1, review.size());
        assertEquals(report.toString(), review.get(0).values().get(0));
        assertTrue(review.get(0).why().get(0).contains("region"), review.get(0).why().toString());
    }

    @Test
    void aManifestBesideTheReportsGivesWhatTheTextLacks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("nameless.txt"), NAMELESS);
        Files.writeString(dir.resolve("manifest.tsv"), "source\tregion\tyear\ttitle\tpublished\tkind\n"
                + "nameless.txt\t620724\t2023\t高台县2023年法治政府建设年度报告\t2024-02-01\tgovernment\n");
        ExtractionResult.Extracted e = only(ExtractionPipeline.builder().build(), dir.toString());
        JsonNode j = e.summary();
        assertEquals("高台县", j.get("region").asText());
        assertEquals("甘肃省", j.get("province").asText());
        assertEquals("高台县2023年法治政府建设年度报告", j.get("title").asText());
        assertEquals("2024-02-01", j.get("published").asText());
        assertTrue(j.get("region_evidence").toString().contains("manifest:region=620724"), j.toString());
        assertEquals("https://w3id.org/fazhi/id/report/620724-2023", e.reportIri());
        assertEquals(List.of("manifest.tsv", "nameless.txt"), usedTables(e).stream().sorted().toList(), "the run names the source and the table it used");
    }

    @Test
    void aManifestWithAnUnknownColumnIsAProblemNamingIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("nameless.txt"), NAMELESS);
        Files.writeString(dir.resolve("manifest.csv"), "source,regoin\nnameless.txt,620724\n");
        try (ExtractionPipeline.Run run = ExtractionPipeline.builder().build().run(List.of(dir.toString()))) {
            ExtractionResult first = run.next();
            assertTrue(first instanceof ExtractionResult.Failed f && f.message().contains("manifest.csv")
                    && f.message().contains("regoin"), first.toString());
            assertTrue(run.next() instanceof ExtractionResult.Extracted, "the reports are still read");
        }
    }

    @Test
    void overridesStandOverTheManifestAndTheText(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(folder.resolve("nameless.txt"), NAMELESS);
        Files.writeString(folder.resolve("manifest.tsv"), "source\tregion\nnameless.txt\t620724\n");
        // The data/reports report of 南昌县, told it is of 高台县 and of another year by a curator.
        Path nanchang = Files.copy(Path.of("data/reports/nanchang-county-2023.txt"), folder.resolve("nanchang.txt"));
        Path overrides = Files.writeString(dir.resolve("overrides.tsv"), "# a curator's corrections\nsource\tregion\tyear\n"
                + folder.resolve("nameless.txt") + "\t360121\t\n" + nanchang + "\t\t2022\n");
        ExtractionPipeline pipeline = ExtractionPipeline.builder().overrides(overrides).build();
        ExtractionResult.Extracted nameless = only(pipeline, folder.resolve("nameless.txt").toString());
        assertEquals("南昌县", nameless.summary().get("region").asText(), "the override, not the manifest");
        assertTrue(nameless.summary().get("region_evidence").toString().contains("override:region=360121"));
        assertTrue(usedTables(nameless).contains("overrides.tsv"), usedTables(nameless).toString());
        ExtractionResult.Extracted corrected = only(pipeline, nanchang.toString());
        assertEquals(2022, corrected.summary().get("year").asInt());
        assertEquals("南昌县", corrected.summary().get("region").asText(), "an empty cell changes nothing");

        // Applied at load: the store holds the corrected report.
        try (KnowledgeStore store = KnowledgeStore.builder().folder(dir.resolve("db")).build()) {
            StoreLoader.builder().store(store).pipeline(pipeline).build().load(List.of(nanchang.toString()));
            assertTrue(store.dataset().calculateRead(() -> store.dataset().asDatasetGraph().containsGraph(
                    org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/fazhi/graph/report/360121-2022"))));
            assertTrue(ReportReview.ofStore(store.dataset(), store.graphs().base(), ReportReview.DEFAULT_THRESHOLD).isEmpty(),
                    "a report whose metadata is known is not listed");
        }
    }

    @Test
    void aCorrectionAddedAfterALoadIsAppliedByTheNextLoad(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("nameless.txt"), NAMELESS);
        Path overrides = dir.resolve("overrides.tsv");
        try (KnowledgeStore store = KnowledgeStore.builder().folder(dir.resolve("db")).build()) {
            LoadSummary first = StoreLoader.builder().store(store).build().load(List.of(report.toString()));
            assertEquals(1, first.loaded().size());
            assertEquals(1, ReportReview.ofStore(store.dataset(), store.graphs().base(), ReportReview.DEFAULT_THRESHOLD).size(),
                    "the nameless report is listed for review");
            Files.writeString(overrides, "source\tregion\nnameless.txt\t620724\n");
            ExtractionPipeline corrected = ExtractionPipeline.builder().overrides(overrides).build();
            LoadSummary second = StoreLoader.builder().store(store).pipeline(corrected).build().load(List.of(report.toString()));
            assertEquals(1, second.loaded().size(), "the same report, newly corrected: " + second.describe());
                List<ReportReview.Item> after = ReportReview.ofStore(store.dataset(), store.graphs().base(), ReportReview.DEFAULT_THRESHOLD);
            assertEquals("620724", after.get(0).values().get(1), "corrected, its region is known");
            assertEquals(List.of("no title", "evidence: override:region=620724"), after.get(0).why(), "and only its missing title is left to review");
            LoadSummary third = StoreLoader.builder().store(store).pipeline(corrected).build().load(List.of(report.toString()));
            assertEquals(1, third.skipped().size(), "and a reload with the same correction changes nothing");
            List<String> reports = store.dataset().calculateRead(() -> {
                List<String> names = new ArrayList<>();
                store.dataset().asDatasetGraph().listGraphNodes().forEachRemaining(g -> {
                    if (g.getURI().contains("/graph/report/") && store.dataset().asDatasetGraph().find(g, null, null, null).hasNext()) names.add(g.getURI());
                });
                return names;
            });
            assertEquals(List.of("https://w3id.org/fazhi/graph/report/620724-2023"), reports,
                    "the uncorrected graph is gone, its numbers too");
        }
    }

    @Test
    void theSiteAReportCameFromPlacesItWhenItsTextCannot() {
        ReportRecognizer recognizer = ReportRecognizer.builder()
                .scheme(ProgramScheme.from(Vocabularies.file("programs.ttl")))
                .gazetteer(RegionGazetteer.from(Vocabularies.file("regions.ttl")))
                .sites(SiteHosts.parse(new String(Vocabularies.resource("site-hosts.tsv"), StandardCharsets.UTF_8)))
                .build();
        var doc = ReportCleaner.create().clean("https://www.ncx.gov.cn/art/2024/1/25/art_1.html", "art_1.html",
                "0".repeat(64), NAMELESS, Map.of());
        ReportMentions m = recognizer.recognize(doc);
        assertEquals("南昌县", m.metadata().regionName());
        assertTrue(m.metadata().regionEvidence().contains("site:www.ncx.gov.cn:region=360121"), m.metadata().regionEvidence().toString());
        var elsewhere = ReportCleaner.create().clean("https://www.example.org/a.html", "a.html", "0".repeat(64), NAMELESS, Map.of());
        assertNull(recognizer.recognize(elsewhere).metadata().region(), "an unknown site says nothing");
    }
}
