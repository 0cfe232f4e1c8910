package org.w3id.fazhi.server;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.nodes.Document;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page of a report ({@code /id/report/{key}}): its cleaned text to read, one paragraph a line,
 * with every fact (observations and quoted numbers), program mention and agency mention marked
 * where its evidence fragment points, the details in each mark's {@code title} and
 * {@code data-*} attributes (and, with {@code report-page.js}, in a box on click); beside it a
 * summary: region, year, level, publisher, document kind, the region's other reports, programs
 * practised and planned, the observations as a table and the sections as a table of contents.
 *
 * <p>Reads the report's own named graph and looks up labels of the few IRIs it points to; the
 * region's other reports are found from the region. Built with jsoup, so every value is escaped.
 */
final class ReportPage implements ThingPages.Page {

    static final ReportPage INSTANCE = new ReportPage();

    private static final String QB = "http://purl.org/linked-data/cube#";
    private static final Node OBSERVATION = NodeFactory.createURI(QB + "Observation");
    private static final Node UNIT_MEASURE = NodeFactory.createURI("http://purl.org/linked-data/sdmx/2009/attribute#unitMeasure");
    private static final Node ORG_CLASSIFICATION = NodeFactory.createURI("http://www.w3.org/ns/org#classification");
    private static final Pattern CHAR = Pattern.compile("#char=(\\d+),(\\d+)$");

    private ReportPage() {}

    @Override
    public String render(String iri, LinkedDataServlet.Description d, Dataset dataset, IriMapping iris) {
        String prefix = iris.base() + "id/report/";
        if (!iri.startsWith(prefix) || d.isGraph()) return null;
        String key = iri.substring(prefix.length());
        if (key.isEmpty() || key.contains("/") || key.contains("#")) return null;
        DatasetGraph dsg = dataset.asDatasetGraph();
        Node graphName = NodeFactory.createURI(iris.base() + "graph/report/" + key);
        if (!dsg.containsGraph(graphName)) return null;
        Graph stored = dsg.getGraph(graphName);
        Node report = NodeFactory.createURI(iri);
        if (!stored.contains(report, RDF.type.asNode(), FZ.Report.asNode())) return null;
        // One read of the report's few thousand triples, then every lookup in memory: faster than
        // a thousand lookups in the store's indexes.
        Graph g = GraphFactory.createGraphMem();
        stored.find().forEachRemaining(g::add);
        return new Builder(iri, key, report, g, dsg, iris).build();
    }

    /** One rendering: the report's graph, the store for labels, and the labels looked up so far. */
    private static final class Builder {
        final String iri, key;
        final Node report;
        final Graph g;
        final DatasetGraph dsg;
        final IriMapping iris;
        final Map<String, String> labels = new HashMap<>();

        Builder(String iri, String key, Node report, Graph g, DatasetGraph dsg, IriMapping iris) {
            this.iri = iri;
            this.key = key;
            this.report = report;
            this.g = g;
            this.dsg = dsg;
            this.iris = iris;
        }

