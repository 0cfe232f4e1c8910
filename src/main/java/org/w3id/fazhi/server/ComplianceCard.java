package org.w3id.fazhi.server;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.jsoup.nodes.Element;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.W3C;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A report's compliance card, in the summary beside its text: the rule it was judged by (for its
 * year and kind), each required part with its outcome and a link to where it stands in the text
 * (the section's anchor on the page), each deadline with its last day and the date judged, whether
 * the text is whole, and how concrete it is; the same as CSV and JSON by the saved query
 * {@code report-compliance}. Read from the report's own graph (EARL assertions); labels of the
 * rules and requirements from the ontology graph.
 */
final class ComplianceCard {

    /** The requirements in the rules' order: the five parts, then the deadlines. */
    private static final List<Node> ORDER = List.of(FZ.MeasuresAndResultsPart.asNode(), FZ.ShortcomingsPart.asNode(),
            FZ.FirstResponsibilityPart.asNode(), FZ.NextYearPlansPart.asNode(), FZ.OtherMattersPart.asNode(),
            FZ.PublicationDeadline.asNode(), FZ.FirstQuarterReporting.asNode(), FZ.DepartmentReportingDeadline.asNode());

    static final String STYLE = """
            .compliance table{border-collapse:collapse;width:100%}.compliance td{border-bottom:1px solid #ddd;padding:.25em .3em;vertical-align:top}
            .compliance .outcome{white-space:nowrap;font-weight:600}.compliance .passed .outcome{color:#2e7d32}
            .compliance .failed .outcome{color:#c62828}.compliance .cantTell .outcome{color:#8a6d00}.compliance .inapplicable .outcome{color:#777}
            .compliance .rule,.compliance .incomplete,.compliance .figures{margin:.3em 0}.compliance .incomplete{color:#8a6d00}
            .compliance .what{color:#444;font-size:.95em}
            """;

    private final Graph g;
    private final DatasetGraph dsg;

    private ComplianceCard(Graph g, DatasetGraph dsg) {
        this.g = g;
        this.dsg = dsg;
    }

    /** Appends the card for {@code report} (key {@code key}) to the summary; nothing when the graph has no assessment. */
    static void append(Element summary, Graph g, Node report, DatasetGraph dsg, String key) {
        Node assessment = object(g, report, FZ.complianceAssessment.asNode());
        if (assessment == null) return;
        new ComplianceCard(g, dsg).card(summary, assessment, key);
    }

    private void card(Element summary, Node a, String key) {
        summary.ownerDocument().head().appendElement("style").text(STYLE);
        Element box = summary.appendElement("section").addClass("compliance").id("compliance");
        box.appendElement("h3").text("合规 Compliance with the reporting rules");
        Node rule = object(g, a, FZ.ruleApplied.asNode());
        Node kind = object(g, a, FZ.assessedAs.asNode());
        Element ruleLine = box.appendElement("p").addClass("rule");
        if (rule != null) {
            ruleLine.appendText("按《" + label(rule) + "》评估 · judged by the rule of its year");
        } else {
            ruleLine.appendText("无适用规定 · no rule applies (see below)");
        }
        ruleLine.appendText("；" + (kind == null ? "" : label(kind)));
        if ("true".equals(literal(g, a, FZ.jointReport.asNode()))) ruleLine.appendText("（党政联合报告，按政府报告评估 · joint report, judged as the government's）");
        if ("false".equals(literal(g, a, FZ.textComplete.asNode()))) {
            box.appendElement("p").addClass("incomplete").text("正文不完整 · text incomplete: " + literal(g, a, DCTerms.description.asNode()));
        }
        Element tbody = box.appendElement("table").appendElement("tbody");
        for (Node assertion : assertions(a)) row(tbody, assertion);
        Element figures = box.appendElement("p").addClass("figures");
        figures.appendText("每万字量化事实 facts per 10,000 characters: " + literal(g, a, FZ.factsPerTenThousandChars.asNode()));
        String problems = literal(g, a, FZ.problemsStated.asNode()), plans = literal(g, a, FZ.plansStated.asNode());
        figures.appendText(" · 问题 problems stated: " + (problems == null ? "未知 unknown" : problems));
        figures.appendText(" · 安排 plans stated: " + (plans == null ? "未知 unknown" : plans));
        Element raw = box.appendElement("p").addClass("raw");
        String query = QueryPages.PATH + "/report-compliance?report=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        raw.appendText("As data: ");
        raw.appendElement("a").attr("href", query + "&format=csv").text("CSV");
        raw.appendText(" · ");
        raw.appendElement("a").attr("href", query + "&format=json").text("JSON");
        raw.appendText(" · ");
        raw.appendElement("a").attr("href", query).text("saved query");
    }

    private List<Node> assertions(Node a) {
        List<Node> out = new ArrayList<>();
        g.find(a, FZ.assertion.asNode(), Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        out.sort(Comparator.comparingInt(n -> {
            int i = ORDER.indexOf(object(g, n, W3C.test.asNode()));
            return i < 0 ? ORDER.size() : i;
        }));
        return out;
    }

    private void row(Element tbody, Node assertion) {
        Node test = object(g, assertion, W3C.test.asNode());
        Node result = object(g, assertion, W3C.result.asNode());
        if (test == null || result == null) return;
        Node outcome = object(g, result, W3C.outcome.asNode());
        String o = outcome == null ? "" : outcome.getURI().substring(outcome.getURI().indexOf('#') + 1);
        Element tr = tbody.appendElement("tr").addClass(o).attr("data-requirement", test.getLocalName());
        tr.appendElement("td").addClass("outcome").text(switch (o) {
            case "passed" -> "✓ 符合";
            case "failed" -> "✗ 不符";
            case "cantTell" -> "? 未知";
            default -> "– 不适用";
        }).attr("title", o);
        Element what = tr.appendElement("td");
        what.appendElement("div").text(label(test));
        Element found = what.appendElement("div").addClass("what");
        String description = literal(g, result, DCTerms.description.asNode());
        Node section = object(g, result, FZ.section.asNode());
        String order = section == null ? null : literal(g, section, FZ.order.asNode());
        String quote = literal(g, result, FZ.quote.asNode());
        if (order != null && quote != null) {
            // The section's anchor on the report's page (ReportPage names them section-{fz:order}).
            found.appendElement("a").attr("href", "#section-" + order).addClass("where").text(quote);
            // A part found needs no more words than where it is; any other outcome says what was found.
            if (!o.equals("passed")) found.appendText(" — " + (description == null ? "" : description));
        } else {
            found.appendText(description == null ? "" : description);
        }
        String deadline = literal(g, result, FZ.deadline.asNode());
        if (deadline != null) {
            // A deadline: its last day and the date it was judged by, with where that date was read.
            Node source = object(g, result, FZ.dateSource.asNode());
            String date = literal(g, result, FZ.dateJudged.asNode());
            what.appendElement("div").addClass("dates").text("截止日 last day on time: " + deadline + " · 日期 date: "
                    + (date == null ? "无 none" : date + (source == null ? "" : "（" + label(source) + "）")));
        }
    }

    private String label(Node n) {
        String l = n.isURI() ? ResourcePage.label(dsg, n.getURI()) : null;
        return l != null ? l : n.isURI() ? n.getLocalName() : "";
    }

    private static Node object(Graph g, Node s, Node p) { return ReportPage.object(g, s, p); }

    private static String literal(Graph g, Node s, Node p) { return ReportPage.literal(g, s, p); }
}
