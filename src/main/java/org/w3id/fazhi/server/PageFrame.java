package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.w3id.fazhi.rdf.W3C;

/**
 * The frame the pages of regions, programs and indicators share: head (title, viewport,
 * {@code <link rel=alternate>} to the Turtle and JSON-LD), the navigation, the heading, the
 * links to the raw data, and helpers for linked labels, tables and charts. Built with jsoup, so
 * every value is escaped. A chart is a {@code <div class=chart>} with its spec in a JSON data
 * block (not executed, so the Content-Security-Policy allows it) that {@code thing-charts.js}
 * draws; the table beside it carries the same numbers, so the page reads without scripts.
 */
final class PageFrame {

    final Document doc;
    final Element body;
    private final IriMapping iris;
    private final StoreLookup store;
    private int charts;

    /** @param kind what the thing is, shown above its name (地区 · region) */
    PageFrame(String iri, String title, String kind, IriMapping iris, StoreLookup store) {
        this.iris = iris;
        this.store = store;
        doc = Document.createShell("");
        doc.title(title + " – fazhi");
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        String path = iris.pathOf(iri);
        head.appendElement("link").attr("rel", "alternate").attr("type", Representation.TURTLE.mediaType).attr("href", path + ".ttl");
        head.appendElement("link").attr("rel", "alternate").attr("type", Representation.JSONLD.mediaType).attr("href", path + ".jsonld");
        String feed = ReportFeed.feedOf(path);
        if (feed != null) {
            head.appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml")
                    .attr("title", title + " – new reports").attr("href", feed);
        }
        head.appendElement("style").text(STYLE);
        body = doc.body();
        body.appendElement("p").addClass("nav").appendElement("a").attr("href", "/").text("SPARQL (Fuseki UI)")
                .parent().appendText(" · ").appendElement("a").attr("href", "/queries").text("saved queries")
                .parent().appendText(" · ").appendElement("a").attr("href", "/void").text("dataset description");
        body.appendElement("p").addClass("kind").text(kind);
        body.appendElement("h1").text(title);
        Element raw = body.appendElement("p").addClass("raw");
        raw.appendElement("code").text(iri);
        raw.appendText(" · RDF: ");
        raw.appendElement("a").attr("href", path + ".ttl").attr("type", Representation.TURTLE.mediaType).text("Turtle");
        raw.appendText(" · ");
        raw.appendElement("a").attr("href", path + ".jsonld").attr("type", Representation.JSONLD.mediaType).text("JSON-LD");
    }

    /** A link to an IRI, with its label (or its short form) as text. */
    Element link(Element parent, String iri) {
        String label = store.label(iri);
        return link(parent, iri, label != null ? label : W3C.prefixes(iris.base()).shortForm(iri));
    }

    Element link(Element parent, String iri, String text) {
        String local = iris.pathOf(iri);
        return parent.appendElement("a").attr("href", local != null ? local : iri).attr("title", iri).text(text);
    }

    /** A section with a heading, appended to the body. */
    Element section(String heading) {
        Element s = body.appendElement("section");
        s.appendElement("h2").text(heading);
        return s;
    }

    /** A table with a header row, in a box that scrolls sideways on a narrow screen. */
    Element table(Element parent, String... headers) {
        Element table = parent.appendElement("div").addClass("scroll").appendElement("table");
        Element tr = table.appendElement("thead").appendElement("tr");
        for (String h : headers) tr.appendElement("th").text(h);
        return table.appendElement("tbody");
    }

    /** A chart drawn by {@code thing-charts.js} from {@code spec} (the shape {@link QueryChart} writes). */
    void chart(Element parent, ObjectNode spec, String caption) {
        chart(parent, "chart-" + (++charts), spec, caption);
    }

    /**
     * A chart figure with the id given, for a page that is not framed here (the overview); the page
     * loads {@link WebAssets#ECHARTS} and {@link WebAssets#THING_CHARTS} after it.
     */
    static void chart(Element parent, String id, ObjectNode spec, String caption) {
        Element figure = parent.appendElement("figure").addClass("chart-figure");
        figure.appendElement("div").attr("id", id).addClass("chart").attr("role", "img").attr("aria-label", caption);
        // JSON in a script element: every "<" is written as the escape u003c, so no value can end
        // the element early or open a comment in it.
        figure.appendElement("script").attr("type", "application/json").addClass("chart-data").attr("data-chart", id)
                .appendChild(new DataNode(spec.toString().replace("<", "\\u003c")));
        figure.appendElement("figcaption").text(caption);
    }

    String html() {
        if (charts > 0) {
            body.appendElement("script").attr("src", WebAssets.ECHARTS);
            body.appendElement("script").attr("src", WebAssets.THING_CHARTS);
        }
        return doc.outerHtml();
    }

    private static final String STYLE = """
            body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:70em;margin:1em auto;padding:0 1em;color:#222;line-height:1.45}
            h1{margin:.1em 0 .3em;font-size:1.7em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em;font-size:1.25em}
            table{border-collapse:collapse;width:100%;font-size:.95em}td,th{border-bottom:1px solid #e3e3e3;padding:.3em .4em;vertical-align:top;text-align:left}
            th{background:#f3f5f8;font-size:.92em}td.quote{min-width:14em}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            .scroll{overflow-x:auto;max-width:100%}.kind{color:#666;margin:.5em 0 0;font-size:.9em}
            .raw{font-size:.9em;color:#555;word-break:break-all}.raw code{font-size:.95em}.nav{font-size:.9em}
            blockquote,.quote{margin:.2em 0;padding-left:.6em;border-left:3px solid #c33;color:#444;font-size:.92em}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1em}dl.facts dt{color:#666}dl.facts dd{margin:0}
            .chart{width:100%;height:360px}figure{margin:1em 0}figcaption{color:#666;font-size:.85em}
            .note{color:#666;font-size:.9em}.en{color:#666}a{color:#1a5fb4;text-decoration:none}a:hover{text-decoration:underline}
            @media (max-width:40em){body{padding:0 .5em}dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4em}.chart{height:300px}}
            """;
}
