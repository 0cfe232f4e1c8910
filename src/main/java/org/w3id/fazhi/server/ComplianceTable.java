package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.query.Dataset;
import org.jsoup.nodes.Element;
import org.w3id.fazhi.query.QueryResult;
import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The national table of {@code /overview}: by province, how many reports, how many were made
 * public on time, and how many have every part the rules require, with a bar chart of the same
 * numbers. It is the saved query {@code compliance-by-province} by province alone (the bundled
 * copy, run on the served dataset), so its CSV and JSON are that query's, by URL.
 */
final class ComplianceTable {

    static final String QUERY = "compliance-by-province";
    static final Map<String, String> BY_PROVINCE = Map.of("by_level", "no", "by_year", "no");
    private static final String URL = QueryPages.PATH + "/" + QUERY + "?by_level=no&by_year=no";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComplianceTable() {}

    /** Appends the section to the overview's body; inside a read transaction. */
    static void append(Element body, Dataset dataset) {
        SavedQuery query = SavedQueries.bundled().get(QUERY);
        QueryResult result = QueryRunner.builder().dataset(dataset).build().run(query, BY_PROVINCE);
        Element section = body.appendElement("section").id("compliance");
        section.appendElement("h2").text("合规 Reports against the rules, by province");
        section.appendElement("p").addClass("note").text("On time: made public before 1 April of the next year (reports on "
                + "2015-2018: reported in the first quarter). Every part: the five parts the 2019 rules require (a report with "
                + "nothing else to report needs no fifth). A report whose date or parts cannot be told counts as neither. "
                + "A leader's own report on the first-responsibility duty is left out.");
        if (result.size() == 0) {
            section.appendElement("p").text("No report with a compliance assessment is in the store.");
            return;
        }
        String[][] columns = {{"province", "省份 province"}, {"reports", "报告 reports"}, {"on_time", "按时 on time"},
                {"late", "逾期 late"}, {"date_unknown", "日期不明 date unknown"}, {"all_parts", "五部分齐全 every part"},
                {"parts_missing", "缺部分 a part missing"}, {"parts_unknown", "部分未知 parts unknown"},
                {"on_time_pct", "按时 %"}, {"all_parts_pct", "齐全 %"}};
        Element table = section.appendElement("table").addClass("compliance-table");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String[] c : columns) head.appendElement("th").text(c[1]);
        Element tbody = table.appendElement("tbody");
        ObjectNode spec = JSON.createObjectNode().put("view", "bar");
        ArrayNode categories = spec.putArray("categories");
        ArrayNode series = spec.putArray("series");
        ArrayNode reports = series.addObject().put("name", "报告 reports").putArray("data");
        ArrayNode onTime = series.addObject().put("name", "按时 on time").putArray("data");
        ArrayNode allParts = series.addObject().put("name", "五部分齐全 every part").putArray("data");
        for (int i = 0; i < result.size(); i++) {
            Element tr = tbody.appendElement("tr");
            String province = result.text(i, "province");
            if (province.isEmpty()) province = "地区不明 region unknown";
            tr.appendElement("td").text(province);
            for (String[] c : List.of(columns).subList(1, columns.length)) {
                tr.appendElement("td").addClass("num").attr("data-column", c[0]).text(ReportPage.number(result.text(i, c[0])));
            }
            categories.add(province);
            reports.add(new BigDecimal(result.text(i, "reports")));
            onTime.add(new BigDecimal(result.text(i, "on_time")));
            allParts.add(new BigDecimal(result.text(i, "all_parts")));
        }
        Element raw = section.appendElement("p").addClass("raw").appendText("As data: ");
        raw.appendElement("a").attr("href", URL + "&format=csv").text("CSV");
        raw.appendText(" · ");
        raw.appendElement("a").attr("href", URL + "&format=json").text("JSON");
        raw.appendText(" · by province, level and year: ");
        raw.appendElement("a").attr("href", QueryPages.PATH + "/" + QUERY).text("the saved query");
        PageFrame.chart(section, "chart-compliance", spec, "Reports, reports on time and reports with every part, by province "
                + "(the table above gives the same numbers).");
        body.appendElement("script").attr("src", WebAssets.ECHARTS);
        body.appendElement("script").attr("src", WebAssets.THING_CHARTS);
    }
}
