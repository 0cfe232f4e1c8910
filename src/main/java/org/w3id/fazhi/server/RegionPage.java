package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.query.Dataset;
import org.jsoup.nodes.Element;
import org.w3id.fazhi.rdf.FZ;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The page of a region ({@code /id/region/360121}): where it sits in the gazetteer, its reports
 * by year, the programs it practised year by year, and its observations with, for each, its rank
 * and the median among the regions of its level in its province and nationally (from the
 * observations of the same indicator and year). Everything is reached from the region: its
 * reports and observations by {@code fz:region}, the peers of an observation by its indicator.
 */
final class RegionPage implements ThingPages.Page {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String render(String iri, LinkedDataServlet.Description d, Dataset dataset, IriMapping iris) {
        if (!iri.startsWith(iris.base() + "id/region/")) return null;
        StoreLookup store = new StoreLookup(dataset.asDatasetGraph());
        if (!store.isA(iri, FZ.Region)) return null;
        String name = store.label(iri);
        String code = store.text(iri, FZ.adminCode);
        String title = name != null ? name : code != null ? code : iri;
        PageFrame page = new PageFrame(iri, title, "地区 · region", iris, store);

        gazetteer(page, iri, store);
        List<String> reports = new ArrayList<>();
        List<CubeObservation> observations = new ArrayList<>();
        for (String s : store.subjects(FZ.region, iri)) {
            if (store.isA(s, FZ.Report)) reports.add(s);
            else {
                CubeObservation o = CubeObservation.read(store, s);
                if (o != null) observations.add(o);
            }
        }
        reports.sort(Comparator.comparing((String r) -> String.valueOf(store.text(r, FZ.year))).thenComparing(r -> r));
        reports(page, reports, store);
        ComplianceRecord.append(page, iri, reports, store);
        programs(page, reports, store);
        observations(page, iri, observations, store);
        return page.html();
    }

    private static void gazetteer(PageFrame page, String iri, StoreLookup store) {
        Element dl = page.body.appendElement("dl").addClass("facts");
        String fullName = store.text(iri, FZ.fullName);
        if (fullName != null) dl.appendElement("dt").text("全称 full name").parent().appendElement("dd").text(fullName);
        String code = store.text(iri, FZ.adminCode);
        if (code != null) dl.appendElement("dt").text("区划代码 code").parent().appendElement("dd").text(code);
        String level = store.iri(iri, FZ.level);
        if (level != null) page.link(dl.appendElement("dt").text("级别 level").parent().appendElement("dd"), level);
        String province = store.iri(iri, FZ.province);
        if (province != null && !province.equals(iri)) page.link(dl.appendElement("dt").text("省份 province").parent().appendElement("dd"), province);
        String parent = store.iri(iri, FZ.parent);
        if (parent != null) page.link(dl.appendElement("dt").text("上级 parent").parent().appendElement("dd").addClass("parent"), parent);
        List<String> children = store.subjects(FZ.parent, iri);
        if (!children.isEmpty()) {
            children.sort(Comparator.naturalOrder());
            Element dd = dl.appendElement("dt").text("下级 children (" + children.size() + ")").parent().appendElement("dd").addClass("children");
            for (int i = 0; i < children.size(); i++) {
                if (i > 0) dd.appendText(" · ");
                page.link(dd, children.get(i));
            }
        }
    }

    private static void reports(PageFrame page, List<String> reports, StoreLookup store) {
        Element section = page.section("报告 Reports (" + reports.size() + ")");
        section.attr("id", "reports");
        if (reports.isEmpty()) {
            section.appendElement("p").addClass("note").text("No report of this region is in the store.");
            return;
        }
        Element tbody = page.table(section, "年度 year", "报告 report", "类型 kind", "举措 measures", "指标数据 observations", "已实施项目 programs practised");
        for (String r : reports) {
            Element tr = tbody.appendElement("tr");
            tr.appendElement("td").text(String.valueOf(store.text(r, FZ.year)));
            page.link(tr.appendElement("td"), r);
            String kind = store.iri(r, FZ.documentKind);
            Element td = tr.appendElement("td");
            if (kind != null) page.link(td, kind);
            for (var p : List.of(FZ.measureCount, FZ.observationCount, FZ.practicesCount)) {
                tr.appendElement("td").addClass("num").text(CubeObservation.format(store.number(r, p)));
            }
        }
    }

    /** Program × year: 实施 where a report of the year practises it, 计划 where one only plans it. */
    private static void programs(PageFrame page, List<String> reports, StoreLookup store) {
        TreeSet<String> years = new TreeSet<>();
        Map<String, Map<String, String>> byProgram = new HashMap<>();
        for (String r : reports) {
            String year = String.valueOf(store.text(r, FZ.year));
            years.add(year);
            for (var n : store.objects(r, FZ.practices)) {
                if (n.isURI()) byProgram.computeIfAbsent(n.getURI(), k -> new TreeMap<>()).put(year, "实施");
            }
            for (var n : store.objects(r, FZ.plans)) {
                if (n.isURI()) byProgram.computeIfAbsent(n.getURI(), k -> new TreeMap<>()).putIfAbsent(year, "计划");
            }
        }
        Element section = page.section("项目 Programs over time (" + byProgram.size() + ")");
        section.attr("id", "programs");
        if (byProgram.isEmpty()) {
            section.appendElement("p").addClass("note").text("Its reports name no program of the scheme.");
            return;
        }
        section.appendElement("p").addClass("note").text("实施: practised in the year; 计划: named in the year's plans only.");
        List<String> headers = new ArrayList<>(List.of("项目 program"));
        headers.addAll(years);
        Element tbody = page.table(section, headers.toArray(String[]::new));
        List<String> programs = new ArrayList<>(byProgram.keySet());
        // Most years practised first, then by name.
        programs.sort(Comparator.comparing((String p) -> -byProgram.get(p).values().stream().filter("实施"::equals).count())
                .thenComparing(p -> String.valueOf(store.label(p))));
        for (String p : programs) {
            Element tr = tbody.appendElement("tr");
            page.link(tr.appendElement("td"), p);
            for (String y : years) tr.appendElement("td").text(byProgram.get(p).getOrDefault(y, ""));
        }
    }

