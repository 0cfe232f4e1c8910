package org.w3id.fazhi.rdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.fazhi.extract.ExtractedReport;
import org.w3id.fazhi.extract.Extractor;
import org.w3id.fazhi.source.SourceReader;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report as JSON-LD: plain JSON a programmer reads by key, and the same graph to a JSON-LD processor. */
class ReportJsonLdTest {

    private static ExtractedReport nanchang;
    private static String json;

    @BeforeAll
    static void write() throws Exception {
        nanchang = Extractor.builder().build().extract(SourceReader.builder().build().readOne("data/reports/nanchang-county-2023.txt"));
        json = ReportJsonLd.under(IriMinter.DEFAULT_BASE).document(nanchang.graph(), nanchang.reportIri(), null).toString();
    }

    @Test
    void aPlainJsonParserReadsItByKey() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(json);
        assertEquals(nanchang.reportIri(), doc.get("id").asText());
        assertEquals("南昌县政府2023年度法治政府建设工作报告", doc.get("title").asText());
        assertTrue(doc.get("facts").isArray() && doc.get("facts").size() > 50, "facts");
        assertTrue(doc.get("facts").get(0).get("value").isNumber(), doc.get("facts").get(0).toString());
        assertTrue(doc.get("measures").get(0).get("evidence").isArray(), "a key that can repeat is always an array");
        assertTrue(doc.get("type").isArray());
        JsonNode observation = null;
        for (JsonNode f : doc.get("facts")) if (f.get("type").toString().contains("Observation")) observation = f;
        assertTrue(observation != null && observation.get("indicator").isTextual() && observation.get("unit").isTextual(), String.valueOf(observation));
        assertEquals(json, ReportJsonLd.under(IriMinter.DEFAULT_BASE).document(nanchang.graph(), nanchang.reportIri(), null).toString(),
                "the same graph gives the same document");
        assertTrue(Files.readString(Path.of("ontology/context.jsonld")).contains("\"facts\""), "the published context is the bundled one");
    }

    /** Numbers typed as JSON-LD types native numbers, to compare values whatever their numeric datatype. */
    private static Graph numbersAsDecimals(Graph g) {
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> {
            Node o = t.getObject();
            if (o.isLiteral() && o.getLiteralValue() instanceof Number
                    && !o.getLiteralDatatypeURI().equals(XSDDatatype.XSDgYear.getURI())) {
                o = NodeFactory.createLiteralDT(new BigDecimal(o.getLiteralLexicalForm()).stripTrailingZeros().toPlainString(), XSDDatatype.XSDdecimal);
            }
            out.add(Triple.create(t.getSubject(), t.getPredicate(), o));
        });
        return out;
    }

    @Test
    void aJsonLdProcessorReadsTheSameGraph() {
        Graph read = RDFParser.fromString(json, Lang.JSONLD11).toGraph();
        Graph original = numbersAsDecimals(nanchang.graph().getGraph());
        Graph back = numbersAsDecimals(read);
        assertEquals(original.size(), back.size());
        assertTrue(back.isIsomorphicWith(original));
    }
}
