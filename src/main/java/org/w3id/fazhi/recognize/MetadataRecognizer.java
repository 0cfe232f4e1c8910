package org.w3id.fazhi.recognize;

import org.w3id.fazhi.clean.CleanedDocument;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a report says about itself: title, region, level, year covered, publishing date and
 * publisher. Pages print the title, date and source above the body (kept by the cleaner as the
 * header); the region is left to {@link RegionResolver}.
 */
public final class MetadataRecognizer {

    private static final Pattern TITLE_WORDS = Pattern.compile("法治政府|依法行政|法治建设|法治.{0,6}报告");
    private static final Pattern NOT_TITLE = Pattern.compile(
            "[，,。；;！？>＞]|^(来源|发布|时间|日期|索引号|主题|文号|成文|组配|公开|作者|当前|您)");
    /** A document number before a title: 晋政函〔2019〕35号, 〔2019〕35号, [2019]第35号. */
    private static final String DOCUMENT_NUMBER =
            "^[\\p{IsHan}]{0,12}\\s*[〔\\[［(（【]\\s*(?:19|20)\\d\\d\\s*[〕\\]］)）】]\\s*第?\\s*\\d+\\s*号\\s*";
    /** Page controls printed after a title: 【字体：大 中 小】, [打印], (点击数：12). */
    private static final String TRAILING_FURNITURE =
            "\\s*[【\\[（(](字体|字号|打印|关闭|点击|浏览|阅读|来源)[^】\\]）)]*[】\\]）)]\\s*$";
    /** A line naming only the issuer of the title on the next line: 南宁市人民政府, XX县司法局. */
    private static final Pattern ISSUER_LINE = Pattern.compile(
            "^(中共)?[\\p{IsHan}]{2,30}(人民政府|政府|局|厅|委员会|管委会|办公室|省|市|县|区|州|盟|旗)$");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d\\d)(?=年)");
    private static final Pattern CHINESE_YEAR = Pattern.compile("(二[〇零][一二三四五六七八九〇零]{2})(?=年)");
    private static final Pattern DATE = Pattern.compile(
            "((?:19|20)\\d\\d)\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)");
    private static final Pattern PUBLISHER = Pattern.compile(
            "(来源|信息来源|发布机构|发文机关|发布单位)\\s*[:：|]?[\\s|]*([^\\s|:：]{2,30}?)(?=作者|发布|时间|日期|阅读|浏览|字体|分享|点击|生成|\\s|\\||$)");
    private static final Pattern AGENCY_LINE = Pattern.compile(
            "^[\\p{IsHan}]{2,20}(局|厅|政府|办公室|委员会|政府办|管委会)$");
    private static final Pattern DEPARTMENT_TITLE = Pattern.compile(
            "[\\p{IsHan}]{1,10}?(局|厅)(?=关于|(?:19|20)\\d\\d|$)");
    private static final Pattern DEPARTMENT_NAME = Pattern.compile(
            "([\\p{IsHan}]{1,6}?)(局|厅)(?=关于|(?:19|20)\\d\\d|$)");
    private static final Pattern DEPARTMENT_SUBJECT = Pattern.compile(
            "^((?:19|20)\\d\\d年(?:以来|度)?[,，])?[\\p{IsHan}]{0,8}(局|厅)");

    private final RegionGazetteer gazetteer;
    private final RegionResolver regions;

    public MetadataRecognizer(RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.regions = new RegionResolver(gazetteer);
    }

    public ReportMetadata recognize(CleanedDocument doc, TextView body) {
        return recognize(doc, body, gazetteer.placeMentions(body.text()));
    }

    /** The same, with the place names of the body found already (by the automaton every dictionary shares). */
    ReportMetadata recognize(CleanedDocument doc, TextView body, List<LabelIndex.Hit<Region>> bodyPlaces) {
        List<String> fromProperties = new ArrayList<>();
        String title = title(doc);
        if (title == null) {
            title = propertyTitle(doc);
            if (title != null) fromProperties.add(DOCUMENT_TITLE + "=" + title);
        }
        Integer year = year(title, body.text());
        LocalDate published = published(doc, year);
        if (published == null) {
            published = propertyDate(doc, year);
            if (published != null) fromProperties.add(DOCUMENT_CREATED + "=" + published);
        }
        String publisher = publisher(doc);
        RegionResolver.Resolution resolution = regions.resolve(title, publisher, body.text(), bodyPlaces);
        List<String> evidence = new ArrayList<>(resolution.evidence());
        evidence.addAll(fromProperties);
        RegionResolver.Place place = resolution.place();
        String level = place == null ? null : place.region().level();
        if (isDepartment(title, body.text())) level = "department";
        Region region = place == null ? null : place.region();
        Region province = region == null ? null : gazetteer.province(region);
        String department = "department".equals(level) && title != null ? departmentName(title) : null;
        return new ReportMetadata(title, place == null ? null : place.name(), region,
                province == null ? null : province.label(), level, year, published, publisher,
                department, resolution.confidence(), evidence, resolution.warning());
    }

    // ------------------------------------------------------------------ a document's own properties

    /**
     * A PDF's or Word file's title and creation date (the keys the source stage gives them). They are
     * taken only where the text says nothing, as the weakest evidence there is: a title is often the
     * template's or the file's name, and a file is created before it is published. Each one taken
     * is named in the evidence ({@code document-title=…}).
     */
    static final String DOCUMENT_TITLE = "document-title";
    static final String DOCUMENT_CREATED = "document-created";
    /** What converters put before or after a title: "Microsoft Word - 报告.docx". */
    private static final Pattern CONVERTER_TITLE = Pattern.compile("^Microsoft Word\\s*-\\s*|\\.(docx?|wps|pdf)$",
            Pattern.CASE_INSENSITIVE);

    static String propertyTitle(CleanedDocument doc) {
        String value = doc.pageMetadata().get(DOCUMENT_TITLE);
        if (value == null) return null;
        String line = titleText(CONVERTER_TITLE.matcher(value.strip()).replaceAll(""));
        boolean plausible = line.length() >= 6 && line.length() <= 80 && !NOT_TITLE.matcher(line).find()
                && TITLE_WORDS.matcher(TextView.normalize(line)).find();
        return plausible ? line : null;
    }

    static LocalDate propertyDate(CleanedDocument doc, Integer year) {
        String value = doc.pageMetadata().get(DOCUMENT_CREATED);
        if (value == null) return null;
        try {
            LocalDate date = LocalDate.parse(value.strip());
            // A report on a year is written in it or after it: a file created earlier is a reused template.
            return year != null && date.getYear() < year ? null : date;
        } catch (DateTimeException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ title, year, date, publisher

    static String title(CleanedDocument doc) {
        List<String> candidates = new ArrayList<>(doc.header());
        int headerLines = candidates.size();
        for (String key : List.of("ArticleTitle", "title")) {
            String v = doc.pageMetadata().get(key);
            if (v != null) candidates.add(v);
        }
        String first = null;
        for (int i = 0; i < candidates.size(); i++) {
            String line = titleText(candidates.get(i));
            if (line.length() < 6 || line.length() > 80) continue;
            if (NOT_TITLE.matcher(line).find() || !TITLE_WORDS.matcher(TextView.normalize(line)).find()) continue;
            if (i > 0 && i < headerLines && line.startsWith("关于")) {
                // 南宁市人民政府 / 关于2022年度…的报告: a formal title set on two lines, issuer first.
                String issuer = titleText(candidates.get(i - 1));
                if (ISSUER_LINE.matcher(issuer).matches()) line = issuer + line;
            }
            if (YEAR.matcher(line).find()) return line;
            if (first == null) first = line;
        }
        return first;
    }

    /** A header line as a title: without labels, document numbers, quotation marks and site furniture. */
    private static String titleText(String raw) {
        String line = raw.replaceAll("^[•·\\s|]+|[\\s|]+$", "")
                .replaceFirst("^(标\\s*题|题\\s*目|名\\s*称|文章标题)\\s*[:：]\\s*", "")
                // An HTML <title> carries the site's name after a separator.
                .replaceFirst("\\s*[_|｜—-]+\\s*[^_|｜—-]*(网|网站|门户|政府)\\s*$", "")
                .replaceFirst(TRAILING_FURNITURE, "")
                // 晋政函〔2019〕35号《…》: the document number is no part of the title, nor its year.
                .replaceFirst(DOCUMENT_NUMBER, "");
        if (line.startsWith("《") && line.endsWith("》") && line.indexOf('《', 1) < 0) {
            line = line.substring(1, line.length() - 1);
        }
        return line.strip();
    }

    /** The year covered: the first year in the title, else the first in the body that is not a citation. */
    static Integer year(String title, String body) {
        if (title != null) {
            Matcher m = YEAR.matcher(title);
            if (m.find()) return Integer.valueOf(m.group(1));
            Matcher cn = CHINESE_YEAR.matcher(title);
            if (cn.find()) return Numerals.parse(cn.group(1)).intValue();
        }
        boolean[] named = MetricRecognizer.namedSpans(body);
        Matcher m = YEAR.matcher(body);
        while (m.find()) {
            int s = m.start();
            char before = s > 0 ? body.charAt(s - 1) : ' ';
            String after = body.substring(m.end(), Math.min(body.length(), m.end() + 2));
            if (named[s] || "〔[(（-—~至".indexOf(before) >= 0 || after.matches("年[-—~至].*")) continue;
            return Integer.valueOf(m.group(1));
        }
        return null;
    }

    /** The publishing date: a labelled one (发布时间 before 日期 before 成文日期), else the latest unlabelled one. */
    static LocalDate published(CleanedDocument doc, Integer year) {
        LocalDate best = null;
        int bestRank = -1;
        List<String> lines = new ArrayList<>(doc.header());
        String meta = doc.pageMetadata().get("PubDate");
        if (meta != null) lines.add(0, "发布时间:" + meta);
        for (String line : lines) {
            Matcher m = DATE.matcher(line);
            while (m.find()) {
                LocalDate date;
                try {
                    date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    continue;
                }
                if (year != null && date.getYear() < year) continue;
                String label = line.substring(Math.max(0, m.start() - 8), m.start());
                int rank = label.contains("发布") ? 3
                        : label.matches(".*(成文|生成|印发).*") ? 1
                        : label.matches(".*(时间|日期).*") ? 2 : 0;
                if (rank > bestRank || (rank == 0 && bestRank == 0 && date.isAfter(best))) {
                    best = date;
                    bestRank = rank;
                }
            }
        }
        return best;
    }

    /** The issuing body: 来源 before 发布机构, a website is not a publisher; else a bare agency bullet. */
    static String publisher(CleanedDocument doc) {
        String best = null;
        int bestRank = -1;
        List<String> lines = new ArrayList<>(doc.header());
        String meta = doc.pageMetadata().get("ContentSource");
        if (meta != null) lines.add(0, "来源:" + meta);
        for (String line : lines) {
            Matcher m = PUBLISHER.matcher(line);
            while (m.find()) {
                String value = m.group(2);
                if (value.matches(".*(网站|网|门户|客户端|公众号|报|新闻)$")) continue;
                int rank = m.group(1).contains("来源") ? 2 : 1;
                if (rank > bestRank) {
                    best = value;
                    bestRank = rank;
                }
            }
            String bare = line.replaceAll("^[•·\\s]+", "");
            if (bestRank < 0 && line.startsWith("•") && AGENCY_LINE.matcher(bare).find()) {
                best = bare;
                bestRank = 0;
            }
        }
        return best;
    }

    /** The department a department's title names, without its region: 重庆市梁平区司法局关于… → 司法局. */
    static String departmentName(String title) {
        Matcher m = DEPARTMENT_NAME.matcher(title.replaceAll("^.*?(区|县|市|省)(?=[^区县市省]{1,6}(局|厅))", ""));
        return m.find() ? m.group(1) + m.group(2) : title;
    }

    static boolean isDepartment(String title, String body) {
        if (title != null) {
            String t = TextView.normalize(title).replaceAll("^中共", "");
            Matcher m = DEPARTMENT_TITLE.matcher(t);
            return m.find() && !m.group().contains("政府");
        }
        String opening = body.substring(0, Math.min(body.length(), 40));
        return DEPARTMENT_SUBJECT.matcher(opening).find();
    }
}
