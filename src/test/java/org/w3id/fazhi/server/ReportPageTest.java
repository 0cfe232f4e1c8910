package org.w3id.fazhi.server;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3id.fazhi.rdf.FZ;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page of a report (南昌县 2023 on the five-report store): its text with marks, the mark of a
 * figure carrying its value and indicator, the summary and its links, the table of contents, the
 * alternates; hostile text escaped (on a graph of its own); and the overview's counts.
 */
@ExtendWith(TestServer.Shared.class)
class ReportPageTest {

    static final String REPORT = "/id/report/360121-2023";
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    static TestServer server;
    static Document page;

    @BeforeAll
    static void start(TestServer shared) throws Exception {
        server = shared;
        HttpResponse<String> r = server.get(REPORT, BROWSER_ACCEPT);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        page = Jsoup.parse(r.body());
    }

    @Test
    void showsTheTextAsParagraphsWithMarks() {
        assertEquals("南昌县政府2023年度法治政府建设工作报告 – fazhi", page.title());
        assertEquals("南昌县政府2023年度法治政府建设工作报告", page.selectFirst("h1").text());
        Element text = page.selectFirst(".report-text .text");
        assertNotNull(text);
        assertTrue(text.select("p").size() > 20, "a paragraph a line");
        assertTrue(text.text().contains("全年共收到行政复议申请233件"), "the text is there to read");
        assertFalse(text.select("mark.fact.observation").isEmpty(), "observations marked");
        assertFalse(text.select("mark.fact.number").isEmpty(), "other numbers marked");
        assertFalse(text.select("mark.program").isEmpty(), "program mentions marked");
        assertFalse(text.select("mark.agency").isEmpty(), "agency mentions marked");
        assertFalse(text.select("mark.program.planned[data-status]").isEmpty(), "planned programs marked with their status");
        for (Element mark : text.select("mark")) assertFalse(mark.attr("title").isEmpty(), "every mark has a title: " + mark);
    }

    @Test
    void theMarkOfAFigureCarriesItsValueAndIndicator() {
        Element mark = page.selectFirst("mark#observation-reconsideration-received");
        assertNotNull(mark, "the observation's mark, with its id");
        assertEquals("全年共收到行政复议申请233件", mark.text());
        assertEquals("233", mark.attr("data-value"));
        assertEquals("件", mark.attr("data-unit"));
        assertEquals("行政复议申请收到数", mark.attr("data-indicator"));
        assertEquals("/id/indicator/reconsideration-received", mark.attr("data-indicator-href"));
        assertEquals(REPORT + "/observation/reconsideration-received", mark.attr("data-href"));
        assertTrue(mark.attr("title").contains("233") && mark.attr("title").contains("行政复议申请收到数"), mark.attr("title"));
        // The marks give back the words their evidence points at: the mark of a number is its quote.
        for (Element m : page.select("mark.fact.number[id]")) {
            assertFalse(m.text().isBlank(), m.outerHtml());
        }
    }

    @Test
    void summaryLinksRegionProgramsAndObservations() {
        Element summary = page.selectFirst("aside.summary");
        assertNotNull(summary);
        Element region = summary.selectFirst("a[href=/id/region/360121]");
        assertNotNull(region, "region linked to its path");
        assertEquals("南昌县", region.text());
        String text = summary.text();
        assertTrue(text.contains("2023"), "year");
        assertTrue(text.contains("县级"), "level");
        assertTrue(text.contains("南昌县人民政府"), "publisher");
        assertTrue(text.contains("政府法治政府建设年度报告"), "document kind");
        assertFalse(summary.select("ul.programs.practised a[href^=/id/program/]").isEmpty(), "programs practised linked");
        assertFalse(summary.select("ul.programs.planned a[href^=/id/program/]").isEmpty(), "programs planned linked");
        Elements rows = summary.select("table.observations tbody tr");
        assertEquals(19, rows.size(), "the report's observations, one row each");
        Element row = rows.stream().filter(r -> r.text().contains("行政复议申请收到数")).findFirst().orElseThrow();
        assertEquals("233", row.select("td").get(1).text());
        assertEquals("件", row.select("td").get(2).text());
        assertEquals("#observation-reconsideration-received", row.selectFirst("td.quote a").attr("href"));
        assertNotNull(page.selectFirst("a[href=/overview]"), "the overview linked");
    }

