package org.w3id.fazhi.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories: recursive, report files only, hidden entries skipped, bad files reported beside good ones. */
class DirectorySourceTest {
    private static final SourceReader READER = SourceReader.builder().build();

    @TempDir
    Path dir;

    @Test
    void goodFilesBecomeDocumentsAndBadFilesProblemsInSortedOrder() throws Exception {
        Path reports = dir.resolve("reports");
        write(reports.resolve("b-county-2023.txt"), "乙县2023年报告".getBytes(UTF_8));
        write(reports.resolve("a-county-2023.TXT"), "甲县2023年报告".getBytes(Charset.forName("GBK")));
        write(reports.resolve("2022/c-city.htm"), "<html><body><p>丙市报告</p></body></html>".getBytes(UTF_8));
        write(reports.resolve("empty.txt"), new byte[0]);
        write(reports.resolve("head-only.html"), "<html><head><title>x</title></head></html>".getBytes(UTF_8));
        write(reports.resolve("notes.md"), "不是报告".getBytes(UTF_8));
        write(reports.resolve(".draft.txt"), "隐藏文件".getBytes(UTF_8));
        write(reports.resolve(".git/copy.txt"), "隐藏目录".getBytes(UTF_8));
        Path missing = dir.resolve("missing.txt");

        SourceBatch batch = READER.read(List.of(reports.toString(), missing.toString()));

        assertEquals(List.of(reports + "/2022/c-city.htm", reports + "/a-county-2023.TXT", reports + "/b-county-2023.txt"),
                batch.documents().stream().map(SourceDocument::location).toList());
        assertEquals(List.of("丙市报告", "甲县2023年报告", "乙县2023年报告"),
                batch.documents().stream().map(SourceDocument::text).toList());
        assertEquals(List.of("UTF-8", "GB18030", "UTF-8"),
                batch.documents().stream().map(SourceDocument::charset).toList());
        assertEquals(List.of(
                new SourceProblem(reports + "/empty.txt", reports + "/empty.txt: empty file"),
                new SourceProblem(reports + "/head-only.html", reports + "/head-only.html: HTML page has no body text"),
                new SourceProblem(missing.toString(), missing + ": no such file or directory")),
                batch.problems());
    }

    @Test
    void directoryWithoutReports() throws Exception {
        Path other = dir.resolve("other");
        write(other.resolve("readme.md"), "说明".getBytes(UTF_8));
        write(other.resolve(".hidden.txt"), "隐藏".getBytes(UTF_8));
        SourceBatch batch = READER.read(List.of(other.toString()));
        assertEquals(List.of(), batch.documents());
        assertEquals(List.of(new SourceProblem(other.toString(), other + ": no .txt, .html, .pdf, .docx or .doc reports in directory")),
                batch.problems());
    }

    @Test
    void relativeLocationsStayRelative() throws Exception {
        // Maven runs tests in the project directory; target/ is ours to write in.
        Path reports = Path.of("target", "relative-reports");
        write(reports.resolve("x.txt"), "报告".getBytes(UTF_8));
        try {
            SourceBatch batch = READER.read(List.of("target/relative-reports/"));
            assertEquals(List.of("target/relative-reports/x.txt"),
                    batch.documents().stream().map(SourceDocument::location).toList());
            assertEquals("x.txt", batch.documents().get(0).fileName());
        } finally {
            Files.delete(reports.resolve("x.txt"));
            Files.delete(reports);
        }
    }

    private static void write(Path file, byte[] bytes) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
