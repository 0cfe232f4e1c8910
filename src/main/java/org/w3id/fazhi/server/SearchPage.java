package org.w3id.fazhi.server;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.w3id.fazhi.server.MeasureSearch.Facet;
import org.w3id.fazhi.server.MeasureSearch.Hit;
import org.w3id.fazhi.server.MeasureSearch.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTML of {@code /search}: the form, the chosen facet values (each removable), the facets with
 * their counts among the current hits, the hits of one page as quotes with the terms marked and
 * their reports linked, and links to the other pages and to the hits as CSV and JSON. Built with
 * jsoup, so every value is escaped; no script: every state is a plain link.
 */
final class SearchPage {

    private static final int MAX_FACET_VALUES = 30;

    private final IriMapping iris;

    SearchPage(IriMapping iris) { this.iris = iris; }

    /** The page for a request; {@code result} is null when there is nothing to search for. */
    String render(SearchRequest req, Result result, String error) {
        Document doc = Document.createShell("");
        doc.title((req.q().isEmpty() ? "全文检索 Search" : req.q() + " – 全文检索 Search") + " – fazhi");
        doc.head().prependElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.head().appendElement("style").text(STYLE);
        Element body = doc.body();
        body.appendElement("p").addClass("nav")
                .appendElement("a").attr("href", "/").text("SPARQL (Fuseki UI)").parent().appendText(" · ")
                .appendElement("a").attr("href", QueryPages.PATH).text("saved queries").parent().appendText(" · ")
                .appendElement("a").attr("href", SearchRequest.PATH).text("search").parent().appendText(" · ")
                .appendElement("a").attr("href", "/void").text("dataset description");
        body.appendElement("h1").text("全文检索 | Search the reports' measures");

        Element form = body.appendElement("form").attr("method", "get").attr("action", SearchRequest.PATH)
                .attr("role", "search").addClass("search");
        form.appendElement("input").attr("type", "search").attr("name", "q").attr("value", req.q())
                .attr("placeholder", "行政复议、枫桥经验 …").attr("aria-label", "search text").attr("maxlength", "200");
        form.appendElement("button").attr("type", "submit").text("检索 Search");
        form.appendElement("p").addClass("hint").text("Each word (split at spaces) must appear in the measure's sentence.");

        if (error != null) {
            body.appendElement("p").addClass("error").text(error);
            return doc.outerHtml();
        }
        if (result == null) return doc.outerHtml();

        List<Hit> hits = result.narrowed(req.selected());
        int pages = Math.max(1, (hits.size() + SearchRequest.PAGE_SIZE - 1) / SearchRequest.PAGE_SIZE);
        int page = Math.min(req.page(), pages);

        if (!req.selected().isEmpty()) {
            Element chosen = body.appendElement("p").addClass("chosen").appendText("Narrowed to: ");
            for (Map.Entry<Facet, Set<String>> e : req.selected().entrySet()) {
                for (String v : e.getValue()) {
                    chosen.appendElement("a").addClass("chip").attr("href", req.without(e.getKey(), v).url())
                            .attr("title", "remove this condition")
                            .text(e.getKey().param + ": " + result.label(e.getKey(), v) + " ×");
                    chosen.appendText(" ");
                }
            }
            chosen.appendElement("a").attr("href", new SearchRequest(req.q(), req.terms(), Map.of(), 1, null).url())
                    .addClass("clear").text("clear all");
        }

        Element count = body.appendElement("p").addClass("count");
        count.appendElement("strong").addClass("total").text(Integer.toString(hits.size()));
        count.appendText((hits.size() == 1 ? " measure" : " measures") + " · page " + page + " of " + pages
                + " · " + result.elapsed().toMillis() + " ms · raw: ");
        count.appendElement("a").attr("href", req.format("csv").url()).text("csv");
        count.appendText(" ");
        count.appendElement("a").attr("href", req.format("json").url()).text("json");

        Element layout = body.appendElement("div").addClass("layout");
        Element facets = layout.appendElement("aside").addClass("facets");
        Map<Facet, List<Map.Entry<String, Integer>>> counts = Result.counts(hits);
        for (Facet f : Facet.values()) {
            List<Map.Entry<String, Integer>> values = counts.get(f);
            if (values.isEmpty()) continue;
            Element section = facets.appendElement("section").addClass("facet").attr("data-facet", f.param);
            section.appendElement("h2").text(f.title);
            Element ul = section.appendElement("ul");
            Set<String> chosen = req.selected().getOrDefault(f, Set.of());
            for (Map.Entry<String, Integer> v : values.subList(0, Math.min(MAX_FACET_VALUES, values.size()))) {
                Element li = ul.appendElement("li");
                String label = result.label(f, v.getKey());
                if (chosen.contains(v.getKey())) {
                    li.addClass("selected");
                    li.appendElement("a").attr("href", req.without(f, v.getKey()).url()).attr("title", "remove")
                            .text(label + " ×");
                } else {
                    li.appendElement("a").attr("href", req.with(f, v.getKey()).url()).text(label);
                }
                li.appendElement("span").addClass("n").text(Integer.toString(v.getValue()));
            }
            if (values.size() > MAX_FACET_VALUES) ul.appendElement("li").addClass("more").text("… " + (values.size() - MAX_FACET_VALUES) + " more");
        }

        Element list = layout.appendElement("ol").addClass("hits").attr("start", Integer.toString((page - 1) * SearchRequest.PAGE_SIZE + 1));
        int from = (page - 1) * SearchRequest.PAGE_SIZE;
        for (Hit h : hits.subList(from, Math.min(hits.size(), from + SearchRequest.PAGE_SIZE))) {
            Element li = list.appendElement("li").addClass("hit");
            highlight(li.appendElement("blockquote"), h.quote(), req.terms());
            Element meta = li.appendElement("p").addClass("meta");
            String reportPath = h.report() == null ? null : iris.pathOf(h.report());
            String where = (h.region() == null ? "?" : h.region()) + " " + (h.year() == null ? "" : h.year());
            if (h.report() != null) {
                meta.appendElement("a").addClass("report").attr("href", reportPath != null ? reportPath : h.report())
                        .attr("title", h.report()).text(where.strip());
            } else {
                meta.appendText(where.strip());
            }
            if (h.section() != null) meta.appendText(" · " + result.label(Facet.SECTION, h.section()));
            String measurePath = iris.pathOf(h.measure());
            meta.appendText(" · ");
            meta.appendElement("a").addClass("measure").attr("href", measurePath != null ? measurePath : h.measure()).text("measure");
        }
        if (hits.isEmpty()) layout.appendElement("p").addClass("none").text("No measure contains " + String.join(" and ", req.terms())
                + (req.selected().isEmpty() ? "." : " under these conditions."));

        if (pages > 1) {
            Element nav = body.appendElement("nav").addClass("pages").attr("aria-label", "pages");
            if (page > 1) nav.appendElement("a").attr("rel", "prev").attr("href", req.page(page - 1).url()).text("‹ prev");
            for (int p : pageNumbers(page, pages)) {
                if (p < 0) {
                    nav.appendElement("span").text("…");
                } else if (p == page) {
                    nav.appendElement("strong").text(Integer.toString(p));
                } else {
                    nav.appendElement("a").attr("href", req.page(p).url()).text(Integer.toString(p));
                }
            }
            if (page < pages) nav.appendElement("a").attr("rel", "next").attr("href", req.page(page + 1).url()).text("next ›");
        }
        return doc.outerHtml();
    }

