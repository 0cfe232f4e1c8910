package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The saved queries on the web: {@code /queries}, one query's page, raw results and the errors. */
@ExtendWith(TestServer.Shared.class)
class SavedQueryPagesTest {

    static final String NANCHANG = "江西省南昌市南昌县";
    static TestServer server;

    @BeforeAll
    static void start(TestServer shared) { server = shared; }

    static String encode(String s) { return QueryPages.encode(s); }

    @Test
    void listShowsEveryQueryWithTitlesAndDescription() throws Exception {
        HttpResponse<String> r = server.get("/queries", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        Document doc = Jsoup.parse(r.body());
        SavedQueries all = SavedQueries.load();
        for (SavedQuery q : all.all()) {
            Element link = doc.selectFirst("a[href=/queries/" + q.name() + "]");
            assertTrue(link != null, q.name() + " listed");
            Element row = link.closest("tr");
            if (!q.titleZh().isEmpty()) assertTrue(row.text().contains(q.titleZh()), q.name());
            if (!q.titleEn().isEmpty()) assertTrue(row.text().contains(q.titleEn()), q.name());
            assertTrue(row.text().contains(q.description().substring(0, Math.min(30, q.description().length()))), q.name());
        }
        assertTrue(doc.selectFirst("a[href=/]") != null, "links the Fuseki UI");
    }

    @Test
    void queryPageWithAParameter() throws Exception {
        HttpResponse<String> r = server.get("/queries/regions-practising-program?program=" + encode("枫桥经验"), null);
        assertEquals(200, r.statusCode(), r.body());
        Document doc = Jsoup.parse(r.body());
        assertEquals("枫桥经验", doc.selectFirst("form input[name=program]").val(), "the form holds the value it ran with");
        List<String> regions = new ArrayList<>();
        for (Element tr : doc.select("table.results tbody tr")) regions.add(tr.child(0).text());
        assertFalse(regions.isEmpty(), "rows");
        assertTrue(doc.select("table.results thead th").eachText().containsAll(List.of("region", "year", "quote")));
        assertTrue(doc.selectFirst("details.source pre").text().contains("\"枫桥经验\""), "view source shows the bound query");
        String editor = doc.selectFirst("a[href^=/#/dataset/kg/query?query=]").attr("href");
        String editorQuery = URLDecoder.decode(editor.substring(editor.indexOf("query=") + 6).replace("+", "%2B"), StandardCharsets.UTF_8);
        assertTrue(editorQuery.contains("SELECT") && editorQuery.contains("枫桥经验"), editorQuery);
        assertTrue(doc.selectFirst("a[href=/queries]") != null, "links the list");
    }

    @Test
    void defaultsFillTheFormAndChartsComeFromTheJar() throws Exception {
        Document doc = Jsoup.parse(server.get("/queries/region-timeline", null).body());
        assertEquals("南昌县", doc.selectFirst("form input[name=region]").val());
        assertTrue(doc.selectFirst("#chart") != null, "a line view has a chart");
        assertTrue(doc.selectFirst("script[src=" + WebAssets.ECHARTS + "]") != null);
        assertEquals(200, server.get(WebAssets.ECHARTS, null).statusCode());
        assertEquals(200, server.get(WebAssets.CHART_SCRIPT, null).statusCode());
        assertEquals(404, server.get(WebAssets.PATH + "/reports.rq", null).statusCode());
    }

    @Test
    void rawResultsParse() throws Exception {
        String path = "/queries/indicator-across-regions?indicator=reconsideration-received";
        HttpResponse<String> csv = server.get(path + "&format=csv", null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("region,year,value,unit,approximation,number_text,quote", lines[0]);
        // A store writes decimals in canonical form (233.0): compare numbers, not text.
        Set<BigDecimal> nanchang = new TreeSet<>();
        for (String line : lines) if (line.startsWith(NANCHANG + ",")) nanchang.add(new BigDecimal(line.split(",")[2]).stripTrailingZeros());
        assertEquals(Set.of(new BigDecimal(233)), nanchang, "南昌县 received 233 applications for reconsideration");

        HttpResponse<String> json = server.get(path + "&format=json", null);
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        JsonNode results = new ObjectMapper().readTree(json.body());
        assertEquals("region", results.path("head").path("vars").get(0).asText());
        assertEquals(lines.length - 1, results.path("results").path("bindings").size());

        HttpResponse<String> tsv = server.get(path + "&format=tsv", null);
        assertTrue(tsv.headers().firstValue("Content-Type").orElse("").startsWith("text/tab-separated-values"));
        assertEquals(lines.length, tsv.body().split("\n").length);
    }

    @Test
    void hostileValuesStayOneLiteral() throws Exception {
        HttpResponse<String> r = server.get("/queries/regions-practising-program?format=csv&program="
                + encode("枫桥经验\" } UNION { ?s ?p ?o } #"), null);
        assertEquals(200, r.statusCode());
        assertEquals("region,year,status,surface,quote\r\n", r.body(), "no program has that label");
    }

    @Test
    void errors() throws Exception {
        HttpResponse<String> unknown = server.get("/queries/no-such-query", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(Jsoup.parse(unknown.body()).selectFirst("a[href=/queries/regions-practising-program]") != null,
                "the 404 lists the valid queries");
        HttpResponse<String> param = server.get("/queries/regions-practising-program?region=x", null);
        assertEquals(400, param.statusCode());
        assertTrue(param.body().contains("program"), "the 400 names the valid parameters");
        HttpResponse<String> raw = server.get("/queries/regions-practising-program?region=x&format=csv", null);
        assertEquals(400, raw.statusCode());
        assertTrue(raw.body().contains("valid: program"));
        assertEquals(400, server.get("/queries/programs-shared?min_regions=many", null).statusCode());
        assertEquals(400, server.get("/queries/reports?format=xlsx", null).statusCode());
    }

    @Test
    void resourcePagesLinkTheQueries() throws Exception {
        Document page = Jsoup.parse(server.get("/id/report/360121-2023", "text/html").body());
        assertTrue(page.selectFirst("a[href=/queries]") != null);
    }

    /** The reports query (five rows on the five reports) read two rows at a time. */
    @Test
    void answersAreReadAPageAtATime() throws Exception {
        List<String> all = List.of(server.get("/queries/reports?format=csv", null).body().split("\r\n"));
        assertEquals(6, all.size(), "a header and the five reports, every row when no limit is given: " + all);
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            String[] lines = server.get("/queries/reports?format=csv&limit=2&offset=" + offset, null).body().split("\r\n");
            for (int i = 1; i < lines.length; i++) paged.add(lines[i]);
        }
        assertEquals(all.subList(1, all.size()), paged, "the pages together are the whole answer, in order");

        Document first = Jsoup.parse(server.get("/queries/reports?limit=2", null).body());
        assertEquals(2, first.select("table.results tbody tr").size());
        assertTrue(first.select("p.count").text().startsWith("rows 1–2 of more"), first.select("p.count").text());
        Element next = first.selectFirst("a[rel=next]");
        assertTrue(next != null && next.attr("href").contains("offset=2") && next.attr("href").contains("limit=2"), String.valueOf(next));
        Document last = Jsoup.parse(server.get("/queries/reports?limit=2&offset=4", null).body());
        assertEquals(1, last.select("table.results tbody tr").size());
        assertTrue(last.selectFirst("a[rel=next]") == null, "no page after the last");
        assertTrue(last.selectFirst("a[rel=prev]").attr("href").contains("offset=2"));

        for (String bad : List.of("limit=0", "limit=abc", "offset=-1", "limit=100000")) {
            assertEquals(400, server.get("/queries/reports?" + bad, null).statusCode(), bad);
        }
    }
}
