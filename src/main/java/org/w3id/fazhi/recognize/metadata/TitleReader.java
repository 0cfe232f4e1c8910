package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.recognize.TextView;

import org.w3id.fazhi.clean.CleanedDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a report's own title as printed. Pages print it above the body (the cleaner keeps those
 * lines as the header), often with furniture around it: a site's column tag (【法治建设报告】), a
 * label (标 题:), a document number (晋政函〔2019〕35号, 保政呈〔2017〕3號), the date after it. A
 * formal title may be set on two lines, its issuer first (南宁市人民政府 / 关于2022年度…的报告) or
 * cut where it wraps (南京市人民政府关于2020年度 / 法治政府建设情况的报告). A report sent with a cover
 * letter has its title in the body, after the letter's signature.
 */
final class TitleReader {

    private static final Pattern TITLE_WORDS = Pattern.compile("法治政府|依法行政|法治建设|法治.{0,6}报告");
    private static final Pattern NOT_TITLE = Pattern.compile(
            "[，,。；;！？>＞]|^(来源|发布|时间|日期|索引号|主题|文号|成文|组配|公开|作者|当前|您)");
    /** A document number before a title: 晋政函〔2019〕35号, 〔2019〕35号, [2019]第35号. */
    static final String DOCUMENT_NUMBER_TEXT =
            "[\\p{IsHan}]{0,12}\\s*[〔\\[［(（【﹝]\\s*(?:19|20)\\d\\d\\s*[〕\\]］)）】﹞]\\s*第?\\s*\\d+\\s*号";
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("^" + DOCUMENT_NUMBER_TEXT + "\\s*");
    /** Page controls printed after a title: 【字体：大 中 小】, [打印], (点击数：12). */
    private static final Pattern TRAILING_FURNITURE = Pattern.compile(
            "\\s*[【\\[（(](字体|字号|打印|关闭|点击|浏览|阅读|来源)[^】\\]）)]*[】\\]）)]\\s*$");
    /** A site's column tag before a title: 【省政府法治建设报告】, [工作报告]. */
    private static final Pattern COLUMN_TAG = Pattern.compile("^[【\\[［][^】\\]］]{1,20}[】\\]］]\\s*(?=.)");
    private static final Pattern LABEL = Pattern.compile("^(标\\s*题|题\\s*目|名\\s*称|文章标题)\\s*[:：]\\s*");
    /** An HTML title's site name after a separator. */
    private static final Pattern SITE_NAME = Pattern.compile("\\s*[_|｜—-]+\\s*[^_|｜—-]*(网|网站|门户|政府)\\s*$");
    /** A line naming only the issuer of the title on the next line: 南宁市人民政府, XX县司法局. */
    private static final Pattern ISSUER_LINE = Pattern.compile(
            "^(中共)?[\\p{IsHan}]{2,30}(人民政府|政府|局|厅|委员会|管委会|管理委员会|办公室|办公厅|省|市|县|区|州|盟|旗)$");
    /** The start of a title the next line ends: 南京市人民政府关于2020年度 / 法治政府建设情况的报告. */
    private static final Pattern ENDS_A_TITLE = Pattern.compile("(报告|情况|总结|要点)$");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d(?=年)");
    /**
     * A title that starts with its year and names no place of its own (2021年度法治建设工作情况报告):
     * the issuer line above it is its subject. 2024年上海市司法局… names its own.
     */
    private static final Pattern YEAR_FIRST_NO_PLACE = Pattern.compile(
            "(?:(?:19|20)\\d\\d|[〇一二][〇零一二三四五六七八九]{3})年度?[^省市县区州盟旗]*$");
    /** A body line that opens a part, not a title: 一、 (一) 1. */
    private static final Pattern HEADING = Pattern.compile("^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\\d]+[)）]|\\d+[、.．])");
    /** How many of the body's first lines may hold a title after a cover letter. */
    private static final int BODY_LINES = 40;

    private TitleReader() {}

    /** The report's title, or null when the page prints none. */
    static String read(CleanedDocument doc) {
        String found = readPrinted(doc);
        return found == null ? null : published(found);
    }

    /**
     * The report a notice publishes (某县人民政府办公室关于印发《某县2022年法治政府建设情况报告》的通知):
     * the document is the report, its title the one the notice gives it; the office that sent the
     * notice is no issuer of the report. Any other title as it is.
     */
    static String published(String title) {
        Matcher m = PUBLISHING_NOTICE.matcher(normal(title));
        return m.matches() ? title.substring(m.start("report"), m.end("report")) : title;
    }

    /** A notice that publishes a report: …关于印发《…报告》的通知, quotation marks or none. */
    private static final Pattern PUBLISHING_NOTICE = Pattern.compile(
            "^.*?关于(?:印发|公布|公开)[《“\"]?(?<report>[^《》“”\"]{6,80}?报告)[》”\"]?的通知$");

