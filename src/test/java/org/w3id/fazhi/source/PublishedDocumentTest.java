package org.w3id.fazhi.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** PDF and Word reports: text in reading order, furniture out, and a clear message for each file that cannot be read. */
class PublishedDocumentTest {
    private static final SourceReader READER = SourceReader.builder().build();

    @TempDir
    Path dir;

    static List<String> reportLines(String name) throws Exception {
        return Files.readAllLines(Path.of("data/reports", name), UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * Lines compared without spaces: a PDF prints no space where a line was broken at one, and a line
     * of spaces alone (a no-break space) prints nothing to read.
     */
    private static List<String> squeezed(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("[\\s\\p{Z}]+", "")).filter(l -> !l.isEmpty()).toList();
    }

    /** The first line that differs, not two whole reports. */
    static void assertSameLines(List<String> expected, List<String> actual) {
        List<String> e = squeezed(expected), a = squeezed(actual);
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            assertEquals(e.get(i), a.get(i), "line " + i);
        }
        assertEquals(e.size(), a.size(), "lines");
    }

    /** Every development report, set as a PDF with a running header and page numbers, reads back line for line. */
    @ParameterizedTest
    @ValueSource(strings = {"nanchang-county-2023.txt", "shanwei-chengqu-2023.txt", "dalian-jinpu-new-area-2023.txt",
            "gaotai-county-2020.txt", "xiangyang-high-tech-zone-2023.txt"})
    void pdfKeepsParagraphsAndDropsHeadersAndPageNumbers(String report) throws Exception {
        List<String> lines = reportLines(report);
        Path pdf = dir.resolve("report.pdf");
        TestDocuments.PageNumbers numbers = report.length() % 2 == 0 ? TestDocuments.PageNumbers.DASHES : TestDocuments.PageNumbers.OF_TOTAL;
        Files.write(pdf, TestDocuments.pdf(lines, "政府信息公开 · 法治政府建设年度报告", numbers, null, null));
        SourceDocument doc = READER.readOne(pdf.toString());
        assertEquals(MediaKind.PDF, doc.kind());
        assertSameLines(lines, Arrays.asList(doc.text().split("\n")));
    }

    @Test
    void pageNumbersOfTotalAndRunningHeadersAreFurniture() {
        for (String line : List.of("- 3 -", "—12—", "7", "第3页 共10页", "第 3 页/共 10 页", "3/10", "Page 2 of 9")) {
            assertTrue(PageFurniture.isPageNumber(line), line);
        }
        for (String line : List.of("3件", "一、主要成效", "2023年", "第3条")) assertFalse(PageFurniture.isPageNumber(line), line);
    }

    @Test
    void pdfUnderAWrongNameIsReadByItsFirstBytes() throws Exception {
        Path misnamed = dir.resolve("report.txt");
        Files.write(misnamed, TestDocuments.pdf(reportLines("gaotai-county-2020.txt"), "政府信息公开",
                TestDocuments.PageNumbers.OF_TOTAL, "高台县人民政府2020年度法治政府建设情况报告", null));
        SourceDocument doc = READER.readOne(misnamed.toString());
        assertEquals(MediaKind.PDF, doc.kind());
        assertEquals("高台县人民政府2020年度法治政府建设情况报告", doc.pageMetadata().get(SourceDocument.DOCUMENT_TITLE));
        assertFalse(doc.text().contains("政府信息公开\n"), "running header left in");
        assertFalse(doc.text().contains("共 2 页"), "page number left in");
    }

    @Test
    void docxKeepsBodyParagraphsWithoutHeaderOrFooter() throws Exception {
        List<String> lines = reportLines("shanwei-chengqu-2023.txt");
        Path docx = dir.resolve("report.docx");
        java.util.Date created = java.util.Date.from(java.time.Instant.parse("2024-01-30T02:00:00Z"));
        Files.write(docx, TestDocuments.docx(lines, "汕尾市城区人民政府", "汕尾市城区2023年法治政府建设年度报告", created, false));
        SourceDocument doc = READER.readOne(docx.toString());
        assertEquals(MediaKind.DOCX, doc.kind());
        assertSameLines(lines, Arrays.asList(doc.text().split("\n")));
        assertEquals("2024-01-30", doc.pageMetadata().get(SourceDocument.DOCUMENT_CREATED));
    }

    @Test
    void docKeepsItsParagraphs() throws Exception {
        List<String> lines = reportLines("xiangyang-high-tech-zone-2023.txt");
        Path doc = dir.resolve("report.doc");
        Files.write(doc, TestDocuments.doc(lines, false));
        SourceDocument read = READER.readOne(doc.toString());
        assertEquals(MediaKind.DOC, read.kind());
        assertSameLines(lines, Arrays.asList(read.text().split("\n")));
    }

    @Test
    void docWithRevisionMarksIsRefused() throws Exception {
        byte[] doc = TestDocuments.doc(List.of("高台县人民政府2020年度法治政府建设情况报告", "全年办理行政复议案件20件。"), true);
        assertProblem("draft.doc", doc, ProblemKind.TRACKED_CHANGES, "tracked changes");
    }

