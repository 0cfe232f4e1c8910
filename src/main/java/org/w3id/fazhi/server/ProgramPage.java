package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.query.Dataset;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.nodes.Element;
import org.w3id.fazhi.rdf.FZ;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The page of a program ({@code /id/program/fengqiao-experience}): its labels, definition and
 * theme; the regions whose reports practise or plan it, by province and year, each with one quote
 * (the measure that names it, or the words the report used); and the programs named in the same
 * reports. Everything is reached from the program: reports by {@code fz:practices}/{@code fz:plans},
 * quotes by the mentions' {@code fz:program}.
 */
final class ProgramPage implements ThingPages.Page {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOP = 10;
    /** Reports listed with their quotes; a program practised in thousands of reports links to the paged query for the rest. */
    static final int SHOWN = 200;

    @Override
    public String render(String iri, LinkedDataServlet.Description d, Dataset dataset, IriMapping iris) {
        if (!iri.startsWith(iris.base() + "id/program/")) return null;
        StoreLookup store = new StoreLookup(dataset.asDatasetGraph());
        if (!store.isA(iri, FZ.Program) && !store.isA(iri, FZ.CandidateProgram)) return null;
        String name = store.label(iri);
        PageFrame page = new PageFrame(iri, name != null ? name : iri, "项目 · program", iris, store);
        about(page, iri, store);

        // Each report that practises or plans it, practised winning.
        Map<String, String> status = new LinkedHashMap<>();
        for (String r : store.subjects(FZ.practices, iri)) status.put(r, "实施");
        for (String r : store.subjects(FZ.plans, iri)) status.putIfAbsent(r, "计划");
        regions(page, iri, status, store);
        cooccurring(page, iri, status.keySet(), store);
        return page.html();
    }

    private static void about(PageFrame page, String iri, StoreLookup store) {
        Element dl = page.body.appendElement("dl").addClass("facts");
        List<String> en = store.texts(iri, SKOS.prefLabel, "en");
        if (!en.isEmpty()) dl.appendElement("dt").text("英文名 English").parent().appendElement("dd").addClass("en").text(en.get(0));
        List<String> alt = store.texts(iri, SKOS.altLabel, "");
        if (!alt.isEmpty()) dl.appendElement("dt").text("又称 also").parent().appendElement("dd").addClass("alt").text(String.join("、", alt));
        for (String def : store.texts(iri, SKOS.definition, "zh")) {
            dl.appendElement("dt").text("定义 definition").parent().appendElement("dd").addClass("definition").text(def);
        }
        for (String def : store.texts(iri, SKOS.definition, "en")) {
            dl.appendElement("dt").text("definition").parent().appendElement("dd").addClass("en").text(def);
        }
        for (var t : store.objects(iri, FZ.theme)) {
            if (t.isURI()) page.link(dl.appendElement("dt").text("领域 theme").parent().appendElement("dd"), t.getURI());
        }
    }

    private record Row(String report, String region, String province, String year, String status) {}

