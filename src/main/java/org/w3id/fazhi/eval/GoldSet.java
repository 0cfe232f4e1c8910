package org.w3id.fazhi.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A gold folder (see shared/gold/README.md): reports.tsv, metrics.tsv, programs.tsv, the canonical
 * program names of program_list.tsv and the indicator codes of indicators.tsv. Cells are kept as read;
 * null only where a short row lacks the cell.
 */
public record GoldSet(List<GoldReport> reports, List<GoldFact> facts, List<GoldProgram> programs,
                      Set<String> canonicalPrograms, Set<String> listedIndicators) {

    /** One row of reports.tsv. */
    public record GoldReport(String report, String title, String region, String regionFull, String province,
                             String level, String year, String published, String publisher) {
        /** The metadata cell score.py reads as {@code g.get(field)}. */
        public String field(String name) {
            return switch (name) {
                case "title" -> title;
                case "region" -> region;
                case "province" -> province;
                case "level" -> level;
                case "year" -> year;
                case "published" -> published;
                default -> throw new IllegalArgumentException(name);
            };
        }
    }

    /** One row of metrics.tsv. */
    public record GoldFact(String report, String quote, String numberText, String value, String unit, String approx,
                           String what, String indicator, String section, String cn) {}

    /** One row of programs.tsv; status is "" when the file has no status column. */
    public record GoldProgram(String report, String program, String surface, String status) {}

    public GoldSet {
        reports = List.copyOf(reports);
        facts = List.copyOf(facts);
        programs = List.copyOf(programs);
        canonicalPrograms = Collections.unmodifiableSet(new HashSet<>(canonicalPrograms));
        listedIndicators = Collections.unmodifiableSet(new HashSet<>(listedIndicators));
    }

    /**
     * Reads a gold folder. The canonical program list comes from goldDir/program_list.tsv; when that
     * is missing or empty, from the shared gold folder's (see {@link #column(Path, String, String)};
     * score.py uses the list beside the script, which is shared/gold), else the set is empty. The
     * indicator codes (what score.py --more counts as an indicator given) come from indicators.tsv the
     * same way.
     */
    public static GoldSet read(Path goldDir) throws IOException {
        List<GoldReport> reports = rows(goldDir.resolve("reports.tsv"), List.of("report"), r -> new GoldReport(
                r.get("report"), r.get("title"), r.get("region"), r.get("region_full"), r.get("province"),
                r.get("level"), r.get("year"), r.get("published"), r.get("publisher")));
        List<GoldFact> facts = rows(goldDir.resolve("metrics.tsv"),
                List.of("report", "quote", "number_text", "value", "unit"), r -> new GoldFact(
                r.get("report"), r.get("quote"), r.get("number_text"), r.get("value"), r.get("unit"),
                r.get("approx"), r.get("what"), r.get("indicator"), r.get("section"), r.get("cn")));
        List<GoldProgram> programs = rows(goldDir.resolve("programs.tsv"), List.of("report", "program"),
                r -> new GoldProgram(r.get("report"), r.get("program"), r.get("surface"), r.getOrDefault("status", "")));
        Set<String> canon = column(goldDir, "program_list.tsv", "program");
        Set<String> indicators = column(goldDir, "indicators.tsv", "code");
        return new GoldSet(reports, facts, programs, canon, indicators);
    }

    /**
     * One column of a list file in goldDir, else in the shared gold folder: ../gold beside it (gold-extra),
     * or, for a folder named gold inside a set's folder (gold-meta/gold), ../../gold; empty where none has one.
     */
    private static Set<String> column(Path goldDir, String file, String name) throws IOException {
        Set<String> values = column(goldDir.resolve(file), name);
        Path dir = goldDir.toAbsolutePath().normalize();
        Path shared = dir.getFileName() != null && dir.getFileName().toString().equals("gold") && dir.getParent() != null
                ? dir.getParent().resolveSibling("gold") : dir.resolveSibling("gold");
        if (values.isEmpty()) values = column(shared.resolve(file), name);
        return values;
    }

    private static Set<String> column(Path file, String name) throws IOException {
        Set<String> values = new HashSet<>();
        for (String v : rows(file, List.of(name), r -> r.get(name))) values.add(v);
        return values;
    }

    /** The rows of a TSV file; score.py would fail with KeyError on a required column that is absent. */
    private static <T> List<T> rows(Path file, List<String> required, Function<Map<String, String>, T> make)
            throws IOException {
        List<T> out = new ArrayList<>();
        for (Map<String, String> row : Tsv.readDicts(file)) {
            for (String column : required) {
                if (!row.containsKey(column)) throw new IOException(file + ": no column '" + column + "'");
            }
            out.add(make.apply(row));
        }
        return out;
    }
}
