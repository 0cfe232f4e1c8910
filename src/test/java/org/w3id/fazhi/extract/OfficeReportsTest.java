package org.w3id.fazhi.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.fazhi.eval.GoldSet;
import org.w3id.fazhi.eval.Scorecard;
import org.w3id.fazhi.eval.Scorer;
import org.w3id.fazhi.source.OfficeSuite;
import org.w3id.fazhi.source.PrintedReport;
import org.w3id.fazhi.util.Folders;

/**
 * The three development sets as offices publish them: every report laid out as a printed report
 * ({@link PrintedReport}: a CJK and a Latin font, a large centred title, indented paragraphs, a
 * running header, page numbers, a table) and saved by LibreOffice as .pdf, .docx and .doc, then
 * extracted and scored against the same gold as the text, with score.py's rules. Each version is
 * held to the text's facts F1 and metadata within 0.02: what the text gives, the document gives.
 */
class OfficeReportsTest {
    private static final double WITHIN = 0.02;
    /** The text's scores, once per set. */
    private static final Map<String, Scorecard.Totals> TEXT = new HashMap<>();

    /**
     * Where the documents are left, named as their texts, for the command line to score them again:
     * {@code java -jar target/fazhi.jar extract target/office-reports/gold-meta/pdf | sed 's/\.pdf"/.txt"/'}.
     */
    private static final Path OUT = Path.of("target", "office-reports");

    static Stream<Arguments> setsAndFormats() {
        List<Arguments> out = new ArrayList<>();
        String[][] sets = {{"../shared/seeds", "../shared/gold"}, {"../shared/gold-extra/reports", "../shared/gold-extra"},
            {"../shared/gold-meta/reports", "../shared/gold-meta/gold"}};
        for (String[] set : sets) {
            for (String format : List.of("pdf", "docx", "doc")) out.add(Arguments.of(set[0], set[1], format));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as .{2}")
    @MethodSource("setsAndFormats")
    void scoresAsTheText(String reports, String goldDir, String format) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of(goldDir)), "no development set at " + Path.of(goldDir).toAbsolutePath());
        OfficeSuite office = OfficeSuite.find().orElseGet(() -> fail(OfficeSuite.missing()));
        GoldSet gold = GoldSet.read(Path.of(goldDir));
        Scorecard.Totals text = TEXT.computeIfAbsent(reports, r -> score(gold, List.of(Path.of(r)), Map.of()));

        Path folder = OUT.resolve(setName(reports)).resolve(format);
        Folders.deleteTree(folder);
        List<Path> documents = office.convertReports(Path.of(reports), format, folder);
        assertEquals(gold.reports().size(), documents.size(), "documents made");
        Map<String, String> textName = new HashMap<>();
        for (Path d : documents) textName.put(d.getFileName().toString(), d.getFileName().toString().replaceFirst("\\.[a-z]+$", ".txt"));
        Scorecard.Totals doc = score(gold, List.of(folder), textName);

        System.out.printf(Locale.ROOT, "%s .%s: facts F1 %.4f (text %.4f), metadata %.4f (text %.4f), programs F1 %.4f (text %.4f)%n",
                reports, format, doc.facts().f1(), text.facts().f1(), doc.metadataAccuracy(), text.metadataAccuracy(),
                doc.programs().f1(), text.programs().f1());
        assertTrue(Math.abs(doc.facts().f1() - text.facts().f1()) <= WITHIN,
                "." + format + " facts F1 " + doc.facts().f1() + ", the text's " + text.facts().f1());
        assertTrue(Math.abs(doc.metadataAccuracy() - text.metadataAccuracy()) <= WITHIN,
                "." + format + " metadata " + doc.metadataAccuracy() + ", the text's " + text.metadataAccuracy());
    }

    /** "seeds", "gold-extra", "gold-meta": the set a folder of reports belongs to. */
    private static String setName(String reports) {
        Path p = Path.of(reports);
        return p.getFileName().toString().equals("reports") ? p.getParent().getFileName().toString() : p.getFileName().toString();
    }

    /** The reports extracted and scored, each under the name of its text ({@code rename}: file name to text name). */
    private static Scorecard.Totals score(GoldSet gold, List<Path> inputs, Map<String, String> rename) {
        List<JsonNode> out = new ArrayList<>();
        try (ExtractionPipeline.Run run = ExtractionPipeline.builder().build().run(inputs.stream().map(Path::toString).toList())) {
            while (run.hasNext()) {
                ExtractionResult r = run.next();
                assertTrue(r instanceof ExtractionResult.Extracted, r.toString());
                ObjectNode summary = ((ExtractionResult.Extracted) r).summary();
                String name = Path.of(summary.get("source").asText()).getFileName().toString();
                summary.put("source", rename.getOrDefault(name, name));
                out.add(summary);
            }
        }
        return Scorer.score(gold, out).totals();
    }
}
