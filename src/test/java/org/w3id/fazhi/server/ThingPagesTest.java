package org.w3id.fazhi.server;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.W3C;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages of a region, a program and an indicator on the store of the five reports (see
 * {@link TestServer}), and their escaping on a store of hostile labels.
 */
@ExtendWith(TestServer.Shared.class)
class ThingPagesTest {

    static final String REGION = "/id/region/360121";
    static final String INDICATOR = "/id/indicator/reconsideration-received";

    static TestServer server;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    static Document page(String path) throws Exception {
        HttpResponse<String> r = server.get(path, "text/html");
        assertEquals(200, r.statusCode(), path);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        return Jsoup.parse(r.body(), server.url(path));
    }

    /** The path of the program whose Chinese preferred label is {@code label}, found by SPARQL. */
    static String programPath(String label) throws Exception {
        HttpResponse<String> r = server.query("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                + "PREFIX fz: <https://w3id.org/fazhi/ontology#> "
                + "SELECT ?p WHERE { ?p a fz:Program ; skos:prefLabel \"" + label + "\"@zh }", "text/csv");
        assertEquals(200, r.statusCode());
        String[] lines = r.body().split("\r\n");
        assertEquals(2, lines.length, r.body());
        return "/" + lines[1].substring("https://w3id.org/fazhi/".length());
    }

    /** Every page: a title, the alternates, the RDF one click away, a viewport for phones. */
    static void framed(Document doc, String path, String title) {
        assertEquals(title, doc.selectFirst("h1").text());
        assertTrue(doc.title().startsWith(title), doc.title());
        assertNotNull(doc.selectFirst("link[rel=alternate][type=text/turtle][href=" + path + ".ttl]"), "Turtle alternate");
        assertNotNull(doc.selectFirst("link[rel=alternate][type=application/ld+json][href=" + path + ".jsonld]"), "JSON-LD alternate");
        assertNotNull(doc.selectFirst("a[href=" + path + ".ttl]"), "a link to the Turtle");
        assertNotNull(doc.selectFirst("meta[name=viewport]"), "a viewport for phones");
        assertTrue(doc.select("script:not([src]):not([type=application/json])").isEmpty(), "no inline script");
    }

    /** The rows of the tables under {@code selector}, each as its cells' text joined by " | ". */
    static List<String> rows(Document doc, String selector) {
        return doc.select(selector + " tbody tr").stream()
                .map(tr -> tr.select("td").stream().map(Element::text).collect(Collectors.joining(" | ")))
                .toList();
    }

    @Test
    void regionPageListsItsReportsObservationsAndGazetteer() throws Exception {
        Document doc = page(REGION);
        framed(doc, REGION, "南昌县");
        Element report = doc.selectFirst("#reports a[href=/id/report/360121-2023]");
        assertNotNull(report, "a link to its 2023 report");
        assertTrue(rows(doc, "#reports").get(0).startsWith("2023 | "), rows(doc, "#reports").toString());

        List<String> observations = rows(doc, "#observations");
        assertTrue(observations.stream().anyMatch(r -> r.startsWith("行政复议申请收到数 | 2023 | 233 | 件")), observations.toString());
        // The only county-level region of its province in the store, so first of one there and nationally.
        assertTrue(observations.stream().anyMatch(r -> r.startsWith("行政复议申请收到数 | 2023 | 233 | 件 | 1 / 1 | 233 | ")),
                observations.toString());
        assertNotNull(doc.selectFirst("#observations a[href=" + INDICATOR + "]"));

        assertNotNull(doc.selectFirst(".parent a[href=/id/region/360100]"), "its parent, 南昌市");
        assertFalse(rows(doc, "#programs").isEmpty(), "programs by year");
    }

    @Test
    void regionComparesWithTheRegionsOfItsLevel() throws Exception {
        // 高台县 (2020) and 南昌县 (2023) are both county-level, but of different years and provinces.
        Document doc = page("/id/region/620724");
        framed(doc, "/id/region/620724", "高台县");
        for (String row : rows(doc, "#observations")) {
            String[] cells = row.split(" \\| ");
            assertEquals("1 / 1", cells[4], row);
            assertEquals("1 / 1", cells[6], row);
        }
    }

    @Test
    void provinceLinksItsChildren() throws Exception {
        Document doc = page("/id/region/360000");
        framed(doc, "/id/region/360000", "江西省");
        assertNotNull(doc.selectFirst(".children a[href=/id/region/360100]"), "南昌市 among its children");
    }

