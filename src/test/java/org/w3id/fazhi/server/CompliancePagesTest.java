package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compliance sections of the pages on the store of the five reports: a report's card (each
 * part linked to where it stands in its text, the deadline and the date), a region's record over
 * the years, and the national table of {@code /overview} with its chart; each with CSV and JSON by
 * URL that give the same numbers.
 */
@ExtendWith(TestServer.Shared.class)
class CompliancePagesTest {

    static TestServer server;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = server.get(path, null);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    @Test
    void aReportsCardLinksEachPartToItsPlaceAndGivesDeadlineAndDate() throws Exception {
        // 高台县 2020: the parts where its headings stand; the leaders' duty only in a sentence of (一);
        // published 2021-04-01, the day after the last day 2021-03-31.
        Document doc = server.page("/id/report/620724-2020");
        Element card = doc.getElementById("compliance");
        assertNotNull(card, "no compliance card");
        Map<String, Element> rows = new LinkedHashMap<>();
        for (Element tr : card.select("tr[data-requirement]")) rows.put(tr.attr("data-requirement"), tr);
        assertEquals(List.of("MeasuresAndResultsPart", "ShortcomingsPart", "FirstResponsibilityPart", "NextYearPlansPart",
                "OtherMattersPart", "PublicationDeadline"), new ArrayList<>(rows.keySet()), "the rules' order");
        assertEquals(List.of("passed", "passed", "cantTell", "passed", "inapplicable", "failed"),
                rows.values().stream().map(tr -> tr.className()).toList());
        // Each link goes to the section of the text where the part stands, and that section starts with its words.
        for (String part : List.of("MeasuresAndResultsPart", "ShortcomingsPart", "NextYearPlansPart", "FirstResponsibilityPart")) {
            Element a = rows.get(part).selectFirst("a.where");
            assertNotNull(a, part);
            Element target = doc.getElementById(a.attr("href").substring(1));
            assertNotNull(target, part + " links to " + a.attr("href") + ", which is not on the page");
            if (!part.equals("FirstResponsibilityPart")) assertEquals(a.text(), target.text(), part);
            else assertTrue(target.parent().text().contains(a.text()) || target.text().equals("(一)加强统筹谋划,法治政府责任体系逐步健全。"),
                    "the sentence stands in the section linked");
        }
        String deadline = rows.get("PublicationDeadline").text();
        assertTrue(deadline.contains("逾期1天") && deadline.contains("2021-04-01") && deadline.contains("2021-03-31"), deadline);
        assertTrue(card.selectFirst(".rule").text().contains("法治政府建设与责任落实督察工作规定"), card.selectFirst(".rule").text());
        // The same points as CSV: a header and one line per requirement.
        String csv = get(card.select(".raw a").first().attr("href"));
        assertEquals(7, csv.lines().count(), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("publication-deadline,第二十四条,failed,") && l.endsWith(",2021-03-31,2021-04-01,page,1")), csv);
    }

    @Test
    void aRegionsPageGivesItsRecordOverTheYears() throws Exception {
        Document doc = server.page("/id/region/620724");
        Element section = doc.getElementById("compliance");
        assertNotNull(section);
        List<Element> rows = section.select("tbody tr");
        assertEquals(1, rows.size(), "one report of 高台县");
        List<String> cells = rows.get(0).select("td").stream().map(Element::text).toList();
        assertEquals("2020", cells.get(0));
        assertEquals(List.of("2021-03-31", "2021-04-01", "✗ failed 1 天 days late", "? cantTell"), cells.subList(2, 6));
        assertEquals("", cells.get(6), "nothing missing");
        assertTrue(cells.get(7).contains("第一责任人"), cells.toString());
        assertTrue(rows.get(0).selectFirst("a").attr("href").endsWith("/id/report/620724-2020#compliance"));
        JsonNode json = new ObjectMapper().readTree(get(section.select(".raw a").get(1).attr("href")));
        JsonNode row = json.get("results").get("bindings").get(0);
        assertEquals("failed", row.get("timeliness").get("value").asText());
        assertEquals("1", row.get("days_late").get("value").asText());
    }

    @Test
    void theOverviewHasTheNationalTableWithItsChartAndItsData() throws Exception {
        Document doc = server.page("/overview");
        Element section = doc.getElementById("compliance");
        assertNotNull(section);
        Map<String, List<String>> byProvince = new LinkedHashMap<>();
        for (Element tr : section.select("table.compliance-table tbody tr")) {
            List<String> cells = tr.select("td").stream().map(Element::text).toList();
            byProvince.put(cells.get(0), cells.subList(1, cells.size()));
        }
        // One report per province: nanchang, shanwei, xiangyang on time; gaotai a day late; jinpu no date.
        // Every part: nanchang, xiangyang, jinpu; shanwei and gaotai name the leaders' duty only in passing.
        assertEquals(List.of("广东省", "江西省", "湖北省", "甘肃省", "辽宁省"), new ArrayList<>(byProvince.keySet()));
        assertEquals(List.of("1", "0", "1", "0", "0", "0", "1", "0", "0"), byProvince.get("甘肃省"));
        assertEquals(List.of("1", "0", "0", "1", "1", "0", "0", "0", "100"), byProvince.get("辽宁省"));
        assertEquals(List.of("1", "1", "0", "0", "1", "0", "0", "100", "100"), byProvince.get("江西省"));
        // The chart's numbers are the table's.
        JsonNode spec = new ObjectMapper().readTree(section.selectFirst("script.chart-data").data());
        assertEquals(List.copyOf(byProvince.keySet()), new ObjectMapper().convertValue(spec.get("categories"), List.class));
        List<String> onTime = new ArrayList<>();
        spec.get("series").get(1).get("data").forEach(n -> onTime.add(n.asText()));
        assertEquals(byProvince.values().stream().map(c -> c.get(1)).toList(), onTime);
        assertTrue(doc.select("script[src]").eachAttr("src").containsAll(List.of(WebAssets.ECHARTS, WebAssets.THING_CHARTS)));
        // And as CSV by URL: the same rows.
        String csv = get(section.select(".raw a").first().attr("href"));
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("甘肃省,\"\",\"\",1,0,1,0,0,0,1,")), csv);
        assertEquals(1 + byProvince.size(), csv.lines().count());
    }
}