    @Test
    void tableOfContentsAnchorsIntoTheText() {
        Elements toc = page.select("ol.toc a");
        assertTrue(toc.size() > 5, "sections listed");
        assertTrue(toc.stream().anyMatch(a -> a.text().equals("一、2023年法治政府建设主要工作及成效")));
        for (Element a : toc) {
            String id = a.attr("href").substring(1);
            assertNotNull(page.getElementById(id), "anchor " + id + " in the text");
        }
        Element heading = page.getElementById(toc.get(1).attr("href").substring(1));
        assertTrue(heading.text().startsWith(toc.get(1).text()), heading.text());
        assertTrue(heading.tagName().matches("h[2-6]"), heading.tagName());
        // A numbered item whose heading is its first sentence stays a paragraph to read, with its anchor.
        assertTrue(page.select(".text p.section-start[id]").size() > 5);
    }

    @Test
    void linksItsTurtleAndJsonLd() throws Exception {
        assertNotNull(page.selectFirst("link[rel=alternate][type=text/turtle][href=" + REPORT + ".ttl]"));
        assertNotNull(page.selectFirst("link[rel=alternate][type=application/ld+json][href=" + REPORT + ".jsonld]"));
        assertEquals(200, server.get(REPORT + ".ttl", null).statusCode());
        assertEquals(200, server.get(REPORT + ".jsonld", null).statusCode());
        // The script is this server's and loads; the page carries no inline script or handler.
        for (Element s : page.select("script")) assertTrue(s.hasAttr("src") && s.data().isEmpty(), s.outerHtml());
        assertEquals(200, server.get(WebAssets.REPORT_SCRIPT, null).statusCode());
        assertTrue(page.getAllElements().stream().allMatch(e -> e.attributes().asList().stream().noneMatch(a -> a.getKey().startsWith("on"))));
        assertNotNull(page.selectFirst("meta[name=viewport]"));
        assertTrue(page.selectFirst("style").data().contains("@media"), "the summary stacks on a narrow screen");
    }

    /** Every report of the store has its page, and its paragraphs and marks give back its text exactly. */
    @Test
    void everyReportsPageGivesBackItsText() throws Exception {
        String csv = server.query("PREFIX fz: <https://w3id.org/fazhi/ontology#> SELECT ?r { ?r a fz:Report } ORDER BY ?r", "text/csv").body();
        List<String> reports = List.of(csv.split("\r\n")).subList(1, 6);
        for (String r : reports) {
            String path = r.substring(r.indexOf("/id/"));
            HttpResponse<String> response = server.get(path, BROWSER_ACCEPT);
            assertEquals(200, response.statusCode(), path);
            Document d = Jsoup.parse(response.body());
            Element box = d.selectFirst(".report-text .text");
            assertNotNull(box, path);
            List<String> lines = new ArrayList<>();
            for (Element line : box.children()) lines.add(line.wholeText());
            String text = server.store().dataset().calculateRead(() -> {
                var it = server.store().dataset().asDatasetGraph().find(Node.ANY, NodeFactory.createURI(r + "/text"), FZ.text.asNode(), Node.ANY);
                return it.next().getObject().getLiteralLexicalForm();
            });
            assertEquals(text, String.join("\n", lines), path);
            assertFalse(box.select("mark.fact").isEmpty(), path);
            for (Element mark : box.select("mark.fact[id]")) {
                assertNotNull(mark.attr("data-value"), path);
            }
        }
    }

    @Test
    void otherPartsOfAReportKeepTheGenericPage() throws Exception {
        HttpResponse<String> r = server.get(REPORT + "/observation/reconsideration-received", BROWSER_ACCEPT);
        assertEquals(200, r.statusCode());
        assertNull(Jsoup.parse(r.body()).selectFirst(".report-text"));
    }

