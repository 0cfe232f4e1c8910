package org.w3id.fazhi.rdf;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.fazhi.query.QueryDatasets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The integrity constraints of the RDF Data Cube recommendation (W3C, 2014, section 11.1, IC-1 to
 * IC-21), written from the specification as its ASK queries (each is true when the constraint is
 * violated), run on the five reports of data/ with the bundled vocabularies: the union of every
 * graph, as the server shows it. IC-20 and IC-21 are templates over each hierarchical code list's
 * parent-child property and are instantiated per list, as the specification describes.
 */
class DataCubeIntegrityTest {

    private static final String PREFIXES = """
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX qb:   <http://purl.org/linked-data/cube#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            """;

    private static final Map<String, String> CONSTRAINTS = new LinkedHashMap<>();

    static {
        CONSTRAINTS.put("IC-1 Unique DataSet", """
                ASK { { ?obs a qb:Observation . FILTER NOT EXISTS { ?obs qb:dataSet ?dataset1 . } }
                      UNION { ?obs a qb:Observation ; qb:dataSet ?dataset1, ?dataset2 . FILTER (?dataset1 != ?dataset2) } }""");
        CONSTRAINTS.put("IC-2 Unique DSD", """
                ASK { { ?dataset a qb:DataSet . FILTER NOT EXISTS { ?dataset qb:structure ?dsd . } }
                      UNION { ?dataset a qb:DataSet ; qb:structure ?dsd1, ?dsd2 . FILTER (?dsd1 != ?dsd2) } }""");
        CONSTRAINTS.put("IC-3 DSD includes measure", """
                ASK { ?dsd a qb:DataStructureDefinition .
                      FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty [ a qb:MeasureProperty ] ] } }""");
        CONSTRAINTS.put("IC-4 Dimensions have range", """
                ASK { ?dim a qb:DimensionProperty . FILTER NOT EXISTS { ?dim rdfs:range [] } }""");
        CONSTRAINTS.put("IC-5 Concept dimensions have code lists", """
                ASK { ?dim a qb:DimensionProperty ; rdfs:range skos:Concept . FILTER NOT EXISTS { ?dim qb:codeList [] } }""");
        CONSTRAINTS.put("IC-6 Only attributes may be optional", """
                ASK { ?dsd qb:component ?componentSpec .
                      ?componentSpec qb:componentRequired "false"^^xsd:boolean ; qb:componentProperty ?component .
                      FILTER NOT EXISTS { ?component a qb:AttributeProperty } }""");
        CONSTRAINTS.put("IC-7 Slice Keys must be declared", """
                ASK { ?sliceKey a qb:SliceKey . FILTER NOT EXISTS { [ a qb:DataStructureDefinition ] qb:sliceKey ?sliceKey } }""");
        CONSTRAINTS.put("IC-8 Slice Keys consistent with DSD", """
                ASK { ?slicekey a qb:SliceKey ; qb:componentProperty ?prop . ?dsd qb:sliceKey ?slicekey .
                      FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty ?prop ] } }""");
        CONSTRAINTS.put("IC-9 Unique slice structure", """
                ASK { { ?slice a qb:Slice . FILTER NOT EXISTS { ?slice qb:sliceStructure ?key } }
                      UNION { ?slice a qb:Slice ; qb:sliceStructure ?key1, ?key2 . FILTER (?key1 != ?key2) } }""");
        CONSTRAINTS.put("IC-10 Slice dimensions complete", """
                ASK { ?slice qb:sliceStructure [ qb:componentProperty ?dim ] . FILTER NOT EXISTS { ?slice ?dim [] } }""");
        CONSTRAINTS.put("IC-11 All dimensions required", """
                ASK { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                      ?dim a qb:DimensionProperty . FILTER NOT EXISTS { ?obs ?dim [] } }""");
        CONSTRAINTS.put("IC-12 No duplicate observations", """
                ASK { FILTER (?allEqual)
                      { SELECT (MIN(?equal) AS ?allEqual) WHERE {
                          ?obs1 qb:dataSet ?dataset . ?obs2 qb:dataSet ?dataset . FILTER (?obs1 != ?obs2)
                          ?dataset qb:structure/qb:component/qb:componentProperty ?dim .
                          ?dim a qb:DimensionProperty .
                          ?obs1 ?dim ?value1 . ?obs2 ?dim ?value2 .
                          BIND (?value1 = ?value2 AS ?equal)
                        } GROUP BY ?obs1 ?obs2 } }""");
        CONSTRAINTS.put("IC-13 Required attributes", """
                ASK { ?obs qb:dataSet/qb:structure/qb:component ?component .
                      ?component qb:componentRequired "true"^^xsd:boolean ; qb:componentProperty ?attr .
                      FILTER NOT EXISTS { ?obs ?attr [] } }""");
        CONSTRAINTS.put("IC-14 All measures present", """
                ASK { ?obs qb:dataSet/qb:structure ?dsd .
                      FILTER NOT EXISTS { ?dsd qb:component/qb:componentProperty qb:measureType }
                      ?dsd qb:component/qb:componentProperty ?measure . ?measure a qb:MeasureProperty .
                      FILTER NOT EXISTS { ?obs ?measure [] } }""");
        CONSTRAINTS.put("IC-15 Measure dimension consistent", """
                ASK { ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure .
                      ?dsd qb:component/qb:componentProperty qb:measureType .
                      FILTER NOT EXISTS { ?obs ?measure [] } }""");
        CONSTRAINTS.put("IC-16 Single measure on measure dimension observation", """
                ASK { ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure ; ?omeasure [] .
                      ?dsd qb:component/qb:componentProperty qb:measureType ; qb:component/qb:componentProperty ?omeasure .
                      ?omeasure a qb:MeasureProperty . FILTER (?omeasure != ?measure) }""");
        CONSTRAINTS.put("IC-17 All measures present in measures dimension cube", """
                ASK { { SELECT ?numMeasures (COUNT(?obs2) AS ?count) WHERE {
                          { SELECT ?dsd (COUNT(?m) AS ?numMeasures) WHERE {
                              ?dsd qb:component/qb:componentProperty ?m . ?m a qb:MeasureProperty . } GROUP BY ?dsd }
                          ?obs1 qb:dataSet/qb:structure ?dsd ; qb:dataSet ?dataset ; qb:measureType ?m1 .
                          ?obs2 qb:dataSet ?dataset ; qb:measureType ?m2 .
                          FILTER NOT EXISTS { ?dsd qb:component/qb:componentProperty ?dim . FILTER (?dim != qb:measureType)
                                              ?dim a qb:DimensionProperty . ?obs1 ?dim ?v1 . ?obs2 ?dim ?v2 . FILTER (?v1 != ?v2) }
                        } GROUP BY ?obs1 ?numMeasures HAVING (?count != ?numMeasures) } }""");
        CONSTRAINTS.put("IC-18 Consistent data set links", """
                ASK { ?dataset qb:slice ?slice . ?slice qb:observation ?obs . FILTER NOT EXISTS { ?obs qb:dataSet ?dataset . } }""");
        CONSTRAINTS.put("IC-19 Codes from code list (concept scheme)", """
                ASK { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                      ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a skos:ConceptScheme .
                      ?obs ?dim ?v . FILTER NOT EXISTS { ?v a skos:Concept ; skos:inScheme ?list } }""");
        CONSTRAINTS.put("IC-19 Codes from code list (collection)", """
                ASK { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                      ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a skos:Collection .
                      ?obs ?dim ?v . FILTER NOT EXISTS { ?v a skos:Concept . ?list skos:member+ ?v } }""");
    }