    private static String readPrinted(CleanedDocument doc) {
        List<String> header = doc.header();
        String found = best(header, true, t -> true);
        if (found != null) return found;
        List<String> meta = new ArrayList<>();
        for (String key : List.of("ArticleTitle", "title")) {
            String v = doc.pageMetadata().get(key);
            if (v != null) meta.add(v);
        }
        found = best(meta, false, t -> true);
        if (found != null) return found;
        // In the body only a line that is plainly a report's title: it ends with 报告 and opens no part.
        return best(bodyLines(doc.text()), true, t -> normal(t).endsWith("报告") && !HEADING.matcher(t).find());
    }

    /** The first line, or pair of lines, that is a title with a year; else the first without one. */
    private static String best(List<String> lines, boolean joinLines, Predicate<String> accept) {
        String first = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = text(lines.get(i));
            if (joinLines && i + 1 < lines.size()) {
                String next = text(lines.get(i + 1));
                String joined = joined(line, next);
                if (joined != null && isTitle(joined) && accept.test(joined)) {
                    if (YEAR.matcher(joined).find()) return joined;
                    if (first == null) first = joined;
                    i++;
                    continue;
                }
            }
            if (!isTitle(line) || !accept.test(line)) continue;
            if (YEAR.matcher(line).find()) return line;
            if (first == null) first = line;
        }
        return first;
    }

    /**
     * Two lines as one title, or null: an issuer line over a title that starts with 关于 or a
     * year (南宁市人民政府 / 关于…, 陕西省人民政府办公厅 / 2021年度…), or a title cut where it wraps.
     */
    private static String joined(String line, String next) {
        if (line.isEmpty() || next.isEmpty() || line.length() + next.length() > 90) return null;
        if (NOT_TITLE.matcher(line).find() || NOT_TITLE.matcher(next).find()) return null;
        if (ISSUER_LINE.matcher(line).matches() && ENDS_A_TITLE.matcher(next).find()
                && (next.startsWith("关于") || YEAR_FIRST_NO_PLACE.matcher(next).lookingAt())) {
            return line + next;
        }
        boolean startsOne = !ENDS_A_TITLE.matcher(line).find() && line.length() >= 6
                && (line.contains("关于") || line.matches(".*(年度?|年)$"));
        if (startsOne && next.length() <= 30 && next.endsWith("报告") && TITLE_WORDS.matcher(normal(line + next)).find()) {
            return line + next;
        }
        return null;
    }

    static boolean isTitle(String line) {
        return line.length() >= 6 && line.length() <= 80 && !NOT_TITLE.matcher(line).find()
                && TITLE_WORDS.matcher(normal(line)).find();
    }

    /** A line as a title: without labels, tags, document numbers, quotation marks, dates and site furniture. */
    static String text(String raw) {
        String line = raw.replaceAll("^[•·\\s|#]+|[\\s|]+$", "");
        line = cut(line, LABEL);
        line = cut(line, COLUMN_TAG);
        line = cut(line, SITE_NAME);
        line = cut(line, TRAILING_FURNITURE);
        // 晋政函〔2019〕35号《…》: the document number is no part of the title, nor its year.
        line = cut(line, DOCUMENT_NUMBER);
        line = withoutTrailingDate(line);
        if (line.startsWith("《") && line.endsWith("》") && line.indexOf('《', 1) < 0) {
            line = line.substring(1, line.length() - 1);
        }
        return line.strip();
    }

    /** The line with the first match of a pattern cut out, matched on its normalised form (發 as 发, 號 as 号). */
    private static String cut(String line, Pattern p) {
        Matcher m = p.matcher(normal(line));
        return m.find() ? line.substring(0, m.start()) + line.substring(m.end()) : line;
    }

    /** 2024年杨浦区…报告 2025-02-24, …报告 (2025-03-26): the page's date printed after the title. */
    private static String withoutTrailingDate(String line) {
        List<DateText.Found> dates = DateText.find(line);
        if (dates.isEmpty()) return line;
        DateText.Found last = dates.get(dates.size() - 1);
        String before = line.substring(0, last.start()).replaceAll("[\\s(（\\[【]+$", "");
        boolean trailing = line.substring(last.end()).matches("[\\s)）\\]】]*") && before.length() >= 6;
        return trailing ? before : line;
    }

    /** The body's first short lines, where a title stands after a cover letter and its signature. */
    private static List<String> bodyLines(String body) {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String line : body.split("\n")) {
            if (++n > BODY_LINES) break;
            String t = line.strip();
            if (!t.isEmpty() && t.length() <= 60) out.add(t);
            else out.add("");
        }
        return out;
    }

    private static String normal(String s) { return TextView.normalize(s); }
}
