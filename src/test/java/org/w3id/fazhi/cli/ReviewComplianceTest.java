package org.w3id.fazhi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.query.ComplianceReview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fazhi review --compliance [PATH…]}: one TSV row per report with what it lacks of what the
 * rules require and how late it was, from the reports named or from the store, the same either way.
 */
class ReviewComplianceTest {

    private static final String WRITTEN = "src/test/resources/compliance";

    /** The TSV as rows keyed by column, each row by the report file's name. */
    static Map<String, Map<String, String>> rows(String tsv) {
        List<String> lines = tsv.lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        assertEquals(ComplianceReview.COLUMNS, header, "the header line");
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            assertEquals(header.size(), cells.length, line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < cells.length; i++) row.put(header.get(i), cells[i]);
            String source = row.get("source");
            out.put(source.substring(source.lastIndexOf('/') + 1), row);
        }
        return out;
    }

    @Test
    void oneRowPerReportWithWhatItLacksAndHowLate() {
        CliRun r = CliRun.of("review", "--compliance", "data/reports", WRITTEN);
        assertEquals(0, r.exit(), r.err());
        Map<String, Map<String, String>> rows = rows(r.out());
        assertEquals(13, rows.size(), "five reports in data/ and eight written for the purpose");
        // gaotai: published 2021-04-01, a day after the last day; the leaders' duty mentioned only.
        Map<String, String> gaotai = rows.get("gaotai-county-2020.txt");
        assertEquals(List.of("2021-04-01", "page", "2021-03-31", "no", "1", "", "first-responsibility (mentioned-only)"),
                cells(gaotai, "date", "date_source", "deadline", "on_time", "days_late", "missing", "unknown"));
        assertEquals("shortcomings", rows.get("qinghe-no-problems-2023.txt").get("missing"));
        assertEquals("0", rows.get("qinghe-no-problems-2023.txt").get("problems"));
        assertEquals("first-responsibility", rows.get("longde-no-first-responsibility-2022.txt").get("missing"));
        assertEquals(List.of("no", "40"), cells(rows.get("wugong-late-2021.txt"), "on_time", "days_late"));
        assertEquals(List.of("unknown", "publication-deadline (no-date)"), cells(rows.get("jingchuan-no-date-2023.txt"), "on_time", "unknown"));
        Map<String, String> bureau = rows.get("ningling-justice-bureau-2022.txt");
        assertEquals(List.of("department", "department-reporting-deadline (10 days late)", "signature"),
                cells(bureau, "kind", "missing", "date_source"));
        assertEquals("government, joint", rows.get("tangyin-joint-2023.txt").get("kind"));
        assertEquals("implementation-outline-2015", rows.get("yinan-2017.txt").get("rule"));
        assertEquals(List.of("leader", "", "n/a"), cells(rows.get("linqu-leader-2023.txt"), "kind", "rule", "on_time"));
        // nanchang has every part, on time: nothing to list.
        assertEquals(List.of("yes", "", "", "yes"), cells(rows.get("nanchang-county-2023.txt"), "on_time", "missing", "unknown", "text_complete"));
        assertTrue(r.err().contains("13 report(s), 5 lacking a part or late"), r.err());
    }

    @Test
    void theStoreGivesTheSameRows(@TempDir Path db) {
        CliRun load = CliRun.of("load", "--db", db.toString(), "data/reports");
        assertEquals(0, load.exit(), load.err());
        CliRun fromStore = CliRun.of("review", "--compliance", "--db", db.toString());
        assertEquals(0, fromStore.exit(), fromStore.err());
        CliRun fromFiles = CliRun.of("review", "--compliance", "data/reports");
        Map<String, Map<String, String>> a = rows(fromStore.out()), b = rows(fromFiles.out());
        assertEquals(b.keySet(), a.keySet());
        for (String file : a.keySet()) {
            Map<String, String> x = new LinkedHashMap<>(a.get(file)), y = new LinkedHashMap<>(b.get(file));
            // The store keeps a file's name, not its folder.
            x.remove("source");
            y.remove("source");
            assertEquals(y, x, file);
        }
        // And as a table for a terminal.
        CliRun table = CliRun.of("review", "--compliance", "--format", "table", "--db", db.toString());
        assertTrue(table.out().lines().findFirst().orElseThrow().startsWith("source"), table.out());
    }

    @Test
    void aPathThatCannotBeReadIsNamedAndNothingIsPrinted() {
        CliRun r = CliRun.of("review", "--compliance", "no/such/report.txt");
        assertEquals(Fazhi.NOTHING_READ, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("no/such/report.txt"), r.err());
        assertEquals("", r.out());
    }

    private static List<String> cells(Map<String, String> row, String... columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns) out.add(row.get(c));
        return out;
    }
}
