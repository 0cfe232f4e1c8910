package org.w3id.fazhi.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /overview}: what the dataset holds (reports, regions, years, programs, observations and
 * the other counts, summed from each report's own counts, not counted over the facts), a search
 * box (a GET form to {@code /search}), the entry points (the Fuseki UI, saved queries, dumps,
 * VoID) and the reports, each linked to its page. Built with jsoup, so every value is escaped.
 */
final class OverviewPage extends HttpServlet {

    static final String PATH = "/overview";
    /** The reports listed by name; past that the page says how many more there are. */
    static final int MAX_LISTED = 500;

    private static final String PREFIXES = """
            PREFIX fz: <https://w3id.org/fazhi/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;

    /** Everything from the reports' own triples: one row per report, so the sums are the dataset's. */
    private static final String TOTALS = PREFIXES + """
            SELECT (COUNT(DISTINCT ?r) AS ?reports) (COUNT(DISTINCT ?region) AS ?regions) (COUNT(DISTINCT ?year) AS ?years)
                   (SUM(?m) AS ?measures) (SUM(?o) AS ?observations) (SUM(?n) AS ?numbers) (SUM(?pb) AS ?problems)
                   (SUM(?pr) AS ?practised) (SUM(?pl) AS ?planned)
            WHERE {
              ?r a fz:Report .
              OPTIONAL { ?r fz:region ?region }
              OPTIONAL { ?r fz:year ?year }
              OPTIONAL { ?r fz:measureCount ?m }
              OPTIONAL { ?r fz:observationCount ?o }
              OPTIONAL { ?r fz:numberCount ?n }
              OPTIONAL { ?r fz:problemCount ?pb }
              OPTIONAL { ?r fz:practicesCount ?pr }
              OPTIONAL { ?r fz:plansCount ?pl }
            }
            """;

    private static final String PROGRAMS = PREFIXES + """
            SELECT (COUNT(DISTINCT ?p) AS ?programs) WHERE { ?r a fz:Report . { ?r fz:practices ?p } UNION { ?r fz:plans ?p } }
            """;

    private static final String YEARS = PREFIXES + """
            SELECT ?year (COUNT(?r) AS ?reports) WHERE { ?r a fz:Report ; fz:year ?year } GROUP BY ?year ORDER BY DESC(?year)
            """;

    private static final String REPORTS = PREFIXES + """
            SELECT ?r (SAMPLE(?t) AS ?title) (SAMPLE(?y) AS ?year) (SAMPLE(?g) AS ?region) (SAMPLE(?o) AS ?observations)
                   (SAMPLE(?m) AS ?measures)
            WHERE {
              ?r a fz:Report .
              OPTIONAL { ?r dcterms:title ?t }
              OPTIONAL { ?r fz:year ?y }
              OPTIONAL { ?r fz:region ?g }
              OPTIONAL { ?r fz:observationCount ?o }
              OPTIONAL { ?r fz:measureCount ?m }
            } GROUP BY ?r ORDER BY DESC(?year) ?r
            """;

    private final Dataset dataset;
    private final IriMapping iris;

    OverviewPage(Dataset dataset, IriMapping iris) {
        this.dataset = dataset;
        this.iris = iris;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = dataset.calculateRead(this::render).getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/html; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** The page; inside a read transaction. */
    String render() {
        Map<String, String> totals = new LinkedHashMap<>();
        List<QuerySolution> rows = select(TOTALS);
        QuerySolution t = rows.isEmpty() ? null : rows.get(0);
        for (String v : List.of("reports", "regions", "years", "measures", "observations", "numbers", "problems", "practised", "planned")) {
            totals.put(v, t == null ? "0" : number(t.get(v)));
        }
        List<QuerySolution> programs = select(PROGRAMS);
        totals.put("programs", programs.isEmpty() ? "0" : number(programs.get(0).get("programs")));

        Document doc = Document.createShell("");
        doc.title("概览 Overview – fazhi");
        doc.head().prependElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.head().appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml")
                .attr("title", "new reports").attr("href", ReportFeed.PATH + "/reports");
        doc.head().appendElement("link").attr("rel", "alternate").attr("type", "text/turtle").attr("href", "/void")
                .attr("title", "dataset description (VoID)");
        doc.head().appendElement("style").text(STYLE);
        Element body = doc.body();
        body.appendElement("h1").text("法治政府建设年度报告知识图谱 · Overview");
        body.appendElement("p").addClass("lead").text("Chinese local governments' annual reports on building a government under "
                + "the rule of law (法治政府建设年度报告), read into a knowledge graph: each report's text, sections, measures, "
                + "figures, programs and agencies, every fact with the words it was read from.");

        Element form = body.appendElement("form").attr("method", "get").attr("action", "/search").attr("role", "search")
                .addClass("search");
        form.appendElement("input").attr("type", "search").attr("name", "q").attr("placeholder", "搜索 Search the reports, e.g. 行政复议")
                .attr("aria-label", "search").attr("required", "");
        form.appendElement("button").attr("type", "submit").text("搜索 Search");

        body.appendElement("h2").text("数据 What the dataset holds");
        Element table = body.appendElement("table").addClass("counts");
        String[][] names = {
                {"reports", "报告 reports"}, {"regions", "地区 regions"}, {"years", "年度 years"},
                {"programs", "制度 programs practised or planned"}, {"observations", "统计指标 observations"},
                {"numbers", "其他数字 other numbers"}, {"measures", "措施 measures"}, {"problems", "问题 problems"},
                {"practised", "program mentions practised 已实施"}, {"planned", "program mentions planned 计划"}};
        for (String[] n : names) {
            Element tr = table.appendElement("tr");
            tr.appendElement("td").addClass("num").attr("data-count", n[0]).text(totals.get(n[0]));
            tr.appendElement("td").text(n[1]);
        }
        body.appendElement("p").addClass("note").text("Counted from each report's own counts (fz:measureCount, "
                + "fz:observationCount, …) and over fz:Report.");

        List<QuerySolution> years = select(YEARS);
        if (!years.isEmpty()) {
            Element p = body.appendElement("p").addClass("years").appendText("By year: ");
            for (QuerySolution y : years) {
                p.appendElement("span").addClass("year").text(text(y.get("year")) + " (" + number(y.get("reports")) + ")");
                p.appendText(" ");
            }
        }

        // Does each report do what the rules require? The national table, with its chart.
        ComplianceTable.append(body, dataset);

        body.appendElement("h2").text("入口 Entry points");
        Element ul = body.appendElement("ul").addClass("entry-points");
        entry(ul, "/", "SPARQL (Fuseki UI)", "write and run queries over every report");
        entry(ul, QueryPages.PATH, "保存的查询 Saved queries", "questions across regions and years, with charts and CSV");
        entry(ul, "/dumps/kg.nq.gz", "Dump (N-Quads, gzip)", "the whole store, one named graph per report");
        entry(ul, "/dumps/kg.trig.gz", "Dump (TriG, gzip)", "the same, in TriG");
        entry(ul, "/void", "Dataset description (VoID)", "what the dataset holds, its vocabularies and endpoint");

        body.appendElement("h2").text("报告 Reports");
        List<QuerySolution> reports = select(REPORTS);
        Element rt = body.appendElement("table").addClass("reports");
        rt.appendElement("thead").appendElement("tr").appendElement("th").text("report 报告").parent()
                .appendElement("th").text("year 年度").parent().appendElement("th").text("region 地区").parent()
                .appendElement("th").text("observations").parent().appendElement("th").text("measures");
        Element tbody = rt.appendElement("tbody");
        var dsg = dataset.asDatasetGraph();
        for (QuerySolution r : reports.subList(0, Math.min(MAX_LISTED, reports.size()))) {
            Element tr = tbody.appendElement("tr");
            String iri = r.getResource("r").getURI();
            tr.appendElement("td").appendElement("a").attr("href", href(iri)).text(r.contains("title") ? text(r.get("title")) : iri);
            tr.appendElement("td").text(text(r.get("year")));
            Element region = tr.appendElement("td");
            if (r.contains("region") && r.get("region").isURIResource()) {
                String reg = r.getResource("region").getURI();
                String label = ResourcePage.label(dsg, reg);
                region.appendElement("a").attr("href", href(reg)).text(label == null ? reg : label);
            }
            tr.appendElement("td").addClass("num").text(number(r.get("observations")));
            tr.appendElement("td").addClass("num").text(number(r.get("measures")));
        }
        if (reports.size() > MAX_LISTED) {
            body.appendElement("p").text("… and " + (reports.size() - MAX_LISTED) + " more: see the saved query ")
                    .appendElement("a").attr("href", QueryPages.PATH + "/reports").text("reports");
        }
        return doc.outerHtml();
    }

    private static void entry(Element ul, String href, String name, String what) {
        Element li = ul.appendElement("li");
        li.appendElement("a").attr("href", href).text(name);
        li.appendText(" — " + what);
    }

    private String href(String iri) {
        String local = iris.pathOf(iri);
        return local != null ? local : iri;
    }

    private List<QuerySolution> select(String sparql) {
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(sparql).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) rows.add(rs.next());
        }
        return rows;
    }

    private static String text(RDFNode n) {
        if (n == null) return "";
        if (n.isLiteral()) return n.asLiteral().getLexicalForm();
        return n.isURIResource() ? n.asResource().getURI() : "";
    }

    private static String number(RDFNode n) {
        if (n == null) return "0";
        String s = ReportPage.number(text(n));
        return s == null || s.isEmpty() ? "0" : s;
    }

    private static final String STYLE = """
            body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;max-width:60em;margin:1em auto;padding:0 1em;color:#222}
            a{color:#1a5fb4;text-decoration:none}a:hover{text-decoration:underline}h1{font-size:1.5em}.lead{max-width:50em}
            form.search{display:flex;gap:.5em;margin:1.2em 0}form.search input{flex:1;font-size:1.1em;padding:.4em;min-width:0}
            form.search button{font-size:1em;padding:.4em 1em;border:0;border-radius:4px;background:#1a5fb4;color:#fff;cursor:pointer}
            table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}
            th{background:#f3f5f8}.num{text-align:right;font-variant-numeric:tabular-nums}table.counts .num{font-weight:600;font-size:1.1em}
            table.reports{width:100%}.note{color:#666;font-size:.85em}ul.entry-points li{margin:.3em 0}
            @media (max-width:40em){table.reports{font-size:.9em}}
            """;
}
