package org.w3id.fazhi.extract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.eval.GoldSet;
import org.w3id.fazhi.eval.Scorecard;
import org.w3id.fazhi.eval.Scorer;
import org.w3id.fazhi.source.MediaKind;
import org.w3id.fazhi.source.SourceBatch;
import org.w3id.fazhi.source.SourceDocument;
import org.w3id.fazhi.source.SourceReader;
import org.w3id.fazhi.source.TestDocuments;

/**
 * The five development reports as governments publish them, PDF and Word files made here from the
 * text (a CJK font, a running header and page numbers on every page), scored against the same gold
 * as the text: the facts and programs within 0.02 of the text's F1, the metadata the same.
 */
class PublishedReportsTest {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static Extractor extractor;
    private static GoldSet gold;
    private static Path seeds;

    @TempDir
    static Path dir;

    @BeforeAll
    static void build() throws Exception {
        Path goldDir = Path.of("../shared/gold");
        seeds = Path.of("../shared/seeds");
        Assumptions.assumeTrue(Files.isDirectory(goldDir), "no development set at " + goldDir.toAbsolutePath());
        gold = GoldSet.read(goldDir);
        extractor = Extractor.builder().build();
    }

    private static List<String> lines(String seed) throws Exception {
        return Files.readAllLines(seeds.resolve(seed), UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Each seed written by {@code maker} into a folder, read back as a folder and scored under the seed's name. */
    private static Scorecard.Totals score(String kind, Function<GoldSet.GoldReport, byte[]> maker, MediaKind expected)
            throws Exception {
        Path folder = Files.createDirectories(dir.resolve(kind));
        Map<String, String> seedOf = new java.util.HashMap<>();
        for (GoldSet.GoldReport r : gold.reports()) {
            String name = r.report().replace(".txt", "." + kind);
            Files.write(folder.resolve(name), maker.apply(r));
            seedOf.put(name, r.report());
        }
        SourceBatch batch = SourceReader.builder().build().read(List.of(folder.toString()));
        assertTrue(batch.problems().isEmpty(), batch.problems().toString());
        List<JsonNode> out = new ArrayList<>();
        for (SourceDocument d : batch.documents()) {
            assertEquals(expected, d.kind(), d.location());
            ObjectNode summary = ReportSummary.of(extractor.extract(d));
            summary.put("source", seedOf.get(d.fileName()));
            out.add(summary);
        }
        Scorecard card = Scorer.score(gold, out);
        System.out.println("== " + kind);
        System.out.print(card.toText());
        return card.totals();
    }

    /** The document properties a publisher's software writes: the title and the day of publication, when the text has them. */
    private static Calendar created(GoldSet.GoldReport r) {
        if (r.published() == null || r.published().isEmpty()) return null;
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone(CHINA), Locale.ROOT);
        c.setTime(Date.from(LocalDate.parse(r.published()).atTime(9, 30).atZone(CHINA).toInstant()));
        return c;
    }

    private static String title(GoldSet.GoldReport r) {
        return r.title() == null || r.title().isEmpty() ? null : r.title();
    }

    private static byte[] pdf(GoldSet.GoldReport r) {
        try {
            boolean dashes = r.report().hashCode() % 2 == 0;
            return TestDocuments.pdf(lines(r.report()), "政府信息公开专栏",
                    dashes ? TestDocuments.PageNumbers.DASHES : TestDocuments.PageNumbers.OF_TOTAL, title(r), created(r));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] docx(GoldSet.GoldReport r) {
        try {
            Calendar c = created(r);
            return TestDocuments.docx(lines(r.report()), "政府信息公开专栏", title(r), c == null ? null : c.getTime(), false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] doc(GoldSet.GoldReport r) {
        try {
            return TestDocuments.doc(lines(r.report()), false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void pdfAndWordScoreAsTheText() throws Exception {
        SourceBatch text = SourceReader.builder().build().read(List.of(seeds.toString()));
        List<JsonNode> out = text.documents().stream().map(d -> (JsonNode) ReportSummary.of(extractor.extract(d)))
                .collect(Collectors.toList());
        Scorecard.Totals t = Scorer.score(gold, out).totals();
        Scorecard.Totals pdf = score("pdf", PublishedReportsTest::pdf, MediaKind.PDF);
        Scorecard.Totals docx = score("docx", PublishedReportsTest::docx, MediaKind.DOCX);
        Scorecard.Totals doc = score("doc", PublishedReportsTest::doc, MediaKind.DOC);
        for (var e : Map.of("pdf", pdf, "docx", docx, "doc", doc).entrySet()) {
            Scorecard.Totals v = e.getValue();
            String k = e.getKey();
            System.out.printf(Locale.ROOT, "%s: facts F1 %.4f (text %.4f), programs F1 %.4f (text %.4f), metadata %.4f (text %.4f)%n",
                    k, v.facts().f1(), t.facts().f1(), v.programs().f1(), t.programs().f1(), v.metadataAccuracy(), t.metadataAccuracy());
            assertTrue(Math.abs(v.facts().f1() - t.facts().f1()) <= 0.02, k + " facts F1 " + v.facts().f1() + " vs " + t.facts().f1());
            assertTrue(Math.abs(v.programs().f1() - t.programs().f1()) <= 0.02,
                    k + " programs F1 " + v.programs().f1() + " vs " + t.programs().f1());
            assertEquals(t.metadataAccuracy(), v.metadataAccuracy(), k + " metadata");
        }
    }

    private static Calendar day(String date) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone(CHINA), Locale.ROOT);
        c.setTime(Date.from(LocalDate.parse(date).atTime(10, 0).atZone(CHINA).toInstant()));
        return c;
    }

    private static org.w3id.fazhi.recognize.metadata.ReportMetadata metadata(byte[] pdf, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, pdf);
        return extractor.extract(SourceReader.builder().build().readOne(file.toString())).mentions().metadata();
    }

    @Test
    void documentPropertiesFillWhatTheTextLacks() throws Exception {
        // The body only: no title line, no date, as a report whose cover page was a scan.
        List<String> body = lines("003_750d29c0225e3629.txt").stream().dropWhile(l -> !l.startsWith("2020年")).toList();
        var meta = metadata(TestDocuments.pdf(body, "政府信息公开专栏", TestDocuments.PageNumbers.DASHES,
                "Microsoft Word - 高台县人民政府2020年度法治政府建设情况报告.docx", day("2021-03-30")), "body-only.pdf");
        assertEquals("高台县人民政府2020年度法治政府建设情况报告", meta.title());
        assertEquals(LocalDate.parse("2021-03-30"), meta.published());
        assertTrue(meta.regionEvidence().contains("document-title=高台县人民政府2020年度法治政府建设情况报告"), meta.regionEvidence().toString());
        assertTrue(meta.regionEvidence().contains("document-created=2021-03-30"), meta.regionEvidence().toString());
    }

    @Test
    void aFileSavedYearsLaterGivesNoPublishingDate() throws Exception {
        // A PDF's creation date is when it was exported: one made three years after the year reported on
        // says nothing of when the report was published.
        List<String> body = lines("003_750d29c0225e3629.txt").stream().dropWhile(l -> !l.startsWith("2020年")).toList();
        var meta = metadata(TestDocuments.pdf(body, "政府信息公开专栏", TestDocuments.PageNumbers.DASHES,
                "高台县人民政府2020年度法治政府建设情况报告", day("2023-06-01")), "exported-later.pdf");
        assertEquals(2020, meta.year());
        assertEquals(null, meta.published());
        assertTrue(meta.regionEvidence().stream().noneMatch(e -> e.startsWith("document-created=")), meta.regionEvidence().toString());
    }

    @Test
    void documentPropertiesNeverStandOverTheText() throws Exception {
        var meta = metadata(TestDocuments.pdf(lines("002_c206478b488dd24a.txt"), "政府信息公开专栏",
                TestDocuments.PageNumbers.OF_TOTAL, "2022年度法治政府建设工作报告（模板）", day("2024-03-15")), "template.pdf");
        assertEquals("南昌县政府2023年度法治政府建设工作报告", meta.title());
        assertEquals(LocalDate.parse("2024-01-25"), meta.published());
        assertTrue(meta.regionEvidence().stream().noneMatch(e -> e.startsWith("document-")), meta.regionEvidence().toString());
    }

    @Test
    void aCreationDateBeforeTheYearReportedOnIsATemplatesAndLeftOut() throws Exception {
        List<String> body = lines("003_750d29c0225e3629.txt").stream().dropWhile(l -> !l.startsWith("2020年")).toList();
        var meta = metadata(TestDocuments.pdf(body, "页眉", TestDocuments.PageNumbers.DASHES, null, day("2018-05-01")), "old.pdf");
        assertEquals(null, meta.published());
    }
}
