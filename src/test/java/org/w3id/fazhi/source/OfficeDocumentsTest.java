package org.w3id.fazhi.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's reports laid out as printed ({@link PrintedReport}: Han in a CJK font, digits and
 * Latin letters in a Latin font, a large centred title, indented justified paragraphs, a running
 * header, page numbers, a table with borders) and saved by LibreOffice: read back, each gives the
 * text it was made from, paragraph for paragraph and table row for row, with no space the text
 * lacks (a space the text has may be lost where a justified line ends at it: the office suite does
 * not print it).
 */
class OfficeDocumentsTest {
    private static final SourceReader READER = SourceReader.builder().build();
    /** A Han character and a digit side by side, in either order: where PDF readers used to put a space. */
    private static final Pattern HAN_BY_DIGIT = Pattern.compile("\\p{IsHan}\\d|\\d\\p{IsHan}");
    private static OfficeSuite office;

    @TempDir
    Path dir;

    @BeforeAll
    static void office() {
        office = OfficeSuite.find().orElseGet(() -> fail(OfficeSuite.missing()));
    }

    private static List<Path> reports() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("data/reports"))) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static List<String> lines(SourceDocument d) {
        return Arrays.asList(d.text().split("\n"));
    }

    private Path make(PrintedReport report, String name, String format) throws Exception {
        Path made = office.convert(Map.of(name, report.flatOdt()), format).get(name);
        return Files.copy(made, dir.resolve(name + "." + format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdf", "docx", "doc"})
    void everyReportReadsBackAsItsText(String format) throws Exception {
        int together = 0;
        List<Path> documents = office.convertReports(Path.of("data/reports"), format, dir);
        List<Path> reports = reports();
        assertEquals(reports.size(), documents.size());
        for (int i = 0; i < reports.size(); i++) {
            Path report = reports.get(i);
            PrintedReport printed = PrintedReport.fromText(report);
            SourceDocument d = READER.readOne(documents.get(i).toString());
            assertEquals(MediaKind.valueOf(format.toUpperCase(java.util.Locale.ROOT)), d.kind());
            assertReadsAs(report + " as ." + format, printed.readingLines(), lines(d));
            Matcher m = HAN_BY_DIGIT.matcher(d.text());
            while (m.find()) together++;
        }
        assertTrue(together > 200, "Han characters next to digits read: " + together);
    }

    /** One page and two: nothing repeats often enough to be told furniture, yet the header and the page number go. */
    @ParameterizedTest
    @CsvSource({"2, 1", "3, 2"})
    void aShortReportLosesItsRunningHeaderAndPageNumber(int paragraphs, int pages) throws Exception {
        PrintedReport full = PrintedReport.fromText(Path.of("data/reports/gaotai-county-2020.txt"));
        List<String> body = full.readingLines().stream().dropWhile(l -> !l.startsWith("2020年")).limit(paragraphs).toList();
        PrintedReport shortOne = PrintedReport.of(List.of(full.title()), body, PrintedReport.Footer.DASHES);
        Path pdf = make(shortOne, "short-" + paragraphs, "pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(pages, doc.getNumberOfPages(), "pages");
        }
        List<String> read = lines(READER.readOne(pdf.toString()));
        assertReadsAs(pdf.toString(), shortOne.readingLines(), read);
        assertEquals(1, read.stream().filter(l -> l.equals(full.title())).count(), "the title once, the running header gone: " + read);
    }

    /**
     * The five reports end to end: one report of some fifty pages, its paragraphs broken by page
     * breaks over and over, reads back as its text. The PDF is left as {@code target/office-reports/long-report.pdf}
     * for the timing in the README ({@code /usr/bin/time -v java -Xmx256m -jar target/fazhi.jar extract …}).
     */
    @Test
    void aLongReportReadsBackAsItsText() throws Exception {
        PrintedReport printed = PrintedReport.fromTexts(reports());
        Path pdf = make(printed, "long-report", "pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(doc.getNumberOfPages() >= 40, "pages: " + doc.getNumberOfPages());
        }
        assertReadsAs(pdf.toString(), printed.readingLines(), lines(READER.readOne(pdf.toString())));
        Files.copy(pdf, Files.createDirectories(Path.of("target", "office-reports")).resolve("long-report.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aTitleSetOnTwoLinesReadsAsOne() throws Exception {
        PrintedReport printed = PrintedReport.fromText(Path.of("data/reports/gaotai-county-2020.txt"));
        String title = printed.title();
        Path pdf = make(printed, "title", "pdf");
        List<String> printedLines;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            printedLines = Arrays.stream(stripper.getText(doc).split("\\R")).map(l -> l.replace(" ", "")).toList();
        }
        // the running header repeats the title whole, in small print; the title itself is set on two lines
        assertTrue(printedLines.stream().anyMatch(l -> l.startsWith(title.substring(0, 10)) && !l.equals(title)), printedLines.toString());
        assertTrue(lines(READER.readOne(pdf.toString())).contains(title), title);
    }

    /**
     * The lines read are the lines expected, and where a read line has a space the expected one has
     * it too; the expected one may have a space the read one lacks (a justified line ending at it).
     */
    static void assertReadsAs(String what, List<String> expected, List<String> read) {
        List<String> e = normalized(expected), r = normalized(read);
        for (int i = 0; i < Math.min(e.size(), r.size()); i++) {
            String want = e.get(i), got = r.get(i);
            assertEquals(want.replace(" ", ""), got.replace(" ", ""), what + ": line " + i);
            int a = 0;
            for (int b = 0; b < got.length(); b++, a++) {
                while (got.charAt(b) != ' ' && want.charAt(a) == ' ') a++;
                if (got.charAt(b) == ' ' && want.charAt(a) != ' ') {
                    fail(what + ": line " + i + ": a space the text lacks, after '"
                            + got.substring(Math.max(0, b - 12), b) + "' in " + got);
                }
            }
        }
        assertEquals(e.size(), r.size(), what + ": lines\n" + String.join("\n", r));
    }

    private static List<String> normalized(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String n = l.replaceAll("[\\s\\u00A0]+", " ").strip();
            if (!n.isEmpty()) out.add(n);
        }
        return out;
    }
}