    @Test
    void programPageListsTheRegionsThatPractiseIt() throws Exception {
        String path = programPath("枫桥经验");
        Document doc = page(path);
        framed(doc, path, "枫桥经验");
        assertTrue(doc.selectFirst(".definition").text().contains("矛盾不上交"));
        List<String> rows = rows(doc, "#regions > .scroll");
        assertEquals(3, rows.size(), rows.toString());
        for (String region : List.of("甘肃省张掖市高台县", "广东省汕尾市城区", "湖北省襄阳市高新技术产业开发区")) {
            String row = rows.stream().filter(r -> r.contains(region)).findFirst().orElseThrow(() -> new AssertionError(region + " in " + rows));
            assertTrue(row.contains(" | 实施 | "), row);
            String quote = row.substring(row.lastIndexOf(" | ") + 3);
            assertTrue(quote.contains("枫桥") || quote.contains("楓橋"), "a quote naming it: " + row);
        }
        assertFalse(rows(doc, "#cooccurring").isEmpty(), "programs named in the same reports");
        assertTrue(rows(doc, "#cooccurring").size() <= 10);
        assertNotNull(doc.selectFirst("script.chart-data"), "a chart");
        assertNotNull(doc.selectFirst("script[src=" + WebAssets.THING_CHARTS + "]"));
    }

