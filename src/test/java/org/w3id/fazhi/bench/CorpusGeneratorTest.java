package org.w3id.fazhi.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class CorpusGeneratorTest {

    static CorpusGenerator generator;

    @BeforeAll
    static void read() {
        generator = CorpusGenerator.fromReports(Path.of("data/reports"));
    }

    @Test
    void sameSeedSameBytes(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws IOException {
        List<Path> first = generator.generate(40, 42, a);
        List<Path> second = CorpusGenerator.fromReports(Path.of("data/reports")).generate(40, 42, b);
        assertEquals(first.stream().map(p -> p.getFileName().toString()).toList(),
                second.stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)), first.get(i).toString());
        }
        List<Path> other = generator.generate(40, 43, c);
        assertNotEquals(Files.readString(first.get(0)), Files.readString(other.get(0)));
    }

    @Test
    void reportsHaveTheShapeOfARealOne(@TempDir Path dir) throws IOException {
        for (Path p : generator.generate(25, 1, dir)) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            String title = text.substring(0, text.indexOf('\n'));
            assertTrue(title.matches(".+20(1[6-9]|2[0-4])年法治政府建设年度报告"), title);
            int one = text.indexOf("\n一、"), two = text.indexOf("\n二、存在的问题"), three = text.indexOf("\n三、");
            assertTrue(one > 0 && two > one && three > two, p.toString());
            assertTrue(text.indexOf("（一）") > one && text.indexOf("（二）") > one && text.indexOf("（二）") < two, p.toString());
            assertTrue(text.length() > 1500, p + " is too short");
        }
    }

    @Test
    void regionsYearsAndNumbersVary(@TempDir Path dir) throws IOException {
        List<Path> files = generator.generate(200, 3, dir);
        Set<String> regions = new HashSet<>(), years = new HashSet<>(), levels = new HashSet<>(), intros = new HashSet<>();
        for (Path p : files) {
            String[] parts = p.getFileName().toString().replace(".txt", "").split("-", 2);
            String key = parts[1].substring(0, parts[1].lastIndexOf('-'));
            regions.add(key);
            years.add(parts[1].substring(parts[1].lastIndexOf('-') + 1));
            levels.add(key.contains("-") ? "new-area"
                    : key.endsWith("0000") ? "province"
                    : key.endsWith("00") ? "prefecture"
                    : key.charAt(4) == '7' ? "zone" : "county-or-district");
            String text = Files.readString(p);
            intros.add(text.split("\n\n")[2]);
        }
        assertTrue(regions.size() >= 190, "regions repeat too often: " + regions.size());
        assertEquals(9, years.size(), years.toString());
        assertEquals(Set.of("province", "prefecture", "county-or-district", "zone", "new-area"), levels);
        // numbers are scaled: the same source intro rarely comes out the same
        assertTrue(intros.size() > 150, "intros vary too little: " + intros.size());
    }
}