        String build() {
            String title = literal(report, DCTerms.title.asNode());
            if (title == null) title = literal(report, RDFS.label.asNode());
            if (title == null) title = key;
            String path = iris.pathOf(iri);

            Document doc = Document.createShell("");
            doc.title(title + " – fazhi");
            doc.head().prependElement("meta").attr("charset", "utf-8");
            doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
            doc.head().appendElement("link").attr("rel", "alternate").attr("type", "text/turtle").attr("href", path + ".ttl");
            doc.head().appendElement("link").attr("rel", "alternate").attr("type", "application/ld+json").attr("href", path + ".jsonld");
            doc.head().appendElement("style").text(STYLE);
            Element body = doc.body().addClass("report-page");
            Element nav = body.appendElement("nav").addClass("nav");
            nav.appendElement("a").attr("href", OverviewPage.PATH).text("概览 Overview");
            nav.appendText(" · ");
            nav.appendElement("a").attr("href", "/").text("SPARQL (Fuseki UI)");
            nav.appendText(" · ");
            nav.appendElement("a").attr("href", QueryPages.PATH).text("saved queries");
            nav.appendText(" · ");
            nav.appendElement("a").attr("href", "/void").text("dataset description");
            body.appendElement("h1").text(title);
            Element raw = body.appendElement("p").addClass("raw").appendText("Raw data: ");
            raw.appendElement("a").attr("href", path + ".ttl").attr("type", "text/turtle").text("Turtle");
            raw.appendText(" · ");
            raw.appendElement("a").attr("href", path + ".jsonld").attr("type", "application/ld+json").text("JSON-LD");
            raw.appendText(" · ");
            raw.appendElement("a").attr("href", "/graph/report/" + key + ".trig").text("the report's graph (TriG)");

            raw.appendText(" · ");
            raw.appendElement("a").attr("href", "#summary").addClass("skip").text("摘要 Summary ↓");
            Element layout = body.appendElement("div").addClass("layout");
            Element main = layout.appendElement("main").addClass("report-text");
            Element aside = layout.appendElement("aside").addClass("summary").id("summary");

            List<Observation> observations = new ArrayList<>();
            List<TextHighlighter.Span> spans = new ArrayList<>();
            Node textNode = object(report, FZ.hasText.asNode());
            String text = textNode == null ? null : literal(textNode, FZ.text.asNode());
            String textIri = textNode != null && textNode.isURI() ? textNode.getURI() : null;
            facts(textIri, spans, observations);
            programMentions(textIri, spans);
            agencyMentions(textIri, spans);
            List<Section> sections = sections(textIri);

            summary(aside, observations, sections);

            Element legend = main.appendElement("p").addClass("legend");
            legend.appendText("Marked: ");
            legend.appendElement("mark").addClass("fact observation").text("observation 统计指标");
            legend.appendText(" ");
            legend.appendElement("mark").addClass("fact number").text("other number 其他数字");
            legend.appendText(" ");
            legend.appendElement("mark").addClass("program practiced").text("program 制度");
            legend.appendText(" ");
            legend.appendElement("mark").addClass("program planned").text("planned 计划");
            legend.appendText(" ");
            legend.appendElement("mark").addClass("agency").text("agency 机关");
            legend.appendText(" — hover or click a mark for its details.");
            main.appendElement("div").attr("id", "mark-details").addClass("mark-details").attr("hidden", "")
                    .attr("role", "status").attr("aria-live", "polite");
            Element textBox = main.appendElement("div").addClass("text").attr("lang", "zh");
            if (text == null) {
                textBox.appendElement("p").text("The report's text is not in the store.");
            } else {
                Map<Integer, Section> headings = new TreeMap<>();
                for (Section s : sections) headings.putIfAbsent(s.start, s);
                writeText(textBox, text, spans, headings);
            }
            body.appendElement("script").attr("src", WebAssets.REPORT_SCRIPT);
            return doc.outerHtml();
        }

        private void writeText(Element box, String text, List<TextHighlighter.Span> spans, Map<Integer, Section> headings) {
            // The section starting on a line gives that line its anchor; a line that is the heading
            // alone is a heading, one that goes on after it (1.…。 then the item) stays a paragraph.
            int[] cps = text.codePoints().toArray();
            TreeMap<Integer, Section> byLine = new TreeMap<>();
            TreeMap<Integer, Boolean> wholeLine = new TreeMap<>();
            for (Section s : headings.values()) {
                int start = Math.max(0, Math.min(s.start, cps.length));
                int lineStart = start, lineEnd = start;
                while (lineStart > 0 && cps[lineStart - 1] != '\n') lineStart--;
                while (lineEnd < cps.length && cps[lineEnd] != '\n') lineEnd++;
                if (byLine.putIfAbsent(lineStart, s) == null) {
                    String line = new String(cps, lineStart, lineEnd - lineStart).strip();
                    wholeLine.put(lineStart, line.equals(s.label.strip()));
                }
            }
            TextHighlighter.write(box, text, spans, lineStart -> {
                Section s = byLine.get(lineStart);
                Element e;
                if (s != null && s.level > 0 && wholeLine.get(lineStart)) {
                    e = box.appendElement("h" + Math.min(6, s.level + 1)).addClass("heading");
                } else {
                    e = box.appendElement("p");
                    if (s != null) e.addClass("section-start");
                }
                if (s != null) e.id(s.anchor());
                return e;
            });
        }

