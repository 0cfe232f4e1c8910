package org.w3id.fazhi.source;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single files: encodings, plain text and every way a file can fail. */
class SourceReaderTest {
    private static final String REPORT = "南昌县2023年法治政府建设年度报告\n一、主要举措和成效\n";
    private static final SourceReader READER = SourceReader.builder().build();

    @TempDir
    Path dir;

    @Test
    void utf8TextWithWindowsLineEnds() throws Exception {
        Path file = write("nanchang-county-2023.txt", REPORT.replace("\n", "\r\n").getBytes(UTF_8));
        SourceDocument document = READER.readOne(file.toString());
        assertEquals(file.toString(), document.location());
        assertEquals("nanchang-county-2023.txt", document.fileName());
        assertEquals(REPORT, document.text());
        assertEquals("UTF-8", document.charset());
        assertEquals(MediaKind.TEXT, document.kind());
        assertEquals(Map.of(), document.pageMetadata());
    }

    @Test
    void utf8TextWithByteOrderMark() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = write("bom.txt", bom, REPORT.getBytes(UTF_8));
        SourceDocument document = READER.readOne(file.toString());
        assertEquals(REPORT, document.text());
        assertEquals("UTF-8", document.charset());
    }

    @Test
    void gbkTextIsReadAsGb18030() throws Exception {
        Path file = write("gbk.txt", REPORT.getBytes(Charset.forName("GBK")));
        SourceDocument document = READER.readOne(file.toString());
        assertEquals(REPORT, document.text());
        assertEquals("GB18030", document.charset());
    }

    @Test
    void gb18030Text() throws Exception {
        String text = "𠮷㐀区人民政府\n";
        Path file = write("gb18030.txt", text.getBytes(Charset.forName("GB18030")));
        SourceDocument document = READER.readOne(file.toString());
        assertEquals(text, document.text());
        assertEquals("GB18030", document.charset());
    }

    @Test
    void utf16TextWithByteOrderMark() throws Exception {
        Path file = write("utf16.txt", ("\uFEFF" + REPORT).getBytes(UTF_16LE));
        SourceDocument document = READER.readOne(file.toString());
        assertEquals(REPORT, document.text());
        assertEquals("UTF-16LE", document.charset());
    }

    @Test
    void sha256IsOfTheRawBytesAndStable() throws Exception {
        Path first = write("a.txt", "abc".getBytes(UTF_8));
        Path second = write("b.txt", "abc".getBytes(UTF_8));
        String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(expected, READER.readOne(first.toString()).sha256());
        assertEquals(expected, READER.readOne(first.toString()).sha256());
        assertEquals(expected, READER.readOne(second.toString()).sha256());
    }

    @Test
    void unknownExtensionIsSniffed() throws Exception {
        Path page = write("art_123.shtml", "<!DOCTYPE html><html><body><p>报告</p></body></html>".getBytes(UTF_8));
        Path notes = write("notes.md", "# 报告\n".getBytes(UTF_8));
        assertEquals(MediaKind.HTML, READER.readOne(page.toString()).kind());
        assertEquals("报告", READER.readOne(page.toString()).text());
        assertEquals(MediaKind.TEXT, READER.readOne(notes.toString()).kind());
    }

    @Test
    void emptyFile() throws Exception {
        Path file = write("empty.txt", new byte[0]);
        assertProblem(file + ": empty file", file);
    }

    @Test
    void whitespaceOnlyFile() throws Exception {
        Path file = write("blank.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, " \r\n\t\u3000\n".getBytes(UTF_8));
        assertProblem(file + ": empty file", file);
    }

    @Test
    void binaryFileWithNulBytes() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        bytes[100] = 0;
        Path file = write("scan.txt", bytes);
        assertProblem(file + ": binary file, not a text, HTML, PDF or Word report", file);
    }

    @Test
    void binaryFileWithManyControlCharacters() throws Exception {
        Path file = write("control.txt", "报告\u0001\u0002\u0003\u0004\u0005\u0006".getBytes(UTF_8));
        assertProblem(file + ": binary file, not a text, HTML, PDF or Word report", file);
    }

    @Test
    void undecodableFile() throws Exception {
        Path file = write("latin1.txt", "Bericht über ".getBytes(Charset.forName("ISO-8859-1")), new byte[] {(byte) 0xFF});
        assertProblem(file + ": cannot decode as UTF-8 or GB18030", file);
    }

    @Test
    void fileOverTheDefaultLimitIsRefusedBeforeReading() throws Exception {
        // A sparse file of NULs: were it read, it would be reported as binary, not as too large.
        Path file = dir.resolve("huge.txt");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(20L * 1024 * 1024);
        }
        assertProblem(file + ": file is 20.0 MB, larger than the 8.0 MB limit"
                + " (a report is at most a few hundred KB; set --max-size to read it anyway)", file);
    }

    @Test
    void fileOverTheDefaultLimitIsReadWithARaisedLimit() throws Exception {
        String line = "（一）坚持党的领导，推进法治政府建设。\n"; // 20 chars, 58 bytes in UTF-8
        String text = line.repeat(20 * 1024 * 1024 / line.getBytes(UTF_8).length + 1);
        Path file = write("long.txt", text.getBytes(UTF_8));
        SourceReader reader = SourceReader.builder().maxBytes(32L * 1024 * 1024).build();
        SourceDocument document = reader.readOne(file.toString());
        assertEquals(text.length(), document.text().length());
        assertEquals(text, document.text());
    }

    @Test
    void missingPath() {
        String missing = dir.resolve("no-such-report.txt").toString();
        SourceException e = assertThrows(SourceException.class, () -> READER.readOne(missing));
        assertEquals(missing + ": no such file or directory", e.getMessage());
        assertEquals(missing, e.location());
        assertEquals("no such file or directory", e.problem());
        assertEquals(new SourceBatch(List.of(), List.of(new SourceProblem(missing, missing + ": no such file or directory"))),
                READER.read(List.of(missing)));
    }

    @Test
    void readOneRefusesADirectory() {
        SourceException e = assertThrows(SourceException.class, () -> READER.readOne(dir.toString()));
        assertEquals(dir + ": is a directory; read it as a batch to take the reports in it", e.getMessage());
    }

    @Test
    void builderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> SourceReader.builder().maxBytes(0));
        assertThrows(IllegalArgumentException.class, () -> SourceReader.builder().httpTimeout(java.time.Duration.ZERO));
    }

    private Path write(String name, byte[]... parts) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[0]);
        for (byte[] part : parts) Files.write(file, part, java.nio.file.StandardOpenOption.APPEND);
        return file;
    }

    private static void assertProblem(String message, Path file) {
        SourceException e = assertThrows(SourceException.class, () -> READER.readOne(file.toString()));
        assertEquals(message, e.getMessage());
    }
}