    private record Peer(String level, String province) {}

    private static void observations(PageFrame page, String iri, List<CubeObservation> observations, StoreLookup store) {
        Element section = page.section("指标 Observations (" + observations.size() + ")");
        section.attr("id", "observations");
        if (observations.isEmpty()) {
            section.appendElement("p").addClass("note").text("No observation of this region is in the store.");
            return;
        }
        String level = store.iri(iri, FZ.level);
        String province = store.iri(iri, FZ.province);
        String levelName = level == null ? "同级" : String.valueOf(store.label(level));
        section.appendElement("p").addClass("note").text("Rank: by value, largest first, among the regions of the same level ("
                + levelName + ") with an observation of the indicator in the same year, in the province and nationally; "
                + "the median is over those regions.");
        observations.sort(Comparator.comparing((CubeObservation o) -> String.valueOf(store.label(o.indicator())))
                .thenComparing(CubeObservation::year));
        Map<String, Peer> peers = new HashMap<>();
        Map<String, List<CubeObservation>> byIndicator = new HashMap<>();
        Element tbody = page.table(section, "指标 indicator", "年度 year", "数值 value", "单位 unit",
                "省内排名 rank in province", "省内中位数 median", "全国排名 rank nationally", "全国中位数 median", "原文 quote");
        for (CubeObservation o : observations) {
            Element tr = tbody.appendElement("tr");
            page.link(tr.appendElement("td"), o.indicator());
            tr.appendElement("td").text(String.valueOf(o.year()));
            tr.appendElement("td").addClass("num").text(CubeObservation.format(o.value()));
            tr.appendElement("td").text(o.unitLabel(store));
            // The same indicator and year, one value per region (the largest, should a region have two reports).
            List<CubeObservation> same = byIndicator.computeIfAbsent(o.indicator(), i -> CubeObservation.of(store, FZ.indicator, i));
            Map<String, BigDecimal> national = new HashMap<>(), provincial = new HashMap<>();
            for (CubeObservation s : same) {
                if (s.region() == null || !String.valueOf(s.year()).equals(String.valueOf(o.year()))) continue;
                Peer peer = peers.computeIfAbsent(s.region(), r -> new Peer(store.iri(r, FZ.level), store.iri(r, FZ.province)));
                if (level != null && !level.equals(peer.level())) continue;
                national.merge(s.region(), s.value(), BigDecimal::max);
                if (province != null && province.equals(peer.province())) provincial.merge(s.region(), s.value(), BigDecimal::max);
            }
            rankCells(tr, o.value(), provincial);
            rankCells(tr, o.value(), national);
            tr.appendElement("td").addClass("quote").text(o.quote() == null ? "" : o.quote());
        }
        trendChart(page, section, observations, store);
    }

    private static void rankCells(Element tr, BigDecimal value, Map<String, BigDecimal> values) {
        if (values.isEmpty()) {
            tr.appendElement("td").text("–");
            tr.appendElement("td").text("–");
            return;
        }
        long above = values.values().stream().filter(v -> v.compareTo(value) > 0).count();
        tr.appendElement("td").addClass("num").text((above + 1) + " / " + values.size());
        tr.appendElement("td").addClass("num").text(CubeObservation.format(CubeObservation.median(new ArrayList<>(values.values()))));
    }

    /** A line per indicator observed in several years; none when every indicator has one year. */
    private static void trendChart(PageFrame page, Element section, List<CubeObservation> observations, StoreLookup store) {
        Map<String, Map<String, BigDecimal>> series = new LinkedHashMap<>();
        TreeSet<String> years = new TreeSet<>();
        for (CubeObservation o : observations) {
            series.computeIfAbsent(o.indicator(), k -> new TreeMap<>()).merge(String.valueOf(o.year()), o.value(), BigDecimal::max);
        }
        series.values().removeIf(m -> m.size() < 2);
        if (series.isEmpty()) return;
        series.values().forEach(m -> years.addAll(m.keySet()));
        ObjectNode spec = JSON.createObjectNode().put("view", "line");
        ArrayNode categories = spec.putArray("categories");
        years.forEach(categories::add);
        ArrayNode lines = spec.putArray("series");
        series.forEach((indicator, values) -> {
            ArrayNode data = lines.addObject().put("name", String.valueOf(store.label(indicator))).putArray("data");
            for (String y : years) {
                if (values.containsKey(y)) data.add(values.get(y));
                else data.addNull();
            }
        });
        page.chart(section, spec, "Indicators observed in several years, by year (the table above gives every value).");
    }
}