    @Test
    void scannedPdfIsNamedAsSuch() throws Exception {
        assertProblem("scan.pdf", TestDocuments.scannedPdf(), ProblemKind.SCANNED, "scanned PDF");
    }

    @Test
    void encryptedPdfIsNamedAsSuch() throws Exception {
        assertProblem("locked.pdf", TestDocuments.encryptedPdf(List.of("高台县人民政府2020年度法治政府建设情况报告"), "secret"),
                ProblemKind.ENCRYPTED, "encrypted PDF");
    }

    /** Only an owner password, against copying: anyone can open it, and the report is public. */
    @Test
    void pdfRestrictedByPermissionsOnlyIsRead() throws Exception {
        Path pdf = dir.resolve("restricted.pdf");
        Files.write(pdf, TestDocuments.encryptedPdf(List.of("高台县人民政府2020年度法治政府建设情况报告"), ""));
        assertEquals("高台县人民政府2020年度法治政府建设情况报告", READER.readOne(pdf.toString()).text());
    }

    @Test
    void truncatedPdfIsCorrupt() throws Exception {
        byte[] pdf = TestDocuments.pdf(List.of("一、主要成效", "全年共收到行政复议申请233件。"), "页眉",
                TestDocuments.PageNumbers.DASHES, null, null);
        assertProblem("cut.pdf", Arrays.copyOf(pdf, 400), ProblemKind.CORRUPT, "corrupt PDF");
    }

    @Test
    void docxThatIsNotAZipIsCorrupt() throws Exception {
        byte[] noise = new byte[2048];
        new java.util.Random(7).nextBytes(noise);
        assertProblem("noise.docx", noise, ProblemKind.CORRUPT, "corrupt Word (.docx) file");
        byte[] brokenZip = Arrays.copyOf(new byte[] {'P', 'K', 3, 4, 9, 9, 9}, 600);
        assertProblem("broken.docx", brokenZip, ProblemKind.CORRUPT, "corrupt Word (.docx) file");
    }

    @Test
    void webPageSavedAsDocIsReadAsThePage() throws Exception {
        Path doc = dir.resolve("notice.doc");
        Files.writeString(doc, "<html><body><p>高台县2020年法治政府建设情况报告</p><p>全年共办理案件12件。</p></body></html>");
        assertEquals(MediaKind.HTML, READER.readOne(doc.toString()).kind());
    }

    @Test
    void docxWithTrackedChangesIsRefused() throws Exception {
        byte[] docx = TestDocuments.docx(List.of("高台县人民政府2020年度法治政府建设情况报告"), "页眉", null, null, true);
        assertProblem("draft.docx", docx, ProblemKind.TRACKED_CHANGES, "tracked changes");
    }

    @Test
    void encryptedDocxIsNamedAsSuch() throws Exception {
        assertProblem("locked.docx", TestDocuments.encryptedDocx(List.of("高台县人民政府2020年度法治政府建设情况报告")),
                ProblemKind.ENCRYPTED, "encrypted Word document");
    }

    @Test
    void officeFileThatIsNotWordIsNamed() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]), "Workbook");
            fs.writeFilesystem(out);
        }
        assertProblem("sheet.doc", out.toByteArray(), ProblemKind.CORRUPT, "not a Word document");
    }

    @Test
    void aFolderWithAMixGoesOnAndNamesEachKind() throws Exception {
        Files.write(dir.resolve("a-report.pdf"), TestDocuments.pdf(reportLines("gaotai-county-2020.txt"), "页眉",
                TestDocuments.PageNumbers.DASHES, null, null));
        Files.write(dir.resolve("b-scan.pdf"), TestDocuments.scannedPdf());
        Files.write(dir.resolve("c-draft.docx"), TestDocuments.docx(List.of("报告"), "页眉", null, null, true));
        Files.write(dir.resolve("d-broken.doc"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3});
        Files.writeString(dir.resolve("e-report.txt"), String.join("\n", reportLines("nanchang-county-2023.txt")));
        Files.write(dir.resolve("~$draft.docx"), new byte[] {5, 'u', 's', 'e', 'r'}); // Word's lock file: not a report
        SourceBatch batch = READER.read(List.of(dir.toString()));
        assertEquals(List.of(MediaKind.PDF, MediaKind.TEXT), batch.documents().stream().map(SourceDocument::kind).toList());
        assertEquals(List.of(ProblemKind.SCANNED, ProblemKind.TRACKED_CHANGES, ProblemKind.CORRUPT),
                batch.problems().stream().map(SourceProblem::kind).toList());
    }

    private void assertProblem(String name, byte[] bytes, ProblemKind kind, String words) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        SourceException e = org.junit.jupiter.api.Assertions.assertThrows(SourceException.class, () -> READER.readOne(file.toString()));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(words), e.getMessage());
    }
}
