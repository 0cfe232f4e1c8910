package org.w3id.fazhi.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** The readable text of an HTML page, one line per block, and the metadata in its head. */
record HtmlPage(String text, Map<String, String> metadata) {

    /** Elements that start a new line. Table cells too: in reports a cell is usually a figure or a name. */
    private static final Set<String> LINE_BREAKING = Set.of(
            "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "caption",
            "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "main",
            "blockquote", "pre", "form", "hr", "center", "address", "figure", "figcaption");

    /** HTML treats any whitespace run as one space; &amp;nbsp; is how these sites indent, so it goes too. */
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");

    /**
     * A line break in the page source between two Chinese characters is only source formatting; browsers
     * drop it (CSS Text "segment break transformation") instead of showing a space.
     */
    private static final String WIDE = "[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}]";
    private static final Pattern WRAPPED_CHINESE = Pattern.compile("(?<=" + WIDE + ")[ \\t]*\\R\\s*(?=" + WIDE + ")");

    static HtmlPage parse(String html) {
        Document document = Jsoup.parse(html);
        Map<String, String> metadata = new LinkedHashMap<>();
        putIfPresent(metadata, "title", document.title());
        // All named metas are kept: sites differ (ArticleTitle, PubDate, ContentSource, SiteName, ColumnName…)
        // and it is for later stages to decide which matter.
        for (Element meta : document.select("meta[name][content]")) {
            putIfPresent(metadata, meta.attr("name").strip(), meta.attr("content"));
        }
        document.select("script, style, noscript, template").remove();
        return new HtmlPage(readableText(document.body()), metadata);
    }

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (!key.isEmpty() && !value.isBlank()) metadata.putIfAbsent(key, value.strip());
    }

    private static String readableText(Element body) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String unwrapped = WRAPPED_CHINESE.matcher(text.getWholeText()).replaceAll("");
                    out.append(WHITESPACE.matcher(unwrapped).replaceAll(" "));
                } else if (breaksLine(node)) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (breaksLine(node)) out.append('\n');
            }
        }, body);
        return out.toString().lines()
                .map(line -> line.replaceAll(" {2,}", " ").strip())
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    private static boolean breaksLine(Node node) {
        return node instanceof Element element && LINE_BREAKING.contains(element.normalName());
    }
}