    @Test
    void overviewCountsWhatTheDatasetHolds() throws Exception {
        HttpResponse<String> r = server.get(OverviewPage.PATH, BROWSER_ACCEPT);
        assertEquals(200, r.statusCode());
        Document o = Jsoup.parse(r.body());
        assertEquals("5", count(o, "reports"));
        assertEquals(sparqlNumber("SELECT (COUNT(DISTINCT ?g) AS ?n) { ?r a fz:Report ; fz:region ?g }"), count(o, "regions"));
        assertEquals(sparqlNumber("SELECT (COUNT(DISTINCT ?y) AS ?n) { ?r a fz:Report ; fz:year ?y }"), count(o, "years"));
        assertEquals(sparqlNumber("SELECT (COUNT(?x) AS ?n) { ?x a <http://purl.org/linked-data/cube#Observation> }"), count(o, "observations"));
        assertEquals(sparqlNumber("SELECT (COUNT(?x) AS ?n) { ?x a fz:MetricFact }"), count(o, "numbers"));
        assertEquals(sparqlNumber("SELECT (COUNT(DISTINCT ?p) AS ?n) { ?r a fz:Report . { ?r fz:practices ?p } UNION { ?r fz:plans ?p } }"),
                count(o, "programs"));
        Element form = o.selectFirst("form[action=/search][method=get]");
        assertNotNull(form);
        assertNotNull(form.selectFirst("input[name=q]"));
        Set<String> links = o.select("a").stream().map(a -> a.attr("href")).collect(Collectors.toSet());
        for (String entry : List.of("/", "/queries", "/dumps/kg.nq.gz", "/dumps/kg.trig.gz", "/void", REPORT)) {
            assertTrue(links.contains(entry), "links " + entry);
        }
        assertEquals(5, o.select("table.reports tbody tr").size());
    }

    private static String count(Document o, String name) {
        Element e = o.selectFirst("[data-count=" + name + "]");
        assertNotNull(e, name);
        return e.text();
    }

    private static String sparqlNumber(String select) throws Exception {
        String csv = server.query("PREFIX fz: <https://w3id.org/fazhi/ontology#> " + select, "text/csv").body();
        return csv.split("\r\n")[1].trim();
    }

    /** Labels, quotes and the text itself are data: none of it becomes markup. */
    @Test
    void hostileTextStaysEscaped() {
        String base = "https://w3id.org/fazhi/";
        String iri = base + "id/report/999999-2023";
        String evil = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&";
        String text = "标题" + evil + "\n一、" + evil + "\n全年办理案件</mark><b>12件</b>。";
        Model m = ModelFactory.createDefaultModel();
        Resource report = m.createResource(iri).addProperty(RDF.type, FZ.Report)
                .addProperty(DCTerms.title, evil).addProperty(FZ.publisherName, evil).addProperty(FZ.year, "2023");
        Resource t = m.createResource(iri + "/text").addProperty(FZ.text, text);
        report.addProperty(FZ.hasText, t);
        int line2 = text.indexOf("一、");
        m.createResource(iri + "/section/" + line2).addProperty(RDF.type, FZ.Section).addProperty(RDFS.label, evil)
                .addLiteral(FZ.order, 1).addLiteral(FZ.headingLevel, 1).addProperty(FZ.evidence, m.createResource(iri + "/text#char=" + line2 + "," + (line2 + 5)));
        int cp = text.codePointCount(0, text.indexOf("全年"));
        Literal value = m.createTypedLiteral(new java.math.BigDecimal("12"));
        m.createResource(iri + "/number/" + cp).addProperty(RDF.type, FZ.MetricFact).addLiteral(FZ.value, value)
                .addProperty(FZ.counts, evil).addProperty(FZ.quote, evil)
                .addProperty(FZ.evidence, m.createResource(iri + "/text#char=" + cp + "," + (cp + 20)));
        m.createResource(iri + "/program-mention/2").addProperty(RDF.type, FZ.ProgramMention)
                .addProperty(FZ.program, m.createResource(base + "id/candidate/evil")).addProperty(FZ.status, FZ.Planned)
                .addProperty(FZ.evidence, m.createResource(iri + "/text#char=2,12"));
        m.createResource(base + "id/candidate/evil").addProperty(SKOS.prefLabel, evil, "zh");
        // Fragments out of range or malformed are ignored, not errors.
        m.createResource(iri + "/number/x").addProperty(RDF.type, FZ.MetricFact)
                .addProperty(FZ.evidence, m.createResource(iri + "/text#char=100000,100005"))
                .addProperty(FZ.evidence, m.createResource(iri + "/text#char=99999999999,1"));
        Dataset ds = DatasetFactory.create();
        ds.addNamedModel(base + "graph/report/999999-2023", m);
        Model described = ModelFactory.createDefaultModel().add(report.listProperties());
        String html = ReportPage.INSTANCE.render(iri, new LinkedDataServlet.Description(described, List.of(), false, null),
                ds, new IriMapping(base));
        assertNotNull(html);
        assertFalse(html.contains("<script>alert"), "no script from the data");
        assertFalse(html.contains("<img"), "no element from the data");
        assertFalse(html.contains("<b>"), "no element from the text");
        Document d = Jsoup.parse(html);
        for (Element s : d.select("script")) assertTrue(s.hasAttr("src") && s.data().isEmpty(), s.outerHtml());
        assertTrue(d.select("img, b").isEmpty());
        assertTrue(d.getAllElements().stream().allMatch(e -> e.attributes().asList().stream().noneMatch(a -> a.getKey().startsWith("on"))));
        assertEquals(evil, d.selectFirst("h1").text());
        assertTrue(d.selectFirst(".text").text().contains("全年办理案件</mark><b>12件</b>"), "the text reads as it is");
        Element mark = d.selectFirst(".text mark.fact.number");
        assertNotNull(mark);
        assertEquals("12", mark.attr("data-value"));
        assertEquals(evil, mark.attr("data-counts"));
        assertEquals(evil, d.selectFirst(".text mark.program").attr("data-program"));
        assertEquals(evil, d.selectFirst("ol.toc a").text());
        // The text is whole: marks and paragraphs put back together give it again.
        List<String> lines = new ArrayList<>();
        for (Element p : d.selectFirst(".text").children()) lines.add(p.wholeText());
        assertEquals(text, String.join("\n", lines));
        assertEquals(Collections.emptyList(), d.select("mark:empty").eachText());
    }

