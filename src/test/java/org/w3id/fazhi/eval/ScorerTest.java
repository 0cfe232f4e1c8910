package org.w3id.fazhi.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ScorerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small gold folder with the awkward cases: csv quotes, Chinese quotes, empty cells, a non-canonical program. */
    static Path goldFolder(Path dir) throws IOException {
        Path gold = Files.createDirectories(dir.resolve("mini-gold"));
        write(gold.resolve("reports.tsv"),
                "report\ttitle\tregion\tregion_full\tprovince\tlevel\tyear\tpublished\tpublisher",
                "a.txt\t甲县2023年法治政府建设年度报告\t甲县\t某省乙市甲县\t某省\tcounty\t2023\t2024-01-25\t甲县人民政府",
                "b.txt\t“乙区”2022年度报告\t乙区\t\t某省\tdistrict\t2022\t\t",
                "c.txt\t丙市报告\t丙市\t\t某省\tprefecture\t2021\t2022-03-01\t");
        write(gold.resolve("metrics.tsv"),
                "report\tquote\tnumber_text\tvalue\tunit\tapprox\twhat\tindicator\tsection\tcn",
                "a.txt\t全年共收到行政复议申请233件\t233\t233\t件\texact\t行政复议申请(收到)\treconsideration-received\tachievement\t",
                "a.txt\t\"办理“民生实事”52件\"\t52\t52\t件\tover\t民生实事\t\tachievement\t",
                "a.txt\t调解成功率99.6%\t99.6\t99.6\t%\texact\t调解成功率\tmediation-success-rate\tachievement\t",
                "a.txt\t培训1.375万人次\t1.375万\t13750\t人次\tabout\t培训\t\tachievement\t",
                "a.txt\t举办三期\t三\t3\t期\t\t培训班\t\tachievement\t1",
                "b.txt\t\"新增\"\"法律明白人\"\"120名\"\t120\t120\t名\texact\t法律明白人\tlaw-understanding-persons\tachievement\t",
                "b.txt\t受理案件5件\t5\t5\t件\texact\t案件(受理)\t\tproblem\t",
                "c.txt\t审查文件18件\t18\t18\t件\texact\t文件(审查)\t\tachievement\t");
        write(gold.resolve("programs.tsv"),
                "report\tprogram\tsurface\tstatus",
                "a.txt\t枫桥经验\t新时代“枫桥经验”\tpracticed",
                "a.txt\t八五普法\t“八五”普法\tpracticed",
                "a.txt\t不在清单\t不在清单\tpracticed",
                "b.txt\t放管服\t\"放管服\"改革\tplanned");
        write(gold.resolve("program_list.tsv"),
                "program\tvariants\tnote",
                "枫桥经验\t新时代“枫桥经验”\t",
                "八五普法\t“八五”普法\t",
                "放管服\t“放管服”改革\t",
                "法治督察\t\t");
        return gold;
    }

    /** Extractor output for the folder above: a.txt twice (the later one counts), b.txt once, c.txt not at all. */
    static List<String> extractedLines() {
        return List.of(
                "{\"source\": \"old/a.txt\", \"facts\": []}",
                "{\"source\": \"data/reports/a.txt\", \"title\": \" 甲县2023年法治政府建设年度报告 \", \"region\": \"甲县\","
                        + " \"province\": \"某省\", \"level\": \"county\", \"year\": 2023, \"published\": \"2024-01-25\","
                        + " \"facts\": ["
                        + "{\"quote\": \"共收到行政复议申请233件，\", \"value\": 233, \"unit\": \"件\", \"indicator\": \"reconsideration-received\"},"
                        + "{\"quote\": \"民生实事”52件\", \"value\": \"52\", \"unit\": \"件\", \"approx\": \"exact\"},"
                        + "{\"quote\": \"民生实事”52件\", \"value\": 52, \"unit\": \"件\", \"approx\": \"over\"},"
                        + "{\"quote\": \"成功率99.6%\", \"value\": 99.6, \"unit\": \"%\", \"indicator\": \"\"},"
                        + "{\"quote\": \"培训1.375万人次\", \"value\": 13750.0, \"approx\": \"about\"},"
                        + "{\"quote\": \"三期\", \"value\": 3, \"unit\": \"期\", \"approx\": 0},"
                        + "{\"quote\": \"2023年\", \"value\": 2023, \"unit\": \"年\"},"
                        + "{\"quote\": null, \"value\": 7, \"unit\": \"项\"}],"
                        + " \"programs\": [{\"program\": \"枫桥经验\", \"status\": \"planned\"},"
                        + " {\"program\": \"枫桥经验\", \"status\": \"practiced\"}, {\"program\": \"法治督察\"},"
                        + " {\"program\": \"不在清单\", \"status\": \"practiced\"}]}",
                "{\"source\": \"b.txt\", \"title\": \"“乙区”2022年度报告\", \"region\": \"乙区\", \"province\": \"某省\","
                        + " \"level\": \"district\", \"year\": 2022.0, \"facts\": ["
                        + "{\"quote\": \"新增\\\"法律明白人\\\"120名\", \"value\": \"120.0\", \"unit\": \"名\", \"indicator\": \"law-understanding-persons\"},"
                        + "{\"quote\": \"受理案件5件\", \"value\": 5, \"unit\": \"件\", \"approx\": \"exact\"}],"
                        + " \"programs\": [{\"program\": \"放管服\", \"status\": \"planned\"}]}");
    }

    private static void write(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static Scorecard scoreFixture(Path dir) throws IOException {
        List<JsonNode> objs = new ArrayList<>();
        for (String line : extractedLines()) objs.add(JSON.readTree(line));
        return Scorer.score(GoldSet.read(goldFolder(dir)), objs);
    }

    // Expected output came from running python3 shared/gold/score.py on the same two files.
    private static final String EXPECTED_TEXT = """
            a.txt: facts P=0.375 R=0.6 (3/5, 8 out)  programs P=0.5 R=0.5  metadata wrong: none
            b.txt: facts P=1.0 R=1.0 (2/2, 2 out)  programs P=1.0 R=1.0  metadata wrong: year
            c.txt: facts P=0.0 R=0.0 (0/1, 0 out)  programs P=1.0 R=1.0  metadata wrong: title, region, province, level, year, published
            no output for: c.txt
            facts P=0.5 R=0.625 F1=0.5556 approx=0.8 indicator=0.6667 programs P=0.6667 R=0.6667 status=0.5 metadata=0.5882
            """;

    @Test
    void scoresFixtureLikeScorePy(@TempDir Path dir) throws IOException {
        assertEquals(EXPECTED_TEXT, scoreFixture(dir).toText());
    }

    @Test
    void fixtureDetailsLikeScorePyJson(@TempDir Path dir) throws IOException {
        Scorecard card = scoreFixture(dir);
        Scorecard.ReportScore a = card.reports().get("a.txt");
        assertEquals(0.4615, a.facts().prf().f1());
        assertEquals(List.of("培训1.375万人次", "举办三期"), a.facts().missed());
        assertEquals(Arrays.asList("民生实事”52件", "培训1.375万人次", "三期", "2023年", null), a.facts().spurious());
        assertEquals(List.of("八五普法"), a.programs().missed());
        assertEquals(List.of("法治督察"), a.programs().spurious());
        Scorecard.MetaField year = card.reports().get("b.txt").metadata().get("year");
        assertEquals(new Scorecard.MetaField(false, "2022", "2022.0"), year);
        assertFalse(card.reports().get("b.txt").metadata().containsKey("published")); // empty gold cell: not scored
        assertEquals(List.of("c.txt"), card.missing());
        assertEquals(10, card.totals().tp() * 2); // 5 of 10 extracted facts match
        String json = card.toJson();
        assertTrue(json.startsWith("{\n \"reports\": {\n  \"a.txt\": {\n   \"facts\": {\n    \"precision\": 0.375,\n"));
        assertTrue(json.endsWith("  \"metadata_accuracy\": 0.5882\n }\n}\n"));
    }

    @Test
    void emptyGoldAndNoOutputCountAsPerfectPrecision() {
        assertEquals(new Scorecard.Prf(1.0, 1.0, 1.0), Scorer.prf(0, 0, 0));
        assertEquals(new Scorecard.Prf(0.0, 0.0, 0.0), Scorer.prf(0, 0, 3));
        assertEquals(new Scorecard.Prf(0.0, 1.0, 0.0), Scorer.prf(0, 2, 0));
        assertEquals(new Scorecard.Prf(0.6667, 0.5, 0.5714), Scorer.prf(2, 3, 4));
    }

    @Test
    void valuesUnitsAndSources() throws IOException {
        assertTrue(Scorer.sameNumber("13750", JSON.readTree("13750.0")));
        assertTrue(Scorer.sameNumber("13750", JSON.readTree("\"1.375e4\"")));
        assertTrue(Scorer.sameNumber("1e12", JSON.readTree("1000000000000.0009")));
        assertFalse(Scorer.sameNumber("52", JSON.readTree("\"52件\"")));
        assertFalse(Scorer.sameNumber("52", JSON.readTree("null")));
        assertTrue(Scorer.unitEquals("件", JSON.readTree("\"件\"")));
        assertFalse(Scorer.unitEquals("", null)); // a missing unit is None, not ""
        assertFalse(Scorer.unitEquals("", JSON.readTree("null")));
        assertEquals("a.txt", Scorer.basename(JSON.readTree("\"data/reports/a.txt\"")));
        assertEquals("", Scorer.basename(JSON.readTree("\"data/reports/\"")));
        assertEquals("", Scorer.basename(null));
    }

    @Test
    void quotesAgreeNeedsNumberTextPlusTwo() {
        GoldSet.GoldFact g = new GoldSet.GoldFact("r", "举办三期", "三", "3", "期", "", "", "", "", "1");
        assertFalse(Scorer.quotesAgree(g, "三期"));   // shared run "三期" is 2 < 3
        assertTrue(Scorer.quotesAgree(g, "共举办三期")); // "举办三期" holds 三
        assertTrue(Scorer.quotesAgree(new GoldSet.GoldFact("r", "三期", "三", "3", "期", "", "", "", "", "1"), "三期"));
        assertFalse(Scorer.quotesAgree(g, null));
    }

    @Test
    void programListFallsBackToSiblingGoldFolder(@TempDir Path dir) throws IOException {
        Path gold = Files.createDirectories(dir.resolve("gold"));
        Path extra = Files.createDirectories(dir.resolve("gold-extra"));
        write(gold.resolve("program_list.tsv"), "program\tvariants\tnote", "枫桥经验\t\t");
        write(extra.resolve("program_list.tsv"), "program\tvariants\tnote"); // empty list: use the fallback
        write(extra.resolve("reports.tsv"), "report\ttitle", "x.txt\t");
        GoldSet set = GoldSet.read(extra);
        assertEquals(java.util.Set.of("枫桥经验"), set.canonicalPrograms());
        assertEquals(1, set.reports().size());
        assertTrue(set.facts().isEmpty());
        assertTrue(GoldSet.read(Files.createDirectories(dir.resolve("solo/alone"))).canonicalPrograms().isEmpty());
    }

    @Test
    void crossCheckWithScorePy(@TempDir Path dir) throws Exception {
        Path script = Path.of(System.getProperty("user.dir")).resolve("../shared/gold/score.py").normalize();
        assumeTrue(Files.isRegularFile(script), "no " + script);
        assumeTrue(hasPython(), "no python3");
        Path gold = goldFolder(dir);
        Path jsonl = dir.resolve("out.jsonl");
        write(jsonl, extractedLines().toArray(String[]::new));
        Scorecard card = Scorer.score(GoldSet.read(gold), Scorer.readJsonl(jsonl));
        assertEquals(run("python3", script.toString(), gold.toString(), jsonl.toString()), card.toText());
        assertEquals(run("python3", script.toString(), gold.toString(), jsonl.toString(), "--json"), card.toJson());
        // --more's indicator precision: score.py counts the codes of the list beside it, read here from a copy.
        Files.copy(script.resolveSibling("indicators.tsv"), gold.resolve("indicators.tsv"));
        Scorecard.Totals t = Scorer.score(GoldSet.read(gold), Scorer.readJsonl(jsonl)).totals();
        String more = run("python3", script.toString(), gold.toString(), jsonl.toString(), "--more").strip();
        String last = more.substring(more.lastIndexOf('\n') + 1);
        Scorecard.Where w = t.where();
        assertEquals("indicator_precision=" + Py.repr(t.indicatorPrecision()) + " (" + t.indicatorsGiven() + " given)"
                + " region_precision=" + Py.repr(w.regionPrecision()) + " (" + w.regionsGiven() + " given)"
                + " wrong_province=" + w.wrongProvince() + " region_coverage=" + Py.repr(w.regionCoverage())
                + " publisher=" + Py.repr(w.publisher()) + " (" + w.publishersInGold() + " in gold)", last);
        assertTrue(t.indicatorsGiven() > 0);
    }

    static boolean hasPython() {
        try {
            return run("python3", "-c", "print(1)").equals("1\n");
        } catch (Exception e) {
            return false;
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command));
        return out;
    }
}