        private void summary(Element aside, List<Observation> observations, List<Section> sections) {
            aside.appendElement("h2").text("摘要 Summary");
            Element dl = aside.appendElement("dl").addClass("facts");
            Node region = object(report, FZ.region.asNode());
            if (region != null) {
                dd(dl, "地区 Region").appendChild(link(region));
            } else {
                String warning = literal(report, FZ.regionWarning.asNode());
                dd(dl, "地区 Region").text(warning == null ? "not known" : "not known: " + warning);
            }
            String year = literal(report, FZ.year.asNode());
            if (year != null) dd(dl, "年度 Year").text(year);
            Node level = object(report, FZ.level.asNode());
            if (level != null) dd(dl, "层级 Level").text(label(level));
            String publisher = literal(report, FZ.publisherName.asNode());
            if (publisher != null) dd(dl, "发布机关 Publisher").text(publisher);
            String issued = literal(report, DCTerms.issued.asNode());
            if (issued != null) dd(dl, "发布日期 Issued").text(issued);
            Node kind = object(report, FZ.documentKind.asNode());
            if (kind != null) dd(dl, "文种 Document kind").text(label(kind));
            Node department = object(report, FZ.department.asNode());
            if (department != null) dd(dl, "部门 Department").appendChild(link(department));
            Element counts = dd(dl, "数量 Counts");
            String[][] countNames = {{"measureCount", "measures 措施"}, {"observationCount", "observations 指标"},
                    {"numberCount", "other numbers 其他数字"}, {"problemCount", "problems 问题"},
                    {"practicesCount", "programs practised 已实施"}, {"plansCount", "programs planned 计划"}};
            Element ul = counts.appendElement("ul").addClass("counts");
            for (String[] c : countNames) {
                String v = literal(report, NodeFactory.createURI(FZ.NS + c[0]));
                if (v != null) ul.appendElement("li").text(v + " " + c[1]);
            }

            if (region != null) {
                Map<String, Node> others = otherReports(region);
                if (!others.isEmpty()) {
                    Element other = dd(dl, "其他年度 Other years");
                    for (Map.Entry<String, Node> e : others.entrySet()) {
                        other.appendChild(link(e.getValue()).text(e.getKey()).addClass("other-year"));
                        other.appendText(" ");
                    }
                }
            }

            // Does it do what the rules require? Each part linked to where it stands in the text.
            ComplianceCard.append(aside, g, report, dsg, key);

            programs(aside, FZ.practices.asNode(), "已实施的制度 Programs practised", "practised");
            programs(aside, FZ.plans.asNode(), "计划的制度 Programs planned", "planned");

            if (!sections.isEmpty()) {
                aside.appendElement("h3").text("目录 Contents");
                Element toc = aside.appendElement("ol").addClass("toc");
                for (Section s : sections) {
                    toc.appendElement("li").addClass("level-" + s.level).appendElement("a").attr("href", "#" + s.anchor()).text(s.label);
                }
            }

            aside.appendElement("h3").text("统计指标 Observations (" + observations.size() + ")");
            if (observations.isEmpty()) {
                aside.appendElement("p").text("No observation: no figure an indicator claims.");
            } else {
                Element table = aside.appendElement("table").addClass("observations");
                table.appendElement("thead").appendElement("tr").appendElement("th").text("indicator 指标")
                        .parent().appendElement("th").text("value 数值").parent().appendElement("th").text("unit 单位")
                        .parent().appendElement("th").text("quote 原文");
                Element tbody = table.appendElement("tbody");
                observations.sort(Comparator.comparing((Observation o) -> o.indicatorLabel));
                for (Observation o : observations) {
                    Element tr = tbody.appendElement("tr");
                    Element ind = tr.appendElement("td");
                    if (o.indicator != null) ind.appendChild(link(o.indicator));
                    tr.appendElement("td").addClass("num").text(o.value);
                    tr.appendElement("td").text(o.unit);
                    // The words the figure was read from, linked to their place in the text.
                    Element q = tr.appendElement("td").addClass("quote").appendElement("blockquote");
                    if (o.anchor != null) q.appendElement("a").attr("href", "#" + o.anchor).text(o.quote);
                    else q.text(o.quote);
                }
            }
            aside.appendElement("p").addClass("more").appendElement("a").attr("href", OverviewPage.PATH)
                    .text("What else the dataset holds → overview");
        }

        private void programs(Element aside, Node property, String heading, String cls) {
            List<Node> programs = new ArrayList<>();
            g.find(report, property, Node.ANY).forEachRemaining(t -> programs.add(t.getObject()));
            if (programs.isEmpty()) return;
            programs.sort(Comparator.comparing(this::label));
            aside.appendElement("h3").text(heading + " (" + programs.size() + ")");
            Element ul = aside.appendElement("ul").addClass("programs " + cls);
            for (Node p : programs) ul.appendElement("li").appendChild(link(p));
        }