    /** IC-20 and IC-21, with $p the parent-child property of one hierarchical code list. */
    private static final String IC20 = """
            ASK { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                  ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a qb:HierarchicalCodeList .
                  ?obs ?dim ?v . FILTER NOT EXISTS { ?list qb:hierarchyRoot/<$p>* ?v } }""";
    private static final String IC21 = """
            ASK { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                  ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a qb:HierarchicalCodeList .
                  ?obs ?dim ?v . FILTER NOT EXISTS { ?list qb:hierarchyRoot/(^<$p>)* ?v } }""";

    private static Model union;

    /**
     * The normalization algorithm of section 10 (phase 1: type and component-property closure;
     * phase 2: attributes attached to a data set or slice pushed down to its observations), which
     * the constraints presuppose.
     */
    private static final String NORMALIZE = """
            INSERT { ?o rdf:type qb:Observation } WHERE { [] qb:observation ?o } ;
            INSERT { ?o rdf:type qb:Observation } WHERE { ?o qb:dataSet [] } ;
            INSERT { ?s rdf:type qb:Slice } WHERE { [] qb:slice ?s } ;
            INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:DimensionProperty } WHERE { ?cs qb:dimension ?p } ;
            INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:MeasureProperty } WHERE { ?cs qb:measure ?p } ;
            INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:AttributeProperty } WHERE { ?cs qb:attribute ?p } ;
            INSERT { ?obs ?comp ?value } WHERE {
                ?spec qb:componentProperty ?comp ; qb:componentAttachment qb:DataSet .
                ?dataset qb:structure [ qb:component ?spec ] ; ?comp ?value .
                ?obs qb:dataSet ?dataset } ;
            INSERT { ?obs ?comp ?value } WHERE {
                ?spec qb:componentProperty ?comp ; qb:componentAttachment qb:Slice .
                ?dataset qb:structure [ qb:component ?spec ] ; qb:slice ?slice .
                ?slice ?comp ?value ; qb:observation ?obs }
            """;