    /** The first, the last and those near the current page; -1 for a gap. */
    static List<Integer> pageNumbers(int page, int pages) {
        List<Integer> out = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            if (p == 1 || p == pages || Math.abs(p - page) <= 2) out.add(p);
            else if (out.get(out.size() - 1) != -1) out.add(-1);
        }
        return out;
    }

    /** The quote as text with every occurrence of a term (ignoring case) in {@code <mark>}. */
    static void highlight(Element parent, String quote, List<String> terms) {
        String lower = quote.toLowerCase(Locale.ROOT);
        boolean[] marked = new boolean[quote.length()];
        for (String t : terms) {
            String lt = t.toLowerCase(Locale.ROOT);
            if (lt.isEmpty() || lt.length() != t.length()) continue;
            for (int i = lower.indexOf(lt); i >= 0; i = lower.indexOf(lt, i + 1)) {
                for (int j = i; j < i + lt.length() && j < marked.length; j++) marked[j] = true;
            }
        }
        int i = 0;
        while (i < quote.length()) {
            int j = i;
            while (j < quote.length() && marked[j] == marked[i]) j++;
            String piece = quote.substring(i, j);
            if (marked[i]) parent.appendElement("mark").text(piece);
            else parent.appendText(piece);
            i = j;
        }
    }

    private static final String STYLE = """
            body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;max-width:80em;margin:1em auto;padding:0 1em;color:#222}
            a{color:#1a5fb4;text-decoration:none}.nav{font-size:.9em}h1{font-size:1.5em}
            form.search{display:flex;flex-wrap:wrap;gap:.5em;background:#f6f7f9;padding:.8em;border-radius:6px}
            form.search input{flex:1 1 16em;font-size:1.1em;padding:.4em;min-width:0}
            form.search button{font-size:1em;padding:.4em 1em;border:0;border-radius:4px;background:#1a5fb4;color:#fff;cursor:pointer}
            .hint{flex-basis:100%;margin:0;font-size:.8em;color:#666}.error{color:#a00;font-weight:600}
            .count{color:#444}.chosen{margin:.6em 0}.chip{display:inline-block;background:#e8f0fb;border-radius:1em;padding:.1em .7em;margin:.1em 0}
            .clear{font-size:.9em}.layout{display:flex;gap:1.5em;align-items:flex-start}
            .facets{flex:0 0 15em}.facet h2{font-size:1em;margin:.8em 0 .3em}.facet ul{list-style:none;margin:0;padding:0}
            .facet li{display:flex;justify-content:space-between;gap:.5em;padding:.15em 0;border-bottom:1px solid #eee}
            .facet li.selected a{font-weight:700}.n{color:#666;font-variant-numeric:tabular-nums}.more{color:#666}
            .hits{flex:1 1 auto;min-width:0;margin:0;padding-left:2em}.hit{margin:0 0 1em}
            blockquote{margin:.2em 0;padding-left:.6em;border-left:3px solid #c33;color:#333;overflow-wrap:anywhere}
            mark{background:#ffe58a;color:inherit;padding:0 .05em}.meta{margin:.2em 0;font-size:.9em;color:#555}
            .pages{display:flex;flex-wrap:wrap;gap:.6em;margin:1em 0}
            @media (max-width:700px){.layout{flex-direction:column;gap:.5em}.facets{flex:none;width:100%}.hits{padding-left:1.5em}
            .facet h2{margin:.5em 0 .2em}.facet ul{display:flex;flex-wrap:wrap;gap:.3em .5em}
            .facet li{border:1px solid #ddd;border-radius:1em;padding:.1em .6em;gap:.3em}}
            """;
}
