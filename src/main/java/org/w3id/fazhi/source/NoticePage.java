package org.w3id.fazhi.source;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A notice page that publishes a report as an attachment (附件) instead of as its own text: the
 * usual way departments, and many governments, put their annual report online. A page is taken for
 * a notice when its text is too short to be a report and it links a PDF or Word file on its own
 * site; the reader then reads the attachment instead. One level only: an attachment's own links are
 * never followed, and other sites never fetched.
 */
final class NoticePage {
    /**
     * Annual reports run to thousands of characters of running text, the notices that carry them
     * to a few lines; the shortest reports in the development sets have well over a thousand.
     */
    static final int SHORTEST_REPORT = 1000;

    private static final Pattern DOCUMENT_LINK = Pattern.compile("\\.(pdf|docx?)(?:$|[?#&;])", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAGE_LINK = Pattern.compile("\\.(s?html?|jsp|php|aspx?)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPORT_WORDS = Pattern.compile("法治|依法行政|报告");

    private NoticePage() {}

    /** Running text has clause punctuation; menus, breadcrumbs and link lists do not. */
    private static final Pattern PROSE = Pattern.compile("[，,。；;！？]");

    /**
     * True when a page's running text is too short to be a report itself. Only lines that read as
     * sentences count: a portal's menus and footers can hold more characters than its notice.
     */
    static boolean tooShortForReport(String text) {
        long han = text.lines().filter(line -> line.length() >= 15 && PROSE.matcher(line).find())
                .flatMapToInt(String::codePoints)
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return han < SHORTEST_REPORT;
    }

    /**
     * The page's links to attachments on its own host, those that name a report first: a link to a
     * .pdf, .doc or .docx (by its path, its query, as download scripts take a file name, or its
     * words), or a link the page calls 附件 that is not another page.
     */
    static List<String> attachments(String html, String pageUrl) {
        String host = host(pageUrl);
        if (host == null) return List.of();
        Set<String> reports = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (Element a : Jsoup.parse(html, pageUrl).select("a[href]")) {
            String url = a.absUrl("href");
            if (url.isEmpty() || !host.equals(host(url))) continue;
            URI uri = URI.create(url);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            String words = a.text() + " " + a.attr("title");
            boolean document = DOCUMENT_LINK.matcher(path).find() || DOCUMENT_LINK.matcher(query).find()
                    || DOCUMENT_LINK.matcher(words.strip()).find();
            boolean calledAttachment = (words.contains("附件") || beforeLink(a).contains("附件"))
                    && !PAGE_LINK.matcher(path).find();
            if (!document && !calledAttachment) continue;
            (REPORT_WORDS.matcher(words + path).find() ? reports : others).add(url);
        }
        List<String> out = new ArrayList<>(reports);
        others.stream().filter(u -> !reports.contains(u)).forEach(out::add);
        return out;
    }

    /** The words just before a link in its block: "附件：" usually stands there, outside the anchor. */
    private static String beforeLink(Element a) {
        Element parent = a.parent();
        if (parent == null) return "";
        String text = parent.text();
        int at = text.indexOf(a.text());
        return at <= 0 ? "" : text.substring(Math.max(0, at - 10), at);
    }

    private static String host(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) return null;
            return uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
