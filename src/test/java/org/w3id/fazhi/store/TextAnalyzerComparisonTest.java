package org.w3id.fazhi.store;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.extract.ExtractedReport;
import org.w3id.fazhi.extract.Extractor;
import org.w3id.fazhi.source.SourceDocument;
import org.w3id.fazhi.source.SourceReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares the two analyzers on a dozen real searches over the five reports: the resources each
 * finds against those whose indexed text plainly contains the term. Writes the table to
 * target/text-search-comparison.md (copied into docs/text-search.md).
 */
class TextAnalyzerComparisonTest {

    static final List<String> TERMS = List.of("枫桥经验", "行政复议", "放管服", "法律援助", "告知承诺制", "调解",
            "规范性文件", "一网通办", "双随机", "执法", "普法", "营商环境");

    static final List<Quad> quads = new ArrayList<>();

    record Score(double precision, double recall, int found) {}

    @Test
    void compare() throws Exception {
        Map<TextAnalyzer, Dataset> indexes = new HashMap<>();
        for (TextAnalyzer a : TextAnalyzer.values()) indexes.put(a, index(a));
        // Ground truth: every indexed literal in the store (reports and vocabularies) that contains the term.
        Dataset any = indexes.get(TextAnalyzer.CJK);
        any.executeRead(() -> any.asDatasetGraph().find().forEachRemaining(quads::add));
        Map<String, Set<Node>> truth = new HashMap<>();
        for (String term : TERMS) {
            Set<Node> s = new HashSet<>();
            for (Quad q : quads) {
                if (TextIndexing.PREDICATES.contains(q.getPredicate()) && q.getObject().isLiteral()
                        && q.getObject().getLiteralLexicalForm().contains(term)) s.add(q.getSubject());
            }
            truth.put(term, s);
        }
        StringBuilder md = new StringBuilder("| term | truth | CJK phrase P/R | CJK plain P/R | SmartCN phrase P/R | SmartCN plain P/R |\n"
                + "|---|---|---|---|---|---|\n");
        double[][] sums = new double[4][2];
        for (String term : TERMS) {
            md.append("| ").append(term).append(" | ").append(truth.get(term).size());
            int col = 0;
            for (TextAnalyzer a : List.of(TextAnalyzer.CJK, TextAnalyzer.SMARTCN)) {
                for (boolean phrase : new boolean[] {true, false}) {
                    Score s = score(indexes.get(a), phrase ? "\"" + term + "\"" : term, truth.get(term));
                    sums[col][0] += s.precision;
                    sums[col][1] += s.recall;
                    md.append(String.format(" | %.2f / %.2f (%d)", s.precision, s.recall, s.found));
                    col++;
                }
            }
            md.append(" |\n");
        }
        md.append("| **mean** | ");
        for (double[] s : sums) md.append(String.format(" | **%.2f / %.2f**", s[0] / TERMS.size(), s[1] / TERMS.size()));
        md.append(" |\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/text-search-comparison.md"), md);
        System.out.println(md);
        // The default analyzer with phrase queries must find every occurrence.
        assertTrue(sums[0][1] / TERMS.size() > 0.99, md.toString());
    }

    @TempDir
    static Path dir;

    /** A real store per analyzer, loaded the way `fazhi load` does. */
    static Dataset index(TextAnalyzer analyzer) {
        KnowledgeStore store = KnowledgeStore.builder().folder(dir.resolve(analyzer.name())).analyzer(analyzer).build();
        StoreLoader.builder().store(store).build().load(List.of("data/reports"));
        return store.dataset();
    }

    static Score score(Dataset ds, String luceneQuery, Set<Node> truth) {
        String q = "PREFIX text: <http://jena.apache.org/text#> SELECT DISTINCT ?s { ?s text:query ('"
                + luceneQuery + "' 100000) }";
        Set<Node> found = new HashSet<>();
        ds.executeRead(() -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
                qe.execSelect().forEachRemaining(row -> found.add(row.get("s").asNode()));
            }
        });
        Set<Node> hit = new HashSet<>(found);
        hit.retainAll(truth);
        double p = found.isEmpty() ? (truth.isEmpty() ? 1 : 0) : (double) hit.size() / found.size();
        double r = truth.isEmpty() ? 1 : (double) hit.size() / truth.size();
        return new Score(p, r, found.size());
    }
}
