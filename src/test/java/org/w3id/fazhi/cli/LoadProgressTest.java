package org.w3id.fazhi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.bench.CorpusGenerator;
import org.w3id.fazhi.extract.ExtractionResult;
import org.w3id.fazhi.extract.LoadSummary;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress of {@code fazhi load}: the bar's text, when it is drawn, and what a load prints in each mode. */
class LoadProgressTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private static ExtractionResult skipped(int i) {
        return new ExtractionResult.Skipped("r" + i + ".txt", "hash" + i);
    }

    @Test
    void theBarTellsCountsRateTimeLeftAndProblems() {
        // 1234 of 10000 in 100 s: 12.3 reports/s, 8766 left at that rate is 712 s, about 12 min.
        assertEquals("[###...........................] 1234/10000 12.3 reports/s, 12 min left, 3 problems",
                LoadProgress.bar(1234, 10000, 100 * SECOND, 3, 0));
        assertEquals("[###############...............] 5/10 2.5 reports/s, 2 s left, 1 problem, 2 warnings",
                LoadProgress.bar(5, 10, 2 * SECOND, 1, 2));
        assertEquals("[..............................] 0/10, 0 problems", LoadProgress.bar(0, 10, 0, 0, 0));
        assertEquals("[##############################] 10/10 5.0 reports/s, 0 problems", LoadProgress.bar(10, 10, 2 * SECOND, 0, 0));
        assertEquals("2 h 5 min", LoadProgress.left(2 * 3600 + 5 * 60 + 7));
        assertEquals("12 min 3 s", LoadProgress.duration(723 * SECOND));
        assertEquals("4.5 s", LoadProgress.duration(4500 * SECOND / 1000));
    }

    @Test
    void theBarIsRedrawnAtMostFiveTimesASecondAndProblemsGoAboveIt() {
        AtomicLong now = new AtomicLong(1_000 * SECOND);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        LoadProgress p = new LoadProgress(out, LoadProgress.Mode.BAR, now::get);
        p.started(100);
        for (int i = 0; i < 50; i++) {
            now.addAndGet(SECOND / 100); // 100 reports a second: half a second in all
            p.taken(skipped(i));
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        long draws = text.chars().filter(c -> c == '\r').count();
        assertTrue(draws >= 2 && draws <= 4, draws + " draws:\n" + text); // the first, then every 200 ms
        p.failed(new ExtractionResult.Failed("bad.txt", "bad.txt: extraction failed: boom"));
        text = bytes.toString(StandardCharsets.UTF_8);
        String after = text.substring(text.lastIndexOf("fazhi: bad.txt"));
        assertTrue(text.contains("\r" + " ".repeat(10)), "the bar is cleared before the line:\n" + text);
        assertTrue(after.startsWith("fazhi: bad.txt: extraction failed: boom" + System.lineSeparator() + "\r[###############"),
                "the line on its own, then the bar again:\n" + after);
        assertTrue(after.contains(" 50/100 100.0 reports/s, 1 s left, 1 problem"), after);
        p.summary(new LoadSummary(List.of("a"), List.of("b"), List.of(), List.of()), " in kg-db");
        text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\rfazhi: 1 report(s) loaded, 1 unchanged, 0 vocabulary graph(s) updated, 0 problem(s) in 0.5 s (4.0 reports/s) in kg-db"
                + System.lineSeparator()), text);
    }

    @Test
    void withoutATerminalALineEveryTenSecondsAndNoBar() {
        AtomicLong now = new AtomicLong(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoadProgress p = new LoadProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), LoadProgress.Mode.LINES, now::get);
        p.started(1000);
        for (int i = 0; i < 250; i++) {
            now.addAndGet(SECOND / 10); // 25 s in all
            p.taken(skipped(i));
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r") || text.contains("["), text);
        assertEquals(List.of("fazhi: 100/1000 10.0 reports/s, 2 min left, 0 problems",
                "fazhi: 200/1000 10.0 reports/s, 1 min left, 0 problems"), text.lines().toList());
    }

    @TempDir
    static Path dir;

    private static Path corpus() {
        Path corpus = dir.resolve("corpus");
        if (!corpus.toFile().isDirectory()) CorpusGenerator.fromReports(Path.of("data/reports")).generate(12, 7, corpus);
        return corpus;
    }

    @Test
    void aLoadOffATerminalPrintsNoBarAndNoLinePerReport() {
        CliRun run = CliRun.of("load", "--db", dir.resolve("quiet-db").toString(), corpus().toString());
        assertEquals(0, run.exit(), run.err());
        assertFalse(run.err().contains("\r") || run.err().contains("[#") || run.err().contains("[."), run.err());
        assertFalse(run.err().contains(": loaded into https://"), "no line per report:\n" + run.err());
        assertTrue(run.err().lines().count() < 12, run.err());
        assertTrue(run.err().matches("(?s).*fazhi: 12 report\\(s\\) loaded, 0 unchanged, 4 vocabulary graph\\(s\\) updated, 0 problem\\(s\\) "
                + "in [0-9. minhs]+ \\([0-9.]+ reports/s\\) in .*quiet-db\\R"), run.err());
    }

    @Test
    void aVerboseLoadPrintsALinePerReport() {
        CliRun run = CliRun.of("load", "--verbose", "--db", dir.resolve("verbose-db").toString(), corpus().toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(12, run.err().lines().filter(l -> l.contains(": loaded into https://") && l.contains("/graph/report/")).count(), run.err());
        assertFalse(run.err().contains("\r"), run.err());
        assertTrue(run.err().contains("fazhi: 12 report(s) loaded, 0 unchanged"), run.err());
    }
}
