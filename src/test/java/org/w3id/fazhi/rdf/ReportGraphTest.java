package org.w3id.fazhi.rdf;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.fazhi.extract.ExtractedReport;
import org.w3id.fazhi.extract.Extractor;
import org.w3id.fazhi.source.SourceReader;
import org.w3id.fazhi.validate.ReportValidator;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportGraphTest {

    private static ExtractedReport nanchang;
    private static ReportValidator validator;

    @BeforeAll
    static void extract() throws Exception {
        nanchang = Extractor.builder().build()
                .extract(SourceReader.builder().build().readOne("data/reports/nanchang-county-2023.txt"));
        validator = ReportValidator.bundled();
    }

    @Test
    void readableDeterministicIris() throws Exception {
        assertEquals("https://w3id.org/fazhi/id/report/360121-2023", nanchang.reportIri());
        assertEquals("https://w3id.org/fazhi/graph/report/360121-2023", nanchang.graphIri());
        ExtractedReport again = Extractor.builder().build()
                .extract(SourceReader.builder().build().readOne("data/reports/nanchang-county-2023.txt"));
        assertTrue(again.graph().isIsomorphicWith(nanchang.graph()));
    }

    @Test
    void theBaseIsConfigurable() throws Exception {
        ExtractedReport r = Extractor.builder().base("http://example.org/kg/").build()
                .extract(SourceReader.builder().build().readOne("data/reports/nanchang-county-2023.txt"));
        assertEquals("http://example.org/kg/id/report/360121-2023", r.reportIri());
        assertTrue(r.graph().contains(r.graph().createResource(r.reportIri()), org.w3id.fazhi.rdf.FZ.region,
                r.graph().createResource("http://example.org/kg/id/region/360121")));
    }

    @Test
    void everyFactCarriesItsQuoteAndOffsets() {
        Model g = nanchang.graph();
        String text = g.getRequiredProperty(g.createResource(nanchang.reportIri()), FZ.text).getString();
        List<Resource> facts = g.listResourcesWithProperty(RDF.type, FZ.MetricFact).toList();
        assertTrue(facts.size() >= 70, "facts: " + facts.size());
        for (Resource f : facts) {
            Resource evidence = f.getRequiredProperty(FZ.evidence).getResource();
            int start = -1, end = -1;
            String exact = null;
            for (Statement s : evidence.listProperties(W3C.hasSelector).toList()) {
                Resource sel = s.getResource();
                if (sel.hasProperty(RDF.type, W3C.TextPositionSelector)) {
                    start = sel.getRequiredProperty(W3C.start).getInt();
                    end = sel.getRequiredProperty(W3C.end).getInt();
                } else {
                    exact = sel.getRequiredProperty(W3C.exact).getString();
                }
            }
            assertEquals(exact, text.substring(start, end));
            assertEquals(exact, f.getRequiredProperty(FZ.quote).getString());
            assertTrue(exact.contains(f.getRequiredProperty(FZ.numberText).getString()), exact);
        }
    }

    @Test
    void graphsConformToTheShapes() {
        assertEquals(List.of(), validator.violations(nanchang.graph()));
    }

    @Test
    void theShapesCatchABrokenGraph() {
        Model broken = org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(nanchang.graph());
        Resource fact = broken.listResourcesWithProperty(RDF.type, FZ.MetricFact).next();
        broken.removeAll(fact, FZ.value, null);
        broken.add(fact, FZ.approximation, FZ.Plans);
        Resource report = broken.createResource(nanchang.reportIri());
        broken.add(report, FZ.year, broken.createTypedLiteral("2099", org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYear));
        var violations = validator.violations(broken);
        assertFalse(violations.isEmpty());
        assertTrue(violations.stream().anyMatch(v -> v.resultPath().toString().contains("value")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.resultPath().toString().contains("approximation")));
        assertTrue(violations.stream().anyMatch(v -> v.resultPath().toString().contains("year")));
    }
}
