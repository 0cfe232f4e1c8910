package org.w3id.fazhi.server;

import org.apache.jena.graph.Node;
import org.jsoup.nodes.Element;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.W3C;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A region's record against the reporting rules, on its page: per report, year by year, the
 * deadline and the date judged, on time or how late, whether it has every part the rules require
 * and which it lacks or cannot be told, and how concrete it is; the same as CSV and JSON by the saved
 * query {@code region-compliance-record}. Followed by index from each report's assessment.
 */
final class ComplianceRecord {

    private static final Set<String> MAIN_DEADLINES = Set.of(FZ.PublicationDeadline.getURI(), FZ.FirstQuarterReporting.getURI());
    private static final Set<String> PARTS = Set.of(FZ.MeasuresAndResultsPart.getURI(), FZ.ShortcomingsPart.getURI(),
            FZ.FirstResponsibilityPart.getURI(), FZ.NextYearPlansPart.getURI(), FZ.OtherMattersPart.getURI());

    private ComplianceRecord() {}

    /** Appends the record of {@code reports} (the region's, in year order) to the region's page. */
    static void append(PageFrame page, String region, List<String> reports, StoreLookup store) {
        List<String> assessed = reports.stream().filter(r -> store.iri(r, FZ.complianceAssessment) != null).toList();
        Element section = page.section("合规 Record against the reporting rules (" + assessed.size() + ")");
        section.attr("id", "compliance");
        if (assessed.isEmpty()) {
            section.appendElement("p").addClass("note").text("No report of this region has a compliance assessment.");
            return;
        }
        section.appendElement("p").addClass("note").text("Deadline: the last day on time (made public before 1 April; reports on "
                + "2015-2018: the first quarter). Parts: the five the 2019 rules require — ✓ all, ✗ one lacking, ? one that "
                + "cannot be told (a text that stops short, a part only mentioned), – not required.");
        Element tbody = page.table(section, "年度 year", "报告 report", "截止 deadline", "日期 date", "按时 on time",
                "五部分 parts", "缺少 missing", "未知 unknown", "每万字事实 facts / 10k chars");
        for (String r : assessed) {
            String c = store.iri(r, FZ.complianceAssessment);
            String main = null;
            List<String> missing = new ArrayList<>(), unknown = new ArrayList<>();
            for (Node a : store.objects(c, FZ.assertion)) {
                if (!a.isURI()) continue;
                String test = store.iri(a.getURI(), W3C.test), result = store.iri(a.getURI(), W3C.result);
                if (test == null || result == null) continue;
                if (MAIN_DEADLINES.contains(test)) main = result;
                String outcome = store.iri(result, W3C.outcome);
                if (PARTS.contains(test) && outcome != null && outcome.endsWith("#failed")) missing.add(shortLabel(store, test));
                if (PARTS.contains(test) && outcome != null && outcome.endsWith("#cantTell")) unknown.add(shortLabel(store, test));
            }
            Element tr = tbody.appendElement("tr");
            tr.appendElement("td").text(String.valueOf(store.text(r, FZ.year)));
            Element link = page.link(tr.appendElement("td"), r, String.valueOf(store.label(r)));
            link.attr("href", link.attr("href") + "#compliance");
            tr.appendElement("td").text(main == null ? "" : nonNull(store.text(main, FZ.deadline)));
            tr.appendElement("td").text(main == null ? "" : nonNull(store.text(main, FZ.dateJudged)));
            String late = main == null ? null : store.text(main, FZ.daysLate);
            tr.appendElement("td").addClass("timeliness").text(mark(store.iri(c, FZ.timelinessOutcome))
                    + (late == null ? "" : " " + late + " 天 days late"));
            tr.appendElement("td").addClass("parts").text(mark(store.iri(c, FZ.partsOutcome)));
            tr.appendElement("td").text(String.join("、", missing));
            tr.appendElement("td").text(String.join("、", unknown));
            tr.appendElement("td").addClass("num").text(nonNull(store.text(c, FZ.factsPerTenThousandChars)));
        }
        String code = store.text(region, FZ.adminCode);
        String name = code != null ? code : store.text(region, FZ.fullName);
        if (name != null) {
            String query = QueryPages.PATH + "/region-compliance-record?region=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
            Element raw = section.appendElement("p").addClass("raw").appendText("As data: ");
            raw.appendElement("a").attr("href", query + "&format=csv").text("CSV");
            raw.appendText(" · ");
            raw.appendElement("a").attr("href", query + "&format=json").text("JSON");
        }
    }

    /** ✓ passed, ✗ failed, ? cannot be told, – inapplicable: the outcome at a glance, its name beside. */
    static String mark(String outcome) {
        if (outcome == null) return "";
        String o = outcome.substring(outcome.indexOf('#') + 1);
        return switch (o) {
            case "passed" -> "✓ " + o;
            case "failed" -> "✗ " + o;
            case "cantTell" -> "? " + o;
            default -> "– " + o;
        };
    }

    private static String shortLabel(StoreLookup store, String requirement) {
        String l = store.label(requirement);
        return l == null ? requirement.substring(requirement.indexOf('#') + 1) : l;
    }

    private static String nonNull(String s) { return s == null ? "" : s; }
}
