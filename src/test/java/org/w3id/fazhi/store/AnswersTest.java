package org.w3id.fazhi.store;

import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.bench.BenchParameters;
import org.w3id.fazhi.query.AnswerEngine;
import org.w3id.fazhi.query.QueryResult;
import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every saved query with an answer table gives, from the table, the rows and order it gives when
 * it runs as written, on a generated store that loads have added to (in bulk and in a
 * transaction), replaced and removed from; for its defaults, for values drawn from the store and
 * for unusual ones; whole and a page at a time.
 */
class AnswersTest {

    static Path dir;
    static KnowledgeStore store;
    static QueryRunner fromTables;
    static QueryRunner asWritten;
    static BenchParameters values;
    static final SavedQueries SAVED = SavedQueries.bundled();

    @BeforeAll
    static void store(@TempDir Path tmp) throws Exception {
        dir = tmp;
        List<Path> files = TestCorpus.withRealReports(dir.resolve("corpus"), 90, 11);
        List<String> all = files.stream().map(Path::toString).toList();
        store = KnowledgeStore.builder().folder(dir.resolve("db")).build();
        StoreLoader.builder().store(store).build().load(all.subList(0, 50));
        StoreLoader.builder().store(store).build().load(all);
        // Replaced and removed, as in RollupsTest.
        for (Path f : files.subList(10, 16)) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Files.writeString(f, text.substring(0, text.length() * 2 / 3), StandardCharsets.UTF_8);
        }
        Files.delete(files.get(20));
        StoreLoader.builder().store(store).removed(List.of(files.get(20).toString())).build().load(all.stream()
                .filter(p -> !p.equals(files.get(20).toString())).toList());
        fromTables = QueryRunner.builder().dataset(store.dataset()).build();
        asWritten = QueryRunner.builder().dataset(store.dataset()).scan(true).build();
        values = BenchParameters.read(store.dataset());
    }

    @AfterAll
    static void close() {
        if (store != null) store.close();
    }

    /** Parameter values to try: the defaults, drawn ones, and unusual ones. */
    static List<Map<String, String>> cases(SavedQuery q) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(Map.of());
        Random random = new Random(q.name().hashCode());
        for (int i = 0; i < 6; i++) out.add(values.draw(q, random));
        for (SavedQuery.Param p : q.params()) {
            Map<String, String> odd = new LinkedHashMap<>();
            switch (p.name()) {
                case "program", "program_a" -> odd.put(p.name(), "Fengqiao experience");
                case "indicator" -> odd.put(p.name(), "行政复议申请收到数");
                case "indicator_code" -> odd.put(p.name(), "");
                case "theme" -> odd.put(p.name(), "法治");
                case "keyword" -> odd.put(p.name(), "法");
                case "min_regions", "min_measures" -> odd.put(p.name(), "0");
                case "include_unknown" -> odd.put(p.name(), "yes");
                case "report" -> odd.put(p.name(), "000000-1999");
                case "region_a" -> odd.put(p.name(), "城区");
                case "for_year" -> odd.put(p.name(), "1999");
                case "by_level", "by_year" -> odd.put(p.name(), "no");
                default -> { }
            }
            if (!odd.isEmpty()) out.add(odd);
            if (p.name().equals("keyword")) out.add(Map.of("keyword", "不存在的词语"));
            if (p.name().equals("min_regions") || p.name().equals("min_measures")) out.add(Map.of(p.name(), "3"));
            if (p.name().equals("region_b")) {
                // The same region twice shares nothing with itself; a drawn pair the other way round.
                Map<String, String> drawn = values.draw(q, new Random(7));
                out.add(Map.of("region_a", drawn.getOrDefault("region_a", "南昌县"), "region_b", drawn.getOrDefault("region_a", "南昌县")));
                out.add(Map.of("region_a", drawn.getOrDefault("region_b", "高台县"), "region_b", drawn.getOrDefault("region_a", "南昌县")));
            }
            if (p.name().equals("for_year")) {
                out.add(Map.of("for_year", "2022", "by_level", "no"));
                out.add(Map.of("for_year", "2021", "by_year", "no", "by_level", "no"));
                out.add(Map.of("by_year", "no", "by_level", "no"));
            }
        }
        return out;
    }

    @Test
    void everyTableGivesTheRowsAndOrderOfItsQuery() {
        int compared = 0, answered = 0;
        long before = store.answers().counts()[0];
        List<String> tables = Answers.tables();
        assertTrue(tables.size() >= 17, tables.toString());
        List<String> neverAnswered = new ArrayList<>();
        for (String name : tables) {
            SavedQuery q = SAVED.get(name);
            boolean anyRows = false;
            for (Map<String, String> params : cases(q)) {
                QueryResult expected = asWritten.run(q, params);
                anyRows |= expected.size() > 0;
                QueryResult actual = fromTables.run(q, params);
                assertEquals(expected.vars(), actual.vars(), name);
                assertSameRows(name + " " + params, q, expected.table(), actual.table());
                compared++;
                if (fromTables(q, params)) answered++;
            }
            if (!anyRows) neverAnswered.add(name);
        }
        // A comparison of empty answers would show nothing: every table has rows in some case.
        assertEquals(List.of(), neverAnswered);
        System.out.println("answer tables: " + compared + " cases compared, " + answered + " answered from the tables");
        // The runner's queries went through the tables (each case is asked once more by fromTables).
        assertTrue(store.answers().counts()[0] - before >= 2L * answered, (store.answers().counts()[0] - before) + " pages for " + answered);
        assertTrue(answered > compared / 2, answered + " of " + compared);
    }

    @Test
    void pagesAreSlicesOfTheWholeAnswer() {
        for (String name : List.of("regions-practising-program", "search-measures", "reports", "indicator-coverage",
                "planned-not-practised", "measures-by-theme")) {
            SavedQuery q = SAVED.get(name);
            Map<String, String> params = new Random(5).ints(1).mapToObj(i -> values.draw(q, new Random(i))).findFirst().orElseThrow();
            List<List<String>> whole = fromTables.run(q, params).table();
            for (long[] page : new long[][] {{0, 7}, {7, 7}, {3, 50}, {whole.size() - 2L, 10}}) {
                if (page[0] < 0) continue;
                List<List<String>> slice = fromTables.run(q, params, new QueryRunner.Page(page[0], page[1])).table();
                int from = (int) Math.min(page[0], whole.size()), to = (int) Math.min(page[0] + page[1], whole.size());
                assertEquals(whole.subList(from, to), slice, name + " " + params + " page " + page[0] + "+" + page[1]);
            }
        }
    }

    /** Whether the query was answered from a table (else it ran as written). */
    static boolean fromTables(SavedQuery q, Map<String, String> params) {
        var bound = QueryRunner.bind(q, params);
        AnswerEngine.Match m = AnswerEngine.match(bound);
        assertNotNull(m, q.name() + " is recognised");
        return Txn.calculateRead(store.dataset(), () -> store.answers().answer(m.name(), m.params(), 0, 1).answered());
    }

    /**
     * The same rows in the same order; where the orders differ, only among rows the query's
     * ORDER BY leaves tied (SPARQL does not order those; Jena and the tables each fix an order).
     */
    static void assertSameRows(String what, SavedQuery q, List<List<String>> expected, List<List<String>> actual) {
        assertEquals(expected.size(), actual.size(), what + ": row count\nexpected " + head(expected) + "\nactual   " + head(actual));
        if (expected.equals(actual)) return;
        assertEquals(sorted(expected), sorted(actual), what + ": the same rows");
        // Differences only within runs of rows equal on the columns the ORDER BY reads.
        List<Integer> keyColumns = orderColumns(q);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).equals(actual.get(i))) continue;
            List<String> ke = pick(expected.get(i), keyColumns), ka = pick(actual.get(i), keyColumns);
            assertEquals(ke, ka, what + ": row " + i + " differs outside a tie\nexpected " + expected.get(i) + "\nactual   " + actual.get(i));
        }
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort((a, b) -> String.join("\t", a).compareTo(String.join("\t", b)));
        return copy;
    }

    private static String head(List<List<String>> rows) {
        return rows.subList(0, Math.min(3, rows.size())).toString();
    }

    /** The result columns the ORDER BY mentions. */
    private static List<Integer> orderColumns(SavedQuery q) {
        var parsed = QueryRunner.parse(q);
        List<Integer> out = new ArrayList<>();
        if (parsed.getOrderBy() == null) return out;
        for (var c : parsed.getOrderBy()) {
            for (var v : c.getExpression().getVarsMentioned()) {
                int i = q.columns().indexOf(v.getVarName());
                if (i >= 0 && !out.contains(i)) out.add(i);
            }
        }
        return out;
    }

    private static List<String> pick(List<String> row, List<Integer> columns) {
        List<String> out = new ArrayList<>();
        for (int i : columns) out.add(row.get(i));
        return out;
    }

    @Test
    void aRecognisedQueryNeedsItsExactFormAndEveryOtherRunsAsWritten() {
        SavedQuery q = SAVED.get("regions-practising-program");
        var bound = QueryRunner.bind(q, Map.of("program", "枫桥经验"));
        AnswerEngine.Match m = AnswerEngine.match(bound);
        assertNotNull(m);
        assertEquals("枫桥经验", m.params().get("program").getLiteralLexicalForm());
        // A value with quotes and a backslash stays one literal.
        var odd = QueryRunner.bind(q, Map.of("program", "a\"b\\c"));
        assertEquals("a\"b\\c", AnswerEngine.match(odd).params().get("program").getLiteralLexicalForm());
        // Another query of the same shape but another pattern is not the saved query.
        var other = org.apache.jena.query.QueryFactory.create(bound.serialize().replace("fz:ProgramMention", "fz:Measure"));
        assertEquals(null, AnswerEngine.match(other));
        // A LIMIT and OFFSET do not stop it being recognised.
        var paged = bound.cloneQuery();
        paged.setLimit(5);
        paged.setOffset(2);
        assertNotNull(AnswerEngine.match(paged));
    }

    @Test
    void theAnswersAreCurrentAfterEveryLoadAndAStoreWithoutThemRebuildsThem(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db");
        try (KnowledgeStore s = KnowledgeStore.builder().folder(db).build()) {
            // A new store, filled by the bulk loader: every table made at its end.
            StoreLoader.builder().store(s).build().load(List.of("data/reports"));
            assertTrue(s.answers().current());
            QueryRunner tables = QueryRunner.builder().dataset(s.dataset()).build();
            QueryRunner written = QueryRunner.builder().dataset(s.dataset()).scan(true).build();
            for (String name : Answers.tables()) {
                SavedQuery q = SAVED.get(name);
                assertSameRows(name + " after a bulk load", q, written.run(q, Map.of()).table(), tables.run(q, Map.of()).table());
            }
        }
        // As a store made before there were answers, or whose process stopped between the commits.
        org.w3id.fazhi.util.Folders.deleteTree(db.resolve("answers"));
        try (KnowledgeStore s = KnowledgeStore.builder().folder(db).build()) {
            assertFalse(s.answers().current());
            SavedQuery q = SAVED.get("reports");
            QueryRunner runner = QueryRunner.builder().dataset(s.dataset()).build();
            // Until then the queries run as written.
            assertEquals(5, runner.run(q, Map.of()).size());
            assertTrue(StoreLoader.builder().store(s).build().load(List.of("data/reports")).loaded().isEmpty());
            assertTrue(s.answers().current());
            assertEquals(QueryRunner.builder().dataset(s.dataset()).scan(true).build().run(q, Map.of()).table(), runner.run(q, Map.of()).table());
        }
    }
}
