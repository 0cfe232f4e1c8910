package org.w3id.fazhi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.source.TestDocuments;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    private static final String REPORT = "data/reports/gaotai-county-2020.txt";

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void jsonlIsOneObjectPerReportInTheScorersShape() throws Exception {
        CliRun r = run("extract", REPORT, "--format", "jsonl");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(1, lines.length);
        JsonNode o = new ObjectMapper().readTree(lines[0]);
        assertEquals(REPORT, o.get("source").asText());
        assertEquals("高台县", o.get("region").asText());
        assertEquals(2020, o.get("year").asInt());
        assertEquals("2021-04-01", o.get("published").asText());
        JsonNode fact = o.get("facts").get(0);
        for (String key : new String[] {"quote", "value", "unit", "approx", "what", "indicator", "section"}) {
            assertTrue(fact.has(key), key);
        }
        assertTrue(o.get("programs").size() > 5);
    }

    @Test
    void everyRdfFormatParses() {
        for (String format : new String[] {"trig", "nq", "jsonld"}) {
            CliRun r = run("extract", REPORT, "--format", format);
            assertEquals(0, r.exit(), r.err());
            Dataset ds = DatasetFactory.create();
            Lang lang = switch (format) {
                case "trig" -> Lang.TRIG;
                case "nq" -> Lang.NQUADS;
                default -> Lang.JSONLD;
            };
            RDFParser.fromString(r.out(), lang).parse(ds);
            assertTrue(ds.containsNamedModel("https://w3id.org/fazhi/graph/report/620724-2020"), format);
        }
        CliRun ttl = run("extract", REPORT, "--format", "ttl");
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(ttl.out(), Lang.TURTLE).parse(m);
        assertTrue(m.size() > 1000);
    }

    @Test
    void badInputsAreNamedAndTheGoodOnesStillGoThrough(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("empty.txt"), "");
        Files.write(dir.resolve("binary.txt"), new byte[] {0, 1, 2, 3, 0, 5, 6, 7});
        Files.writeString(dir.resolve("nobody.html"), "<html><head><title>x</title></head><body></body></html>");
        Files.write(dir.resolve("gbk.txt"), Files.readString(Path.of(REPORT)).getBytes(Charset.forName("GBK")));
        Path out = dir.resolve("out.jsonl");
        CliRun r = run("extract", dir.toString(), dir.resolve("missing.txt").toString(), "-o", out.toString());
        assertEquals(Fazhi.SOME_FAILED, r.exit());
        assertTrue(r.err().contains("empty.txt: empty file"), r.err());
        assertTrue(r.err().contains("binary.txt: binary file"), r.err());
        assertTrue(r.err().contains("nobody.html: HTML page has no body text"), r.err());
        assertTrue(r.err().contains("missing.txt: no such file or directory"), r.err());
        String written = Files.readString(out);
        assertEquals(1, written.strip().split("\n").length);
        assertTrue(written.contains("\"region\":\"高台县\""), "the GBK report reads like the UTF-8 one");
    }

    @Test
    void aTooLargeFileIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.txt");
        byte[] line = "2023年,全县共办理行政复议案件12件,依法受理10件。\n".getBytes(StandardCharsets.UTF_8);
        try (var o = Files.newOutputStream(big)) {
            for (long n = 0; n < 20L * 1024 * 1024; n += line.length) o.write(line);
        }
        Path out = dir.resolve("out.jsonl");
        CliRun r = run("extract", big.toString(), "-o", out.toString());
        assertEquals(Fazhi.NOTHING_READ, r.exit());
        assertTrue(r.err().contains("big.txt: file is 20.0 MB, larger than the 8.0 MB limit"), r.err());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no partial output left behind");
        }
    }

    @Test
    void validateReportsZeroViolationsOnTheFiveReports() {
        CliRun r = run("validate", "data/reports");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("5 report(s), 0 violation(s)"), r.out());
    }

    @Test
    void evalAgreesWithTheReferenceScorerOnTheSeeds(@TempDir Path dir) throws Exception {
        Path score = Path.of("../shared/gold/score.py");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(score), "no reference scorer beside the project");
        CliRun extract = run("extract", "../shared/seeds", "--format", "jsonl");
        Path jsonl = dir.resolve("seeds.jsonl");
        Files.writeString(jsonl, extract.out());
        Process python;
        try {
            python = new ProcessBuilder("python3", score.toString(), "../shared/gold", jsonl.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no python3: " + e.getMessage());
            return;
        }
        String expected = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, python.waitFor());
        CliRun eval = run("eval", "../shared/gold", "../shared/seeds");
        assertEquals(0, eval.exit(), eval.err());
        assertEquals(expected, eval.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(Fazhi.USAGE, run("extract").exit());
        assertEquals(Fazhi.USAGE, run("extract", REPORT, "--format", "xml").exit());
        assertEquals(0, run("--help").exit());
        assertEquals(0, run("extract", "--help").exit());
    }

    @Test
    void extractGoesOnPastUnreadableDocumentsAndCountsThemByKind(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a-report.pdf"), TestDocuments.pdf(
                Files.readAllLines(Path.of("data/reports/gaotai-county-2020.txt")), "政府信息公开",
                TestDocuments.PageNumbers.DASHES, null, null));
        Files.write(dir.resolve("b-scan.pdf"), TestDocuments.scannedPdf());
        Files.write(dir.resolve("c-draft.docx"),
                TestDocuments.docx(List.of("报告"), "页眉", null, null, true));
        Files.write(dir.resolve("d-cut.pdf"), "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("e-missing.txt"), new byte[0]);
        CliRun r = run("extract", dir.toString(), "--format", "jsonl");
        assertEquals(Fazhi.SOME_FAILED, r.exit(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.err().contains(dir.resolve("b-scan.pdf") + ": scanned PDF"), r.err());
        assertTrue(r.err().contains(dir.resolve("c-draft.docx") + ": Word document with tracked changes"), r.err());
        assertTrue(r.err().contains(dir.resolve("d-cut.pdf") + ": corrupt PDF"), r.err());
        assertTrue(r.err().contains("fazhi: extracted 1 report(s), 4 problem(s) (1 scanned, 1 corrupt, 1 tracked changes, 1 other)"),
                r.err());
    }
}
