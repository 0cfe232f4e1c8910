package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.recognize.TextView;

import org.w3id.fazhi.clean.CleanedDocument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a web page prints about a report above its text (the cleaner's header lines, and what the
 * page declared in its head): the publishing date and the publisher. Pages print them as labelled
 * fields, on one line (来源: 高台县政府办 发布时间: 2021-04-01), in a table row (| 来 源 | 玉溪市湖泊管理局 |)
 * or with the value on the next line (发布机构: / 义乌市人民政府), and in any script (發布單位).
 */
final class PageHeader {

    /** The labels of a publisher, each character allowed the padding pages put between them (来   源). */
    private static final String LABEL = spaced("信息来源", "来源", "发布机构", "发文机关", "发布单位", "发文单位");
    private static final Pattern PUBLISHER = Pattern.compile(
            "(" + LABEL + ")\\s*[:：|]?[\\s|]*(?!发布|发文|时间|日期|作者|浏览|阅读)([^\\s|:：]{2,30}?)"
            + "(?=作者|发布|发文|时间|日期|阅读|浏览|字体|分享|点击|生成|\\s|\\||$)");
    /** A label with its value on the next line: 发布机构: (line break) 义乌市人民政府. */
    private static final Pattern PUBLISHER_LABEL_ALONE = Pattern.compile("^[•·\\s|]*(" + LABEL + ")\\s*[:：|]?[\\s|]*$");
    private static final Pattern AGENCY_LINE = Pattern.compile(
            "^[\\p{IsHan}]{2,20}(局|厅|政府|办公室|委员会|政府办|管委会)$");
    /** A whole line that is one labelled field of an info box (• 发布单位:保定市人民政府), in simplified characters. */
    private static final Pattern INFO_BOX_FIELD = Pattern.compile(
            "^[•·\\s]*(" + LABEL + ")\\s*[:：]\\s*([^\\s:：]{2,30})\\s*$");
    /** How far into the body an info box may stand: it comes before the report's first paragraph. */
    private static final int INFO_BOX_LINES = 12;
    /** What a publisher cannot be: a website, a newspaper, an app. */
    private static final Pattern NOT_PUBLISHER = Pattern.compile(".*(网站|网|门户|客户端|公众号|报|新闻|平台)$");

    private PageHeader() {}

    /** The header's lines, with what the page declared in its head first (PubDate, ContentSource). */
    private static List<String> lines(CleanedDocument doc, String metaKey, String label) {
        List<String> lines = new ArrayList<>(doc.header());
        String meta = doc.pageMetadata().get(metaKey);
        if (meta != null) lines.add(0, label + meta);
        return lines;
    }

    /**
     * The publishing date: 发布 before the page's own unlabelled time stamp, 日期 or 时间, before 发文,
     * before 成文 (the date signed, not published); else the latest unlabelled date. A date before
     * the year reported on is no publishing date of this report.
     */
    static LocalDate published(CleanedDocument doc, Integer year) {
        LocalDate best = null;
        double bestRank = -1;
        for (String raw : lines(doc, "PubDate", "发布时间:")) {
            String line = TextView.normalize(raw);
            for (DateText.Found f : DateText.find(line)) {
                LocalDate date = f.date();
                if (year != null && date.getYear() < year) continue;
                String label = line.substring(Math.max(0, f.start() - 8), f.start()).replaceAll("\\s+", "");
                boolean stamped = line.substring(f.end()).matches("\\s*\\d{1,2}:\\d{2}.*");
                double rank = label.contains("发布") ? 3
                        : label.matches(".*(成文|生成|印发).*") ? 1
                        : label.contains("发文") ? 1.5
                        : label.matches(".*(时间|日期).*") || stamped ? 2 : 0;
                if (rank > bestRank || (rank == 0 && bestRank == 0 && date.isAfter(best))) {
                    best = date;
                    bestRank = rank;
                }
            }
        }
        return best;
    }

    /** The issuing body: 来源 before 发布机构; a website is not a publisher; else a bare agency bullet. */
    static String publisher(CleanedDocument doc) {
        String best = null;
        int bestRank = -1;
        List<String> lines = lines(doc, "ContentSource", "来源:");
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            // Labels are matched without the spaces pages pad them with (来   源) and in simplified
            // characters (發布單位); the value is taken as printed.
            String line = TextView.normalize(raw);
            if (PUBLISHER_LABEL_ALONE.matcher(line).matches() && i + 1 < lines.size()) {
                String value = lines.get(i + 1).replaceAll("^[•·\\s|]+|[\\s|]+$", "");
                int rank = line.contains("源") ? 2 : 1;
                if (value.length() >= 2 && value.length() <= 30 && !value.matches(".*[\\s:：].*")
                        && !NOT_PUBLISHER.matcher(TextView.normalize(value)).matches() && rank > bestRank) {
                    best = value;
                    bestRank = rank;
                }
                continue;
            }
            Matcher m = PUBLISHER.matcher(line);
            while (m.find()) {
                // Matched in simplified characters (發布單位), taken as printed: one character for one.
                String value = raw.substring(m.start(2), m.end(2));
                if (NOT_PUBLISHER.matcher(m.group(2)).matches()) continue;
                int rank = m.group(1).contains("源") ? 2 : 1;
                if (rank > bestRank) {
                    best = value;
                    bestRank = rank;
                }
            }
            String bare = raw.replaceAll("^[•·\\s]+", "");
            if (bestRank < 0 && raw.startsWith("•") && AGENCY_LINE.matcher(bare).find()) {
                best = bare;
                bestRank = 0;
            }
        }
        return best != null ? best : infoBoxPublisher(doc);
    }

    /**
     * The issuing body from an info box at the head of the body, as encyclopaedia-style pages set
     * one after the title and a sentence about the report (• 中文名:… • 发布单位:…): only a whole
     * line that is one labelled field, before the report's first paragraph.
     */
    private static String infoBoxPublisher(CleanedDocument doc) {
        String[] body = doc.text().split("\n", INFO_BOX_LINES + 1);
        for (int i = 0; i < Math.min(INFO_BOX_LINES, body.length); i++) {
            String raw = body[i].strip();
            // The report's own paragraphs have begun: no info box below them.
            if (raw.length() > 80) break;
            Matcher m = INFO_BOX_FIELD.matcher(TextView.normalize(raw));
            if (!m.matches() || NOT_PUBLISHER.matcher(m.group(2)).matches()) continue;
            // Matched in simplified characters, taken as printed: normalize maps one character to one.
            return raw.substring(m.start(2), m.end(2));
        }
        return null;
    }

    /** Alternatives that match each word with spaces between its characters: 来源 also as 来   源. */
    private static String spaced(String... words) {
        List<String> out = new ArrayList<>();
        for (String w : words) out.add(String.join("\\s*", w.split("")));
        return String.join("|", out);
    }
}
