package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /search} on the store of the five reports (see {@link TestServer}). */
@ExtendWith(TestServer.Shared.class)
class SearchPageTest {

    static final String Q = "/search?q=" + QueryPages.encode("行政复议");
    private static final ObjectMapper JSON = new ObjectMapper();

    static TestServer server;

    @BeforeAll
    static void start(TestServer shared) { server = shared; }

    static Document page(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = server.get(path, "text/html");
        assertEquals(200, r.statusCode(), path + "\n" + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        return Jsoup.parse(r.body());
    }

    static int total(Document doc) {
        Element t = doc.selectFirst(".count .total");
        assertNotNull(t, "a total count");
        return Integer.parseInt(t.text());
    }

    /** The link of a facet's first value that is not chosen, and the count shown beside it. */
    static Element firstValue(Document doc, String facet) {
        Element li = doc.selectFirst("section.facet[data-facet=" + facet + "] li:not(.selected):not(.more)");
        assertNotNull(li, "a value of facet " + facet + " in\n" + doc.select(".facets").outerHtml());
        return li;
    }

    /** The measures whose quote contains a term, counted by the endpoint with a plain CONTAINS over the whole store. */
    static int measuresContaining(String term) throws Exception {
        String sparql = "SELECT (COUNT(DISTINCT ?m) AS ?n) { ?m a <https://w3id.org/fazhi/ontology#Measure> ; "
                + "<https://w3id.org/fazhi/ontology#quote> ?q FILTER (CONTAINS(?q, \"" + term + "\")) }";
        return Integer.parseInt(server.query(sparql, "text/csv").body().split("\r\n")[1]);
    }

    @Test
    void findsMeasuresInSeveralReportsWithTheTermMarked() throws Exception {
        Document doc = page(Q);
        assertTrue(doc.title().contains("行政复议"), doc.title());
        int total = total(doc);
        assertEquals(measuresContaining("行政复议"), total, "every measure that holds the term, and no other");
        assertEquals(Math.min(total, SearchRequest.PAGE_SIZE), doc.select("ol.hits > li").size());
        for (Element hit : doc.select("ol.hits > li")) {
            assertTrue(hit.select("blockquote mark").stream().anyMatch(m -> m.text().equals("行政复议")), hit.outerHtml());
            assertTrue(hit.selectFirst("a.report").attr("href").startsWith("/id/report/"), hit.outerHtml());
            assertTrue(hit.selectFirst("a.report").text().matches(".+ \\d{4}"), "region and year: " + hit.outerHtml());
        }
        Set<String> reports = new HashSet<>();
        doc.select("ol.hits a.report").forEach(a -> reports.add(a.attr("href")));
        assertTrue(reports.size() >= 3, "hits in several reports: " + reports);
    }

    @Test
    void pagesTogetherAreEveryHit() throws Exception {
        String q = "/search?q=" + QueryPages.encode("执法");
        Document doc = page(q);
        int total = total(doc);
        assertEquals(measuresContaining("执法"), total);
        assertTrue(total > 2 * SearchRequest.PAGE_SIZE, "several pages: " + total);
        assertEquals(SearchRequest.PAGE_SIZE, doc.select("ol.hits > li").size());
        assertNotNull(doc.selectFirst("nav.pages a[rel=next]"));
        int pages = (total + SearchRequest.PAGE_SIZE - 1) / SearchRequest.PAGE_SIZE;
        Set<String> seen = new HashSet<>();
        for (int p = 1; p <= pages; p++) {
            for (Element a : page(q + "&page=" + p).select("ol.hits a.measure")) assertTrue(seen.add(a.attr("href")), "twice: " + a);
        }
        assertEquals(total, seen.size());
        JsonNode json = JSON.readTree(server.get(q + "&format=json", null).body());
        assertEquals(total, json.get("hits").size(), "the raw formats give every hit, not one page");
    }

    @Test
    void narrowingByProvinceThenSectionKeepsCountsConsistent() throws Exception {
        Document doc = page(Q);
        int total = total(doc);
        int provinceSum = doc.select("section.facet[data-facet=province] li .n").stream().mapToInt(e -> Integer.parseInt(e.text())).sum();
        assertEquals(total, provinceSum, "every hit has one province");

        Element province = firstValue(doc, "province");
        int provinceCount = Integer.parseInt(province.selectFirst(".n").text());
        String byProvince = province.selectFirst("a").attr("href");
        assertTrue(byProvince.contains("province="), byProvince);
        Document narrowed = page(byProvince);
        assertEquals(provinceCount, total(narrowed), "the count beside the value is the hits it leaves");
        assertTrue(provinceCount <= total);
        assertEquals(1, narrowed.select("section.facet[data-facet=province] li").size(), "one province left");
        assertEquals(1, narrowed.select("section.facet[data-facet=province] li.selected").size());

        int sectionSum = narrowed.select("section.facet[data-facet=section] li .n").stream().mapToInt(e -> Integer.parseInt(e.text())).sum();
        assertEquals(provinceCount, sectionSum, "each hit is in one section");
        Element section = firstValue(narrowed, "section");
        int sectionCount = Integer.parseInt(section.selectFirst(".n").text());
        String both = section.selectFirst("a").attr("href");
        assertTrue(both.contains("province=") && both.contains("section="), both);
        Document twice = page(both);
        assertEquals(sectionCount, total(twice));
        for (Element hit : twice.select("ol.hits > li")) {
            String meta = hit.selectFirst(".meta").text();
            assertTrue(meta.contains(section.selectFirst("a").text()), "every hit in the chosen section: " + meta);
        }
        // Removing the province keeps the section: the chip's link carries section only.
        Element chip = twice.select(".chosen a.chip").stream().filter(a -> a.text().startsWith("province")).findFirst().orElseThrow();
        String withoutProvince = URLDecoder.decode(chip.attr("href"), StandardCharsets.UTF_8);
        assertFalse(withoutProvince.contains("province="), withoutProvince);
        assertTrue(withoutProvince.contains("section="), withoutProvince);
        assertTrue(total(page(chip.attr("href"))) >= sectionCount);
        // The same narrowing in JSON and CSV.
        JsonNode json = JSON.readTree(server.get(both + "&format=json", null).body());
        assertEquals(sectionCount, json.get("total").asInt());
    }

    @Test
    void csvAndJsonParse() throws Exception {
        HttpResponse<String> csv = server.get(Q + "&format=csv", null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        HttpResponse<String> json = server.get(Q + "&format=json", null);
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode root = JSON.readTree(json.body());
        assertEquals(root.get("total").asInt(), records.size());
        assertEquals(root.get("hits").size(), records.size());
        for (CSVRecord r : records) {
            assertTrue(r.get("quote").contains("行政复议"), r.toString());
            assertTrue(r.get("report").startsWith("https://"), r.toString());
            assertTrue(r.get("year").matches("\\d{4}"), r.toString());
            assertTrue(Set.of("overview", "achievement", "problem", "plan").contains(r.get("section")), r.toString());
        }
        JsonNode first = root.get("hits").get(0);
        for (String key : List.of("report", "region", "year", "section", "quote")) assertTrue(first.hasNonNull(key), key);
    }

    @Test
    void hostileSearchTextIsEscapedAndChangesNothing() throws Exception {
        String hostile = "行政复议\" } ; DROP ALL ; { <script>alert(1)</script> *:*";
        HttpResponse<String> r = server.get("/search?q=" + QueryPages.encode(hostile), "text/html");
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("<script>alert(1)"), "the script is escaped");
        Document doc = Jsoup.parse(r.body());
        assertEquals(hostile, doc.selectFirst("form.search input[name=q]").attr("value"));
        assertEquals(0, total(doc), "no measure holds those words");
        assertTrue(doc.select("script").isEmpty());
        // Lucene syntax is no syntax here: *:* is a phrase, not "everything".
        assertEquals(0, JSON.readTree(server.get("/search?q=" + QueryPages.encode("*:*") + "&format=json", null).body())
                .get("total").asInt());
        // A quote and a brace in a real search, and hostile facet values.
        Document braces = page("/search?q=" + QueryPages.encode("行政复议 }") + "&province=" + QueryPages.encode("\"><script>x</script>"));
        assertEquals(0, total(braces));
        assertFalse(braces.outerHtml().contains("<script>x"));
        // The store is untouched.
        assertEquals(5, Integer.parseInt(server.query("SELECT (COUNT(*) AS ?n) { ?r a <https://w3id.org/fazhi/ontology#Report> }",
                "text/csv").body().split("\r\n")[1]));
    }

    @Test
    void emptySearchShowsTheFormOnly() throws Exception {
        Document doc = page("/search");
        assertNotNull(doc.selectFirst("form.search input[name=q]"));
        assertTrue(doc.select(".count, ol.hits, .facets").isEmpty());
        assertTrue(page("/search?q=++").select(".count").isEmpty());
        assertEquals(400, server.get(Q + "&page=x", null).statusCode());
        assertEquals(400, server.get(Q + "&format=xml", null).statusCode());
        assertEquals(400, server.get("/search?q=" + QueryPages.encode("法"), null).statusCode(), "one character alone");
        // A one-character word beside a longer one narrows by CONTAINS.
        int both = total(page("/search?q=" + QueryPages.encode("行政复议 件")));
        assertTrue(both > 0 && both < total(page(Q)), "行政复议 and 件: " + both);
    }

    @Test
    void aSearchIsQuick() throws Exception {
        List<Long> ms = new ArrayList<>();
        // Two first, not counted: the first search of a run loads classes and warms the index.
        for (int i = 0; i < 2; i++) server.get(Q + "&section=plan", "text/html");
        // Different pages: the cache's ETags do not answer for the server (no If-None-Match is sent anyway).
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            assertEquals(200, server.get(Q + "&page=" + (i % 2 + 1), "text/html").statusCode());
            ms.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(ms);
        long median = ms.get(ms.size() / 2);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/search-timing.txt"), "GET " + Q + ": median " + median + " ms of " + ms + "\n");
        System.out.println("search page median " + median + " ms " + ms);
        assertTrue(median < 2000, "median " + median + " ms");
    }
}
