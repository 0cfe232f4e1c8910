package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Node;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.w3id.fazhi.query.QueryResult;
import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.ResultFormat;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML of {@code /queries}: the list of saved queries, one query's page (description,
 * parameter form, chart, result table, the SPARQL that ran, a link into the Fuseki UI's editor)
 * and the error pages. Built with jsoup so every value is escaped.
 */
final class QueryPages {

    static final String PATH = "/queries";

    private final IriMapping iris;

    QueryPages(IriMapping iris) { this.iris = iris; }

    String list(SavedQueries queries) {
        Document doc = page("Saved queries | 保存的查询");
        Element body = doc.body();
        body.appendElement("h1").text("保存的查询 | Saved queries");
        body.appendElement("p").text("Questions across regions and years, answered from every report. Each has a shareable "
                + "URL with its parameters; add &format=csv, tsv or json to get the raw results.");
        Element table = body.appendElement("table").addClass("queries");
        table.appendElement("tr").appendElement("th").text("query").parent().appendElement("th").text("question")
                .parent().appendElement("th").text("parameters (defaults)").parent().appendElement("th").text("view");
        for (SavedQuery q : queries.all()) {
            Element tr = table.appendElement("tr");
            Element title = tr.appendElement("td");
            title.appendElement("a").attr("href", PATH + "/" + q.name()).text(q.titleZh().isEmpty() ? q.name() : q.titleZh());
            if (!q.titleEn().isEmpty()) title.appendElement("div").addClass("en").text(q.titleEn());
            title.appendElement("div").addClass("name").appendElement("code").text(q.name());
            tr.appendElement("td").text(q.description());
            Element params = tr.appendElement("td");
            for (SavedQuery.Param p : q.params()) {
                params.appendElement("div").appendElement("code").text(p.name() + " = " + p.defaultValue());
            }
            tr.appendElement("td").text(q.view().id());
        }
        return doc.outerHtml();
    }

    String query(QueryResult result, String editorLink) {
        SavedQuery q = result.query();
        Document doc = page(q.title());
        Element body = doc.body();
        body.appendElement("h1").text(q.titleZh().isEmpty() ? q.titleEn() : q.titleZh());
        if (!q.titleZh().isEmpty() && !q.titleEn().isEmpty()) body.appendElement("p").addClass("en").text(q.titleEn());
        body.appendElement("p").addClass("description").text(q.description());

        if (!q.params().isEmpty()) {
            Element form = body.appendElement("form").attr("method", "get").attr("action", PATH + "/" + q.name()).addClass("params");
            for (SavedQuery.Param p : q.params()) {
                Element label = form.appendElement("label");
                label.appendElement("span").addClass("param").text(p.name());
                Element input = label.appendElement("input").attr("name", p.name()).attr("value", result.params().get(p.name()));
                if (p.type() != SavedQuery.ParamType.STRING) input.attr("inputmode", "decimal");
                if (!p.doc().isEmpty()) label.appendElement("span").addClass("doc").text(p.doc());
            }
            form.appendElement("button").attr("type", "submit").text("运行 Run");
            form.appendElement("a").attr("href", PATH + "/" + q.name()).text("defaults");
        }

        Element actions = body.appendElement("p").addClass("actions");
        actions.appendElement("a").attr("href", editorLink).addClass("button").text("在查询编辑器中打开 Open in the SPARQL editor");
        actions.appendText(" Raw results: ");
        for (ResultFormat f : List.of(ResultFormat.CSV, ResultFormat.TSV, ResultFormat.JSON)) {
            actions.appendElement("a").attr("href", link(q, result.params(), f.id())).text(f.id());
            actions.appendText(" ");
        }

        Optional<ObjectNode> chart = QueryChart.of(result);
        if (chart.isPresent()) {
            body.appendElement("div").attr("id", "chart").addClass("chart").attr("data-view", q.view().id());
            // JSON in a script element: "</" is written "<\/" so no value can end the element early.
            body.appendElement("script").attr("type", "application/json").attr("id", "chart-data")
                    .appendChild(new DataNode(chart.get().toString().replace("</", "<\\/")));
            body.appendElement("script").attr("src", WebAssets.ECHARTS);
            body.appendElement("script").attr("src", WebAssets.CHART_SCRIPT);
        }

        QueryRunner.Page page = result.page();
        Element count = body.appendElement("p").addClass("count");
        if (page == null || (page.offset() == 0 && !result.more())) {
            count.text(result.size() + (result.size() == 1 ? " row" : " rows") + " · " + result.elapsed().toMillis() + " ms");
        } else {
            // A page of a longer answer: where it stands, and the way to the pages beside it.
            count.text("rows " + (result.size() == 0 ? page.offset() : page.offset() + 1) + "–" + (page.offset() + result.size())
                    + (result.more() ? " of more" : "") + " · " + result.elapsed().toMillis() + " ms ");
            if (page.offset() > 0) {
                QueryRunner.Page previous = new QueryRunner.Page(Math.max(0, page.offset() - page.limit()), page.limit());
                count.appendElement("a").attr("rel", "prev").attr("href", pageLink(result, previous)).text("← previous");
                count.appendText(" ");
            }
            if (result.more()) count.appendElement("a").attr("rel", "next").attr("href", pageLink(result, page.next())).text("next →");
        }
        Element table = body.appendElement("table").addClass("results");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String v : result.vars()) head.appendElement("th").text(v);
        Element rows = table.appendElement("tbody");
        for (int i = 0; i < result.size(); i++) {
            Element tr = rows.appendElement("tr");
            for (String v : result.vars()) cell(tr.appendElement("td"), result, i, v);
        }