    @Test
    void aProgramPractisedInManyReportsListsTheFirstAndLinksThePagedQuery() {
        Dataset dataset = DatasetFactory.createTxnMem();
        DatasetGraph dsg = dataset.asDatasetGraph();
        int reports = ProgramPage.SHOWN + 50;
        String program = BASE + "id/program/popular";
        Txn.executeWrite(dataset, () -> {
            Node g = NodeFactory.createURI(BASE + "graph/test");
            add(dsg, g, program, RDF.type.getURI(), uri(FZ.Program.getURI()));
            add(dsg, g, program, SKOS.prefLabel.getURI(), NodeFactory.createLiteralLang("常见制度", "zh"));
            for (int i = 0; i < reports; i++) {
                String region = BASE + "id/region/" + (500000 + i), report = BASE + "id/report/" + (500000 + i) + "-2023";
                add(dsg, g, region, RDF.type.getURI(), uri(FZ.Region.getURI()));
                add(dsg, g, region, SKOS.prefLabel.getURI(), NodeFactory.createLiteralLang("地区" + i, "zh"));
                add(dsg, g, report, RDF.type.getURI(), uri(FZ.Report.getURI()));
                add(dsg, g, report, FZ.region.getURI(), uri(region));
                add(dsg, g, report, FZ.year.getURI(), NodeFactory.createLiteralString("2023"));
                add(dsg, g, report, FZ.practices.getURI(), uri(program));
                String mention = report + "/program-mention/" + i;
                add(dsg, g, mention, FZ.program.getURI(), uri(program));
                add(dsg, g, mention, FZ.report.getURI(), uri(report));
                add(dsg, g, mention, FZ.surface.getURI(), NodeFactory.createLiteralString("常见制度" + i));
            }
        });
        LinkedDataServlet.Description d = new LinkedDataServlet.Description(ModelFactory.createDefaultModel(), List.of(), false, null);
        String html = dataset.calculateRead(() -> new ProgramPage().render(program, d, dataset, new IriMapping(BASE)));
        Document doc = Jsoup.parse(html);
        List<String> rows = rows(doc, "#regions > .scroll");
        assertEquals(ProgramPage.SHOWN, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.contains("常见制度")), "each shown row has its quote");
        assertTrue(doc.selectFirst("#regions h2").text().contains("(" + reports + ")"), "the count is of every region");
        Element more = doc.selectFirst("#more-reports a");
        assertNotNull(more, "a link to every row");
        assertTrue(more.attr("href").startsWith("/queries/regions-practising-program?program="), more.attr("href"));
        assertTrue(doc.selectFirst("#more-reports").text().contains("of " + reports + " reports"));
    }

    @Test
    void indicatorPageListsTheObservationsAcrossRegions() throws Exception {
        Document doc = page(INDICATOR);
        framed(doc, INDICATOR, "行政复议申请收到数");
        assertEquals("件", doc.selectFirst(".unit").text());
        List<String> rows = rows(doc, "#observations");
        assertTrue(rows.stream().anyMatch(r -> r.contains("| 南昌县 | 233 | 件 |")), rows.toString());
        assertTrue(doc.selectFirst(".report-count").text().matches("\\d+ of the 5 reports in the store give it.*"),
                doc.selectFirst(".report-count").text());
        assertNotNull(doc.selectFirst("#observations script.chart-data"));
    }

    @Test
    void otherThingsKeepTheGenericPage() throws Exception {
        Document doc = page("/id/report/360121-2023");
        assertEquals("南昌县政府2023年度法治政府建设工作报告", doc.selectFirst("h1").text());
        assertTrue(server.get("/id/region/999999", "text/html").statusCode() == 404);
    }

    // ---------------------------------------------------------------- escaping

    static final String BASE = "https://w3id.org/fazhi/";
    static final String EVIL = "<script>alert(1)</script>\"'&</script>";

    @Test
    void labelsAreEscaped() {
        Dataset dataset = DatasetFactory.createTxnMem();
        DatasetGraph dsg = dataset.asDatasetGraph();
        dataset.begin(org.apache.jena.query.ReadWrite.WRITE);
        Node g = NodeFactory.createURI(BASE + "graph/test");
        String region = BASE + "id/region/999901", other = BASE + "id/region/999902";
        String indicator = BASE + "id/indicator/evil", program = BASE + "id/program/evil", report = BASE + "id/report/999901-2023";
        add(dsg, g, region, RDF.type.getURI(), uri(FZ.Region.getURI()));
        add(dsg, g, region, SKOS.prefLabel.getURI(), NodeFactory.createLiteralLang(EVIL, "zh"));
        add(dsg, g, other, RDF.type.getURI(), uri(FZ.Region.getURI()));
        add(dsg, g, other, SKOS.prefLabel.getURI(), NodeFactory.createLiteralLang("</script><b>x</b>", "zh"));
        add(dsg, g, other, FZ.parent.getURI(), uri(region));
        add(dsg, g, indicator, RDF.type.getURI(), uri(FZ.Indicator.getURI()));
        add(dsg, g, indicator, SKOS.prefLabel.getURI(), NodeFactory.createLiteralLang(EVIL, "zh"));
        add(dsg, g, program, RDF.type.getURI(), uri(FZ.Program.getURI()));
        add(dsg, g, program, SKOS.prefLabel.getURI(), NodeFactory.createLiteralLang(EVIL, "zh"));
        add(dsg, g, report, RDF.type.getURI(), uri(FZ.Report.getURI()));
        add(dsg, g, report, FZ.region.getURI(), uri(other));
        add(dsg, g, report, FZ.year.getURI(), NodeFactory.createLiteralString("2023"));
        add(dsg, g, report, FZ.practices.getURI(), uri(program));
        for (String r : List.of(region, other)) {
            String obs = BASE + "id/report/x/observation/" + r.substring(r.length() - 2);
            add(dsg, g, obs, RDF.type.getURI(), uri(W3C.Observation.getURI()));
            add(dsg, g, obs, FZ.region.getURI(), uri(r));
            add(dsg, g, obs, FZ.indicator.getURI(), uri(indicator));
            add(dsg, g, obs, FZ.year.getURI(), NodeFactory.createLiteralString("2023"));
            add(dsg, g, obs, FZ.value.getURI(), NodeFactory.createLiteralString("7"));
            add(dsg, g, obs, FZ.quote.getURI(), NodeFactory.createLiteralString(EVIL));
        }
        dataset.commit();
        dataset.end();
        IriMapping iris = new IriMapping(BASE);
        LinkedDataServlet.Description d = new LinkedDataServlet.Description(ModelFactory.createDefaultModel(), List.of(), false, null);
        Map<String, ThingPages.Page> pages = Map.of(region, new RegionPage(), indicator, new IndicatorPage(), program, new ProgramPage());
        pages.forEach((iri, p) -> {
            String html = dataset.calculateRead(() -> p.render(iri, d, dataset, iris));
            assertNotNull(html, iri);
            assertFalse(html.contains("<script>alert"), iri + ":\n" + html);
            assertFalse(html.contains("<b>x</b>"), iri + ":\n" + html);
            Document doc = Jsoup.parse(html);
            assertEquals(EVIL, doc.selectFirst("h1").text(), iri);
            // Only the data blocks and the served scripts: no label ended a block early.
            for (Element s : doc.select("script")) {
                assertTrue(s.hasAttr("src") || s.attr("type").equals("application/json"), iri + ": " + s.outerHtml());
            }
            assertTrue(doc.select("b").isEmpty(), iri);
        });
        // An IRI of another kind is not theirs.
        for (ThingPages.Page p : pages.values()) {
            assertNull(dataset.calculateRead(() -> p.render(report, d, dataset, iris)), p.getClass().getSimpleName());
        }
    }

    /**
     * Rank and median among the regions of the same level, same indicator and year: in the
     * province (A, B, C) and nationally (A, B, C, D); a district (E) and another year do not count.
     * A has two years, so its page draws a line.
     */
    @Test
    void regionRanksAmongItsLevelInProvinceAndNation() {
        Dataset dataset = DatasetFactory.createTxnMem();
        DatasetGraph dsg = dataset.asDatasetGraph();
        Node g = NodeFactory.createURI(BASE + "graph/test");
        String p1 = BASE + "id/region/990000", p2 = BASE + "id/region/980000", indicator = BASE + "id/indicator/test";
        String county = FZ.CountyLevel.getURI(), district = FZ.DistrictLevel.getURI();
        dataset.executeWrite(() -> {
            add(dsg, g, indicator, RDF.type.getURI(), uri(FZ.Indicator.getURI()));
            add(dsg, g, indicator, SKOS.prefLabel.getURI(), NodeFactory.createLiteralLang("测试指标", "zh"));
            Object[][] regions = {{"A", p1, county}, {"B", p1, county}, {"C", p1, county}, {"D", p2, county}, {"E", p1, district}};
            for (Object[] r : regions) {
                String region = BASE + "id/region/" + r[0];
                add(dsg, g, region, RDF.type.getURI(), uri(FZ.Region.getURI()));
                add(dsg, g, region, SKOS.prefLabel.getURI(), NodeFactory.createLiteralLang((String) r[0], "zh"));
                add(dsg, g, region, FZ.province.getURI(), uri((String) r[1]));
                add(dsg, g, region, FZ.level.getURI(), uri((String) r[2]));
            }
            Object[][] values = {{"A", "2023", "10"}, {"B", "2023", "30"}, {"C", "2023", "20"}, {"D", "2023", "40"},
                    {"E", "2023", "100"}, {"A", "2022", "5"}, {"B", "2022", "1"}};
            for (Object[] v : values) {
                String obs = BASE + "id/report/" + v[0] + "-" + v[1] + "/observation/test";
                add(dsg, g, obs, RDF.type.getURI(), uri(W3C.Observation.getURI()));
                add(dsg, g, obs, FZ.region.getURI(), uri(BASE + "id/region/" + v[0]));
                add(dsg, g, obs, FZ.indicator.getURI(), uri(indicator));
                add(dsg, g, obs, FZ.year.getURI(), NodeFactory.createLiteralString((String) v[1]));
                add(dsg, g, obs, FZ.value.getURI(), NodeFactory.createLiteralString((String) v[2]));
            }
        });
        IriMapping iris = new IriMapping(BASE);
        LinkedDataServlet.Description d = new LinkedDataServlet.Description(ModelFactory.createDefaultModel(), List.of(), false, null);
        Document doc = Jsoup.parse(dataset.calculateRead(() -> new RegionPage().render(BASE + "id/region/A", d, dataset, iris)));
        assertEquals(List.of("测试指标 | 2022 | 5 | | 1 / 2 | 3 | 1 / 2 | 3 |", "测试指标 | 2023 | 10 | | 3 / 3 | 20 | 4 / 4 | 25 |"),
                rows(doc, "#observations").stream().map(r -> r.replaceAll(" +", " ").trim()).toList());
        Element chart = doc.selectFirst("#observations script.chart-data");
        assertNotNull(chart, "a line: the indicator has two years");
        assertTrue(chart.data().contains("\"view\":\"line\"") && chart.data().contains("[\"2022\",\"2023\"]"), chart.data());
    }

    private static Node uri(String iri) { return NodeFactory.createURI(iri); }

    private static void add(DatasetGraph dsg, Node g, String s, String p, Node o) {
        dsg.add(g, uri(s), uri(p), o);
    }

    // ---------------------------------------------------------------- time

    /** The median time of a few GETs of each kind of page, printed for the record, and well under a second. */
    @Test
    void pagesAreFast() throws Exception {
        Map<String, String> kinds = Map.of("region", REGION, "program", programPath("枫桥经验"), "indicator", INDICATOR);
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            page(kind.getValue()); // warm
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                long start = System.nanoTime();
                page(kind.getValue());
                times.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(times);
            long median = times.get(times.size() / 2);
            System.out.println("ThingPagesTest: " + kind.getKey() + " page " + kind.getValue() + ": median " + median + " ms of " + times);
            assertTrue(median < 1000, kind.getKey() + ": " + times);
        }
    }
}
