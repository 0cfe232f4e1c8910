package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.nodes.Element;
import org.w3id.fazhi.rdf.FZ;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The page of an indicator ({@code /id/indicator/reconsideration-received}): its definition and
 * unit, how many reports give it, and its observations across regions year by year (a table, and
 * a bar chart of the latest years). The observations are reached by their {@code fz:indicator}.
 */
final class IndicatorPage implements ThingPages.Page {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Years with a chart, the latest first; the tables list every year. */
    private static final int CHART_YEARS = 3;
    /** Bars in a chart, the largest values; the table lists every region. */
    private static final int CHART_BARS = 40;

    @Override
    public String render(String iri, LinkedDataServlet.Description d, Dataset dataset, IriMapping iris) {
        if (!iri.startsWith(iris.base() + "id/indicator/")) return null;
        StoreLookup store = new StoreLookup(dataset.asDatasetGraph());
        if (!store.isA(iri, FZ.Indicator)) return null;
        String name = store.label(iri);
        PageFrame page = new PageFrame(iri, name != null ? name : iri, "指标 · indicator", iris, store);
        List<CubeObservation> observations = CubeObservation.of(store, FZ.indicator, iri);
        about(page, iri, observations, store);
        observations(page, observations, store);
        return page.html();
    }

    private static void about(PageFrame page, String iri, List<CubeObservation> observations, StoreLookup store) {
        Element dl = page.body.appendElement("dl").addClass("facts");
        List<String> en = store.texts(iri, SKOS.prefLabel, "en");
        if (!en.isEmpty()) dl.appendElement("dt").text("英文名 English").parent().appendElement("dd").addClass("en").text(en.get(0));
        String unit = store.text(iri, FZ.unitOfMeasure);
        if (unit != null) dl.appendElement("dt").text("单位 unit").parent().appendElement("dd").addClass("unit").text(unit);
        for (String def : store.texts(iri, SKOS.definition, "zh")) {
            dl.appendElement("dt").text("定义 definition").parent().appendElement("dd").addClass("definition").text(def);
        }
        for (String def : store.texts(iri, SKOS.definition, "en")) {
            dl.appendElement("dt").text("definition").parent().appendElement("dd").addClass("en").text(def);
        }
        for (String note : store.texts(iri, SKOS.scopeNote, "zh")) {
            dl.appendElement("dt").text("不含 excludes").parent().appendElement("dd").text(note);
        }
        for (var t : store.objects(iri, FZ.theme)) {
            if (t.isURI()) page.link(dl.appendElement("dt").text("领域 theme").parent().appendElement("dd"), t.getURI());
        }
        Set<String> reports = new HashSet<>(), regions = new HashSet<>();
        for (CubeObservation o : observations) {
            if (o.report() != null) reports.add(o.report());
            if (o.region() != null) regions.add(o.region());
        }
        // The reports in the store, from the type index: no fact of theirs is read.
        long all = store.dataset().stream(Node.ANY, Node.ANY, RDF.type.asNode(), FZ.Report.asNode())
                .map(q -> q.getSubject()).distinct().count();
        dl.appendElement("dt").text("报告 reports").parent().appendElement("dd").addClass("report-count")
                .text(reports.size() + " of the " + all + " reports in the store give it (" + observations.size()
                        + " observations, " + regions.size() + " regions)");
    }

    private static void observations(PageFrame page, List<CubeObservation> observations, StoreLookup store) {
        Element section = page.section("各地数据 Observations across regions (" + observations.size() + ")");
        section.attr("id", "observations");
        if (observations.isEmpty()) {
            section.appendElement("p").addClass("note").text("No report in the store gives it.");
            return;
        }
        Map<String, List<CubeObservation>> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (CubeObservation o : observations) byYear.computeIfAbsent(String.valueOf(o.year()), k -> new ArrayList<>()).add(o);
        int charted = 0;
        for (Map.Entry<String, List<CubeObservation>> e : byYear.entrySet()) {
            List<CubeObservation> year = e.getValue();
            year.sort(Comparator.comparing(CubeObservation::value).reversed().thenComparing(CubeObservation::iri));
            Element sub = section.appendElement("section").addClass("year").attr("id", "year-" + e.getKey());
            sub.appendElement("h3").text(e.getKey() + " (" + year.size() + ")");
            String unit = year.get(0).unitLabel(store);
            if (charted++ < CHART_YEARS) {
                ObjectNode spec = JSON.createObjectNode().put("view", "bar").put("unit", unit);
                ArrayNode categories = spec.putArray("categories");
                ArrayNode data = spec.putArray("series").addObject().put("name", e.getKey()).putArray("data");
                for (CubeObservation o : year.subList(0, Math.min(CHART_BARS, year.size()))) {
                    categories.add(o.region() == null ? "?" : String.valueOf(store.label(o.region())));
                    data.add(o.value());
                }
                page.chart(sub, spec, e.getKey() + ": " + (year.size() > CHART_BARS ? "the " + CHART_BARS + " largest values; " : "")
                        + "the table gives every region.");
            }
            Element tbody = page.table(sub, "#", "省份 province", "地区 region", "数值 value", "单位 unit", "原文 quote", "报告 report");
            int rank = 0;
            for (CubeObservation o : year) {
                Element tr = tbody.appendElement("tr");
                tr.appendElement("td").addClass("num").text(String.valueOf(++rank));
                Element td = tr.appendElement("td");
                String province = o.region() == null ? null : store.iri(o.region(), FZ.province);
                if (province != null) page.link(td, province);
                td = tr.appendElement("td");
                if (o.region() != null) page.link(td, o.region());
                tr.appendElement("td").addClass("num").text(CubeObservation.format(o.value()));
                tr.appendElement("td").text(o.unitLabel(store));
                tr.appendElement("td").addClass("quote").text(o.quote() == null ? "" : o.quote());
                td = tr.appendElement("td");
                if (o.report() != null) page.link(td, o.report(), "报告");
            }
        }
    }
}
