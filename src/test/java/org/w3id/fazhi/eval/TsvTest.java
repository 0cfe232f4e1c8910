package org.w3id.fazhi.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Expected rows came from CPython 3.11's csv.reader / csv.DictReader with delimiter="\t". */
class TsvTest {

    @Test
    void quotingLikePythonCsv() throws Exception {
        assertEquals(List.of(List.of("a", "b"), List.of(), List.of("c", "")), Tsv.parse("a\tb\n\nc\t\n"));
        assertEquals(List.of(List.of("x\ty", "a\"b", "“引号”")), Tsv.parse("\"x\ty\"\t\"a\"\"b\"\t“引号”"));
        assertEquals(List.of(List.of("放管服改革", "a\"b\"")), Tsv.parse("\"放管服\"改革\ta\"b\""));
        assertEquals(List.of(List.of("two\nlines", "z")), Tsv.parse("\"two\r\nlines\"\tz\r\n"));
        assertEquals(List.of(List.of("a"), List.of("b")), Tsv.parse("a\rb"));
        assertEquals(List.of(List.of("open\nto the end\n")), Tsv.parse("\"open\nto the end\n"));
    }

    @Test
    void dictRows(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.tsv");
        Files.writeString(f, "report\tunit\tstatus\na.txt\t件\tplanned\n\nb.txt\n", StandardCharsets.UTF_8);
        List<Map<String, String>> rows = Tsv.readDicts(f);
        assertEquals(2, rows.size());
        assertEquals("件", rows.get(0).get("unit"));
        assertEquals("b.txt", rows.get(1).get("report"));
        assertNull(rows.get(1).get("unit")); // restval=None
        assertEquals(List.of(), Tsv.readDicts(dir.resolve("absent.tsv")));
    }
}