    @BeforeAll
    static void load() {
        Dataset ds = QueryDatasets.fromReports(List.of("data/reports"));
        union = org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(ds.getDefaultModel());
        org.apache.jena.update.UpdateAction.parseExecute(PREFIXES + NORMALIZE, union);
    }

    private static boolean ask(String query) {
        try (QueryExecution qe = QueryExecution.model(union).query(PREFIXES + query).build()) {
            return qe.execAsk();
        }
    }

    @Test
    void everyIntegrityConstraintHolds() {
        List<String> violated = new ArrayList<>();
        CONSTRAINTS.forEach((name, ask) -> { if (ask(ask)) violated.add(name); });
        String lists = "SELECT ?p { ?list a qb:HierarchicalCodeList ; qb:parentChildProperty ?p }";
        try (QueryExecution qe = QueryExecution.model(union).query(PREFIXES + lists).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String p = s.getResource("p").getURI();
                if (ask(IC20.replace("$p", p))) violated.add("IC-20 Codes from hierarchy (" + p + ")");
                if (ask(IC21.replace("$p", p))) violated.add("IC-21 Codes from hierarchy, inverse (" + p + ")");
            }
        }
        assertEquals(List.of(), violated);
    }

    @Test
    void theCubeIsNotEmptyAndEveryObservationIsTyped() {
        assertTrue(ask("ASK { ?o a qb:Observation ; qb:dataSet ?d . ?d qb:structure ?s . ?s a qb:DataStructureDefinition }"));
        assertFalse(ask("ASK { ?o qb:dataSet ?d . FILTER NOT EXISTS { ?o a qb:Observation } }"),
                "anything in a data set is typed qb:Observation");
    }

    /** The constraints are not vacuous: a duplicate, a missing dimension and a code outside its list are caught. */
    @Test
    void theConstraintsCatchWhatTheyShould() {
        Model broken = org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(union);
        var o = broken.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type,
                broken.createResource("http://purl.org/linked-data/cube#Observation")).next();
        var copy = broken.createResource(o.getURI() + "-copy");
        o.listProperties().toList().forEach(st -> broken.add(copy, st.getPredicate(), st.getObject()));
        Model saved = union;
        try {
            union = broken;
            assertTrue(ask(CONSTRAINTS.get("IC-12 No duplicate observations")), "IC-12 sees the copy");
            broken.removeAll(copy, FZ.indicator, null);
            assertTrue(ask(CONSTRAINTS.get("IC-11 All dimensions required")), "IC-11 sees the missing indicator");
            broken.add(copy, FZ.indicator, broken.createResource("https://w3id.org/fazhi/id/indicator/no-such-indicator"));
            assertTrue(ask(CONSTRAINTS.get("IC-19 Codes from code list (concept scheme)")), "IC-19 sees the unknown code");
        } finally {
            union = saved;
        }
    }
}
