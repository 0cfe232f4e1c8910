package org.w3id.fazhi.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real gold folders, found at ../shared beside the project as CI checks it out; skipped when absent. */
class RealGoldTest {

    static Path sharedFolder(String name) {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../shared").resolve(name).normalize();
        assumeTrue(Files.isDirectory(dir), "no " + dir);
        return dir;
    }

    @ParameterizedTest
    @CsvSource({"gold, 5, 332, 127, 63", "gold-extra, 24, 155, 63, 63", "gold-meta/gold, 90, 299, 225, 63"})
    void readsTheGoldFolders(String name, int reports, int facts, int programs, int canonical) throws IOException {
        GoldSet gold = GoldSet.read(sharedFolder(name));
        assertEquals(reports, gold.reports().size());
        assertEquals(facts, gold.facts().size());
        assertEquals(programs, gold.programs().size());
        assertEquals(canonical, gold.canonicalPrograms().size()); // gold-extra and gold-meta use shared/gold's list
        assertEquals(35, gold.listedIndicators().size()); // as score.py --more, the codes of shared/gold/indicators.tsv
    }

    @ParameterizedTest
    @CsvSource({"gold", "gold-extra"})
    void goldScoredAgainstItselfIsPerfect(String name, @TempDir Path tmp) throws Exception {
        Path dir = sharedFolder(name);
        GoldSet gold = GoldSet.read(dir);
        List<JsonNode> self = asExtractorOutput(gold);
        Scorecard card = Scorer.score(gold, self);

        assertTrue(card.missing().isEmpty());
        card.reports().forEach((report, r) -> {
            assertEquals(new Scorecard.Prf(1.0, 1.0, 1.0), r.facts().prf(), report);
            assertEquals(1.0, r.programs().prf().precision(), report);
            assertEquals(1.0, r.programs().prf().recall(), report);
            r.metadata().forEach((field, m) -> assertTrue(m.ok(), report + " " + field));
        });
        Scorecard.Totals t = card.totals();
        assertEquals(new Scorecard.Prf(1.0, 1.0, 1.0), t.facts());
        assertEquals(new Scorecard.Prf(1.0, 1.0, 1.0), t.programs());
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0),
                List.of(t.approxAccuracy(), t.indicatorAccuracy(), t.statusAccuracy(), t.metadataAccuracy()));
        assertEquals(gold.facts().size(), t.tp());

        // and score.py agrees, line for line and key for key
        Path script = dir.resolveSibling("gold").resolve("score.py");
        assumeTrue(Files.isRegularFile(script) && ScorerTest.hasPython(), "no python3 or score.py");
        Path jsonl = tmp.resolve("self.jsonl");
        List<String> lines = new ArrayList<>();
        for (JsonNode o : self) lines.add(o.toString());
        Files.write(jsonl, lines, StandardCharsets.UTF_8);
        assertEquals(ScorerTest.run("python3", script.toString(), dir.toString(), jsonl.toString()), card.toText());
        assertEquals(ScorerTest.run("python3", script.toString(), dir.toString(), jsonl.toString(), "--json"), card.toJson());
    }

    /** The gold rows as the JSON objects an extractor would print: year and values as numbers. */
    static List<JsonNode> asExtractorOutput(GoldSet gold) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> out = new ArrayList<>();
        for (GoldSet.GoldReport r : gold.reports()) {
            ObjectNode o = f.objectNode().put("source", "data/reports/" + r.report()).put("title", r.title())
                    .put("region", r.region()).put("province", r.province()).put("level", r.level())
                    .put("published", r.published());
            if (r.year().matches("\\d+")) o.put("year", Integer.parseInt(r.year()));
            ArrayNode facts = o.putArray("facts");
            for (GoldSet.GoldFact g : gold.facts()) {
                if (!g.report().equals(r.report())) continue;
                ObjectNode e = facts.addObject().put("quote", g.quote());
                if (g.value().matches("\\d+")) e.put("value", Long.parseLong(g.value()));
                else e.put("value", Double.parseDouble(g.value()));
                e.put("unit", g.unit()).put("approx", g.approx()).put("indicator", g.indicator()).put("section", g.section());
            }
            ArrayNode programs = o.putArray("programs");
            for (GoldSet.GoldProgram p : gold.programs()) {
                if (p.report().equals(r.report())) programs.addObject().put("program", p.program()).put("status", p.status());
            }
            out.add(o);
        }
        return out;
    }
}
