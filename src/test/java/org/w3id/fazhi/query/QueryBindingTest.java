package org.w3id.fazhi.query;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameters are bound into the parsed query as literals: no value can change the query's shape. */
class QueryBindingTest {

    private static final SavedQueries QUERIES = TestStore.queries();

    static final String[] HOSTILE = {
            "枫桥经验\"", "枫桥经验\" } DROP ALL #", "> . } DROP ALL #", "枫桥经验'", "}", "\"\"\"",
            "枫桥经验\n} UNION { ?s ?p ?o }", "<https://w3id.org/fazhi/id/program/fengqiao-experience>",
            "https://w3id.org/fazhi/id/program/fengqiao-experience", "?label", "\\u0022", "枫桥经验\\",
            "program:fengqiao-experience", "\" || true || \"", ""};

    /** Bound with {@code value}, then that literal put back as the benign value: the same query as bound with the benign value. */
    static void assertSameShape(SavedQuery q, String param, String value, String benign) {
        Query hostile = QueryRunner.bind(q, Map.of(param, value));
        Node literal = NodeFactory.createLiteralString(value);
        Node good = NodeFactory.createLiteralString(benign);
        Query back = QueryTransformOps.transform(hostile, n -> n.equals(literal) ? good : n);
        assertEquals(QueryRunner.bind(q, Map.of(param, benign)).serialize(), back.serialize(), value);
        assertTrue(hostile.serialize().contains("UPDATE") == false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"regions-practising-program", "agencies-for-program"})
    void hostileProgramsBindAsOneLiteralAndMatchNothing(String name) {
        SavedQuery q = QUERIES.get(name);
        for (String value : HOSTILE) {
            assertSameShape(q, "program", value, "枫桥经验");
            QueryResult r = TestStore.runner().run(q, Map.of("program", value));
            assertEquals(0, r.size(), value);
        }
    }

    @Test
    void hostileKeywordsOnlyMatchWhatTheTextSays() {
        SavedQuery q = QUERIES.get("search-measures");
        for (String value : HOSTILE) {
            assertSameShape(q, "keyword", value, "法律顾问");
            QueryResult r = TestStore.runner().run(q, Map.of("keyword", value));
            for (int i = 0; i < r.size(); i++) assertTrue(r.text(i, "quote").contains(value), value);
        }
        // A quote mark that the texts do use: every row says it.
        QueryResult quoted = TestStore.runner().run(q, Map.of("keyword", "“五大行动”"));
        assertEquals(3, quoted.size());
    }

    @Test
    void twoParametersStayApart() {
        SavedQuery q = QUERIES.get("region-pair-shared");
        QueryResult r = TestStore.runner().run(q, Map.of("region_a", "南昌县\" , \"高台县", "region_b", "高台县"));
        assertEquals(0, r.size());
        Query bound = QueryRunner.bind(q, Map.of("region_a", "南昌县", "region_b", "高台县"));
        assertTrue(bound.serialize().contains("\"南昌县\"") && bound.serialize().contains("\"高台县\""));
    }

    @Test
    void integersAreTypedAndChecked() {
        SavedQuery q = QUERIES.get("programs-shared");
        assertTrue(QueryRunner.bind(q, Map.of("min_regions", "3")).serialize().contains(">= 3"));
        for (String bad : new String[] {"3 }", "3) || true", "three", "", "1e3", "\"3\""}) {
            QueryException e = assertThrows(QueryException.class, () -> QueryRunner.bind(q, Map.of("min_regions", bad)), bad);
            assertTrue(e.getMessage().contains("min_regions"), e.getMessage());
        }
    }

    @Test
    void unknownQueryListsTheValidNames() {
        QueryException e = assertThrows(QueryException.class, () -> QUERIES.get("regions-practicing-program"));
        assertTrue(e.getMessage().contains("regions-practicing-program"));
        for (String name : QUERIES.names()) assertTrue(e.getMessage().contains(name), name);
    }

    @Test
    void unknownParameterListsTheValidOnes() {
        SavedQuery q = QUERIES.get("region-pair-shared");
        QueryException e = assertThrows(QueryException.class, () -> TestStore.runner().run(q, Map.of("region", "南昌县")));
        assertTrue(e.getMessage().contains("'region'") && e.getMessage().contains("region_a, region_b"), e.getMessage());
        QueryException none = assertThrows(QueryException.class, () -> QueryRunner.bind(QUERIES.get("reports"), Map.of("x", "1")));
        assertTrue(none.getMessage().contains("takes none"), none.getMessage());
    }

    @Test
    void headerFormat() {
        SavedQuery q = SavedQuery.parse("t", """
                # title: 标题 | A title
                # description: First part.
                # description: Second part.
                # param: program = 枫桥经验  (the program (its label))
                # param: n:integer = 2
                # param: empty =  (nothing by default)
                # columns: a, b ,c
                # view: network   (edges)
                # a note
                SELECT ?a ?b ?c WHERE { BIND(?program AS ?a) BIND(?n AS ?b) BIND(?empty AS ?c) }
                """);
        assertEquals("标题", q.titleZh());
        assertEquals("A title", q.titleEn());
        assertEquals("First part. Second part.", q.description());
        assertEquals(List.of("program", "n", "empty"), q.paramNames());
        assertEquals(new SavedQuery.Param("program", SavedQuery.ParamType.STRING, "枫桥经验", "the program (its label)"), q.params().get(0));
        assertEquals(SavedQuery.ParamType.INTEGER, q.params().get(1).type());
        assertEquals("2", q.params().get(1).defaultValue());
        assertEquals("", q.params().get(2).defaultValue());
        assertEquals(List.of("a", "b", "c"), q.columns());
        assertEquals(SavedQuery.View.NETWORK, q.view());
        assertThrows(QueryException.class, () -> SavedQuery.parse("bad", "# view: pie\nSELECT * {}"));
        assertThrows(QueryException.class, () -> SavedQuery.parse("bad", "# param: n:integer = two\nSELECT * {}"));
    }
}