    private static void regions(PageFrame page, String iri, Map<String, String> status, StoreLookup store) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : status.entrySet()) {
            String r = e.getKey();
            String region = store.iri(r, FZ.region);
            String province = region == null ? null : store.iri(region, FZ.province);
            rows.add(new Row(r, region, province, String.valueOf(store.text(r, FZ.year)), e.getValue()));
        }
        Map<String, String> labels = new HashMap<>();
        Comparator<String> byLabel = Comparator.comparing(i -> i == null ? "\uffff" : labels.computeIfAbsent(i, k -> String.valueOf(store.label(k))));
        rows.sort(Comparator.comparing(Row::province, byLabel).thenComparing(Row::region, byLabel).thenComparing(Row::year));
        long regions = rows.stream().map(Row::region).distinct().count();
        Element section = page.section("实施或计划的地区 Regions that practise or plan it (" + regions + ")");
        section.attr("id", "regions");
        if (rows.isEmpty()) {
            section.appendElement("p").addClass("note").text("No report in the store names it.");
            return;
        }
        // Quotes are looked up for the rows shown only: a popular program is named in thousands of reports.
        List<Row> shown = rows.subList(0, Math.min(SHOWN, rows.size()));
        Map<String, String> quotes = quotes(iri, shown.stream().collect(java.util.stream.Collectors.toMap(
                Row::report, Row::status, (a, b) -> a, LinkedHashMap::new)), store);
        if (shown.size() < rows.size()) {
            Element note = section.appendElement("p").addClass("note").attr("id", "more-reports");
            note.appendText("The first " + shown.size() + " of " + rows.size() + " reports, by province and region; every one, a page at a time: ");
            String label = store.label(iri);
            note.appendElement("a").attr("href", "/queries/regions-practising-program"
                    + "?program=" + java.net.URLEncoder.encode(label == null ? "" : label, java.nio.charset.StandardCharsets.UTF_8))
                    .text("regions-practising-program");
        }
        Element tbody = page.table(section, "省份 province", "地区 region", "年度 year", "状态 status", "原文 quote");
        for (Row row : shown) {
            String quote = quotes.get(row.report());
            Element tr = tbody.appendElement("tr");
            Element td = tr.appendElement("td");
            if (row.province() != null) page.link(td, row.province());
            td = tr.appendElement("td");
            if (row.region() != null) page.link(td, row.region(), fullName(row.region(), store));
            page.link(tr.appendElement("td"), row.report(), row.year());
            tr.appendElement("td").text(row.status());
            tr.appendElement("td").addClass("quote").text(quote == null ? "" : quote);
        }

        // Regions per province and year: a table and the same numbers as stacked bars.
        Map<String, Map<String, Set<String>>> counts = new LinkedHashMap<>();
        TreeSet<String> years = new TreeSet<>();
        for (Row row : rows) {
            String province = row.province() == null ? "" : row.province();
            years.add(row.year());
            counts.computeIfAbsent(province, k -> new TreeMap<>()).computeIfAbsent(row.year(), k -> new LinkedHashSet<>())
                    .add(row.region() == null ? row.report() : row.region());
        }
        Element sub = section.appendElement("section").addClass("by-province");
        sub.appendElement("h3").text("按省份和年度 By province and year");
        List<String> headers = new ArrayList<>(List.of("省份 province"));
        headers.addAll(years);
        Element table = page.table(sub, headers.toArray(String[]::new));
        ObjectNode spec = JSON.createObjectNode().put("view", "bar").put("stack", true);
        ArrayNode categories = spec.putArray("categories");
        ArrayNode series = spec.putArray("series");
        Map<String, ArrayNode> data = new LinkedHashMap<>();
        for (String y : years) data.put(y, series.addObject().put("name", y).putArray("data"));
        for (Map.Entry<String, Map<String, Set<String>>> e : counts.entrySet()) {
            Element tr = table.appendElement("tr");
            String provinceName = e.getKey().isEmpty() ? "(no region)" : String.valueOf(store.label(e.getKey()));
            if (e.getKey().isEmpty()) tr.appendElement("td").text(provinceName);
            else page.link(tr.appendElement("td"), e.getKey());
            categories.add(provinceName);
            for (String y : years) {
                int n = e.getValue().getOrDefault(y, Set.of()).size();
                tr.appendElement("td").addClass("num").text(n == 0 ? "" : String.valueOf(n));
                data.get(y).add(n);
            }
        }
        page.chart(sub, spec, "Regions whose reports practise or plan it, per province, one colour per year.");
    }

    /** The region's full name (甘肃省张掖市高台县), else its label. */
    private static String fullName(String region, StoreLookup store) {
        String full = store.text(region, FZ.fullName);
        return full != null ? full : String.valueOf(store.label(region));
    }

    /**
     * One quote per report: of its mentions of the program (the one with the matching status
     * first, then the earliest), the quote of the measure it is in, else its own words.
     */
    private static Map<String, String> quotes(String iri, Map<String, String> status, StoreLookup store) {
        Map<String, List<String>> mentions = new HashMap<>();
        for (String m : store.subjects(FZ.program, iri)) {
            // A mention is minted under its report ({report}/{kind}/{n}): only the shown reports' are looked up.
            int kind = m.lastIndexOf('/', m.lastIndexOf('/') - 1);
            if (kind > 0 && !status.containsKey(m.substring(0, kind))) continue;
            String report = store.iri(m, FZ.report);
            if (report != null && status.containsKey(report)) mentions.computeIfAbsent(report, k -> new ArrayList<>()).add(m);
        }
        Map<String, String> quotes = new HashMap<>();
        mentions.forEach((report, ms) -> {
            String wanted = "实施".equals(status.get(report)) ? FZ.Practiced.getURI() : FZ.Planned.getURI();
            ms.sort(Comparator.comparing((String m) -> wanted.equals(store.iri(m, FZ.status)) ? 0 : 1)
                    .thenComparing(ProgramPage::offset));
            String m = ms.get(0);
            String measure = store.iri(m, FZ.measure);
            String quote = measure == null ? null : store.text(measure, FZ.quote);
            quotes.put(report, quote != null ? quote : store.text(m, FZ.surface));
        });
        return quotes;
    }

    /** Where a mention starts in its report: the number its IRI ends with. */
    private static long offset(String mention) {
        int slash = mention.lastIndexOf('/');
        try {
            return Long.parseLong(mention.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The programs the same reports practise or plan, by the number of reports. */
    private static void cooccurring(PageFrame page, String iri, Set<String> reports, StoreLookup store) {
        Map<String, Integer> together = new HashMap<>();
        for (String r : reports) {
            Set<String> others = new LinkedHashSet<>();
            for (var p : List.of(FZ.practices, FZ.plans)) {
                for (var n : store.objects(r, p)) if (n.isURI() && !n.getURI().equals(iri)) others.add(n.getURI());
            }
            others.forEach(o -> together.merge(o, 1, Integer::sum));
        }
        Element section = page.section("同时出现的项目 Programs named in the same reports");
        section.attr("id", "cooccurring");
        if (together.isEmpty()) {
            section.appendElement("p").addClass("note").text("None.");
            return;
        }
        List<Map.Entry<String, Integer>> top = new ArrayList<>(together.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(e -> String.valueOf(store.label(e.getKey()))));
        top = top.subList(0, Math.min(TOP, top.size()));
        section.appendElement("p").addClass("note").text("The " + top.size() + " programs named most often in the "
                + reports.size() + " reports that practise or plan it (of " + together.size() + "), with the number of those reports.");
        Element tbody = page.table(section, "项目 program", "报告数 reports");
        String centre = String.valueOf(store.label(iri));
        ObjectNode spec = JSON.createObjectNode().put("view", "network");
        ArrayNode nodes = spec.putArray("nodes");
        ArrayNode links = spec.putArray("links");
        nodes.addObject().put("name", centre).put("value", reports.size()).put("centre", true);
        for (Map.Entry<String, Integer> e : top) {
            Element tr = tbody.appendElement("tr");
            page.link(tr.appendElement("td"), e.getKey());
            tr.appendElement("td").addClass("num").text(String.valueOf(e.getValue()));
            String other = String.valueOf(store.label(e.getKey()));
            if (other.equals(centre)) continue;
            nodes.addObject().put("name", other).put("value", e.getValue());
            links.addObject().put("source", centre).put("target", other).put("value", e.getValue());
        }
        page.chart(section, spec, "The same programs as a network: a line's width is the number of reports naming both.");
    }
}