        /** The reports of the same region but this one, by year (their keys when two share a year). */
        private Map<String, Node> otherReports(Node region) {
            Map<String, Node> others = new TreeMap<>();
            Node type = RDF.type.asNode(), reportClass = FZ.Report.asNode();
            dsg.find(Node.ANY, Node.ANY, FZ.region.asNode(), region).forEachRemaining(q -> {
                Node s = q.getSubject();
                if (!s.isURI() || s.equals(report) || others.containsValue(s)) return;
                if (!dsg.contains(Node.ANY, s, type, reportClass)) return;
                String year = first(dsg, s, FZ.year.asNode());
                String name = year == null ? s.getURI() : year;
                Node kind = firstNode(dsg, s, FZ.documentKind.asNode());
                if (kind != null && !kind.equals(FZ.GovernmentReport.asNode())) name = name + " " + label(kind);
                while (others.containsKey(name)) name = name + "′";
                others.put(name, s);
            });
            return others;
        }

        private void facts(String textIri, List<TextHighlighter.Span> spans, List<Observation> observations) {
            for (Node type : List.of(OBSERVATION, FZ.MetricFact.asNode())) {
                boolean isObservation = type.equals(OBSERVATION);
                for (Node fact : subjects(type)) {
                    Map<String, String> data = new LinkedHashMap<>();
                    data.put("data-kind", isObservation ? "observation" : "number");
                    String value = number(literal(fact, FZ.value.asNode()));
                    Node unit = object(fact, UNIT_MEASURE);
                    String unitText = unit == null ? "" : notation(unit);
                    Node indicator = object(fact, FZ.indicator.asNode());
                    Node approximation = object(fact, FZ.approximation.asNode());
                    String counts = literal(fact, FZ.counts.asNode());
                    String quote = literal(fact, FZ.quote.asNode());
                    data.put("data-value", value == null ? "" : value);
                    data.put("data-unit", unitText);
                    if (indicator != null) {
                        data.put("data-indicator", label(indicator));
                        data.put("data-indicator-href", href(indicator));
                    }
                    if (counts != null) data.put("data-counts", counts);
                    if (approximation != null && !approximation.equals(FZ.Exact.asNode())) data.put("data-approximation", label(approximation));
                    data.put("data-href", href(fact));
                    StringBuilder title = new StringBuilder(isObservation ? "统计指标 observation: " : "数字 number: ");
                    if (indicator != null) title.append(label(indicator)).append(" = ");
                    else if (counts != null) title.append(counts).append(" = ");
                    title.append(value == null ? "?" : value).append(unitText.isEmpty() ? "" : " " + unitText);
                    if (data.containsKey("data-approximation")) title.append(" (").append(data.get("data-approximation")).append(")");
                    data.put("title", title.toString());
                    String anchor = anchor(fact);
                    String classes = "fact " + (isObservation ? "observation" : "number");
                    boolean first = true;
                    for (int[] e : evidence(fact, textIri)) {
                        spans.add(new TextHighlighter.Span(e[0], e[1], 0, classes, data, first ? anchor : null));
                        first = false;
                    }
                    if (isObservation) {
                        String shown = value == null ? "" : value;
                        if (data.containsKey("data-approximation")) shown = shown + " (" + data.get("data-approximation") + ")";
                        observations.add(new Observation(indicator, indicator == null ? "" : label(indicator), shown,
                                unitText, quote == null ? "" : quote, first ? null : anchor));
                    }
                }
            }
        }

        private void programMentions(String textIri, List<TextHighlighter.Span> spans) {
            for (Node mention : subjects(FZ.ProgramMention.asNode())) {
                Node program = object(mention, FZ.program.asNode());
                Node status = object(mention, FZ.status.asNode());
                boolean planned = status != null && status.equals(FZ.Planned.asNode());
                Map<String, String> data = new LinkedHashMap<>();
                data.put("data-kind", "program");
                if (program != null) {
                    data.put("data-program", label(program));
                    data.put("data-program-href", href(program));
                }
                if (status != null) data.put("data-status", label(status));
                data.put("data-href", href(mention));
                data.put("title", "制度 program: " + (program == null ? "?" : label(program))
                        + (status == null ? "" : " (" + label(status) + ")"));
                boolean first = true;
                for (int[] e : evidence(mention, textIri)) {
                    spans.add(new TextHighlighter.Span(e[0], e[1], 1, "program " + (planned ? "planned" : "practiced"), data,
                            first ? anchor(mention) : null));
                    first = false;
                }
            }
        }

