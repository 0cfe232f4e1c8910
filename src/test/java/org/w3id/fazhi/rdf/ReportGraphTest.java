package org.w3id.fazhi.rdf;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
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
        assertTrue(withoutRunTimes(again.graph()).isIsomorphicWith(withoutRunTimes(nanchang.graph())),
                "the same report gives the same graph, but for when the run started and ended");
        assertTrue(nanchang.graph().containsResource(nanchang.graph().createResource(nanchang.reportIri() + "/observation/reconsideration-received")),
                "an observation is named by its indicator");
    }

    @Test
    void theBaseIsConfigurable() throws Exception {
        ExtractedReport r = Extractor.builder().base("http://example.org/kg/").build()
                .extract(SourceReader.builder().build().readOne("data/reports/nanchang-county-2023.txt"));
        assertEquals("http://example.org/kg/id/report/360121-2023", r.reportIri());
        assertTrue(r.graph().contains(r.graph().createResource(r.reportIri()), org.w3id.fazhi.rdf.FZ.region,
                r.graph().createResource("http://example.org/kg/id/region/360121")));
    }

    /** A graph without the run's start and end times, which differ between any two runs. */
    static Model withoutRunTimes(Model g) {
        Model copy = org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(g);
        copy.removeAll(null, W3C.startedAtTime, null);
        copy.removeAll(null, W3C.endedAtTime, null);
        return copy;
    }

    @Test
    void everyNumberCarriesItsQuoteOnceAndItsPlace() {
        Model g = nanchang.graph();
        Resource textResource = g.getRequiredProperty(g.createResource(nanchang.reportIri()), FZ.hasText).getResource();
        String text = textResource.getRequiredProperty(FZ.text).getString();
        List<Resource> numbers = new java.util.ArrayList<>(g.listResourcesWithProperty(RDF.type, FZ.MetricFact).toList());
        numbers.addAll(g.listResourcesWithProperty(RDF.type, W3C.Observation).toList());
        assertTrue(numbers.size() >= 60, "numbers: " + numbers.size());
        for (Resource f : numbers) {
            String quote = f.getRequiredProperty(FZ.quote).getString();
            assertEquals(1, f.listProperties(FZ.quote).toList().size(), "one quote");
            assertFalse(f.hasProperty(RDFS.label), "the quote is not repeated as a label");
            String first = f.listProperties(FZ.evidence).toList().stream().map(s -> s.getResource().getURI()).sorted(
                    java.util.Comparator.comparingInt(ReportGraphTest::start)).findFirst().orElseThrow();
            assertTrue(first.startsWith(textResource.getURI() + "#char="), first);
            assertEquals(quote, EvidenceOffsetsTest.segment(text, first));
            assertTrue(quote.contains(f.getRequiredProperty(FZ.numberText).getString()), quote);
        }
    }

    private static int start(String evidenceIri) {
        return Integer.parseInt(evidenceIri.substring(evidenceIri.indexOf("#char=") + 6, evidenceIri.lastIndexOf(',')));
    }

    @Test
    void theRunMadeTheGraphNotTheReport() {
        Model g = nanchang.graph();
        Resource report = g.createResource(nanchang.reportIri());
        assertFalse(report.hasProperty(W3C.wasGeneratedBy));
        Resource run = g.createResource(nanchang.graphIri()).getRequiredProperty(W3C.wasGeneratedBy).getResource();
        assertTrue(run.hasProperty(RDF.type, FZ.ExtractionRun));
        assertTrue(run.hasProperty(W3C.startedAtTime) && run.hasProperty(W3C.endedAtTime));
        Resource source = run.getRequiredProperty(W3C.used).getResource();
        assertTrue(source.getURI().startsWith("ni:///sha-256;"), source.getURI());
        assertEquals("nanchang-county-2023.txt", source.getRequiredProperty(FZ.fileName).getString());
        assertFalse(g.listStatements().toList().stream().anyMatch(st -> st.getObject().isLiteral()
                && st.getString().startsWith("/")), "no local path in the graph");
    }

    @Test
    void graphsConformToTheShapes() {
        assertEquals(List.of(), validator.violations(nanchang.graph()));
    }

    @Test
    void theShapesCatchABrokenGraph() {
        Model broken = org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(nanchang.graph());
        Resource fact = broken.listResourcesWithProperty(RDF.type, W3C.Observation).next();
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