    /** A region's reports of other years are linked from each, by year. */
    @Test
    void linksTheRegionsReportsOfOtherYears() {
        String base = "https://w3id.org/fazhi/";
        Resource region = ModelFactory.createDefaultModel().createResource(base + "id/region/999999");
        Dataset ds = DatasetFactory.create();
        for (String year : List.of("2021", "2022", "2023")) {
            Model m = ModelFactory.createDefaultModel();
            String iri = base + "id/report/999999-" + year;
            m.createResource(iri).addProperty(RDF.type, FZ.Report).addProperty(DCTerms.title, "某县" + year + "年度报告")
                    .addProperty(FZ.year, year).addProperty(FZ.region, region)
                    .addProperty(FZ.hasText, m.createResource(iri + "/text").addProperty(FZ.text, "正文"));
            // An observation of the region is no report of it.
            m.createResource(iri + "/observation/x").addProperty(RDF.type, m.createResource("http://purl.org/linked-data/cube#Observation"))
                    .addProperty(FZ.region, region);
            ds.addNamedModel(base + "graph/report/999999-" + year, m);
        }
        ds.addNamedModel(base + "graph/regions", ModelFactory.createDefaultModel().add(region, SKOS.prefLabel, "某县", "zh"));
        String iri = base + "id/report/999999-2022";
        String html = ReportPage.INSTANCE.render(iri, new LinkedDataServlet.Description(ModelFactory.createDefaultModel()
                .add(ModelFactory.createDefaultModel().createResource(iri), RDF.type, FZ.Report), List.of(), false, null), ds, new IriMapping(base));
        Document d = Jsoup.parse(html);
        assertEquals(List.of("2021", "2023"), d.select("a.other-year").eachText());
        assertEquals(List.of("/id/report/999999-2021", "/id/report/999999-2023"), d.select("a.other-year").eachAttr("href"));
        assertEquals("某县", d.selectFirst("aside a[href=/id/region/999999]").text());
    }

    /** Median of a few GETs of the report page, printed for the record beside its Turtle's under the same load. */
    @Test
    void reportPageTiming() throws Exception {
        List<Long> page = times(REPORT + "?format=html&n=");
        List<Long> turtle = times(REPORT + ".ttl?n=");
        System.out.println("report page GET (ms, sorted): " + page + "; median " + page.get(page.size() / 2)
                + " | its Turtle: median " + turtle.get(turtle.size() / 2));
    }

    private static List<Long> times(String pathPrefix) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long t0 = System.nanoTime();
            // A query string of its own each time, so no cached answer is reused.
            HttpResponse<String> r = server.get(pathPrefix + i, null);
            times.add((System.nanoTime() - t0) / 1_000_000);
            assertEquals(200, r.statusCode());
        }
        Collections.sort(times);
        return times;
    }
}