        private void agencyMentions(String textIri, List<TextHighlighter.Span> spans) {
            for (Node agency : subjects(FZ.Agency.asNode())) {
                Map<String, String> data = new LinkedHashMap<>();
                data.put("data-kind", "agency");
                data.put("data-agency", label(agency));
                Node kind = object(agency, ORG_CLASSIFICATION);
                if (kind != null) data.put("data-agency-kind", label(kind));
                data.put("data-href", href(agency));
                data.put("title", "机关 agency: " + label(agency) + (kind == null ? "" : " (" + label(kind) + ")"));
                for (int[] e : evidence(agency, textIri)) {
                    spans.add(new TextHighlighter.Span(e[0], e[1], 2, "agency", data, null));
                }
            }
        }

        private List<Section> sections(String textIri) {
            List<Section> sections = new ArrayList<>();
            for (Node s : subjects(FZ.Section.asNode())) {
                List<int[]> e = evidence(s, textIri);
                String order = literal(s, FZ.order.asNode());
                String level = literal(s, FZ.headingLevel.asNode());
                String label = literal(s, RDFS.label.asNode());
                sections.add(new Section(order == null ? Integer.MAX_VALUE : Integer.parseInt(order),
                        level == null ? 1 : Integer.parseInt(level), label == null ? "" : label, e.isEmpty() ? -1 : e.get(0)[0]));
            }
            sections.sort(Comparator.comparingInt((Section s) -> s.order).thenComparingInt(s -> s.start));
            return sections;
        }