        Element source = body.appendElement("details").addClass("source");
        source.appendElement("summary").text("View source: the SPARQL that ran, parameters bound");
        source.appendElement("pre").appendElement("code").text(result.sparql());
        return doc.outerHtml();
    }

    /** An IRI this server answers for links to its page; other values are text. */
    private void cell(Element td, QueryResult result, int row, String var) {
        Node n = result.get(row, var);
        String text = result.text(row, var);
        if (n != null && n.isURI()) {
            String local = iris.pathOf(n.getURI());
            td.appendElement("a").attr("href", local != null ? local : n.getURI()).attr("title", n.getURI()).text(text);
        } else {
            td.text(text);
        }
    }

    private static String pageLink(QueryResult result, QueryRunner.Page page) {
        String base = link(result.query(), result.params(), null);
        return base + (base.contains("?") ? "&" : "?") + "offset=" + page.offset() + "&limit=" + page.limit();
    }

    /** The page URL of a query with these parameter values, and a raw format when not null. */
    static String link(SavedQuery q, Map<String, String> params, String format) {
        StringBuilder sb = new StringBuilder(PATH).append('/').append(q.name());
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        if (format != null) sb.append(sep).append("format=").append(format);
        return sb.toString();
    }

    String error(String title, String message, SavedQueries queries, SavedQuery query) {
        Document doc = page(title);
        Element body = doc.body();
        body.appendElement("h1").text(title);
        body.appendElement("p").addClass("error").text(message);
        if (query != null) {
            body.appendElement("p").text(query.params().isEmpty() ? "This query takes no parameters." : "Its parameters:");
            Element ul = body.appendElement("ul");
            for (SavedQuery.Param p : query.params()) {
                ul.appendElement("li").appendElement("code").text(p.name()).parent().appendText(" (default " + p.defaultValue() + ") " + p.doc());
            }
            body.appendElement("p").appendElement("a").attr("href", PATH + "/" + query.name()).text("Run it with its defaults");
        } else {
            body.appendElement("p").text("The saved queries:");
            Element ul = body.appendElement("ul");
            for (SavedQuery q : queries.all()) {
                ul.appendElement("li").appendElement("a").attr("href", PATH + "/" + q.name()).text(q.name())
                        .parent().appendText(" – " + q.title());
            }
        }
        return doc.outerHtml();
    }

    static String encode(String s) {
        // %20, not +: the Fuseki UI's router reads its query string with decodeURIComponent.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Document page(String title) {
        Document doc = Document.createShell("");
        doc.title(title + " – fazhi");
        doc.head().prependElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.head().appendElement("style").text(STYLE);
        doc.body().appendElement("p").addClass("nav")
                .appendElement("a").attr("href", "/").text("SPARQL (Fuseki UI)").parent().appendText(" · ")
                .appendElement("a").attr("href", PATH).text("saved queries").parent().appendText(" · ")
                .appendElement("a").attr("href", "/void").text("dataset description").parent().appendText(" · ")
                .appendElement("a").attr("href", OverviewPage.PATH).text("overview");
        return doc;
    }

    private static final String STYLE = """
            body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;max-width:80em;margin:1em auto;padding:0 1em;color:#222}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em;vertical-align:top;text-align:left}
            th{background:#f3f5f8}.en,.name{color:#666;font-size:.9em}.nav{font-size:.9em}.description{max-width:60em}
            a{color:#1a5fb4;text-decoration:none}form.params{display:flex;flex-wrap:wrap;gap:.6em 1.2em;align-items:flex-end;
            background:#f6f7f9;padding:.8em;border-radius:6px}form.params label{display:flex;flex-direction:column;gap:.2em}
            form.params input{font-size:1em;padding:.3em;min-width:14em}.param{font-weight:600}.doc{font-size:.8em;color:#666;max-width:30em}
            button,.button{font-size:1em;padding:.35em .9em;border:0;border-radius:4px;background:#1a5fb4;color:#fff;cursor:pointer}
            .actions{margin:1em 0}.chart{width:100%;height:420px;margin:1em 0}.count{color:#666;font-size:.9em}
            pre{background:#f6f7f9;padding:.8em;overflow:auto}.error{color:#a00;font-weight:600}
            .results td{max-width:40em}
            """;
}