        /** The evidence fragments of a node on the report's text, as code-point ranges, in order. */
        private List<int[]> evidence(Node n, String textIri) {
            List<int[]> ranges = new ArrayList<>();
            if (textIri == null) return ranges;
            g.find(n, FZ.evidence.asNode(), Node.ANY).forEachRemaining(t -> {
                Node o = t.getObject();
                if (!o.isURI() || !o.getURI().startsWith(textIri + "#")) return;
                Matcher m = CHAR.matcher(o.getURI());
                if (!m.find()) return;
                try {
                    int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2));
                    if (a < b) ranges.add(new int[]{a, b});
                } catch (NumberFormatException e) {
                    // a fragment out of int range marks nothing
                }
            });
            ranges.sort(Comparator.comparingInt(r -> r[0]));
            return ranges;
        }

        private List<Node> subjects(Node type) {
            List<Node> nodes = new ArrayList<>();
            g.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
                if (t.getSubject().isURI()) nodes.add(t.getSubject());
            });
            nodes.sort(Comparator.comparing(Node::getURI));
            return nodes;
        }

        private String anchor(Node n) {
            String u = n.getURI();
            String base = iri + "/";
            String local = u.startsWith(base) ? u.substring(base.length()) : u;
            return local.replaceAll("[^A-Za-z0-9_-]+", "-");
        }

        private String href(Node n) {
            if (!n.isURI()) return "";
            String local = iris.pathOf(n.getURI());
            return local != null ? local : n.getURI();
        }

        private Element link(Node n) {
            Element a = new Element("a").attr("href", href(n));
            if (n.isURI()) a.attr("title", n.getURI());
            return a.text(label(n));
        }

        /** A label: from the report's graph, else from the store; else the IRI's last step. */
        private String label(Node n) {
            if (!n.isURI()) return n.isLiteral() ? n.getLiteralLexicalForm() : "";
            return labels.computeIfAbsent(n.getURI(), u -> {
                String l = literal(n, SKOS.prefLabel.asNode());
                if (l == null) l = ResourcePage.label(dsg, u);
                if (l == null) {
                    int cut = Math.max(u.lastIndexOf('/'), u.lastIndexOf('#'));
                    l = u.substring(cut + 1);
                }
                return l;
            });
        }

        private String notation(Node unit) {
            String n = first(dsg, unit, SKOS.notation.asNode());
            return n != null ? n : label(unit);
        }

        /** The value of a property in the report's graph, a literal's text (Chinese first). */
        private String literal(Node s, Node p) { return ReportPage.literal(g, s, p); }

        private Node object(Node s, Node p) { return ReportPage.object(g, s, p); }
    }

    /** The value of a property in a graph, a literal's text (Chinese first), or null. */
    static String literal(Graph g, Node s, Node p) {
        String any = null;
        var it = g.find(s, p, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (!o.isLiteral()) continue;
            if (o.getLiteralLanguage().startsWith("zh")) return o.getLiteralLexicalForm();
            if (any == null) any = o.getLiteralLexicalForm();
        }
        return any;
    }

    /** The first object of a property in a graph, or null. */
    static Node object(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private static String first(DatasetGraph dsg, Node s, Node p) {
        var it = dsg.find(Node.ANY, s, p, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral()) return o.getLiteralLexicalForm();
        }
        return null;
    }

    private static Node firstNode(DatasetGraph dsg, Node s, Node p) {
        var it = dsg.find(Node.ANY, s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private static Element dd(Element dl, String term) {
        dl.appendElement("dt").text(term);
        return dl.appendElement("dd");
    }

    /** A decimal as people write it: 233, not 233.0; the text as it is when it is no number. */
    static String number(String lexical) {
        if (lexical == null) return null;
        try {
            return new BigDecimal(lexical).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return lexical;
        }
    }

    private record Observation(Node indicator, String indicatorLabel, String value, String unit, String quote, String anchor) {}

    private record Section(int order, int level, String label, int start) {
        String anchor() { return "section-" + order; }
    }

    private static final String STYLE = """
            body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;max-width:90em;margin:1em auto;padding:0 1em;color:#222}
            a{color:#1a5fb4;text-decoration:none}a:hover{text-decoration:underline}.nav,.raw{font-size:.9em}
            h1{font-size:1.5em;margin:.4em 0}
            .layout{display:grid;grid-template-columns:minmax(0,1fr) 26em;gap:2em;align-items:start}
            .summary{position:sticky;top:.5em;max-height:calc(100vh - 1em);overflow:auto;font-size:.9em;
            background:#f6f7f9;padding:.6em .9em;border-radius:6px}
            .summary h2{font-size:1.15em;margin:.2em 0}.summary h3{font-size:1em;margin:1em 0 .3em}
            dl.facts{display:grid;grid-template-columns:auto 1fr;gap:.2em .8em;margin:0}dl.facts dt{color:#555}dl.facts dd{margin:0}
            ul.counts{margin:0;padding-left:1.1em}ul.programs{margin:0;padding:0;list-style:none}ul.programs li{display:inline}
            ul.programs li:not(:last-child)::after{content:" · ";color:#999}ol.toc{padding:0;margin:0;list-style:none}
            .toc .level-2{margin-left:1em}.toc .level-3{margin-left:2em;font-size:.95em}.toc li{margin:.15em 0}
            table.observations{border-collapse:collapse;width:100%}table.observations td,table.observations th{border-bottom:1px solid #ddd;
            padding:.2em .3em;vertical-align:top;text-align:left}.num{text-align:right;white-space:nowrap}.quote{color:#444}.quote blockquote{margin:0}
            .text{line-height:1.9;font-size:1.05em}.text p{margin:.5em 0;text-indent:2em}.text .heading{margin:1em 0 .4em;line-height:1.5}
            .text h2{font-size:1.25em}.text h3{font-size:1.1em}.text h4,.text h5{font-size:1em}
            mark{background:none;color:inherit;border-radius:2px;cursor:pointer;padding:0 1px}
            mark.fact.observation{background:#ffe08a;box-shadow:inset 0 -2px 0 #d4a000}
            mark.fact.number{background:#fff3c4}
            mark.program.practiced{background:#c9ecd1;box-shadow:inset 0 -2px 0 #2e8b57}
            mark.program.planned{background:#d6e6ff;box-shadow:inset 0 -2px 0 #1a5fb4}
            mark.agency{text-decoration:underline dotted #8a3ab9;text-underline-offset:3px}
            mark:target,mark.selected{outline:2px solid #c33}
            .legend{font-size:.85em;color:#555}.legend mark{cursor:default}
            .mark-details{position:sticky;top:.5em;z-index:2;background:#fff;border:1px solid #bbb;border-left:4px solid #c33;
            border-radius:4px;padding:.5em .8em;margin:.5em 0;box-shadow:0 2px 8px rgba(0,0,0,.12);font-size:.92em}
            .mark-details dl{display:grid;grid-template-columns:auto 1fr;gap:.1em .8em;margin:.2em 0}.mark-details dt{color:#555}
            .mark-details dd{margin:0}.mark-details button{float:right;border:0;background:none;font-size:1.2em;cursor:pointer}
            @media (max-width:60em){.layout{display:block}.summary{position:static;max-height:none;margin-top:1.5em}
            body{padding:0 .6em}.text p{text-indent:0}}
            """;
}
